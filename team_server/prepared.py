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

from peewee import ModelSelect, RawQuery

from team_server.db import database


class Prepared:
    """`build(*markers)` compiled for the current database; `run(*values)` queries with them.

    Markers are strings no request can send (they hold NUL), so that any field accepts them.
    """

    def __init__(self, build: Callable[..., ModelSelect], parameters: int, tuples: bool = False):
        self._build = build
        self._markers = [f"\x00team-parameter-{i}\x00" for i in range(parameters)]
        self._tuples = tuples
        self._compiled: dict[int, tuple[ModelSelect, str, list[Any]]] = {}
        self._lock = threading.Lock()

    def run(self, *values: Any) -> RawQuery:
        """The query with `values` in place of the markers, as raw SQL on the same model."""
        query, sql, params = self._compile()
        places = dict(zip(self._markers, values, strict=True))
        bound = [places.get(param, param) if isinstance(param, str) else param for param in params]
        raw = query.model.raw(sql, *bound)
        return raw.tuples() if self._tuples else raw

    def _compile(self) -> tuple[ModelSelect, str, list[Any]]:
        key = id(database.obj)  # SQLite and PostgreSQL differ in quoting and placeholders
        found = self._compiled.get(key)
        if found is None:
            with self._lock:
                query = self._build(*self._markers)
                sql, params = query.sql()
                found = self._compiled[key] = (query, sql, params)
        return found
