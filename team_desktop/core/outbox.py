"""Queueing local changes for the next sync; nothing queued is ever dropped silently."""

from __future__ import annotations

from peewee import fn

from team_desktop.core.store.models import utcnow
from team_desktop.core.store.sync_models import Outbox

# Kinds of records that sync (docs/sync-protocol.md); "device" visibility never enters here.
KINDS = ("progress", "time", "quiz", "bookmark", "entry", "note", "comment", "answer", "statement")


def enqueue(kind: str, record_id: str) -> None:
    """Mark a record as changed here; call inside the transaction that changed it."""
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    seq = (Outbox.select(fn.COALESCE(fn.MAX(Outbox.seq), 0)).scalar() or 0) + 1
    Outbox.insert(kind=kind, record_id=record_id, seq=seq, queued_at=utcnow()).on_conflict(
        conflict_target=[Outbox.kind, Outbox.record_id],
        update={
            Outbox.seq: seq,
            Outbox.queued_at: utcnow(),
            Outbox.attempts: 0,
            Outbox.last_error: None,
        },
    ).execute()


def drop(kind: str, record_id: str) -> None:
    """Forget a pending change (a record turned "this device only" before it ever left)."""
    Outbox.delete().where((Outbox.kind == kind) & (Outbox.record_id == record_id)).execute()


def pending(limit: int | None = None) -> list[Outbox]:
    """Pending changes, oldest first."""
    query = Outbox.select().order_by(Outbox.seq)
    return list(query.limit(limit) if limit else query)


def count() -> int:
    return Outbox.select().count()
