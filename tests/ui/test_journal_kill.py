"""Killing the app mid-typing loses at most the last second of the journal entry being written."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from journal_typing_driver import TEXT

from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import open_store
from team_desktop.core.store.portfolio_models import JournalEntry

DRIVER = Path(__file__).with_name("journal_typing_driver.py")
TYPE_AT_LEAST = 120  # characters: about three seconds of typing, several autosaves
STARTUP_LIMIT_S = 90


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.strip())
    lines.put(None)


def test_sigkill_mid_typing_loses_at_most_the_last_second(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True).start()
    entry_id, typed = None, []
    deadline = time.monotonic() + STARTUP_LIMIT_S
    try:
        while not typed or typed[-1][0] < TYPE_AT_LEAST:
            line = lines.get(timeout=max(1.0, deadline - time.monotonic()))
            assert line is not None, f"the app stopped: {process.stderr.read()}"
            if line.startswith("entry "):
                entry_id = line.split()[1]
            elif line.startswith("typed "):
                _word, count, when = line.split()
                typed.append((int(count), float(when)))
        killed_at = time.monotonic()
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    # Characters typed by this count, more than a second before the kill, must be on disk.
    safe = max((count for count, when in typed if when <= killed_at - 1.0), default=0)
    assert safe >= TYPE_AT_LEAST - 60  # typing really went on for more than a second

    store = open_store(DataPaths(data))
    try:
        body = JournalEntry.get_by_id(entry_id).body
    finally:
        store.close()
    assert TEXT.startswith(body), "the saved text is not a prefix of what was typed"
    assert len(body) >= safe, f"only {len(body)} characters saved, {safe} were typed 1 s before"
    assert len(body) <= typed[-1][0]
