"""The server's database: SQLite or PostgreSQL from one URL, pooled, one connection per request."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlparse

from peewee import Database, DatabaseProxy, PostgresqlDatabase
from playhouse import db_url
from playhouse.pool import PooledPostgresqlDatabase

database = DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    # Writers queue instead of failing at once: SQLite serializes them.
    "busy_timeout": 10000,
}
# Any constant shared by every instance: the key of the lock that orders `seq`.
SEQ_LOCK_KEY = 0x7EA3_5E0

POOL_SCHEMES = {
    "sqlite": "sqlite+pool",
    "postgres": "postgresql+pool",
    "postgresql": "postgresql+pool",
}

T = TypeVar("T")


# A pooled connection back in the pool for less than this is used without a ping.
PING_AFTER = 1.0


class _PostgresPool(PooledPostgresqlDatabase):
    """PostgreSQL pooled, with fewer round trips on the paths every request takes.

    Peewee's pool pings (`SELECT 1`) each connection it hands out: two round trips of every
    request, for connections used a few milliseconds before. Only one idle for `PING_AFTER`
    is pinged: a restarted PostgreSQL takes longer than that, so the connections it dropped
    are found before use, and one dropped mid-request fails as it would have anyway.

    A write transaction (`begin(write_lock=True)`) sends BEGIN, the advisory lock and the read
    of the `seq` counter as one query; its commit sends the counter's new value with COMMIT.
    """

    def init(self, database, **kwargs):
        super().init(database, **kwargs)
        self._returned: dict[int, float] = {}

    def _is_closed(self, conn) -> bool:
        returned = self._returned.pop(self.conn_key(conn), 0.0)
        if conn.closed:
            return True
        idle = self._adapter.txn_status(conn) == self._adapter.txn_idle
        if idle and time.monotonic() - returned < PING_AFTER:
            return False
        return super()._is_closed(conn)

    def _close(self, conn, close_conn: bool = False) -> None:
        if not close_conn:
            self._returned[self.conn_key(conn)] = time.monotonic()
        super()._close(conn, close_conn)

    def begin(self, isolation_level=None, write_lock: bool = False) -> None:
        if not write_lock:
            return super().begin(isolation_level)
        # One statement each, one round trip: the counter is read in a snapshot taken once
        # the lock is held (a statement's snapshot is taken when it starts).
        cursor = self.cursor()
        cursor.execute(
            f"BEGIN; SELECT pg_advisory_xact_lock({SEQ_LOCK_KEY}); "
            "SELECT value FROM counter WHERE name = 'seq'",
            prepare=False,
        )
        cursor.nextset()
        cursor.nextset()
        _seqs.last = _seqs.written = cursor.fetchone()[0]

    def commit(self) -> None:
        written, _seqs.commit_with = _seqs.commit_with, None
        if written is None:
            return super().commit()
        self.cursor().execute(
            f"UPDATE counter SET value = {int(written)} WHERE name = 'seq'; COMMIT",
            prepare=False,
        )


class DatabaseUrlError(ValueError):
    """The database URL names a database the server cannot use."""


def open_database(url: str) -> Database:
    """A pooled peewee database for `url` (`sqlite:///path` or `postgresql://...`)."""
    parsed = urlparse(url)
    scheme = POOL_SCHEMES.get(parsed.scheme)
    if scheme is None:
        raise DatabaseUrlError(
            f"Adresse de base de données non prise en charge : « {parsed.scheme}:// » "
            "(utilisez sqlite:///chemin ou postgresql://…)."
        )
    pooled = scheme + url[len(parsed.scheme) :]
    # Waiting for a free connection beats failing a request at a busy moment.
    pool = {"max_connections": 16, "stale_timeout": 300, "timeout": 30}
    if scheme == "sqlite+pool":
        Path(parsed.path).parent.mkdir(parents=True, exist_ok=True)
        return db_url.connect(
            pooled,
            pragmas=SQLITE_PRAGMAS,
            # BEGIN IMMEDIATE: a transaction that writes holds the write lock from its start,
            # so read-then-write merges never interleave and `seq` follows commit order.
            lock_type="IMMEDIATE",
            check_same_thread=False,
            **pool,
        )
    return _PostgresPool(**db_url.parse(url), prefer_psycopg3=True, **pool)


def is_postgresql(db: Database | DatabaseProxy = database) -> bool:
    target = db.obj if isinstance(db, DatabaseProxy) else db
    return isinstance(target, PostgresqlDatabase)


def lock_writes() -> None:
    """Serialize writers for the rest of the transaction (call first thing inside it).

    On PostgreSQL an advisory transaction lock that every instance shares; SQLite already holds
    its write lock from BEGIN IMMEDIATE.
    """
    if is_postgresql():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (SEQ_LOCK_KEY,))


# This process's SQLite writers queue here, woken as soon as the one before commits. Left to
# SQLite's busy handler, which polls with sleeps of up to 100 ms, a sync's p99 at 10 clients
# was 800 ms.
_SQLITE_WRITERS = threading.Lock()


class _Seqs(threading.local):
    """The `seq` values this thread's write transaction handed out: the counter is read (or
    bumped) once at its start or first seq, written once more as it commits if it handed out
    more."""

    active = False
    last: int | None = None
    written: int | None = None
    commit_with: int | None = None  # PostgreSQL: the counter's value, sent with COMMIT
    # Rows written just before the transaction commits, by their flush (see `deferred`).
    deferred: dict[Callable[[list], None], list] = {}


_seqs = _Seqs()


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """One transaction that may assign `seq`: all of it commits, or none of it."""
    if _seqs.active:  # nested: a savepoint; the outer one holds the lock, writes the counter
        kept = {flush: len(rows) for flush, rows in _seqs.deferred.items()}
        try:
            with database.atomic():
                yield
        except BaseException:
            for flush, rows in _seqs.deferred.items():  # rolled back with the savepoint
                del rows[kept.get(flush, 0) :]
            raise
        return
    own = not database.in_transaction()
    # A transaction of its own on PostgreSQL takes the lock and reads the counter as it
    # begins (_PostgresPool.begin); on SQLite this process's writers queue first.
    folded = own and is_postgresql()
    _seqs.active, _seqs.last, _seqs.written, _seqs.commit_with = True, None, None, None
    _seqs.deferred = {}
    try:
        with (
            _SQLITE_WRITERS if own and not folded else contextlib.nullcontext(),
            database.atomic(write_lock=True) if folded else database.atomic(),
        ):
            if not folded:
                lock_writes()
            yield
            for flush, rows in _seqs.deferred.items():
                flush(rows)
            if _seqs.last != _seqs.written:
                if folded:
                    _seqs.commit_with = _seqs.last
                else:
                    database.execute_sql(
                        f"UPDATE counter SET value = {database.param} WHERE name = 'seq'",
                        (_seqs.last,),
                    )
    finally:
        _seqs.active, _seqs.commit_with, _seqs.deferred = False, None, {}


def deferred(flush: Callable[[list], None]) -> list:
    """Rows that `flush(rows)` writes as this thread's write transaction ends, just before it
    commits: what every push of a group commit appends there costs one statement for all.
    Dropped if the transaction rolls back."""
    if not _seqs.active:
        raise RuntimeError("rows are only deferred inside write_transaction()")
    return _seqs.deferred.setdefault(flush, [])


def handed_out_seq() -> int | None:
    """Inside write_transaction, the last seq handed out (or read as it began): the counter
    in the database lags until the commit. None outside, or before any was."""
    return _seqs.last if _seqs.active else None


def next_seq() -> int:
    """The next global sequence number, inside write_transaction (whose lock keeps `seq` in
    commit order).

    On SQLite the transaction's first takes one round trip (the counter bumped, RETURNING its
    value; PostgreSQL read it as the transaction began), the others none: a group commit of
    many pushes writes the counter once more, at its end.
    """
    if not _seqs.active:
        raise RuntimeError("seq is only handed out inside write_transaction()")
    if _seqs.last is None:
        cursor = database.execute_sql(
            "UPDATE counter SET value = value + 1 WHERE name = 'seq' RETURNING value"
        )
        _seqs.last = _seqs.written = cursor.fetchall()[0][0]
    else:
        _seqs.last += 1
    return _seqs.last


def connected(function: Callable[..., T]) -> Callable[..., T]:
    """Run a (synchronous) route or dependency with a pooled connection, released after."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with database.connection_context():
            return function(*args, **kwargs)

    return wrapper
