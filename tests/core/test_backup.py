"""Full backup and restore: consistent while written to, verified before anything changes."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
import zipfile
from pathlib import Path

import pytest

from team_desktop.core import library, restore
from team_desktop.core.backup import BackupError, create_backup, snapshot_database
from team_desktop.core.paths import DataPaths
from team_desktop.core.restore import RestoreError, restore_backup, verify_backup
from team_desktop.core.store.db import open_store
from team_desktop.core.store.migrations import SCHEMA_VERSION
from team_desktop.core.store.portfolio_models import JournalEntry
from tests.core.export_kit import add_entry, png_bytes, store_blob

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def files_of(root: Path) -> dict[str, str]:
    """Every file under `root` (scratch space aside) with the SHA-256 of its bytes."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "tmp" not in p.relative_to(root).parts
    }


@pytest.fixture
def filled(store):
    """The test store with the mini pack, two entries and an attachment; closed for restores."""
    library.install_bundled(store, FIXTURES)
    image = store_blob(store.paths, png_bytes(), "tableau.png", "image/png")
    add_entry("Première", "Texte *un*", ["a"], attachments=[image])
    add_entry("Seconde", "Texte deux")
    return store


@pytest.fixture
def backup_file(filled, tmp_path) -> Path:
    result = create_backup(filled.paths, tmp_path / "sauvegarde.teambackup")
    assert result.counts == {"entries": 2, "notes": 0, "attachments": 1}
    assert result.schema_version == SCHEMA_VERSION
    filled.close()
    return result.path


def test_round_trip_to_a_new_data_directory(backup_file, filled, tmp_path):
    target = DataPaths(tmp_path / "autre-machine")
    target.root.mkdir()
    outcome = restore_backup(backup_file, target)
    assert outcome.previous is None  # nothing was there to put aside
    assert outcome.info.counts["entries"] == 2
    original = files_of(filled.paths.root)
    restored = files_of(target.root)
    for name in original:
        if name.startswith(("attachments/", "packs/")):
            assert restored[name] == original[name], name
    reopened = open_store(target)
    try:
        titles = sorted(e.title for e in JournalEntry.select())
        assert titles == ["Première", "Seconde"]
    finally:
        reopened.close()


def test_restore_puts_current_data_aside(backup_file, filled):
    paths = filled.paths
    reopened = open_store(paths)
    add_entry("Écrite après la sauvegarde")
    reopened.close()
    before = files_of(paths.root)
    outcome = restore_backup(backup_file, paths)
    assert outcome.previous is not None and outcome.previous.parent == paths.backups
    assert outcome.previous.name.startswith("avant-restauration-")
    aside = files_of(outcome.previous)
    for name, digest in before.items():
        if name.split("/")[0] in ("team.sqlite3", "attachments", "packs"):
            assert aside[name] == digest, name  # nothing destroyed
    reopened = open_store(paths)
    try:
        assert JournalEntry.select().count() == 2
    finally:
        reopened.close()


def test_backup_is_consistent_while_another_connection_writes(tmp_path):
    paths = DataPaths(tmp_path / "data")
    open_store(paths).close()
    with contextlib.closing(sqlite3.connect(paths.database)) as setup:
        setup.execute("CREATE TABLE pairs (n INTEGER, payload TEXT)")
        setup.execute("CREATE TABLE total (n INTEGER)")
        setup.execute("INSERT INTO total VALUES (0)")
        setup.commit()
    stop, written = threading.Event(), [0]
    started = threading.Event()

    def writer() -> None:
        # Each transaction adds two rows and counts them: a consistent copy has count == 2 * n.
        with contextlib.closing(sqlite3.connect(paths.database, timeout=10)) as db:
            while not stop.is_set() or written[0] < 400:
                with db:
                    db.executemany(
                        "INSERT INTO pairs VALUES (?, ?)", [(written[0], "x" * 2000)] * 2
                    )
                    db.execute("UPDATE total SET n = n + 1")
                written[0] += 1
                if written[0] == 200:
                    started.set()

    thread = threading.Thread(target=writer)
    thread.start()
    assert started.wait(30)
    at_start = written[0]
    try:
        result = create_backup(paths, tmp_path / "pendant.teambackup")
    finally:
        stop.set()
        thread.join(60)

    target = DataPaths(tmp_path / "copie")
    target.root.mkdir()
    restore_backup(result.path, target)
    with contextlib.closing(sqlite3.connect(target.database)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        pairs = copy.execute("SELECT count(*) FROM pairs").fetchone()[0]
        total = copy.execute("SELECT n FROM total").fetchone()[0]
    assert pairs == 2 * total
    assert at_start <= total <= written[0]


def test_backup_ignores_uncommitted_and_later_writes(filled, tmp_path):
    paths = filled.paths
    with (
        contextlib.closing(sqlite3.connect(paths.database, timeout=10)) as app,
        contextlib.closing(sqlite3.connect(paths.database, timeout=10)) as other,
    ):
        # The "app" is mid-transaction while the backup runs: WAL lets both go on.
        app.execute("BEGIN IMMEDIATE")
        app.execute("UPDATE journal_entry SET title = 'pas encore validé'")

        def write_meanwhile(done, total):
            if not app.in_transaction:
                return
            app.commit()  # the backup has its snapshot by now
            other.execute("UPDATE journal_entry SET body = 'écrit pendant la copie'")
            other.commit()

        result = create_backup(paths, tmp_path / "pendant.teambackup", write_meanwhile)
        assert not app.in_transaction
    target = DataPaths(tmp_path / "copie")
    target.root.mkdir()
    restore_backup(result.path, target)
    with contextlib.closing(sqlite3.connect(target.database)) as copy:
        rows = copy.execute("SELECT title, body FROM journal_entry ORDER BY title").fetchall()
    assert rows == [("Première", "Texte *un*"), ("Seconde", "Texte deux")]


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy a backup member by member, letting `change(name, data)` alter or drop members."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info, data)
    return target


def _manifest_change(edit):
    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        edit(manifest)
        return json.dumps(manifest).encode()

    return change


def _flip_inside_database(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("team.sqlite3")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle : middle + 4] = bytes(b ^ 0xFF for b in data[middle : middle + 4])
    target.write_bytes(bytes(data))
    return target


def _corrupt_database(data: bytes) -> bytes:
    """Claim 65535 cells on every b-tree page after the first: SQLite calls that malformed."""
    pages = bytearray(data)
    size = int.from_bytes(pages[16:18], "big")
    for offset in range(size, len(pages), size):
        pages[offset + 3 : offset + 5] = b"\xff\xff"
    return bytes(pages)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda src, dst: _flip_inside_database(src, dst), "endommagée"),
        (
            lambda src, dst: dst.write_bytes(src.read_bytes()[: src.stat().st_size // 2]) and dst,
            "lisible",
        ),
        (lambda src, dst: dst.write_bytes(b"juste du texte") and dst, "lisible"),
        (
            lambda src, dst: _rewrite(
                src,
                dst,
                _manifest_change(lambda m: m["files"]["team.sqlite3"].update(sha256="0" * 64)),
            ),
            "endommagée",
        ),
        (
            lambda src, dst: _rewrite(src, dst, lambda n, d: None if n == "manifest.json" else d),
            "pas une sauvegarde",
        ),
        (
            lambda src, dst: _rewrite(
                src, dst, _manifest_change(lambda m: m.update(schema_version=SCHEMA_VERSION + 1))
            ),
            "plus récente",
        ),
        (
            lambda src, dst: _rewrite(src, dst, _manifest_change(lambda m: m.update(format=99))),
            "plus récente",
        ),
        (
            lambda src, dst: _rewrite(
                src,
                dst,
                _manifest_change(
                    lambda m: m["files"].pop(
                        next(k for k in m["files"] if k.startswith("attachments/"))
                    )
                ),
            ),
            "endommagée",
        ),
        (
            lambda src, dst: _rewrite(
                src,
                dst,
                _manifest_change(
                    lambda m: m["files"].__setitem__("../evil", m["files"].pop("team.sqlite3"))
                ),
            ),
            "endommagée",
        ),
    ],
    ids=[
        "flipped-bytes",
        "truncated",
        "not-a-zip",
        "wrong-hash",
        "no-manifest",
        "newer-schema",
        "newer-format",
        "extra-member",
        "path-escape",
    ],
)
def test_damaged_backup_refused_and_data_untouched(backup_file, filled, tmp_path, damage, message):
    paths = filled.paths
    before = files_of(paths.root)
    damaged = damage(backup_file, tmp_path / "abimee.teambackup")
    with pytest.raises(RestoreError, match=message):
        restore_backup(damaged, paths)
    assert files_of(paths.root) == before
    assert not paths.backups.exists() or not any(paths.backups.iterdir())
    assert not any(paths.tmp.iterdir())  # scratch space cleaned


def test_database_failing_integrity_check_is_refused(backup_file, filled, tmp_path):
    # A corrupt database with the matching hash in the manifest: only SQLite's checks see it.
    with zipfile.ZipFile(backup_file) as old:
        members = {info.filename: old.read(info) for info in old.infolist()}
    members["team.sqlite3"] = _corrupt_database(members["team.sqlite3"])
    manifest = json.loads(members["manifest.json"])
    manifest["files"]["team.sqlite3"]["sha256"] = hashlib.sha256(
        members["team.sqlite3"]
    ).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    damaged = tmp_path / "incoherente.teambackup"
    with zipfile.ZipFile(damaged, "w") as new:
        for name, data in members.items():
            new.writestr(name, data)
    before = files_of(filled.paths.root)
    with pytest.raises(RestoreError, match="endommagée"):
        verify_backup(damaged, filled.paths)
    with pytest.raises(RestoreError, match="endommagée"):
        restore_backup(damaged, filled.paths)
    assert files_of(filled.paths.root) == before


def test_pending_restore_at_next_start(backup_file, filled, tmp_path):
    paths = filled.paths
    info = restore.schedule_restore(backup_file, paths)
    assert info.counts["entries"] == 2
    assert restore.pending_restore(paths) is not None
    outcome = restore.apply_pending_restore(paths)
    assert outcome is not None and outcome.previous is not None
    assert restore.pending_restore(paths) is None
    assert restore.apply_pending_restore(paths) is None


def test_refused_pending_restore_is_set_aside(backup_file, filled, tmp_path):
    paths = filled.paths
    restore.schedule_restore(backup_file, paths)
    pending = restore.pending_restore(paths)
    pending.write_bytes(pending.read_bytes()[:1000])  # damaged after it was checked
    before = files_of(paths.root)
    with pytest.raises(RestoreError):
        restore.apply_pending_restore(paths)
    assert restore.pending_restore(paths) is None
    kept = list(paths.root.glob("restauration-refusee-*.teambackup"))
    assert len(kept) == 1
    after = files_of(paths.root)
    assert {k: v for k, v in after.items() if "restauration" not in k} == {
        k: v for k, v in before.items() if "restauration" not in k
    }


def test_backup_of_empty_folder_is_refused(tmp_path):
    with pytest.raises(BackupError, match="Aucune donnée"):
        create_backup(DataPaths(tmp_path), tmp_path / "x.teambackup")
    assert not (tmp_path / "x.teambackup").exists()


def test_snapshot_of_damaged_database_is_a_clear_error(tmp_path):
    broken = tmp_path / "team.sqlite3"
    broken.write_bytes(b"pas une base" * 100)
    with pytest.raises(BackupError, match="n'a pas pu être copiée"):
        snapshot_database(broken, tmp_path / "copie.sqlite3")


def test_two_restores_in_a_row_keep_both_previous_states(backup_file, filled):
    first = restore_backup(backup_file, filled.paths)
    second = restore_backup(backup_file, filled.paths)
    assert first.previous != second.previous
    assert (first.previous / "team.sqlite3").is_file() and (
        second.previous / "team.sqlite3"
    ).is_file()


def test_restored_store_is_a_new_device_so_its_changes_are_not_taken_for_duplicates(tmp_path):
    from team_desktop.core.backup import create_backup
    from team_desktop.core.paths import DataPaths
    from team_desktop.core.restore import restore_backup
    from team_desktop.core.store.db import open_store

    paths = DataPaths(tmp_path / "donnees")
    store = open_store(paths)
    before = store.device_id
    archive = tmp_path / "sauvegarde.teambackup"
    create_backup(paths, archive)
    store.close()
    restore_backup(archive, paths)
    again = open_store(paths)
    try:
        assert again.device_id and again.device_id != before
    finally:
        again.close()
