"""Forwarding statements to a real LRS (Ralph): nothing lost while it is down, each sent once,
nothing of a learner who withdrew, an invalid statement set aside without blocking the rest."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from live_server import BACKENDS, Account, LiveServer
from ralph_lrs import LrsServer
from research_helpers import all_rows, consent, team_server
from server_helpers import Device, xapi_statement

WAIT = 60.0


def forward_rows(server: LiveServer) -> list[tuple]:
    """(record id, attempts, sent) of every queued statement."""
    columns = ["id", "record_id", "queued_at", "attempts", "lease_until", "sent_at"]
    rows = all_rows(server)["statement_forward"]
    return [(row[1], row[3], row[columns.index("sent_at")] is not None) for row in rows]


def wait_for(condition, what: str):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"still waiting after {WAIT} s: {what}")


def push_statements(account: Account, count: int, **fields) -> list[str]:
    device = Device(account)
    ids = []
    for _ in range(count):
        statement = xapi_statement(**fields)
        assert device.push("statement", statement["id"], statement)["status"] == "applied"
        ids.append(statement["id"])
    return ids


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> str | None:
    return None if request.param == "sqlite" else request.getfixturevalue("postgres_url")


def test_statements_wait_for_the_lrs_then_go_once(
    ralph_factory, database_url: str | None, tmp_path: Path
):
    ralph = ralph_factory()  # not started yet: connections to its port are refused
    server = LrsServer(tmp_path / "server", database_url, ralph).start()
    try:
        amina, leaver = server.new_account("amina"), server.new_account("parti")
        consent(amina, True)
        consent(leaver, True)
        first = push_statements(amina, 3)
        push_statements(leaver, 2)
        wait_for(lambda: all(attempts >= 1 for _r, attempts, _s in forward_rows(server)), "a try")
        assert not any(sent for _r, _a, sent in forward_rows(server))
        consent(leaver, False)  # withdrawn while the LRS is down: never sent
        assert len(forward_rows(server)) == 3

        ralph.start()
        stored = wait_for(lambda: len(ralph.stored()) >= 3 and ralph.stored(), "3 statements")
        assert sorted(s["id"] for s in stored) == sorted(first)
        names = {s["actor"]["account"]["name"] for s in stored}
        assert len(names) == 1 and amina.username not in names and amina.id not in names
        wait_for(lambda: all(sent for _r, _a, sent in forward_rows(server)), "marked sent")

        later = push_statements(amina, 2)
        wait_for(lambda: len(ralph.stored()) >= 5, "5 statements")
        # A pass cut after the LRS took a statement sends it again: the LRS keeps one copy.
        row_id = forward_rows(server)[0][0]
        reset_sent(server, row_id)
        wait_for(lambda: all(sent for _r, _a, sent in forward_rows(server)), "sent again")
        ids = [s["id"] for s in ralph.stored()]
        assert sorted(ids) == sorted(first + later)
    finally:
        server.stop()


def reset_sent(server: LiveServer, record_id: int) -> None:
    execute(server, f"UPDATE statement_forward SET sent_at = NULL WHERE record_id = {record_id}")


def execute(server: LiveServer, sql: str) -> None:
    """Change the server's database behind its back."""
    if server.database_url:
        import psycopg

        with psycopg.connect(server.database_url, autocommit=True) as connection:
            connection.execute(sql)
    else:
        import sqlite3

        with sqlite3.connect(server.data_dir / "team-server.sqlite3") as connection:
            connection.execute(sql)


def test_a_statement_the_lrs_refuses_is_set_aside(ralph_factory, live_server: LiveServer):
    ralph = ralph_factory().start()
    learner = live_server.new_account("langue")
    consent(learner, True)
    good = push_statements(learner, 2)
    [bad] = push_statements(learner, 1)
    # A statement stored by a laxer server long ago: no object id, which Ralph refuses.
    broken = xapi_statement(id=bad, object={"objectType": "Activity"})
    execute(
        live_server,
        f"UPDATE record SET data = '{json.dumps(broken)}' WHERE record_id = '{bad}'",
    )
    args = ["--lrs-url", ralph.url, "--lrs-user", ralph.user, "--lrs-password", ralph.password]
    done = team_server(live_server, "forward-statements", *args)
    assert done.returncode == 0, done.stderr
    assert "refusées par le LRS : 1" in done.stdout
    stored = {s["id"] for s in ralph.stored()}
    assert set(good) <= stored and bad not in stored
    again = team_server(live_server, "forward-statements", *args)
    assert "envoyées : 0" in again.stdout and "en attente : 0" in again.stdout


def test_forward_statements_says_when_the_lrs_is_down(ralph_factory, live_server: LiveServer):
    ralph = ralph_factory()  # never started
    learner = live_server.new_account("panne")
    consent(learner, True)
    push_statements(learner, 1)
    args = ["--lrs-url", ralph.url, "--lrs-user", ralph.user, "--lrs-password", ralph.password]
    done = team_server(live_server, "forward-statements", *args)
    assert done.returncode == 1 and "LRS injoignable" in done.stderr
    assert "en attente : " in done.stdout and "en attente : 0" not in done.stdout
