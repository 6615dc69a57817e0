"""Attachments travel after the writing: uploads and downloads that resume where they stopped."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from team_desktop.core.hashing import is_sha256, sha256_file
from team_desktop.core.i18n import _
from team_desktop.core.paths import DataPaths
from team_desktop.core.portfolio.attachments import MAX_ATTACHMENT_BYTES, blob_path
from team_desktop.core.store.db import get_list_setting, get_setting, set_setting
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.portfolio_models import DEVICE, AttachmentBlob, JournalEntry
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import MalformedReply, ServerRefused
from team_desktop.core.sync.transfers import (
    DOWN,
    UP,
    TransferControl,
    TransferProgress,
    TransfersPaused,
)

PIECE = 256 * 1024  # a cut line loses at most this much of an upload
REFUSED_KEY = "sync.refused_files"  # the files of the last sync the server would not take

Progress = Callable[[int, int], None]


@dataclass
class FilesReport:
    uploaded: int = 0
    downloaded: int = 0
    missing: int = 0  # files the server does not have (yet): tried again next time
    refused: dict[str, str] = field(default_factory=dict)  # hash -> the server's reason
    paused: bool = False  # the learner paused transfers: the rest waits for "Reprendre"
    held: dict[str, int] = field(default_factory=dict)  # hash -> size: waits for a cheaper line


def _wanted() -> dict[str, dict]:
    """Every attachment referenced by a live entry that may travel, by hash."""
    wanted: dict[str, dict] = {}
    query = JournalEntry.select(JournalEntry.attachments_json, JournalEntry.author_id).where(
        (JournalEntry.visibility != DEVICE) & ~JournalEntry.deleted
    )
    for entry in query:
        try:
            listed = json.loads(entry.attachments_json or "[]")
        except ValueError:
            continue
        for attachment in listed if isinstance(listed, list) else []:
            digest = attachment.get("hash") if isinstance(attachment, dict) else None
            if is_sha256(digest):
                wanted.setdefault(digest, {**attachment, "author": entry.author_id})
    return wanted


def _to_upload(paths: DataPaths, digest: str) -> bool:
    """Whether this device stored the file itself, as a regular file, and has not sent it.

    Only such a file may leave the device: whatever a record claims, nothing else on the
    disk is ever read for an upload.
    """
    blob = AttachmentBlob.get_or_none(AttachmentBlob.hash == digest)
    local = blob_path(paths, digest)
    return blob is not None and not blob.uploaded and local.is_file() and not local.is_symlink()


def pending_uploads(paths: DataPaths, me: str) -> dict[str, int]:
    """The files the next sync would upload (hash -> size in bytes): ours, stored here, unsent."""
    pending = {}
    for digest, attachment in _wanted().items():
        if attachment["author"] in (None, me) and _to_upload(paths, digest):
            pending[digest] = blob_path(paths, digest).stat().st_size
    return pending


def held_downloads(paths: DataPaths, max_file: int) -> dict[str, int]:
    """Files we lack that a sync limited to `max_file` bytes a file leaves for later.

    Their size is what the citing entry says (-1 when it says none: such a file waits too).
    """
    held = {}
    for digest, attachment in missing_files(paths).items():
        size = _claimed_size(attachment)
        if size < 0 or size > max_file:
            held[digest] = size
    return held


def _claimed_size(attachment: dict) -> int:
    """The size the citing entry states, or -1 when it states none that can be true."""
    size = attachment.get("size")
    valid = isinstance(size, int) and not isinstance(size, bool)
    return size if valid and 0 <= size <= MAX_ATTACHMENT_BYTES else -1


def sync_files(
    paths: DataPaths,
    connection: Connection,
    me: str,
    progress: Progress | None = None,
    control: TransferControl | None = None,
    max_file: int | None = None,
) -> FilesReport:
    """Upload our files the server lacks, download the ones we lack; all resumable.

    `control` reports each file's bytes and may pause: then the report says `paused` and
    every partial transfer is kept for the next time. With `max_file` (a metered connection),
    a file larger than that many bytes, either way, waits in `report.held` for a sync without
    a limit or a sync by file.
    """
    report = FilesReport()
    control = control or TransferControl()
    wanted = _wanted()
    try:
        for number, (digest, attachment) in enumerate(wanted.items(), start=1):
            control.checkpoint()
            if _held(paths, me, digest, attachment, max_file, report):
                continue
            moves = _Moves(control, attachment, number, len(wanted))
            _one_file(paths, connection, me, digest, attachment, report, moves)
            if progress:
                progress(number, len(wanted))
    except TransfersPaused:
        report.paused = True
    _remember_refused(wanted, report.refused)
    return report


def _held(
    paths: DataPaths, me: str, digest: str, attachment: dict, max_file: int | None, report
) -> bool:
    """Whether this file is above a metered line's limit (then it waits in `report.held`)."""
    local = blob_path(paths, digest)
    size = local.stat().st_size if local.is_file() else _claimed_size(attachment)
    if max_file is None or 0 <= size <= max_file:
        return False
    mine = attachment["author"] in (None, me)
    if not local.is_file() or (mine and _to_upload(paths, digest)):
        report.held[digest] = size  # a file we hold and need not send costs nothing
    return True


def _remember_refused(wanted: dict[str, dict], refused: dict[str, str]) -> None:
    """Keep the last sync's refused files (a quota, a damaged copy), for the pending view."""
    rows = [
        {
            "hash": digest,
            "name": str(wanted.get(digest, {}).get("name") or digest)[:200],
            "reason": reason[:500],
            "at": utcnow().isoformat(),
        }
        for digest, reason in refused.items()
    ]
    if not rows and get_setting(REFUSED_KEY) in (None, "[]"):
        return  # nothing refused now or before: a sync with nothing to do writes nothing
    with database.atomic():
        set_setting(REFUSED_KEY, json.dumps(rows, ensure_ascii=False))


def refused_files() -> list[dict]:
    """The files the last sync could not send, with the reason: {hash, name, reason, at}."""
    return [row for row in get_list_setting(REFUSED_KEY) if isinstance(row, dict)]


class _Moves:
    """Tells `control` how far one file got."""

    def __init__(self, control: TransferControl, attachment: dict, number: int, count: int):
        self.control, self.number, self.count = control, number, count
        self.name = str(attachment.get("name") or "")

    def __call__(self, direction: str, done: int, total: int) -> None:
        self.control.moved(
            TransferProgress(direction, self.name, done, total, self.number, self.count)
        )


def _one_file(
    paths: DataPaths,
    connection: Connection,
    me: str,
    digest: str,
    attachment: dict,
    report: FilesReport,
    moves: _Moves,
) -> None:
    """Send or fetch one file, counting the outcome in `report`."""
    local = blob_path(paths, digest)
    if not local.is_file():
        try:
            fetched = _download(paths, connection, digest, attachment, moves)
        except MalformedReply as error:  # too large, or garbled: this file only
            report.refused[digest] = str(error)
            return
        if fetched:
            report.downloaded += 1
        else:
            report.missing += 1
        return
    if attachment["author"] not in (None, me) or not _to_upload(paths, digest):
        return
    if sha256_file(local) != digest:
        # A disk error changed the copy: it is not sent, and the learner is told.
        report.refused[digest] = _(
            "La copie de ce fichier sur cet appareil est abîmée (son contenu a "
            "changé) : elle n'est pas envoyée. Joignez à nouveau le fichier d'origine."
        )
        return
    try:
        _upload(connection, digest, local, moves)
    except ServerRefused as error:
        if error.status not in (409, 413, 422):
            raise
        # One file the server will not take must not stop the others, or the text.
        report.refused[digest] = str(error)
        return
    with database.atomic():
        AttachmentBlob.update(uploaded=True).where(AttachmentBlob.hash == digest).execute()
    report.uploaded += 1


def _announced_size(attachment: dict) -> int:
    """The size the entry announces (a peer's word: only for showing progress)."""
    return max(_claimed_size(attachment), 0)


def waiting(paths: DataPaths, me: str) -> list[TransferProgress]:
    """The files still to send or fetch, each with what of it is already here."""
    result = []
    wanted = _wanted()
    for digest, attachment in wanted.items():
        name, local = str(attachment.get("name") or ""), blob_path(paths, digest)
        if not local.is_file():
            partial = paths.tmp / f"telechargement-{digest}.part"
            done = partial.stat().st_size if partial.is_file() else 0
            total = max(_announced_size(attachment), done)
            result.append(TransferProgress(DOWN, name, done, total, len(result) + 1))
        elif attachment["author"] in (None, me) and _to_upload(paths, digest):
            size = local.stat().st_size
            result.append(TransferProgress(UP, name, 0, size, len(result) + 1))
    return result


def _upload(connection: Connection, digest: str, local, moves: _Moves) -> None:
    size = local.stat().st_size
    try:
        connection.request("HEAD", f"/blobs/{digest}")
        return  # the server has it already (maybe from a peer)
    except ServerRefused as error:
        if error.status != 404:
            raise
    offset = connection.json("GET", f"/blobs/{digest}/upload").get("received", 0)
    with local.open("rb") as handle:
        handle.seek(offset)
        while offset < size or size == 0:
            piece = handle.read(PIECE)
            connection.request(
                "PUT",
                f"/blobs/{digest}?offset={offset}",
                data=piece,
                headers={"X-Total-Size": str(size), "Content-Type": "application/octet-stream"},
            )
            offset += len(piece)
            moves(UP, offset, size)
            if size == 0:
                break


def _download(
    paths: DataPaths, connection: Connection, digest: str, attachment: dict, moves: _Moves
) -> bool:
    """Fetch a file into place, resuming a partial download; False if the server lacks it."""
    partial = paths.tmp / f"telechargement-{digest}.part"
    partial.parent.mkdir(parents=True, exist_ok=True)
    offset = partial.stat().st_size if partial.exists() else 0
    try:
        with partial.open("ab") as out:
            # No attachment is larger than the server keeps: a longer reply is refused.
            limit = MAX_ATTACHMENT_BYTES - offset
            total = _announced_size(attachment)
            for chunk in connection.iter_download(f"/blobs/{digest}", offset, limit):
                out.write(chunk)
                offset += len(chunk)
                moves(DOWN, offset, max(total, offset))
    except MalformedReply:
        partial.unlink(missing_ok=True)  # nothing of a refused reply is kept
        raise
    except ServerRefused as error:
        if error.status in (404, 416):
            partial.unlink(missing_ok=True)
            return False
        raise
    if sha256_file(partial) != digest:
        partial.unlink()  # a damaged copy is never kept; the next sync fetches it again
        return False
    keep_received(paths, digest, partial, attachment)
    return True


def missing_files(paths: DataPaths) -> dict[str, dict]:
    """Attachments that live entries cite and this device does not hold yet, by hash."""
    return {d: a for d, a in _wanted().items() if not blob_path(paths, d).is_file()}


def keep_received(paths: DataPaths, digest: str, checked: Path, attachment: dict) -> None:
    """Put a received file, already checked against `digest`, in place as a known blob."""
    target = blob_path(paths, digest)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(checked, target)
    with database.atomic():
        AttachmentBlob.insert(
            hash=digest,
            size=target.stat().st_size,
            mime=attachment.get("mime") or "application/octet-stream",
            created_at=utcnow(),
            uploaded=True,
        ).on_conflict_ignore().execute()
