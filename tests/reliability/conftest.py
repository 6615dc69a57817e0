"""Fixtures for the reliability tests: the sync clients and fault proxy of tests/sync."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "sync"))
sys.path.insert(0, str(HERE.parent / "server"))


from clients import client_factory  # noqa: E402
from live_server import LiveServer  # noqa: E402


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory) -> LiveServer:
    """One embedded-SQLite server for a module (the kill and fault tests need no PostgreSQL:
    the sync tests run both backends)."""
    server = LiveServer(tmp_path_factory.mktemp("server")).start()
    yield server
    server.stop()


@pytest.fixture
def make_client(tmp_path, sqlite_server):
    """`make_client(name)`: a new device with its own data directory."""
    with client_factory(tmp_path, sqlite_server.url) as make:
        yield make
