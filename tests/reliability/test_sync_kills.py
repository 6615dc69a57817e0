"""The client SIGKILLed at each step of a sync: the store stays whole, nothing is lost or
doubled, and the cursor is never ahead of what was applied.

A device with unsent writing syncs in a child process (sync_kill_driver.py) that kills itself
at one step: before sending a batch, after the server committed it but before the reply was
read, in the middle of applying a pulled batch, just before saving the cursor, or just after a
round committed. Then, in this process: `PRAGMA integrity_check`, every local entry still
there once, every change the server numbered at or below the saved cursor present here, and a
normal sync that ends with everything exactly once on both sides.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from clients import unique, write_entry
from fuzz import scale
from live_server import Account
from server_helpers import Device

from team_desktop.core import outbox, progress
from team_desktop.core.notes import store as notes
from team_desktop.core.store.models import database
from team_desktop.core.store.portfolio_models import JournalEntry, Note
from team_desktop.core.sync import state as sync_state

DRIVER = Path(__file__).with_name("sync_kill_driver.py")
STAGES = {  # step -> which times it is reached to die at, in CI
    "sending": [1, 3],
    "reply-lost": [1, 2],
    "applying": [1, 5],
    "saving-cursor": [1, 3],
    "committed": [2],
}
CASES = [
    (stage, nth)
    for stage, nths in STAGES.items()
    for nth in (nths if scale() == 1 else range(1, 3 + 3 * scale()))
]
LOCAL, REMOTE = 5, 6  # entries written on the dying device, and on the user's other device


def _kill_during_sync(make_client, sqlite_server, stage: str, nth: int):
    user = unique("kenza")
    other = make_client("autre").sign_up(user, "Kenza")
    with other:
        for number in range(REMOTE):
            write_entry(other, f"Ailleurs {number}", f"écrit ailleurs 🙂 {number}")
        notes.create("Note d'ailleurs", "texte")
    other.sync()
    victim = make_client("victime").log_in(user)
    with victim:
        for number in range(LOCAL):
            write_entry(victim, f"Ici {number}", f"écrit ici é {number}")
        progress.set_completed("test-mini/premiere")
        notes.create("Note d'ici", "texte")
    victim.close()
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(victim.store.paths.root), sqlite_server.url]
        + [victim.connection.token, stage, str(nth)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert done.returncode == -signal.SIGKILL, f"not killed at {stage} #{nth}: {done}"
    return user, other, victim


@pytest.mark.parametrize(("stage", "nth"), CASES, ids=[f"{s}-{n}" for s, n in CASES])
def test_killed_client_loses_nothing_and_doubles_nothing(make_client, sqlite_server, stage, nth):
    user, other, dead = _kill_during_sync(make_client, sqlite_server, stage, nth)
    victim = make_client("victime")  # the same data directory, opened again
    victim.connection = dead.connection
    with victim:
        assert database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
        titles = [entry.title for entry in JournalEntry.select()]
        assert len(titles) == len(set(titles))
        assert {f"Ici {n}" for n in range(LOCAL)} <= set(titles)
        assert progress.is_completed("test-mini/premiere")
        cursor = sync_state.load().cursor
        here = {row.id for row in JournalEntry.select()} | {row.id for row in Note.select()}
    # Everything the server numbered up to the saved cursor is applied here.
    account = Account(
        "", user, dead.connection.token, sqlite_server.session(dead.connection.token), sqlite_server
    )
    seen = Device(account).pull_all()
    behind = {c["id"] for c in seen if c["seq"] <= cursor and c["kind"] in ("entry", "note")}
    assert behind <= here, f"cursor {cursor} ahead of what was applied"

    victim.sync()
    other.sync()
    expected = {f"Ici {n}" for n in range(LOCAL)} | {f"Ailleurs {n}" for n in range(REMOTE)}
    for device in (victim, other):
        with device:
            titles = [entry.title for entry in JournalEntry.select()]
            assert sorted(titles) == sorted(expected)
            assert sorted(n.title for n in notes.list_notes()) == ["Note d'ailleurs", "Note d'ici"]
            assert progress.is_completed("test-mini/premiere")
            assert outbox.count() == 0
    on_server = [c for c in Device(account).pull_all() if c["kind"] == "entry"]
    assert len({c["id"] for c in on_server}) == LOCAL + REMOTE
