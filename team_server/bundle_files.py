"""Attachments in `.teamsync` files, server side: keep what a device carried, send what it lacks.

A carried file becomes the learner's as an upload would (checked against its hash); the
answer holds the files the request asked for, or that the pulled records cite, which the
learner may read and which are no larger than the size the learner chose.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from team_desktop.core.hashing import is_sha256
from team_desktop.core.sync import bundle_file
from team_server import blobstore
from team_server.models import User
from team_server.settings import Settings

MAX_ANSWER_FILES_BYTES = 2 * 2**30  # all the files of one answer: a stick is not a disk
MAX_WANTED = 5_000


def store_carried(user: User, bundle: bundle_file.Bundle, settings: Settings) -> list[str]:
    """Store each intact file the request carries, held by its learner; returns their hashes."""
    stored = []
    with tempfile.TemporaryDirectory(prefix="teamsync-") as folder:
        for digest, size in bundle.listed_files().items():
            copy = Path(folder) / digest
            if size > settings.max_blob_bytes or not bundle.copy_file(digest, size, copy):
                continue  # left on the device, unsent: its next sync tries again
            blobstore.store_upload(user, copy)
            copy.unlink()
            stored.append(digest)
    return stored


def for_answer(user: User, body: dict, pages: list[dict], settings: Settings) -> dict[str, int]:
    """The files to send back (hash -> size): asked for or cited, readable, within the limit."""
    limit = body.get("files_max")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0:
        return {}
    limit = min(limit, settings.max_blob_bytes)
    wanted = body.get("want_files")
    candidates = list(wanted[:MAX_WANTED]) if isinstance(wanted, list) else []
    for page in pages:
        for change in page["changes"]:
            data = change.get("data") if isinstance(change, dict) else None
            for item in (data or {}).get("attachments") or []:
                candidates.append(item.get("hash") if isinstance(item, dict) else None)
    chosen: dict[str, int] = {}
    total = 0
    for digest in candidates:
        if not is_sha256(digest) or digest in chosen:
            continue
        size = blobstore.size_of(digest)
        if size is None or size > limit or total + size > MAX_ANSWER_FILES_BYTES:
            continue
        if blobstore.may_read(user, digest):
            chosen[digest] = size
            total += size
    return chosen


def pieces(chosen: dict[str, int]) -> Iterable[tuple[str, Iterable[bytes]]]:
    """The chosen files' bytes, chunk by chunk, for `bundle_file.write`."""
    for digest, size in chosen.items():
        yield digest, blobstore.read(digest, 0, size - 1)
