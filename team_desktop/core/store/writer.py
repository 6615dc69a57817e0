"""The one writer: every write to the store waits its turn, locks up front, reports its changes.

Three threads write to a store: the GUI (autosave, progress, bookmarks), the database lane
(imports, pack updates) and the network lane (a sync applying what it pulled). SQLite allows one
writer; a deferred `BEGIN` that later needs to write can fail at once with "database is locked"
when another connection wrote meanwhile. So every transaction here first takes this store's
writer lock (bounded wait), then `BEGIN IMMEDIATE` (the file's write lock, with SQLite's own
busy timeout against other processes). A write statement outside a transaction becomes one.
After the commit, what changed goes to the store's subscribers (`store/changes.py`).
docs/decisions/0009-one-writer-and-change-bus.md explains the choice.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

from peewee import SqliteDatabase

from team_desktop.core.store.changes import (
    TABLE_KINDS,
    ChangeSet,
    Subscriber,
    current_initiator,
    written_table,
)

# How long a writer waits behind another one of this process (a sync applying a large page)
# before it gives up; the GUI thread waits too, so this stays a matter of seconds.
WRITER_WAIT_SECONDS = 15.0

log = logging.getLogger(__name__)


def busy_error() -> sqlite3.OperationalError:
    """The error of a writer that waited its whole turn in vain, coded as SQLite's BUSY."""
    error = sqlite3.OperationalError("database is locked (another write took too long)")
    error.sqlite_errorcode = sqlite3.SQLITE_BUSY
    return error


class StoreDatabase(SqliteDatabase):
    """SQLite where every transaction is a turn of the one writer (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writer = threading.RLock()
        self._turns = threading.local()  # the change set of this thread's open transaction
        self._subscribers: list[Subscriber] = []
        self._subscribers_lock = threading.Lock()

    def subscribe(self, subscriber: Subscriber) -> None:
        """Call `subscriber(changes)` after each committed write (on the writing thread)."""
        with self._subscribers_lock:
            self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """Stop calling `subscriber`."""
        with self._subscribers_lock:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

    def begin(self, lock_type: str | None = None) -> None:
        if not self._writer.acquire(timeout=WRITER_WAIT_SECONDS):
            raise busy_error()
        try:
            super().begin("IMMEDIATE")
        except BaseException:
            self._writer.release()
            raise
        self._turns.changes = ChangeSet(initiator=current_initiator())

    def commit(self) -> None:
        # A failed commit is followed by peewee's rollback, which ends the turn.
        super().commit()
        changes = self._end_turn()
        if changes is not None:
            self._publish(changes)

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._end_turn()

    def _end_turn(self) -> ChangeSet | None:
        changes = getattr(self._turns, "changes", None)
        if changes is None:
            return None
        self._turns.changes = None
        self._writer.release()
        return changes if changes.kinds else None

    def execute_sql(self, sql, params=None):
        table = written_table(sql)
        if table is None:
            return super().execute_sql(sql, params)
        if getattr(self._turns, "changes", None) is None:
            with self.atomic():  # a lone write statement is a turn of its own
                return self.execute_sql(sql, params)
        if table in TABLE_KINDS:
            self._turns.changes.add(TABLE_KINDS[table])
        return super().execute_sql(sql, params)

    def note_change(self, kind: str, ids: tuple[str, ...]) -> None:
        """Record changed ids for the open transaction (or publish them at once without one)."""
        changes = getattr(self._turns, "changes", None)
        if changes is not None:
            changes.add(kind, ids)
            return
        lone = ChangeSet(initiator=current_initiator())
        lone.add(kind, ids)
        self._publish(lone)

    def _publish(self, changes: ChangeSet) -> None:
        with self._subscribers_lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(changes)
            except Exception:  # the write is committed: a listener's bug must not undo it
                log.exception("a change subscriber failed")
