"""Hostile pack archives and backups: nothing written outside the target, nothing half-imported.

Each hostile archive is made from a good one, with its manifest rewritten so that the hostile
member is listed with its true checksum (the refusal must come from the path or size rules,
not from a checksum that happens not to match). After each refusal: a clear French message,
the store's tables and the data folder exactly as before, nothing anywhere else on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from team_desktop.core import library
from team_desktop.core.backup import create_backup
from team_desktop.core.content.archive import PackArchiveError, build_archive
from team_desktop.core.paths import DataPaths
from team_desktop.core.restore import RestoreError, restore_backup
from team_desktop.core.store.db import open_store
from team_desktop.core.store.models import database

ROOT = Path(__file__).parents[2]
MINI_PACK = ROOT / "tests" / "fixtures" / "mini-pack"
EVIL = b"ce fichier n'aurait jamais d\xc3\xbb sortir"


def _rewrite(good: Path, target: Path, extra: list[tuple[zipfile.ZipInfo | str, bytes]],
             manifest_files: dict) -> Path:  # fmt: skip
    """`good` plus `extra` members, its manifest listing `manifest_files` too."""
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(target, "w") as out:
        manifest = json.loads(source.read("manifest.json"))
        manifest["files"].update(manifest_files)
        out.writestr("manifest.json", json.dumps(manifest))
        for info in source.infolist():
            if info.filename != "manifest.json":
                out.writestr(info, source.read(info.filename))
        for info, data in extra:
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def _symlink(name: str, points_to: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, points_to.encode()


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink() and "tmp" not in path.parts
    }


def _tables() -> dict[str, list]:
    names = [row[0] for row in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]  # fmt: skip
    return {name: database.execute_sql(f'SELECT * FROM "{name}"').fetchall() for name in names}


PACK_NAMES = {  # name of the hostile member in a pack -> what it tries
    "dotdot": "../evadé.txt",
    "deep-dotdot": "assets/../../../evadé.txt",
    "absolute": "/tmp/team-evade-absolu.txt",
    "backslashes": "..\\evadé.txt",
    "drive": "C:/evadé.txt",
}


@pytest.mark.parametrize("kind", [*PACK_NAMES, "symlink", "wrong-checksum", "bomb"])
def test_hostile_packs_are_refused_and_leave_nothing(tmp_path, kind):
    good = tmp_path / "bon.teampack"
    build_archive(MINI_PACK, good)
    if kind in PACK_NAMES:
        name = PACK_NAMES[kind]
        hostile = _rewrite(good, tmp_path / "h.teampack", [(name, EVIL)],
                           {name: hashlib.sha256(EVIL).hexdigest()})  # fmt: skip
    elif kind == "symlink":
        member = _symlink("assets/lien", "/etc/passwd")
        hostile = _rewrite(good, tmp_path / "h.teampack", [member],
                           {"assets/lien": hashlib.sha256(member[1]).hexdigest()})  # fmt: skip
    elif kind == "wrong-checksum":
        with zipfile.ZipFile(good) as source:
            lesson = next(n for n in source.namelist() if n.endswith(".md"))
        hostile = _rewrite(good, tmp_path / "h.teampack", [], {lesson: "0" * 64})
    else:  # 200 MB of zeros in a few hundred kB, listed with its true checksum
        zeros = bytes(200 * 1024 * 1024)
        hostile = _rewrite(good, tmp_path / "h.teampack", [("assets/zeros.bin", zeros)],
                           {"assets/zeros.bin": hashlib.sha256(zeros).hexdigest()})  # fmt: skip
    data = tmp_path / "data"
    store = open_store(DataPaths(data))
    try:
        with store.bound():
            before_tables, before_files = _tables(), _tree(data)
            with pytest.raises(PackArchiveError) as refused:
                library.import_pack_file(store, hostile)
            assert str(refused.value)  # a message for the learner
            assert _tables() == before_tables
            assert _tree(data) == before_files
    finally:
        store.close()
    assert not list(tmp_path.rglob("evadé.txt")) and not Path("/tmp/team-evade-absolu.txt").exists()
    assert not (tmp_path.parent / "evadé.txt").exists()


def _backup(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    open_store(DataPaths(data)).close()
    backup = tmp_path / "sauvegarde.zip"
    create_backup(DataPaths(data), backup)
    return data, backup


BACKUP_NAMES = {
    "dotdot": "attachments/../../evadé.txt",
    "absolute": "/tmp/team-evade-absolu.txt",
    "outside-folders": "evadé.txt",
}


@pytest.mark.parametrize("kind", [*BACKUP_NAMES, "symlink", "wrong-checksum", "too-big"])
def test_hostile_backups_are_refused_and_change_nothing(tmp_path, kind):
    data, good = _backup(tmp_path)
    entry = {"sha256": hashlib.sha256(EVIL).hexdigest(), "size": len(EVIL)}
    if kind in BACKUP_NAMES:
        hostile = _rewrite(good, tmp_path / "h.zip", [(BACKUP_NAMES[kind], EVIL)],
                           {BACKUP_NAMES[kind]: entry})  # fmt: skip
    elif kind == "symlink":
        member = _symlink("attachments/ab/lien", "/etc/passwd")
        hostile = _rewrite(good, tmp_path / "h.zip", [member], {"attachments/ab/lien": {
            "sha256": hashlib.sha256(b"x").hexdigest(), "size": 1}})  # fmt: skip
    elif kind == "wrong-checksum":
        hostile = _rewrite(good, tmp_path / "h.zip", [("attachments/ab/x", EVIL)],
                           {"attachments/ab/x": {**entry, "sha256": "0" * 64}})  # fmt: skip
    else:  # an honest manifest asking for more room than any disk has
        hostile = _rewrite(good, tmp_path / "h.zip", [("attachments/ab/x", EVIL)],
                           {"attachments/ab/x": {**entry, "size": 10**15}})  # fmt: skip
    before = _tree(data)
    with pytest.raises(RestoreError) as refused:
        restore_backup(hostile, DataPaths(data))
    assert (
        "n'ont pas changé" in str(refused.value)
        or "refusée" in str(refused.value)
        or ("endommagée" in str(refused.value))
    )
    if kind == "too-big":
        assert "place" in str(refused.value)
    assert _tree(data) == before
    assert not list(tmp_path.rglob("evadé.txt")) and not Path("/tmp/team-evade-absolu.txt").exists()


def test_a_backup_bomb_lying_about_its_size_is_stopped_before_it_fills_the_disk(tmp_path):
    """Regression: a member listed as a few bytes was written out whole (here 64 MB of
    zeros) before its size was compared. The restore runs with a 16 MB file size limit: it
    must stop at the listed size and say the backup is damaged, not die writing."""
    data, good = _backup(tmp_path)
    zeros = bytes(64 * 1024 * 1024)
    hostile = _rewrite(good, tmp_path / "bombe.zip", [("attachments/ab/zeros", zeros)],
                       {"attachments/ab/zeros": {"sha256": hashlib.sha256(zeros).hexdigest(),
                                                 "size": 10}})  # fmt: skip
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (16 << 20, 16 << 20))\n"
        "from team_desktop.core.paths import DataPaths\n"
        "from team_desktop.core.restore import RestoreError, restore_backup\n"
        "try:\n"
        "    restore_backup(sys.argv[1], DataPaths(sys.argv[2]))\n"
        "except RestoreError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(hostile), str(data)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "endommagée" in done.stdout, done.stdout
