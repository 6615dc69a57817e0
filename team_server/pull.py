"""The pull half of the sync exchange: what changed for a user after a cursor, by `seq`, paged."""

from __future__ import annotations

import json

from peewee import fn

from team_server import merge
from team_server import records as rec
from team_server.models import NoteDeviceState, Record, User, Withdrawal

# What a withdrawal weighs in a page (a few ids), against the byte budget.
GONE_BYTES = 200


def pull(
    user: User,
    device_id: str,
    groups: list[str],
    cursor: int,
    limit: int,
    echoes: dict[int, int] | None = None,
    max_bytes: int = 4 * 2**20,
) -> tuple[list[dict], int, bool]:
    """Changes after `cursor` visible to `user`, at most `limit` of them and about `max_bytes`
    (always at least one); returns (changes, cursor, more).

    Sizes are read first and records loaded only for the page, so that one member's large
    records cost each peer's pull a page, never all of them at once.

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
    visible = (
        (Record.seq > cursor)
        & (Record.seq <= high)
        & rec.visible_to(user, groups)
        # Statements are research traces, written once by a device: never sent back.
        & (Record.kind != "statement")
    )
    # A note travels as base64 (4 bytes for 3), its data as JSON text.
    size = fn.LENGTH(Record.data) + fn.COALESCE(fn.LENGTH(Record.crdt), 0) * 4 / 3
    sized = list(
        Record.select(Record.id, Record.seq, size.alias("size"))
        .where(visible)
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
    merged = sorted(sized + withdrawals, key=lambda row: row.seq)
    page, spent = [], 0
    for row in merged[:limit]:
        cost = int(row.size or 0) if isinstance(row, Record) else GONE_BYTES
        if page and spent + cost > max_bytes:
            break
        page.append(row)
        spent += cost
    more = len(page) < len(merged)
    # The page's records in full, still visible and unchanged since their size was read (one
    # changed meanwhile comes again at its new seq).
    wanted = [row.id for row in page if isinstance(row, Record)]
    loaded = {
        record.id: record
        for record in Record.select(Record, User.id, User.display_name)
        .join(User)
        .where(visible & Record.id.in_(wanted or [0]))
    }
    if any(isinstance(row, Withdrawal) for row in page):
        echoes = {}
    states = _device_states(user, device_id, list(loaded.values()))
    changes = []
    for row in page:
        if isinstance(row, Withdrawal):
            changes.append(_gone(row))
            continue
        record = loaded.get(row.id)
        if record is not None and record.seq == row.seq and echoes.get(row.id) != row.seq:
            changes.append(_record_change(record, states))
    # Past everything committed when the page is the last, visible or not: the next pull
    # starts there, not back at this user's last visible change (and a sync with nothing new
    # is then answered without a query: routes/sync.py).
    return changes, (page[-1].seq if more else high), more


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
