"""Tables of the learner's own writing: journal entries, their history, attachments, notes."""

from __future__ import annotations

from peewee import BlobField, BooleanField, DateField, DateTimeField, IntegerField, TextField

from team_desktop.core.store.models import BaseModel, utcnow

# Visibility of an entry or a note (see docs/decisions/0004-learner-records.md).
PRIVATE, GROUP, DEVICE = "private", "group", "device"
VISIBILITIES = (PRIVATE, GROUP, DEVICE)


class JournalEntry(BaseModel):
    """One entry of the reflective journal; `id` is a UUID made on the device that wrote it."""

    id = TextField(primary_key=True)
    title = TextField(default="")
    body = TextField(default="")
    template_id = TextField(null=True)
    lesson_uid = TextField(null=True, index=True)
    activity_uid = TextField(null=True, index=True)
    tags_json = TextField(default="[]")
    attachments_json = TextField(default="[]")  # [{"hash", "name", "size", "mime"}]
    visibility = TextField(default=PRIVATE)
    group_id = TextField(null=True)
    entry_date = DateField()
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow, index=True)
    trashed_at = DateTimeField(null=True)  # in the bin; restorable
    deleted = BooleanField(default=False)  # bin emptied: a tombstone, text gone
    conflict_of = TextField(null=True)  # a conflict copy names the entry it diverged from
    author_id = TextField(null=True)  # the account, once there is one
    server_rev = IntegerField(null=True)  # server revision this text is based on


class EntryVersion(BaseModel):
    """An earlier state of an entry, kept so it can be seen and restored."""

    id = TextField(primary_key=True)
    entry_id = TextField(index=True)
    title = TextField()
    body = TextField()
    saved_at = DateTimeField(default=utcnow)


class AttachmentBlob(BaseModel):
    """A file stored once by its SHA-256 under `attachments/`, whatever entries use it."""

    hash = TextField(primary_key=True)
    size = IntegerField()
    mime = TextField(default="application/octet-stream")
    created_at = DateTimeField(default=utcnow)
    uploaded = BooleanField(default=False)


class Note(BaseModel):
    """A co-preparation note; its text, title and ready marks live in `crdt_state` (pycrdt)."""

    id = TextField(primary_key=True)
    group_id = TextField(null=True)
    activity_uid = TextField(null=True, index=True)
    visibility = TextField(default=PRIVATE)
    crdt_state = BlobField()
    title_cache = TextField(default="")  # for lists and search without loading the CRDT
    text_cache = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow, index=True)
    trashed_at = DateTimeField(null=True)
    deleted = BooleanField(default=False)
    server_state = BlobField(null=True)  # server's state vector last time we synced
    kind = TextField(default="note")  # "plan" for a session plan, read from its document


PORTFOLIO_MODELS = [JournalEntry, EntryVersion, AttachmentBlob, Note]
