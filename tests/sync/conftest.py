"""Fixtures for client sync tests against a real server process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from clients import Client  # noqa: E402


@pytest.fixture
def make_client(tmp_path, live_server):
    """`make_client(name)`: a new device with its own data directory on the live server."""
    made: list[Client] = []

    def make(name: str, url: str | None = None) -> Client:
        client = Client(tmp_path / name, url or live_server.url)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
