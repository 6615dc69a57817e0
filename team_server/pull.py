"""The pull half of the sync exchange: what changed for a user after a cursor, by `seq`, paged."""

from __future__ import annotations

import json

from peewee import SQL, Expression, Value, fn

from team_server import merge
from team_server import records as rec
from team_server.models import GROUP, NoteDeviceState, Record, User, Withdrawal
from team_server.prepared import BySize, Prepared, padded

# What a withdrawal weighs in a page (a few ids), against the byte budget.
GONE_BYTES = 200


def _visible(cursor: str, high: str, user_id: str, groups: tuple[str, ...]) -> Expression:
    """Changes after `cursor` up to `high` that the user may see (markers: see prepared.py)."""
    after = Value(cursor, converter=False)
    upto = Value(high, converter=False)
    shared = (Record.visibility == GROUP) & Record.group_id.in_(groups)
    return (
        (Record.seq > after)
        & (Record.seq <= upto)
        & ((Record.owner == user_id) | shared)
        # Statements are research traces, written once by a device: never sent back.
        & (Record.kind != "statement")
    )


def _listed(size: int) -> Prepared:
    """The records' ids and sizes and the withdrawals after the cursor, in `seq` order: one
    statement (a withdrawal's row has no size, a record's no kind)."""
    # A note travels as base64 (4 bytes for 3), its data as JSON text.
    length = fn.LENGTH(Record.data) + fn.COALESCE(fn.LENGTH(Record.crdt), 0) * 4 / 3
    nothing = SQL("NULL")

    def build(cursor: str, high: str, user_id: str, limit: str, *groups: str) -> Expression:
        records = Record.select(
            Record.id, Record.seq, length.alias("size"), nothing, nothing, nothing, nothing
        ).where(_visible(cursor, high, user_id, groups))
        withdrawals = Withdrawal.select(
            Withdrawal.id,
            Withdrawal.seq,
            nothing,
            Withdrawal.kind,
            Withdrawal.record_id,
            Withdrawal.owner,
            Withdrawal.group_id,
        ).where(
            (Withdrawal.seq > Value(cursor, converter=False))
            & (Withdrawal.seq <= Value(high, converter=False))
            & Withdrawal.group_id.in_(groups)
            & (Withdrawal.owner != user_id)
        )
        return (
            records.union_all(withdrawals).order_by(SQL("2")).limit(Value(limit, converter=False))
        )

    return Prepared(build, 4 + size, tuples=True)


def _loaded(size: int, groups: int) -> Prepared:
    """The page's records in full (`size` ids), with their owner's name."""

    def build(cursor: str, high: str, user_id: str, *rest: str) -> Expression:
        ids = [Value(marker, converter=False) for marker in rest[:size]]
        return (
            Record.select(Record, User.display_name.alias("owner_name"))
            .join(User)
            .where(_visible(cursor, high, user_id, rest[size:]) & Record.id.in_(ids))
        )

    return Prepared(build, 3 + size + groups)


# Each pull runs these: compiled once per database and size (team_server/prepared.py).
_LISTED, _LOADED = BySize(_listed), BySize(_loaded)


def pull(
    user: User,
    device_id: str,
    groups: list[str],
    cursor: int,
    limit: int,
    echoes: dict[int, int] | None = None,
    max_bytes: int = 4 * 2**20,
    high: int | None = None,
) -> tuple[list[dict], int, bool]:
    """Changes after `cursor` visible to `user`, at most `limit` of them and about `max_bytes`
    (always at least one); returns (changes, cursor, more).

    Sizes are read first and records loaded only for the page, so that one member's large
    records cost each peer's pull a page, never all of them at once.

    `echoes` (record id -> seq, from `exchange.apply_batch`) are left out while unchanged since:
    the device pushed them as they are. The cursor still moves past them. Not when the page
    withdraws something: the device then drops records (a withdrawn entry's comments, its own
    among them) that it must get back. `high`: the last committed seq, if the caller read it.
    """
    echoes = echoes or {}
    # Every seq up to the committed counter is committed (seqs are handed out in commit
    # order), so bounding both queries by it keeps them consistent even when each sees its
    # own snapshot: nothing is skipped, and a record changed in between comes again later.
    high = rec.last_seq() if high is None else high
    places = padded(groups, "")  # no group has the empty id
    listed = list(_LISTED.exactly(len(places)).run(cursor, high, user.id, limit + 1, *places))
    page, spent = [], 0
    for row in listed[:limit]:
        _id, _seq, size, gone_kind = row[:4]
        cost = int(size or 0) if gone_kind is None else GONE_BYTES
        if page and spent + cost > max_bytes:
            break
        page.append(row)
        spent += cost
    more = len(page) < len(listed)
    if any(row[3] is not None for row in page):
        echoes = {}
    # The page's records in full but echoes, still visible and unchanged since their size was
    # read (one changed meanwhile comes again at its new seq).
    wanted = [row[0] for row in page if row[3] is None and echoes.get(row[0]) != row[1]]
    loaded = {}
    if wanted:
        ids = padded(wanted, 0)  # no record has id 0
        query = _LOADED.exactly(len(ids), len(places)).run(cursor, high, user.id, *ids, *places)
        loaded = {record.id: record for record in query}
    states = _device_states(user, device_id, list(loaded.values()))
    changes = []
    for record_id, seq, _size, *gone in page:
        if gone[0] is not None:
            changes.append(_gone(seq, *gone))
            continue
        record = loaded.get(record_id)
        if record is not None and record.seq == seq:
            changes.append(_record_change(record, states))
    # Past everything committed when the page is the last, visible or not: the next pull
    # starts there, not back at this user's last visible change (and a sync with nothing new
    # is then answered without a query: routes/sync.py).
    return changes, (page[-1][1] if more else high), more


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
        "owner_name": record.owner_name,
        "group_id": record.group_id,
        "data": data,
    }


def _gone(seq: int, kind: str, record_id: str, owner_id: str, group_id: str) -> dict:
    """A record no longer visible to this user: their devices drop their copy."""
    return {
        "seq": seq,
        "kind": kind,
        "id": record_id,
        "rev": None,
        "owner": owner_id,
        "group_id": group_id,
        "gone": True,
        "data": {},
    }
