"""What a pushed batch reads first, in one statement, and the change ids it applied.

A change id applied once is never applied again (a device resends a batch whose answer it
lost). Each pushed batch reads, in one statement, the ids it carries that were applied before,
the records its changes name (each change looks its record up) and, under a quota, what the
account stores. The ids it applied are written as its transaction commits, with those of the
other pushes of its group commit (db.deferred): one insert for all. SQL is compiled once per
size (team_server/prepared.py): a read padded up to a power of two, an insert per number of
rows.
"""

from __future__ import annotations

from peewee import SQL, Cast, Select, Tuple, Value, ValuesList

from team_server import quotas
from team_server.db import deferred
from team_server.models import AppliedChange, Record, utcnow
from team_server.prepared import BySize, Prepared, padded

# Extra columns of the batch read, after the record's fields (NULL where a row is another's).
_APPLIED = ("applied_change_id", "applied_record_id")
_USED = ("used_files", "used_uploads", "used_records")


def _read(size: int, usage: bool) -> Prepared:
    """Records named by `size` keys, applied rows among `size` change ids, and the usage."""

    def build(user_id: str, *markers: str):
        keys, change_ids = markers[: 3 * size], markers[3 * size :]
        fields = Record._meta.sorted_fields
        null = SQL("NULL")
        # Row values against a VALUES list: a chain of ORs overflows SQLite's parser.
        rows = ValuesList([keys[i : i + 3] for i in range(0, len(keys), 3)])
        named = Tuple(Record.kind, Record.scope, Record.record_id).in_(rows)
        # Typed: PostgreSQL takes an untyped NULL of the first row for text.
        types = ("TEXT", "BIGINT") + (("BIGINT",) * len(_USED) if usage else ())
        names = _APPLIED + (_USED if usage else ())
        extra = [Cast(null, kind).alias(name) for kind, name in zip(types, names, strict=True)]
        query = Record.select(*fields, *extra).where(named)
        applied = AppliedChange.select(
            *[null] * len(fields),
            AppliedChange.change_id,
            AppliedChange.record,
            *[null] * (len(_USED) if usage else 0),
        ).where((AppliedChange.user == user_id) & AppliedChange.change_id.in_(change_ids))
        query = query.union_all(applied)
        if usage:
            used = [Cast(part, "BIGINT") for part in quotas.usage_columns(user_id, "")]
            nulls = [null] * (len(fields) + len(_APPLIED))
            query = query.union_all(Select(columns=[*nulls, *used]))
        return query

    return Prepared(build, 1 + 4 * size)


def _insert(size: int) -> Prepared:
    def build(*markers: str):
        rows = [markers[i : i + 4] for i in range(0, len(markers), 4)]
        fields = (AppliedChange.user, AppliedChange.change_id)
        fields += (AppliedChange.record, AppliedChange.applied_at)
        values = [[Value(marker, converter=False) for marker in row] for row in rows]
        return AppliedChange.insert_many(values, fields=fields).returning()

    return Prepared(build, size * 4)


# Rows per insert: a group commit's pushes (group_commit.MAX_GROUP) of a change or two each.
MAX_INSERT = 64
_READS = BySize(_read)
_INSERTS = BySize(_insert)


class BatchRead:
    """What `read_batch` found: `done` (change id -> the record it wrote, if any), `records`
    ((kind, scope, record id) -> the record, None where there is none), `used` (bytes the
    account stores, None when not asked)."""

    def __init__(self) -> None:
        self.done: dict[str, int | None] = {}
        self.records: dict[tuple[str, str, str], Record | None] = {}
        self.used: int | None = None


def read_batch(user_id: str, changes: list[tuple[str, str, str, str]], usage: bool) -> BatchRead:
    """For `changes` (change id, kind, scope, record id): one statement."""
    found = BatchRead()
    if not changes:
        return found
    # Padded with a change that matches nothing: no record has an empty kind.
    places = padded(changes, changes[-1][:1] + ("", "", ""))
    keys = [value for _change_id, *key in places for value in key]
    change_ids = [change_id for change_id, *_key in places]
    found.records = {tuple(key): None for _change_id, *key in changes}
    # Applied by a push of this transaction, not written yet (`record`).
    wanted = set(change_ids)
    for user, change_id, record_id, _at in deferred(_write):
        if user == user_id and change_id in wanted:
            found.done[change_id] = record_id
    for row in _READS.exactly(len(places), usage).run(user_id, *keys, *change_ids):
        if row.id is not None:
            found.records[(row.kind, row.scope, row.record_id)] = row
        elif row.applied_change_id is not None:
            found.done[row.applied_change_id] = row.applied_record_id
        else:
            found.used = sum(int(getattr(row, name) or 0) for name in _USED)
    return found


def record(user_id: str, done: list[tuple[str, int | None]]) -> None:
    """Remember that these changes (change id, record id) are applied: written with the other
    pushes' of the transaction, as it commits (db.deferred)."""
    now = utcnow()
    deferred(_write).extend((user_id, change_id, record_id, now) for change_id, record_id in done)


def _write(rows: list[tuple[str, str, int | None, object]]) -> None:
    for start in range(0, len(rows), MAX_INSERT):
        part = rows[start : start + MAX_INSERT]
        _INSERTS.exactly(len(part)).execute(*[value for row in part for value in row])
