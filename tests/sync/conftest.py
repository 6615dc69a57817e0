"""Fixtures for client sync tests against a real server process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from clients import client_factory  # noqa: E402


@pytest.fixture
def make_client(tmp_path, live_server):
    """`make_client(name)`: a new device with its own data directory on the live server."""
    with client_factory(tmp_path, live_server.url) as make:
        yield make
