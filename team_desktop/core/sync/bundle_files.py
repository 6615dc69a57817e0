"""Attachments in sync files: the device's own files out in a request, the group's files back.

A request carries this device's unsent attachments up to a size the learner chose, lists the
files it lacks, and says the largest file it wants back; the answer carries those within that
size. Every file is named with its size in the signed body and checked against its hash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from team_desktop.core.hashing import is_sha256, sha256_file
from team_desktop.core.paths import DataPaths
from team_desktop.core.portfolio.attachments import blob_path
from team_desktop.core.store.models import database
from team_desktop.core.store.portfolio_models import AttachmentBlob
from team_desktop.core.sync import bundle_file, files

MAX_WANTED = 5_000  # hashes a request may ask for

Progress = Callable[[int, int], None]


@dataclass
class RequestFiles:
    """The attachments a request carries (hash -> size) and those it leaves for later."""

    carried: dict[str, int] = field(default_factory=dict)
    left: dict[str, int] = field(default_factory=dict)  # above the size chosen

    @property
    def bytes(self) -> int:
        return sum(self.carried.values())


def for_request(paths: DataPaths, me: str, max_bytes: int) -> RequestFiles:
    """Our unsent files up to `max_bytes` each (none when 0); a damaged copy is never carried."""
    chosen = RequestFiles()
    for digest, size in files.pending_uploads(paths, me).items():
        if size > max_bytes:
            chosen.left[digest] = size
        elif sha256_file(blob_path(paths, digest)) == digest:
            chosen.carried[digest] = size
    return chosen


def body_fields(paths: DataPaths, chosen: RequestFiles, max_bytes: int) -> dict:
    """What the request's body says of files: carried, wanted back, and the size limit."""
    return {
        "files": [{"hash": digest, "size": size} for digest, size in chosen.carried.items()],
        "want_files": list(files.missing_files(paths))[:MAX_WANTED],
        "files_max": max_bytes,
    }


def pieces(
    paths: DataPaths, chosen: RequestFiles, progress: Progress | None = None
) -> Iterable[tuple[str, Iterable[bytes]]]:
    """The carried files' bytes, for `bundle_file.write`; `progress(bytes done, total)`."""
    done = [0]

    def counted(digest: str) -> Iterable[bytes]:
        for piece in bundle_file.file_pieces(blob_path(paths, digest)):
            yield piece
            done[0] += len(piece)
            if progress:
                progress(done[0], chosen.bytes)

    for digest in chosen.carried:
        yield digest, counted(digest)


def import_answer_files(paths: DataPaths, bundle: bundle_file.Bundle) -> tuple[int, int]:
    """Mark what the server stored as sent, keep the files it sent; returns (sent, received).

    Runs after the answer's records are applied, so the entries citing the files are known.
    """
    stored = [d for d in bundle.body.get("stored") or [] if is_sha256(d)]
    if stored:
        with database.atomic():
            AttachmentBlob.update(uploaded=True).where(AttachmentBlob.hash.in_(stored)).execute()
    missing = files.missing_files(paths)
    received = 0
    for digest, size in bundle.listed_files().items():
        if digest not in missing:
            continue  # never a file no entry of ours cites
        paths.tmp.mkdir(parents=True, exist_ok=True)
        checked = paths.tmp / f"teamsync-{digest}"
        if bundle.copy_file(digest, size, checked):
            files.keep_received(paths, digest, checked, missing[digest])
            received += 1
    return len(stored), received
