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


SYNC_MODELS = [Outbox]
