"""Synced records on the server: who may see them, and writing them with a fresh `seq`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextvars import ContextVar

from peewee import Expression, Value

from team_server.db import handed_out_seq, next_seq
from team_server.models import (
    FACILITATOR,
    GROUP,
    Counter,
    Membership,
    Record,
    User,
    Withdrawal,
    utcnow,
)
from team_server.prepared import Prepared

# Kinds with global UUIDs that other members may see; the others are keyed per user.
SHARED_KINDS = (
    *("entry", "note", "comment", "evidence", "endorsement", "validation"),
    *("season", "announcement"),
)
# Kinds that follow their target (`Record.target`) in and out of its group.
FOLLOWERS = ("comment", "endorsement")
OWN_KINDS = ("progress", "time", "quiz", "bookmark", "answer", "statement", "progress_share")
KINDS = OWN_KINDS + SHARED_KINDS

# Called by `save` before it writes anything, with the record as it is and its new JSON text
# and note document: exchange.py counts the account's quota there, and may refuse the change.
before_write: ContextVar[Callable[[Record, str, bytes | None], None] | None] = ContextVar(
    "before_write", default=None
)


def scope_for(kind: str, user: User) -> str:
    """Per-user kinds are keyed within their owner; shared kinds by their UUID alone."""
    return "" if kind in SHARED_KINDS else user.id


def group_ids(user: User) -> list[str]:
    """Ids of the groups the user belongs to now."""
    return [
        row.group_id
        for row in Membership.select(Membership.group).where(Membership.user == user.id)
    ]


def is_member(user: User, group_id: str | None) -> bool:
    return (
        group_id is not None
        and Membership.select()
        .where((Membership.user == user.id) & (Membership.group == group_id))
        .exists()
    )


def is_facilitator(user: User, group_id: str) -> bool:
    return (
        Membership.select()
        .where(
            (Membership.user == user.id)
            & (Membership.group == group_id)
            & (Membership.role == FACILITATOR)
        )
        .exists()
    )


def visible_to(user: User, groups: list[str]) -> Expression:
    """Records the user may see: their own, and group records of their groups."""
    shared = (Record.visibility == GROUP) & Record.group_id.in_(groups or [""])
    return (Record.owner == user.id) | shared


def can_see(user: User, record: Record) -> bool:
    return record.owner_id == user.id or (
        record.visibility == GROUP and is_member(user, record.group_id)
    )


def others_notes_with(user_id: str) -> Iterator[tuple[Record, bytes]]:
    """Notes owned by others whose document names `user_id` (as an author of words, a name
    or a ready mark): (record, document). A quick byte search first, the caller reads it."""
    marker = user_id.encode("utf-8")
    for record in Record.select().where(
        (Record.kind == "note") & (Record.owner != user_id) & Record.crdt.is_null(False)
    ):
        document = bytes(record.crdt)
        if marker in document:
            yield record, document


_FIND = Prepared(
    lambda kind, scope, record_id: Record.select().where(
        (Record.kind == kind) & (Record.scope == scope) & (Record.record_id == record_id)
    ),
    3,
)


# A pushed batch's records, read with its other reads at its start (applied_changes.read_batch)
# and kept up to date by `save`: (kind, scope, record id) -> the record, or None.
known: ContextVar[dict[tuple[str, str, str], Record | None] | None] = ContextVar(
    "known", default=None
)


def find(kind: str, user: User, record_id: str) -> Record | None:
    """The record of `kind` and id as `user` names it (each pushed change looks it up)."""
    key = (kind, scope_for(kind, user), record_id)
    records = known.get()
    if records is not None and key in records:
        return records[key]
    return next(iter(_FIND.run(*key)), None)


_LAST_SEQ = Prepared(
    lambda name: Counter.select(Counter.value).where(Counter.name == name), 1, tuples=True
)


def last_seq() -> int:
    """The highest `seq` committed (each sync reads it: a prepared query), or, inside a write
    transaction, the highest it has handed out: its own records are below it."""
    handed_out = handed_out_seq()
    return _LAST_SEQ.run("seq")[0][0] if handed_out is None else handed_out


def new_record(kind: str, owner: User, record_id: str) -> Record:
    """A record not yet saved (`save` gives it rev 1 and a seq)."""
    return Record(
        kind=kind, scope=scope_for(kind, owner), record_id=record_id, owner=owner.id, rev=0
    )


def save(
    record: Record,
    data: dict,
    *,
    visibility: str = "private",
    group_id: str | None = None,
    crdt: bytes | None = None,
) -> Record:
    """Write a record with a new `seq` and `rev`, telling a group it left to drop it."""
    text = json.dumps(data, ensure_ascii=False)
    check = before_write.get()
    if check is not None:
        check(record, text, crdt)
    if record.id is not None:
        withdraw_if_leaving(record, visibility, group_id)
    record.visibility = visibility
    record.group_id = group_id if visibility == GROUP else None
    record.data = text
    record.crdt = crdt
    record.rev += 1
    record.seq = next_seq()
    record.updated_at = utcnow()
    # Every field, as Model.save() writes them, from SQL compiled once (team_server/prepared.py).
    row = [record.owner_id, record.visibility, record.group_id, record.rev, record.seq]
    row += [record.data, record.crdt, record.target, record.updated_at]
    if record.id is None:
        inserted = _INSERT.execute(record.kind, record.scope, record.record_id, *row)
        record.id = inserted.fetchall()[0][0]
    else:
        _UPDATE.execute(*row, record.kind, record.scope, record.record_id, record.id)
    records = known.get()
    if records is not None:
        records[(record.kind, record.scope, record.record_id)] = record
    return record


# Fields `save` writes, in the order of its values.
_WRITTEN = ("owner", "visibility", "group_id", "rev", "seq", "data", "crdt", "target", "updated_at")
_KEY = ("kind", "scope", "record_id")


def _row(markers: tuple[str, ...], names: tuple[str, ...]) -> dict:
    return {
        getattr(Record, name): Value(marker, converter=False)
        for name, marker in zip(names, markers, strict=True)
    }


_INSERT = Prepared(
    lambda *m: Record.insert(_row(m, _KEY + _WRITTEN)).returning(Record.id), len(_KEY + _WRITTEN)
)
_UPDATE = Prepared(
    lambda *m: Record.update(_row(m[:-1], _WRITTEN + _KEY)).where(
        Record.id == Value(m[-1], converter=False)
    ),
    len(_WRITTEN + _KEY) + 1,
)


def withdraw_if_leaving(record: Record, visibility: str, group_id: str | None) -> None:
    """A record leaving its group: its members are told to drop it (its owner keeps it)."""
    if record.visibility != GROUP or (visibility == GROUP and group_id == record.group_id):
        return
    Withdrawal.insert(
        seq=next_seq(),
        kind=record.kind,
        record_id=record.record_id,
        owner=record.owner_id,
        group_id=record.group_id,
    ).on_conflict(
        conflict_target=[Withdrawal.kind, Withdrawal.record_id, Withdrawal.group_id],
        preserve=[Withdrawal.seq],
    ).execute()


def target_key(kind: str, record_id: str) -> str:
    return f"{kind}:{record_id}"


def rescope_comments(target: Record) -> None:
    """Comments (and endorsements) live in the group they were written in: when their target
    leaves it, they become visible to their authors only (never to a group they were not
    written for)."""
    comments = Record.select().where(
        Record.kind.in_(FOLLOWERS)
        & (Record.target == target_key(target.kind, target.record_id))
        & (Record.visibility == GROUP)
    )
    for comment in comments:
        if target.visibility != GROUP or comment.group_id != target.group_id:
            save(comment, json.loads(comment.data))
