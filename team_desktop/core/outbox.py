"""Queueing local changes for the next sync; nothing queued is ever dropped silently."""

from __future__ import annotations

from team_desktop.core.store.db import get_setting, set_setting
from team_desktop.core.store.models import utcnow
from team_desktop.core.store.sync_models import Outbox

SEQ_KEY = "outbox.seq"
# Kinds of records that sync (docs/sync-protocol.md); "device" visibility never enters here.
KINDS = (
    *("progress", "time", "quiz", "bookmark", "entry", "note", "comment", "answer", "statement"),
    *("evidence", "endorsement", "validation"),
    *("season", "announcement", "progress_share"),
)


def enqueue(kind: str, record_id: str) -> None:
    """Mark a record as changed here; call inside the transaction that changed it."""
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    # The counter lives apart from the rows: an emptied outbox must never hand out a used
    # number, since the server treats a known change id as a duplicate.
    seq = last_seq() + 1
    set_setting(SEQ_KEY, str(seq))
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


def is_queued(kind: str, record_id: str) -> bool:
    """A change of this record waits to be sent (a pulled version must not overwrite it)."""
    return Outbox.select().where((Outbox.kind == kind) & (Outbox.record_id == record_id)).exists()


def pending(limit: int | None = None) -> list[Outbox]:
    """Pending changes, oldest first."""
    query = Outbox.select().order_by(Outbox.seq)
    return list(query.limit(limit) if limit else query)


def last_seq() -> int:
    """The number of the newest local change: grows with every change, never reused."""
    return int(get_setting(SEQ_KEY) or 0)


def count() -> int:
    return Outbox.select().count()
