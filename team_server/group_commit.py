"""Group commit: the pushes that arrive while one commits share the next durable commit.

Every write that assigns `seq` runs under one lock (db.write_transaction) so that `seq` follows
commit order and a pull never misses a change; with one commit per push, throughput was bounded
by one durable commit (and its lock round trips) per request whatever the number of clients.
Here the requests that queue while a transaction commits are applied by the next "leader" thread
in one transaction, and all are made durable by one commit; a request whose work fails is
left out and the others are applied again, so that it fails alone. Ordering is unchanged: still one
transaction at a time, under the same lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from team_server.db import write_transaction

T = TypeVar("T")

# Enough to amortise a commit, few enough that one slow request delays few others.
MAX_GROUP = 32


class _Slot(Generic[T]):
    """One request's work, then its result or its exception."""

    def __init__(self, work: Callable[[], T]):
        self.work = work
        self.result: T | None = None
        self.error: BaseException | None = None
        self.done = False


class GroupCommit:
    """Runs callables in shared write transactions; `run` returns once its work is durable."""

    def __init__(self) -> None:
        self._queue: list[_Slot] = []
        self._queue_lock = threading.Lock()
        self._leader = threading.Lock()
        self.commits = 0  # transactions committed, for the benchmarks and tests

    def run(self, work: Callable[[], T]) -> T:
        """`work()` inside a write transaction, committed (possibly with others') on return."""
        slot: _Slot[T] = _Slot(work)
        with self._queue_lock:
            self._queue.append(slot)
        while not slot.done:
            with self._leader:
                if not slot.done:
                    self._lead()
        if slot.error is not None:
            raise slot.error
        return slot.result  # type: ignore[return-value]

    def queued(self) -> int:
        """Requests waiting for the next transaction."""
        with self._queue_lock:
            return len(self._queue)

    def _lead(self) -> None:
        """Apply what is queued (up to MAX_GROUP, oldest first) in one transaction."""
        with self._queue_lock:
            group, self._queue = self._queue[:MAX_GROUP], self._queue[MAX_GROUP:]
        try:
            while group:
                group = self._commit(group)
        finally:
            for slot in group:
                slot.done = True

    def _commit(self, group: list[_Slot]) -> list[_Slot]:
        """One transaction for `group`; returns the slots to run again (none when committed).

        A request whose work raises fails alone: the transaction is rolled back and the others
        run again in a new one. A savepoint per request would cost two more round trips each,
        under the lock, on the path every push takes; a failure is rare.
        """
        failed = None
        try:
            with write_transaction():
                for slot in group:
                    try:
                        slot.result = slot.work()
                    # BaseException too: pycrdt's PanicException is one.
                    except BaseException as error:
                        failed, slot.error = slot, error
                        raise
        except BaseException as error:
            if failed is None:  # the commit itself failed: nothing of the group is stored
                for slot in group:
                    slot.error = error
                return []
            failed.done = True
            return [slot for slot in group if slot is not failed]
        self.commits += 1
        for slot in group:
            slot.done = True
        return []


pushes = GroupCommit()
