"""Opening the local store: pragmas, schema version, migrations with backup, clear errors."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
from pathlib import Path

import pytest

import team_desktop
from team_desktop.core import bookmarks
from team_desktop.core.paths import DataPaths
from team_desktop.core.store import db as db_module
from team_desktop.core.store import migrations
from team_desktop.core.store.db import StoreError, open_store
from team_desktop.core.store.models import Bookmark


def _pragma(store, name):
    return store.db.execute_sql(f"PRAGMA {name}").fetchone()[0]


def _user_version(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA user_version").fetchone()[0]


def test_wal_and_foreign_keys(store):
    assert _pragma(store, "journal_mode").lower() == "wal"
    assert _pragma(store, "foreign_keys") == 1
    assert _pragma(store, "busy_timeout") > 0


def test_schema_version(store):
    assert _pragma(store, "user_version") == migrations.SCHEMA_VERSION
    assert _user_version(store.paths.database) == migrations.SCHEMA_VERSION
    # Fresh store: nothing to back up.
    assert not store.paths.backups.exists() or not any(store.paths.backups.iterdir())


def test_device_id_is_stable_across_openings(tmp_path):
    paths = DataPaths(tmp_path / "data")
    first = open_store(paths)
    device = first.device_id
    first.close()
    second = open_store(paths)
    try:
        assert device and second.device_id == device
    finally:
        second.close()


def _closed_store(tmp_path) -> DataPaths:
    paths = DataPaths(tmp_path / "data")
    open_store(paths).close()
    return paths


def _set_user_version(path: Path, version: int) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA user_version = {version}")
        connection.commit()


def test_newer_schema_is_refused(tmp_path):
    paths = _closed_store(tmp_path)
    newer = migrations.SCHEMA_VERSION + 1
    _set_user_version(paths.database, newer)

    with pytest.raises(StoreError) as refused:
        open_store(paths)

    message = str(refused.value)
    assert "plus récente" in message
    assert str(newer) in message and "Mettez l'application à jour" in message
    assert _user_version(paths.database) == newer  # untouched


def _open_descriptors(path: Path) -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith(str(path)):
                found.append(target)
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd (Linux)")
def test_newer_schema_refusal_closes_the_database(tmp_path):
    # Regression, fixed: open_store raises StoreError for a newer schema from inside its `try`, but only the
    # `except` for SQLite errors closes the connection (team_desktop/core/store/db.py:63-64,
    # `if version > SCHEMA_VERSION: raise StoreError(...)`). The file (and its -wal/-shm) stay open until the garbage
    # collector runs, which on Windows keeps the data folder locked. Fix: close `db` before
    # raising (or wrap the body in try/except BaseException: db.close(); raise).
    paths = _closed_store(tmp_path)
    _set_user_version(paths.database, migrations.SCHEMA_VERSION + 1)

    with pytest.raises(StoreError) as refused:
        open_store(paths)
    del refused

    try:
        assert _open_descriptors(paths.database) == []
    finally:
        gc.collect()


def test_older_schema_is_backed_up_before_migrating(tmp_path, monkeypatch):
    paths = DataPaths(tmp_path / "data")
    store = open_store(paths)
    bookmarks.toggle("test-mini/premiere")
    device = store.device_id
    store.close()
    applied = []

    def v2(database):
        applied.append(True)
        database.execute_sql("CREATE TABLE journal_v2 (id TEXT PRIMARY KEY, body TEXT)")

    steps = [*migrations.MIGRATIONS, v2]
    for module in (db_module, migrations):
        monkeypatch.setattr(module, "MIGRATIONS", steps)
        monkeypatch.setattr(module, "SCHEMA_VERSION", len(steps))

    store = open_store(paths)
    try:
        assert applied == [True]
        assert _pragma(store, "user_version") == len(steps)
        assert store.db.table_exists("journal_v2")
        assert [b.lesson_uid for b in Bookmark.select()] == ["test-mini/premiere"]
        assert store.device_id == device
    finally:
        store.close()

    backups = list(paths.backups.iterdir())
    assert len(backups) == 1
    assert f"v{len(steps) - 1}" in backups[0].name
    with contextlib.closing(sqlite3.connect(backups[0])) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == len(steps) - 1
        assert copy.execute("SELECT lesson_uid FROM bookmark").fetchall() == [
            ("test-mini/premiere",)
        ]
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
        assert "journal_v2" not in tables

    # Opened again at the new version: no second backup.
    store = open_store(paths)
    store.close()
    assert len(list(paths.backups.iterdir())) == 1


def test_failed_migration_keeps_the_old_schema_and_data(tmp_path, monkeypatch):
    paths = DataPaths(tmp_path / "data")
    store = open_store(paths)
    bookmarks.toggle("test-mini/premiere")
    store.close()

    def broken_v2(database):
        database.execute_sql("CREATE TABLE half_done (x INTEGER)")
        database.execute_sql("THIS IS NOT SQL")

    steps = [*migrations.MIGRATIONS, broken_v2]
    for module in (db_module, migrations):
        monkeypatch.setattr(module, "MIGRATIONS", steps)
        monkeypatch.setattr(module, "SCHEMA_VERSION", len(steps))

    with pytest.raises(StoreError):
        open_store(paths)

    assert _user_version(paths.database) == len(steps) - 1
    with contextlib.closing(sqlite3.connect(paths.database)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables  # rolled back with the version bump
        assert connection.execute("SELECT lesson_uid FROM bookmark").fetchall() == [
            ("test-mini/premiere",)
        ]
    assert len(list(paths.backups.iterdir())) == 1


def test_locked_database(tmp_path):
    paths = _closed_store(tmp_path)
    blocker = sqlite3.connect(paths.database, timeout=0, isolation_level=None)
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError) as refused:
            open_store(paths)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()

    message = str(refused.value)
    assert "verrouillée" in message
    assert str(paths.database) in message


# ------------------------------------------------------------------------- read-only store

READ_ONLY_SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from team_desktop.core.paths import DataPaths
    from team_desktop.core.store.db import StoreError, open_store
    try:
        open_store(DataPaths(Path(sys.argv[1]))).close()
    except StoreError as error:
        print(error)
        sys.exit(3)
    print("opened")
""")


def _python_for_nobody(env: dict) -> tuple[str | None, str]:
    """An interpreter user `nobody` can run and import the app with, or (None, why not)."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [sys.executable, shutil.which(f"python{version}"), f"/usr/bin/python{version}"]
    reasons = []
    for candidate in dict.fromkeys(c for c in candidates if c):
        probe = subprocess.run(
            ["runuser", "-u", "nobody", "--", candidate, "-c", "import team_desktop.core.store.db"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            cwd="/",
        )
        if probe.returncode == 0:
            return candidate, ""
        reasons.append(f"{candidate}: {(probe.stderr or probe.stdout).strip()[-200:]}")
    return None, "; ".join(reasons)


def _traversable_by_others(path: Path) -> bool:
    return all(os.stat(p).st_mode & 0o001 for p in [path, *path.parents])


def test_read_only_database(tmp_path):
    if os.geteuid() != 0:
        paths = _closed_store(tmp_path)
        paths.database.chmod(0o444)
        paths.root.chmod(0o555)
        try:
            with pytest.raises(StoreError) as refused:
                open_store(paths)
        finally:
            paths.root.chmod(0o755)
            paths.database.chmod(0o644)
        assert "lecture seule" in str(refused.value)
        return

    # root ignores file permissions: open the store as `nobody` in a child process.
    if shutil.which("runuser") is None:
        reason = "runuser is unavailable: cannot open the store as an unprivileged user"
        print(reason)
        pytest.skip(reason)
    scratch = Path(tempfile.mkdtemp(prefix="team-readonly-"))
    try:
        scratch.chmod(0o755)
        if not _traversable_by_others(scratch):
            reason = f"{scratch} is not traversable by other users"
            print(reason)
            pytest.skip(reason)
        paths = _closed_store(scratch)
        paths.root.chmod(0o755)
        paths.database.chmod(0o644)
        assert sorted(p.name for p in paths.root.iterdir()) == [paths.database.name]
        package_root = str(Path(team_desktop.__file__).resolve().parents[1])
        site = sysconfig.get_paths()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": os.pathsep.join([package_root, site["purelib"], site["platlib"]]),
            "HOME": "/nonexistent",
            "LANG": "C.UTF-8",
        }
        python, why = _python_for_nobody(env)
        if python is None:
            reason = f"no Python interpreter usable by user nobody ({why})"
            print(reason)
            pytest.skip(reason)

        run = subprocess.run(
            ["runuser", "-u", "nobody", "--", python, "-c", READ_ONLY_SCRIPT, str(paths.root)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            cwd="/",
        )

        assert run.returncode == 3, (run.stdout, run.stderr)
        assert "lecture seule" in run.stdout
        assert str(paths.database) in run.stdout
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.mark.skipif(
    os.name != "posix", reason="file modes are POSIX; Windows profiles are per user"
)
def test_the_data_folder_is_the_users_only(tmp_path):
    root = tmp_path / "donnees"
    open_store(DataPaths(root)).close()
    # A folder from an earlier version, readable by every user of the computer.
    root.chmod(0o755)
    for item in root.iterdir():
        if item.is_file():
            item.chmod(0o644)
    store = open_store(DataPaths(root))
    try:
        assert root.stat().st_mode & 0o777 == 0o700
        files = [item for item in root.iterdir() if item.is_file()]
        assert files and all(item.stat().st_mode & 0o777 == 0o600 for item in files)
    finally:
        store.close()


@pytest.mark.skipif(os.name != "posix", reason="umask is POSIX")
def test_the_app_creates_its_files_for_its_user_only(tmp_path):
    script = (
        "from team_desktop.core.paths import private_files_from_now; import pathlib, sys;"
        "private_files_from_now(); p = pathlib.Path(sys.argv[1]); p.mkdir();"
        "(p / 'export.md').write_text('journal')"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "sortie")], check=True)
    assert (tmp_path / "sortie").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "sortie" / "export.md").stat().st_mode & 0o777 == 0o600
