"""Research tests' helpers: the server's CLI on a live server's database, and its raw tables."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
from live_server import Account, LiveServer


def database_args(server: LiveServer) -> list[str]:
    """The options that point `team-server` at the live server's database."""
    if server.database_url:
        return ["--database-url", server.database_url]
    return ["--data-dir", str(server.data_dir)]


def team_server(server: LiveServer, *args: str) -> subprocess.CompletedProcess:
    """Run `team-server ARGS` on the live server's database, as an administrator would."""
    return subprocess.run(
        [sys.executable, "-m", "team_server", *args, *database_args(server)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def consent(account: Account, given: bool, version: str = "1", **fields) -> dict:
    answer = account.http.put(
        account.server.api + "/me/research-consent",
        json={"consent": given, "version": version, **fields},
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def all_rows(server: LiveServer) -> dict[str, list[tuple]]:
    """Every row of every table of the server's database, by table."""
    if server.database_url:
        with psycopg.connect(server.database_url) as connection:
            tables = [
                name
                for (name,) in connection.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                )
            ]
            return {t: connection.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    with sqlite3.connect(server.data_dir / "team-server.sqlite3") as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: connection.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}


def traces(server: LiveServer, needle: str) -> list[tuple[str, int]]:
    """(table, column index) of every value that contains `needle`, text or bytes."""
    found = []
    raw = needle.encode("utf-8")
    for table, rows in all_rows(server).items():
        for row in rows:
            for index, value in enumerate(row):
                if isinstance(value, memoryview):
                    value = bytes(value)
                if (isinstance(value, str) and needle in value) or (
                    isinstance(value, bytes) and raw in value
                ):
                    found.append((table, index))
    return found


def read_csv(path: Path) -> list[dict]:
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
