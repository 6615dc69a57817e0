"""Journal rows and blobs written straight through the models, and notes, for export tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import struct
import uuid
import zlib

from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import store as notes
from team_desktop.core.paths import DataPaths
from team_desktop.core.store.models import database
from team_desktop.core.store.portfolio_models import AttachmentBlob, JournalEntry


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A real, tiny, red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def store_blob(paths: DataPaths, data: bytes, name: str, mime: str) -> dict:
    """Write a blob where the journal keeps it and return its `attachments_json` item."""
    digest = hashlib.sha256(data).hexdigest()
    folder = paths.attachments / digest[:2]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / digest).write_bytes(data)
    with database.atomic():
        AttachmentBlob.insert(hash=digest, size=len(data), mime=mime).on_conflict_ignore().execute()
    return {"hash": digest, "name": name, "size": len(data), "mime": mime}


def add_entry(
    title: str,
    body: str = "",
    tags: list[str] | None = None,
    day: dt.date = dt.date(2024, 5, 2),
    attachments: list[dict] | None = None,
    **fields,
) -> str:
    """Insert a journal entry row; returns its id."""
    entry_id = fields.pop("id", uuid.uuid4().hex)
    with database.atomic():
        JournalEntry.create(
            id=entry_id,
            title=title,
            body=body,
            tags_json=json.dumps(tags or [], ensure_ascii=False),
            attachments_json=json.dumps(attachments or []),
            entry_date=day,
            **fields,
        )
    return entry_id


def write_note(title: str, text: str, ready: bool = False) -> str:
    """A co-preparation note made through the notes core, by the local author."""
    note_id = notes.create(title)
    doc = notes.load(note_id)
    doc.replace_all(text, note_authors.local_author())
    notes.save(note_id, doc)
    if ready:
        notes.set_ready(note_id, True)
    return note_id
