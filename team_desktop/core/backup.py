"""A full backup of the learner's data in one `.teambackup` zip, consistent while the app runs.

The archive holds a copy of `team.sqlite3` taken with SQLite's backup API (from a connection of
its own, so the open app keeps writing), the attachment blobs, the course packs the database
refers to (so a restore on another machine opens every lesson), and `manifest.json` with the
SHA-256 of every file. `restore.py` checks all of it before touching anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from team_desktop import __version__
from team_desktop.core.export.output import staged_file
from team_desktop.core.i18n import _
from team_desktop.core.paths import DataPaths

Progress = Callable[[int, int], None]

FORMAT = 1
KIND = "team-desktop-backup"
MANIFEST = "manifest.json"
DATABASE = "team.sqlite3"
SUFFIX = ".teambackup"
CHUNK = 1 << 20

# What the learner will want to know about a backup: (manifest key, SQL on the copy).
COUNTS = {
    "entries": "SELECT count(*) FROM journal_entry WHERE trashed_at IS NULL AND NOT deleted",
    "notes": "SELECT count(*) FROM note WHERE trashed_at IS NULL AND NOT deleted",
    "attachments": "SELECT count(*) FROM attachment_blob",
}


class BackupError(Exception):
    """A backup that could not be made; the message says why in plain French."""


@dataclass
class BackupResult:
    """What went into a backup file."""

    path: Path
    files: int
    size: int
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)


def default_name(now: dt.datetime | None = None) -> str:
    """`team-desktop-sauvegarde-20240502-1430.teambackup`."""
    return f"team-desktop-sauvegarde-{(now or dt.datetime.now()):%Y%m%d-%H%M}{SUFFIX}"


def create_backup(paths: DataPaths, output: Path, progress: Progress | None = None) -> BackupResult:
    """Write every piece of the learner's data in `paths` to the zip `output`."""
    if not paths.database.is_file():
        raise BackupError(
            _(
                "Aucune donnée à sauvegarder dans {path} : le dossier ne contient pas de base."
            ).format(path=paths.root)
        )
    with scratch_folder(paths, "sauvegarde-") as scratch:
        snapshot = scratch / DATABASE
        snapshot_database(paths.database, snapshot)
        with contextlib.closing(sqlite3.connect(snapshot)) as copy:
            schema = copy.execute("PRAGMA user_version").fetchone()[0]
            counts = _counts(copy)
            packs = _installed_packs(copy)
        members = [(DATABASE, snapshot), *_attachment_files(paths), *_pack_files(paths, packs)]
        total = sum(source.stat().st_size for _name, source in members)
        done, files = 0, {}
        with (
            staged_file(Path(output)) as target,
            zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, source in members:
                digest, size = _add(archive, name, source)
                files[name] = {"sha256": digest, "size": size}
                done += size
                if progress:
                    progress(done, total)
            manifest = {
                "kind": KIND,
                "format": FORMAT,
                "app_version": __version__,
                "schema_version": schema,
                "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "counts": counts,
                "files": files,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return BackupResult(Path(output), len(files), Path(output).stat().st_size, schema, counts)


def snapshot_database(source: Path, target: Path) -> None:
    """A consistent copy of `source` through SQLite's backup API, from a separate connection."""
    try:
        with contextlib.closing(sqlite3.connect(source, timeout=10)) as live:
            with contextlib.closing(sqlite3.connect(target)) as copy:
                # One step: the whole copy comes from a single read snapshot (WAL lets the
                # app write meanwhile), instead of restarting whenever the app writes.
                live.backup(copy, pages=-1)
    except sqlite3.DatabaseError as error:
        raise BackupError(
            _("La base {path} n'a pas pu être copiée ({e}). Rien n'a été écrit.").format(
                path=source, e=error
            )
        ) from error


@contextlib.contextmanager
def scratch_folder(paths: DataPaths, prefix: str) -> Iterator[Path]:
    """A temporary folder inside the data directory (same filesystem: finished work is renamed)."""
    paths.tmp.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=paths.tmp))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _add(archive: zipfile.ZipFile, name: str, source: Path) -> tuple[str, int]:
    """Copy `source` into the zip as `name`; returns the SHA-256 and size of what was stored."""
    digest, size = hashlib.sha256(), 0
    with open(source, "rb") as handle, archive.open(name, "w", force_zip64=True) as member:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            member.write(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _counts(copy: sqlite3.Connection) -> dict[str, int]:
    counts = {}
    for key, sql in COUNTS.items():
        try:
            counts[key] = copy.execute(sql).fetchone()[0]
        except sqlite3.OperationalError:  # an older schema without that table
            counts[key] = 0
    return counts


def _installed_packs(copy: sqlite3.Connection) -> list[tuple[str, str]]:
    try:
        return copy.execute("SELECT id, version FROM pack_record").fetchall()
    except sqlite3.OperationalError:
        return []


def _attachment_files(paths: DataPaths) -> list[tuple[str, Path]]:
    """Blobs named by their hash (the journal renames a finished file into place: never half)."""
    found = []
    if paths.attachments.is_dir():
        for path in sorted(paths.attachments.glob("??/*")):
            if path.is_file() and len(path.name) == 64 and path.parent.name == path.name[:2]:
                found.append((f"attachments/{path.parent.name}/{path.name}", path))
    return found


def _pack_files(paths: DataPaths, packs: list[tuple[str, str]]) -> list[tuple[str, Path]]:
    """The files of each pack version the copied database refers to."""
    found = []
    for pack_id, version in packs:
        folder = paths.packs / pack_id / version
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    found.append((f"packs/{path.relative_to(paths.packs).as_posix()}", path))
    return found
