"""Real team-server processes for the benchmarks, and clients' devices, from the test harness.

The harness (tests/live_server.py, tests/sync/) is reused as it is: the benchmarks measure the
same servers, proxy and devices that the sync tests exercise.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from tests.live_server import LiveServer, PostgresAdmin
from tests.sync.clients import Client, unique, write_entry
from tests.sync.fault_proxy import FaultProxy

__all__ = ["Client", "FaultProxy", "LiveServer", "postgres_url", "server", "unique", "write_entry"]


def postgres_url() -> str | None:
    """The administrator URL of the PostgreSQL server to use, if one is configured."""
    return os.environ.get("TEAM_TEST_POSTGRES_URL")


@contextlib.contextmanager
def server(data_dir: Path, backend: str = "sqlite", workers: int = 1) -> Iterator[LiveServer]:
    """A started server on a fresh database (SQLite in `data_dir`, or a new PostgreSQL one)."""
    admin = database_url = None
    if backend == "postgresql":
        admin = PostgresAdmin(postgres_url())
        database_url = admin.create(migrated=True)
    live = WorkersServer(data_dir, database_url, workers)
    try:
        yield live.start()
    finally:
        live.stop()
        if admin:
            admin.drop_all()


class WorkersServer(LiveServer):
    """A LiveServer started with `--workers N`, as an administrator runs it at scale."""

    def __init__(self, data_dir: Path, database_url: str | None, workers: int):
        super().__init__(data_dir, database_url)
        self.workers = workers

    def command(self) -> list[str]:
        return super().command() + ["--workers", str(self.workers)]
