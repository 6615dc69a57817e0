"""Which pushed changes a user's devices sent before: looked up and recorded once per batch.

A change id applied once is never applied again (a device resends a batch whose answer it
lost). Each pushed batch reads the ids it carries in one statement and records the applied
ones in a few, from SQL compiled once per size (team_server/prepared.py): sizes are powers of
two, a lookup padded up to one, an insert split into them.
"""

from __future__ import annotations

from peewee import Value

from team_server.models import AppliedChange, utcnow
from team_server.prepared import BySize, Prepared, padded


def _lookup(size: int) -> Prepared:
    return Prepared(
        lambda user_id, *change_ids: AppliedChange.select(
            AppliedChange.change_id, AppliedChange.record
        ).where((AppliedChange.user == user_id) & AppliedChange.change_id.in_(change_ids)),
        size + 1,
        tuples=True,
    )


def _insert(size: int) -> Prepared:
    def build(*markers: str):
        rows = [markers[i : i + 4] for i in range(0, len(markers), 4)]
        fields = (AppliedChange.user, AppliedChange.change_id)
        fields += (AppliedChange.record, AppliedChange.applied_at)
        values = [[Value(marker, converter=False) for marker in row] for row in rows]
        return AppliedChange.insert_many(values, fields=fields).returning()

    return Prepared(build, size * 4)


_LOOKUPS = BySize(_lookup)
_INSERTS = BySize(_insert)


def applied(user_id: str, change_ids: list[str]) -> dict[str, int | None]:
    """The ids among `change_ids` applied before, with the record each one wrote (if any)."""
    if not change_ids:
        return {}
    places = padded(change_ids, change_ids[-1])
    return dict(_LOOKUPS.exactly(len(places)).run(user_id, *places))


def record(user_id: str, done: list[tuple[str, int | None]]) -> None:
    """Remember that these changes (change id, record id) are applied."""
    now, start = utcnow(), 0
    while start < len(done):
        size = 1 << (len(done) - start).bit_length() - 1  # the largest power of two that fits
        values = []
        for change_id, record_id in done[start : start + size]:
            values += [user_id, change_id, record_id, now]
        _INSERTS.exactly(size).execute(*values)
        start += size
