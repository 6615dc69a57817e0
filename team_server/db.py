"""The server's database: SQLite or PostgreSQL from one URL, pooled, one connection per request."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlparse

from peewee import Database, DatabaseProxy, PostgresqlDatabase
from playhouse import db_url

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
    return db_url.connect(pooled, prefer_psycopg3=True, **pool)


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
    """The `seq` values this thread's write transaction handed out: the counter is bumped
    once at its first, written once more before it commits if it handed out more."""

    active = False
    last: int | None = None
    written: int | None = None


_seqs = _Seqs()


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """One transaction that may assign `seq`: all of it commits, or none of it."""
    # Nested in a transaction, this thread holds SQLite's write lock already.
    queued = not is_postgresql() and not database.in_transaction()
    with _SQLITE_WRITERS if queued else contextlib.nullcontext(), database.atomic():
        lock_writes()
        if _seqs.active:  # nested: the outer one writes the counter
            yield
            return
        _seqs.active, _seqs.last, _seqs.written = True, None, None
        try:
            yield
            if _seqs.last != _seqs.written:
                database.execute_sql(
                    f"UPDATE counter SET value = {database.param} WHERE name = 'seq'",
                    (_seqs.last,),
                )
        finally:
            _seqs.active = False


def next_seq() -> int:
    """The next global sequence number, inside write_transaction (whose lock keeps `seq` in
    commit order).

    The transaction's first takes one round trip (the counter bumped, RETURNING its value);
    the others none: a group commit of many pushes writes the counter once more, at its end.
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
