"""The pull half of the sync exchange: what changed for a user after a cursor, by `seq`, paged."""

from __future__ import annotations

import json

from team_server import merge
from team_server import records as rec
from team_server.models import NoteDeviceState, Record, User, Withdrawal


def pull(
    user: User,
    device_id: str,
    groups: list[str],
    cursor: int,
    limit: int,
    echoes: dict[int, int] | None = None,
) -> tuple[list[dict], int, bool]:
    """Up to `limit` changes after `cursor` visible to `user`; returns (changes, cursor, more).

    `echoes` (record id -> seq, from `exchange.apply_batch`) are left out while unchanged since:
    the device pushed them as they are. The cursor still moves past them. Not when the page
    withdraws something: the device then drops records (a withdrawn entry's comments, its own
    among them) that it must get back.
    """
    echoes = echoes or {}
    # Every seq up to the committed counter is committed (seqs are handed out in commit
    # order), so bounding both queries by it keeps them consistent even when each sees its
    # own snapshot: a record can never be skipped for a withdrawal committed with it.
    high = rec.last_seq()
    records = list(
        Record.select(Record, User.id, User.display_name)
        .join(User)
        .where((Record.seq > cursor) & (Record.seq <= high) & rec.visible_to(user, groups))
        # Statements are research traces, written once by a device: never sent back.
        .where(Record.kind != "statement")
        .order_by(Record.seq)
        .limit(limit + 1)
    )
    withdrawals = list(
        Withdrawal.select()
        .where(
            (Withdrawal.seq > cursor)
            & (Withdrawal.seq <= high)
            & Withdrawal.group_id.in_(groups or [""])
            & (Withdrawal.owner != user.id)
        )
        .order_by(Withdrawal.seq)
        .limit(limit + 1)
    )
    merged = sorted(records + withdrawals, key=lambda row: row.seq)
    page = merged[:limit]
    if any(isinstance(row, Withdrawal) for row in page):
        echoes = {}
    states = _device_states(user, device_id, [r for r in page if isinstance(r, Record)])
    changes = [
        _record_change(row, states) if isinstance(row, Record) else _gone(row)
        for row in page
        if not (isinstance(row, Record) and echoes.get(row.id) == row.seq)
    ]
    return changes, (page[-1].seq if page else cursor), len(merged) > limit


def _device_states(user: User, device_id: str, page: list[Record]) -> dict[int, bytes]:
    notes = [record.id for record in page if record.kind == "note"]
    if not notes:
        return {}
    rows = NoteDeviceState.select().where(
        (NoteDeviceState.record.in_(notes))
        & (NoteDeviceState.user == user.id)
        & (NoteDeviceState.device_id == device_id)
    )
    return {row.record_id: bytes(row.state) for row in rows}


def _record_change(record: Record, states: dict[int, bytes]) -> dict:
    data = json.loads(record.data)
    if record.kind == "note":
        document = bytes(record.crdt) if record.crdt else None
        data["update"] = merge.encode_b64(merge.note_delta(document, states.get(record.id)))
        data["state"] = merge.encode_b64(merge.note_state(document))
    return {
        "seq": record.seq,
        "kind": record.kind,
        "id": record.record_id,
        "rev": record.rev,
        "owner": record.owner_id,
        "owner_name": record.owner.display_name,
        "group_id": record.group_id,
        "data": data,
    }


def _gone(withdrawal: Withdrawal) -> dict:
    """A record no longer visible to this user: their devices drop their copy."""
    return {
        "seq": withdrawal.seq,
        "kind": withdrawal.kind,
        "id": withdrawal.record_id,
        "rev": None,
        "owner": withdrawal.owner_id,
        "group_id": withdrawal.group_id,
        "gone": True,
        "data": {},
    }
