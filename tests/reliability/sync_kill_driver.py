"""Test-only: one sync of a device, SIGKILLed at a named step (see test_sync_kills.py).

Run as `python sync_kill_driver.py DATA_DIR URL TOKEN STAGE NTH`. STAGE is one of the engine's
checkpoints ("sending", "applying", "saving-cursor", "committed") or "reply-lost" (the server
answered and committed, the client dies before reading the reply). The process kills itself
the NTH time it reaches that step; it exits 0 if it never does. Batches are small (2 changes
pushed, 3 pulled per round trip) so that a sync has several rounds to die in.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import open_store
from team_desktop.core.sync import engine
from team_desktop.core.sync.connection import Connection


def main(data_dir: str, url: str, token: str, stage: str, nth: str) -> int:
    remaining = int(nth)

    def reached(name: str) -> None:
        nonlocal remaining
        if name == stage:
            remaining -= 1
            if remaining == 0:
                os.kill(os.getpid(), signal.SIGKILL)

    store = open_store(DataPaths(Path(data_dir)))
    connection = Connection(url, token)
    send = connection.sync

    def sync(payload: dict) -> dict:
        answer = send(payload)  # the server has committed the batch
        reached("reply-lost")
        return answer

    connection.sync = sync
    engine.checkpoint = reached
    engine.BATCH, engine.PULL_LIMIT = 2, 3
    with store.bound():
        engine.run_sync(store, connection)
    print("finished", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
