"""Another process (another copy of the app, a backup tool) holding a store's write lock."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

HOLD = (
    "import sqlite3, sys, time\n"
    "c = sqlite3.connect(sys.argv[1]); c.execute('BEGIN IMMEDIATE')\n"
    "print('held', flush=True); time.sleep(float(sys.argv[2]))\n"
)


@contextlib.contextmanager
def held_by_another_process(store, seconds: float) -> Iterator[None]:
    """Another process holds `store`'s write lock for `seconds` (or until the block ends)."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, store.db.database, str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "held"
            yield
        finally:
            holder.kill()
