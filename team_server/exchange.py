"""Applying a pushed batch: each change once, merged by kind, visibility checked, in one transaction.

The kinds' handlers (team_server/handlers.py) check and merge one change each; here a request's
batch is applied once per change id, inside a group commit, counted against the account's
quota, and each change refused alone.
"""

from __future__ import annotations

import contextlib
import json

from team_server import applied_changes, group_commit, merge, quotas
from team_server import records as rec
from team_server.db import database
from team_server.handlers import HANDLERS, Conflict
from team_server.merge import Rejected
from team_server.models import Record, User
from team_server.schemas import Refused

__all__ = ["HANDLERS", "Conflict", "apply_batch"]


class _WroteThenRefused(Exception):
    """A change refused after it wrote something: its request runs again, a savepoint each."""


def apply_batch(
    user: User, device_id: str, changes: list[dict | Refused], quota: int = 0
) -> tuple[list[dict], dict[int, int]]:
    """Apply every change, all or none, durably; returns one ack per change, and the echoes.

    Concurrent batches share one commit (group_commit). A change that would take the account
    past `quota` bytes (0: no quota) is refused alone.

    Echoes (record id -> seq) are records now stored exactly as this device pushed them: the
    device has them already, so the pull of the same exchange need not send them back.
    """
    if not changes:
        return [], {}  # nothing to write: no transaction, no lock, no wait behind pushes
    echoes: dict[int, int] = {}

    def apply(savepoints: bool) -> list[dict]:
        echoes.clear()  # run again when another request of its group failed
        return _Batch(user, device_id, quota, echoes, savepoints).apply(changes)

    # A change is refused before it writes (a savepoint each would cost two round trips
    # under the lock); should one be refused after, the batch runs again with savepoints.
    try:
        return group_commit.pushes.run(lambda: apply(False)), echoes
    except _WroteThenRefused:
        return group_commit.pushes.run(lambda: apply(True)), echoes


class _Batch:
    """One request's changes, applied in the transaction of its group commit."""

    def __init__(
        self, user: User, device_id: str, quota: int, echoes: dict[int, int], savepoints: bool
    ):
        self.user, self.device_id, self.echoes = user, device_id, echoes
        self.usage = quotas.Tracker(user.id, quota)
        self.savepoints = savepoints
        self.wrote = False  # whether the change being applied has written anything yet

    def apply(self, changes: list[dict | Refused]) -> list[dict]:
        named = [
            (
                change["change_id"],
                change["kind"],
                rec.scope_for(change["kind"], self.user),
                change["id"],
            )
            for change in changes
            if not isinstance(change, Refused)
        ]
        # One statement: the ids applied before, the records the changes name, the usage.
        found = applied_changes.read_batch(self.user.id, named, bool(self.usage.quota))
        self.done = found.done
        if found.used is not None:
            self.usage.prime(found.used)
        self.applied: list[tuple[str, int | None]] = []
        token = rec.before_write.set(self._before_write)
        # With savepoints, a change rolled back would leave its records' copies stale.
        known = rec.known.set(None if self.savepoints else found.records)
        try:
            acks = [self._apply_one(change) for change in changes]
        finally:
            rec.before_write.reset(token)
            rec.known.reset(known)
        applied_changes.record(self.user.id, self.applied)
        return acks

    def _before_write(self, record: Record, text: str, crdt: bytes | None) -> None:
        """The quota, counted before a record of the user's is written (records.save)."""
        if record.owner_id == self.user.id:
            size = len(text.encode("utf-8")) + len(crdt or b"")
            self.usage.grow(size - (quotas.record_size(record) if record.id else 0))
        self.wrote = True

    def _apply_one(self, change: dict | Refused) -> dict:
        if isinstance(change, Refused):  # it does not fit its kind's schema (schemas.py)
            return {
                "change_id": change.change_id,
                "status": "rejected",
                "error": change.error,
                "field": change.field,
            }
        ack = {"change_id": change["change_id"]}
        if change["change_id"] in self.done:
            record_id = self.done[change["change_id"]]
            record = Record.get_or_none(Record.id == record_id) if record_id else None
            return {**ack, "status": "duplicate", **_result(record)}
        self.wrote = False
        try:
            with database.atomic() if self.savepoints else contextlib.nullcontext():
                record = HANDLERS[change["kind"]](self.user, self.device_id, change)
        except (Rejected, quotas.QuotaExceeded, Conflict) as error:
            if self.wrote and not self.savepoints:
                raise _WroteThenRefused from error
            if isinstance(error, Conflict):
                return {**ack, "status": "conflict", "rev": error.rev}
            return {**ack, "status": "rejected", "error": str(error)}
        self.done[change["change_id"]] = record.id
        self.applied.append((change["change_id"], record.id))
        # A note's pull carries only the delta this device lacks: it is never an echo.
        if record.kind != "note" and json.loads(record.data) == change["data"]:
            self.echoes[record.id] = record.seq
        return {**ack, "status": "applied", **_result(record)}


def _result(record: Record | None) -> dict:
    if record is None:
        return {"rev": None}
    if record.kind == "note":
        return {"rev": record.rev, "state": merge.encode_b64(merge.note_state(record.crdt))}
    return {"rev": record.rev}
