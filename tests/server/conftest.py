"""Accounts and groups shared by a server test module (Argon2 makes each login cost ~50 ms)."""

from __future__ import annotations

import pytest
from live_server import Account, LiveServer


@pytest.fixture(scope="module")
def awa(live_server: LiveServer) -> Account:
    """Facilitator of `group`."""
    return live_server.new_account("awa", "Awa")


@pytest.fixture(scope="module")
def ben(live_server: LiveServer) -> Account:
    """Member of `group`."""
    return live_server.new_account("ben", "Ben")


@pytest.fixture(scope="module")
def chloe(live_server: LiveServer) -> Account:
    """In another group (`other_group`), never in `group`."""
    return live_server.new_account("chloe", "Chloé")


@pytest.fixture(scope="module")
def group(awa: Account, ben: Account) -> dict:
    """A group Awa created and Ben joined."""
    created = awa.post("/groups", json={"name": "Collège Jean Moulin"})
    assert created.status_code == 201, created.text
    joined = ben.post("/groups/join", json={"invite_code": created.json()["invite_code"]})
    assert joined.status_code == 200, joined.text
    return created.json()


@pytest.fixture(scope="module")
def other_group(chloe: Account) -> dict:
    created = chloe.post("/groups", json={"name": "Lycée des Flandres"})
    assert created.status_code == 201, created.text
    return created.json()
