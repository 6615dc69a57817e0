"""What waits to leave the device: one outbox for every kind of syncable record."""

from __future__ import annotations

from peewee import CompositeKey, DateTimeField, IntegerField, TextField

from team_desktop.core.store.models import BaseModel, utcnow


class Outbox(BaseModel):
    """A record changed locally and not yet acknowledged by the server.

    One row per (kind, record): later edits bump `seq`, so a push sends the latest state once.
    """

    kind = TextField()
    record_id = TextField()
    seq = IntegerField()
    queued_at = DateTimeField(default=utcnow)
    attempts = IntegerField(default=0)
    last_error = TextField(null=True)

    class Meta:
        primary_key = CompositeKey("kind", "record_id")


class SharedComment(BaseModel):
    """A comment on a group's entry or note; append-only."""

    id = TextField(primary_key=True)
    target_kind = TextField()
    target_id = TextField(index=True)
    author_id = TextField(null=True)  # null: written here, before any account
    body = TextField()
    created_at = DateTimeField(default=utcnow)


class Person(BaseModel):
    """Names of the people whose shared writing reached this device."""

    id = TextField(primary_key=True)
    display_name = TextField()


class GroupRecord(BaseModel):
    """A group the learner belongs to, as the server last described it."""

    id = TextField(primary_key=True)
    name = TextField()
    role = TextField(default="member")
    invite_code = TextField(null=True)


SYNC_MODELS = [Outbox]
SHARING_MODELS = [SharedComment, Person, GroupRecord]
