"""The server SIGKILLed in the middle of a push: each batch is all there or not at all.

A batch of entries is pushed in a thread while the server process is killed at a random
moment of its processing (calibrated on the time a batch takes); the server restarts on the
same database, and a pull must show either every entry of the batch or none of them.
"""

from __future__ import annotations

import threading
import time

import pytest
import requests
from fuzz import replay_hint, rng, seeds
from server_helpers import Device, entry_data, new_id

BATCH = 300


def _batch(device: Device, tag: str) -> tuple[set[str], list[dict]]:
    ids = [new_id() for _ in range(BATCH)]
    body = "Ce qui a marché, ce qui est à revoir : " * 5
    changes = [
        device.change("entry", entry_id, entry_data(title=f"{tag} {n}", body=body))
        for n, entry_id in enumerate(ids)
    ]
    return set(ids), changes


def _kill(server) -> None:
    server.process.kill()
    server.process.wait()
    server.process = None


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_batch_is_all_there_or_not_at_all(server_factory, backend):
    server = server_factory(backend)
    account = server.new_account("rosa")
    device = Device(account)
    started = time.monotonic()
    ids, changes = _batch(device, "calibrage")
    device.exchange(changes)
    duration = time.monotonic() - started
    outcomes = {"all": 0, "none": 0}
    for seed in seeds(f"server-kills-{backend}", 5):
        random_ = rng(seed)
        ids, changes = _batch(device, str(seed))
        thread = threading.Thread(target=_push_quietly, args=(device, changes))
        thread.start()
        time.sleep(random_.uniform(0.3, 1.2) * duration)  # before, during or after the commit
        _kill(server)
        thread.join(timeout=30)
        server.start()
        # A fresh device of the same account sees what the server kept.
        pulled = {change["id"] for change in Device(account).pull_all(limit=500)}
        kept = ids & pulled
        assert kept in (set(), ids), f"{len(kept)} of {BATCH} kept; {replay_hint(seed)}"
        outcomes["all" if kept else "none"] += 1
    print(f"server kills on {backend}: {outcomes}")
    assert sum(outcomes.values()) >= 5


def _push_quietly(device: Device, changes: list[dict]) -> None:
    try:
        device.account.post(
            "/sync", json={"protocol": 1, "device_id": device.id, "changes": changes}
        )
    except requests.ConnectionError:
        pass  # killed under it: the answer never comes
