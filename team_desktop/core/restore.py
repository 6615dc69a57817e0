"""Restoring a `.teambackup`: everything is checked first, then swapped in; nothing is destroyed.

The caller must hold the data directory's lock (the app's `team-desktop.lock`): a restore under
an open app would pull the database from under it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from team_desktop.core.backup import CHUNK, DATABASE, FORMAT, KIND, MANIFEST, scratch_folder
from team_desktop.core.export.labels import long_date
from team_desktop.core.i18n import _
from team_desktop.core.paths import DataPaths
from team_desktop.core.store.migrations import SCHEMA_VERSION

Progress = Callable[[int, int], None]

# What a restore replaces; everything else in the data directory stays as it is.
SWAPPED = (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm", "attachments", "packs")


class RestoreError(Exception):
    """A backup refused, or a restore that could not finish; current data is untouched."""


@dataclass
class BackupInfo:
    """What a verified backup holds."""

    created_at: str
    app_version: str
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def created_label(self) -> str:
        """When the backup was made, as the learner reads a date ("2 mai 2024")."""
        try:
            return long_date(dt.datetime.fromisoformat(self.created_at).astimezone().date())
        except ValueError:
            return "?"


@dataclass
class RestoreResult:
    """A finished restore, and where the data it replaced was put aside."""

    info: BackupInfo
    previous: Path | None


def verify_backup(backup: Path, paths: DataPaths, progress: Progress | None = None) -> BackupInfo:
    """Check the whole backup (unpacking it in scratch space) without changing any data."""
    with scratch_folder(paths, "restauration-") as scratch:
        return _unpack(Path(backup), scratch, progress)


def restore_backup(
    backup: Path, paths: DataPaths, progress: Progress | None = None
) -> RestoreResult:
    """Verify `backup`, put the current data aside in `backups/avant-restauration-…`, swap."""
    try:
        with scratch_folder(paths, "restauration-") as scratch:
            info = _unpack(Path(backup), scratch, progress)
            _become_new_device(scratch / DATABASE)
            previous = _aside_folder(paths)
            moved = _swap(paths, scratch, previous)
    except OSError as error:
        raise RestoreError(
            _("La restauration n'a pas pu se faire ({e}). Vos données n'ont pas changé.").format(
                e=error.strerror or error
            )
        ) from error
    if not moved:
        previous.rmdir()
    return RestoreResult(info, previous if moved else None)


def _become_new_device(database: Path) -> None:
    """Give the restored store a new device id.

    The server remembers every change id it applied (`<device id>:<seq>`); a restored store
    would hand out sequence numbers the device already used, and its changes would be taken
    for duplicates and lost. As a new device, its pending changes travel again, safely.
    """
    with contextlib.closing(sqlite3.connect(database)) as connection, connection:
        connection.execute(
            "UPDATE setting SET value = ? WHERE key = 'device_id'", (uuid.uuid4().hex,)
        )


def _aside_folder(paths: DataPaths) -> Path:
    """A new `backups/avant-restauration-<date>` folder (never one that exists)."""
    stem = paths.backups / f"avant-restauration-{dt.datetime.now():%Y%m%d-%H%M%S}"
    candidate, number = stem, 1
    while candidate.exists():
        number += 1
        candidate = stem.with_name(f"{stem.name}-{number}")
    candidate.mkdir(parents=True)
    return candidate


def _swap(paths: DataPaths, scratch: Path, previous: Path) -> list[str]:
    """Move the current data into `previous`, then the restored data in; undo on failure."""
    moved: list[str] = []
    placed: list[str] = []
    try:
        for name in SWAPPED:
            if (paths.root / name).exists():
                os.replace(paths.root / name, previous / name)
                moved.append(name)
        for name in SWAPPED:
            if (scratch / name).exists():
                os.replace(scratch / name, paths.root / name)
                placed.append(name)
    except OSError as error:
        _put_back(paths, previous, moved, placed)
        raise RestoreError(
            _(
                "La restauration n'a pas pu remplacer vos données ({e}). Vos données "
                "actuelles ont été remises en place, rien n'a changé."
            ).format(e=error.strerror or error)
        ) from error
    return moved


def schedule_restore(
    backup: Path, paths: DataPaths, progress: Progress | None = None
) -> BackupInfo:
    """Verify `backup` and keep a copy in the data directory, restored at the next start."""
    info = verify_backup(backup, paths, progress)
    target = paths.pending_restore
    scratch = target.with_name(f".{target.name}.partiel")
    shutil.copyfile(backup, scratch)
    os.replace(scratch, target)
    return info


def pending_restore(paths: DataPaths) -> Path | None:
    """The backup waiting to be restored at start, if any."""
    path = paths.pending_restore
    return path if path.is_file() else None


def apply_pending_restore(paths: DataPaths) -> RestoreResult | None:
    """At start, before the store opens: restore the waiting backup, or set it aside if refused."""
    pending = pending_restore(paths)
    if pending is None:
        return None
    try:
        result = restore_backup(pending, paths)
    except RestoreError:
        # Never try it again at every start: keep it, renamed, for the learner to look at.
        pending.rename(
            pending.with_name(f"restauration-refusee-{dt.datetime.now():%Y%m%d-%H%M%S}.teambackup")
        )
        raise
    pending.unlink()
    return result


def _unpack(backup: Path, scratch: Path, progress: Progress | None) -> BackupInfo:
    if not backup.is_file():
        raise RestoreError(_("Le fichier {f} est introuvable.").format(f=backup))
    if not zipfile.is_zipfile(backup):
        raise RestoreError(
            _(
                "{f} n'est pas une sauvegarde TEAM Desktop lisible (fichier incomplet ou d'un "
                "autre type) : elle a été refusée et vos données n'ont pas changé."
            ).format(f=backup.name)
        )
    try:
        with zipfile.ZipFile(backup) as archive:
            manifest = _manifest(archive)
            info = _check_manifest(manifest, archive)
            total = sum(entry["size"] for entry in manifest["files"].values())
            if total > shutil.disk_usage(scratch).free:
                raise RestoreError(
                    _(
                        "Pas assez de place sur le disque pour restaurer cette sauvegarde "
                        "({n} Mo nécessaires). Vos données n'ont pas changé."
                    ).format(n=total // 1_000_000)
                )
            done = 0
            for name, expected in manifest["files"].items():
                done += _extract(archive, name, expected, scratch)
                if progress:
                    progress(done, total)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
    ) as error:
        raise RestoreError(_damaged(backup, _("données corrompues"))) from error
    except OSError as error:
        raise RestoreError(
            _(
                "La sauvegarde n'a pas pu être vérifiée ({e} ; le disque est-il plein ?). "
                "Vos données n'ont pas changé."
            ).format(e=error.strerror or error)
        ) from error
    _check_database(scratch / DATABASE, info, backup)
    return info


def _manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except KeyError as error:
        raise RestoreError(_not_a_backup()) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise RestoreError(_damaged(archive.filename, _("sommaire illisible"))) from error
    if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
        raise RestoreError(_not_a_backup())
    return manifest


def _check_manifest(manifest: dict, archive: zipfile.ZipFile) -> BackupInfo:
    if not isinstance(manifest.get("format"), int) or manifest["format"] > FORMAT:
        raise RestoreError(_newer())
    schema = manifest.get("schema_version")
    files = manifest.get("files")
    if not isinstance(schema, int) or not isinstance(files, dict) or DATABASE not in files:
        raise RestoreError(_damaged(archive.filename, _("sommaire incomplet")))
    if schema > SCHEMA_VERSION:
        raise RestoreError(_newer())
    for name, entry in files.items():
        if not (
            _safe_name(name)
            and isinstance(entry, dict)
            and isinstance(entry.get("sha256"), str)
            and isinstance(entry.get("size"), int)
        ):
            raise RestoreError(_damaged(archive.filename, _("sommaire incohérent")))
    members = {info.filename for info in archive.infolist()} - {MANIFEST}
    if members != set(files):
        raise RestoreError(_damaged(archive.filename, _("fichiers manquants ou en trop")))
    counts = manifest.get("counts") if isinstance(manifest.get("counts"), dict) else {}
    return BackupInfo(
        str(manifest.get("created_at", "")), str(manifest.get("app_version", "")), schema, counts
    )


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        bool(name)
        and "\\" not in name
        and ":" not in name
        and not path.is_absolute()
        and ".." not in path.parts
        and (name == DATABASE or path.parts[0] in ("attachments", "packs"))
    )


def _extract(archive: zipfile.ZipFile, name: str, expected: dict, scratch: Path) -> int:
    target = scratch / name
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with archive.open(name) as member, open(target, "wb") as out:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > expected["size"]:
                break  # more than the manifest says (a zip bomb?): stop before filling the disk
            digest.update(chunk)
            out.write(chunk)
    if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise RestoreError(_damaged(archive.filename, _("contenu altéré : {f}").format(f=name)))
    return size


def _check_database(path: Path, info: BackupInfo, backup: Path) -> None:
    try:
        with contextlib.closing(sqlite3.connect(path)) as db:
            verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise RestoreError(_damaged(backup, _("base de données illisible"))) from error
    if verdict != "ok":
        raise RestoreError(_damaged(backup, _("base de données incohérente")))
    if version != info.schema_version:
        raise RestoreError(_damaged(backup, _("version de la base inattendue")))


def _put_back(paths: DataPaths, previous: Path, moved: list[str], placed: list[str]) -> None:
    for name in placed:
        target = paths.root / name
        if target.is_dir():
            shutil.rmtree(target, ignore_errors=True)
        else:
            target.unlink(missing_ok=True)
    for name in moved:
        os.replace(previous / name, paths.root / name)
    with contextlib.suppress(OSError):
        previous.rmdir()


def _not_a_backup() -> str:
    return _("Ce fichier n'est pas une sauvegarde de TEAM Desktop. Vos données n'ont pas changé.")


def _damaged(backup, reason: str) -> str:
    return _(
        "La sauvegarde {f} est endommagée ({r}) : elle a été refusée et vos données n'ont pas "
        "changé. Essayez une autre copie de la sauvegarde."
    ).format(f=Path(str(backup)).name, r=reason)


def _newer() -> str:
    return _(
        "Cette sauvegarde vient d'une version plus récente de TEAM Desktop : mettez "
        "l'application à jour pour la restaurer. Vos données n'ont pas changé."
    )
