"""Queries that every sync runs, turned into SQL once per database instead of once per request.

Measured (docs/decisions/0014-commit-path.md): peewee spends about 1 ms of CPU building the SQL
of one small query, ten times what the database takes to answer it; a sync with nothing to do
ran four of them. A prepared query is built once with markers in place of its parameters, and
then run as raw SQL with the request's values: peewee still turns the rows into models.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from peewee import Query, RawQuery

from team_server.db import database


class Prepared:
    """`build(*markers)` compiled for the current database; `run(*values)` queries with them,
    `execute(*values)` runs a write (an insert, an update) and returns its cursor.

    Markers are strings no request can send (they hold NUL), so that any text field accepts
    them; a number field takes one as `Value(marker, converter=False)`.
    """

    def __init__(self, build: Callable[..., Query], parameters: int, tuples: bool = False):
        self._build = build
        self._markers = [f"\x00team-parameter-{i}\x00" for i in range(parameters)]
        self._tuples = tuples
        self._compiled: dict[int, tuple[Query, str, list[Any]]] = {}
        self._lock = threading.Lock()

    def run(self, *values: Any) -> RawQuery:
        """The query with `values` in place of the markers, as raw SQL on the same model."""
        query, sql, bound = self._bind(values)
        raw = query.model.raw(sql, *bound)
        return raw.tuples() if self._tuples else raw

    def execute(self, *values: Any) -> Any:
        """Run the statement with `values` (as the database takes them); its cursor."""
        _query, sql, bound = self._bind(values)
        return database.execute_sql(sql, bound)

    def _bind(self, values: tuple) -> tuple[Query, str, list[Any]]:
        query, sql, params = self._compile()
        places = dict(zip(self._markers, values, strict=True))
        bound = [places.get(param, param) if isinstance(param, str) else param for param in params]
        return query, sql, bound

    def _compile(self) -> tuple[Query, str, list[Any]]:
        key = id(database.obj)  # SQLite and PostgreSQL differ in quoting and placeholders
        found = self._compiled.get(key)
        if found is None:
            with self._lock:
                query = self._build(*self._markers)
                sql, params = query.sql()
                found = self._compiled[key] = (query, sql, params)
        return found


class BySize:
    """Prepared statements over lists of any length: one per size of its lists, built by
    `make(*sizes)`. Lists `padded` to a power of two let a few sizes serve every length."""

    def __init__(self, make: Callable[..., Prepared]):
        self._make = make
        self._sizes: dict[tuple[int, ...], Prepared] = {}

    def exactly(self, *sizes: int) -> Prepared:
        """The statement for lists of these sizes."""
        found = self._sizes.get(sizes)
        if found is None:
            found = self._sizes.setdefault(sizes, self._make(*sizes))
        return found


def padded(items: list, filler: Any) -> list:
    """`items` filled with `filler` (a value that matches nothing) up to a power of two, one
    place at least."""
    size = 1 << max(len(items) - 1, 0).bit_length()
    return items + [filler] * (size - len(items))
