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


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """One transaction that may assign `seq`: all of it commits, or none of it."""
    # Nested in a transaction, this thread holds SQLite's write lock already.
    queued = not is_postgresql() and not database.in_transaction()
    with _SQLITE_WRITERS if queued else contextlib.nullcontext(), database.atomic():
        lock_writes()
        yield


def connected(function: Callable[..., T]) -> Callable[..., T]:
    """Run a (synchronous) route or dependency with a pooled connection, released after."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with database.connection_context():
            return function(*args, **kwargs)

    return wrapper
