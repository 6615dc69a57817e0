"""Deployments: several instances on one PostgreSQL, restarts, migrations on both databases."""

from __future__ import annotations

import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests
from live_server import PASSWORD, LiveServer, PostgresAdmin
from pycrdt import Doc, Text
from server_helpers import Device, b64, entry_data, new_id, unb64

from team_server.migrations import SCHEMA_VERSION


def account_on(server: LiveServer, account):
    """The same account, talking to another instance."""
    token = server.login(account.username)
    return type(account)(account.id, account.username, token, server.session(token), server)


def test_two_instances_on_one_postgresql_share_everything(server_factory, postgres_url):
    first = server_factory(database_url=postgres_url)
    second = server_factory(database_url=postgres_url)
    assert first.port != second.port
    health = [requests.get(s.api + "/health").json()["server_id"] for s in (first, second)]
    assert health[0] == health[1]
    awa = first.new_account("awa", "Awa")
    ben = second.new_account("ben", "Ben")
    made = awa.post("/groups", json={"name": "Réseau"}).json()
    assert ben.post("/groups/join", json={"invite_code": made["invite_code"]}).status_code == 200
    shared = {"visibility": "group", "group_id": made["id"]}
    writers = [Device(awa), Device(ben)]
    ids: list[str] = []
    lock = threading.Lock()

    def write(device: Device) -> None:
        for n in range(12):
            entry = new_id()
            with lock:
                ids.append(entry)
            device.push("entry", entry, entry_data(title=f"n{n}", **shared))

    # A reader alternating between instances while both write: with `seq` in commit order it
    # never skips a record, whichever instance committed it.
    reader = Device(account_on(second, awa))
    seen: set[str] = set()
    threads = [threading.Thread(target=write, args=(device,)) for device in writers]
    for thread in threads:
        thread.start()
    instances = [awa, reader.account]
    turn = 0
    while any(thread.is_alive() for thread in threads):
        reader.account = instances[turn % 2]
        turn += 1
        seen |= {change["id"] for change in reader.exchange(limit=5)["changes"]}
    for thread in threads:
        thread.join()
    seen |= {change["id"] for change in reader.pull_all()}
    assert set(ids) <= seen
    seqs = [change["seq"] for change in Device(ben).pull_all()]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))
    # A token made on one instance works on the other; logging out on one revokes it on both.
    assert second.session(awa.token).get(second.api + "/me").status_code == 200
    awa.post("/logout")
    assert second.session(awa.token).get(second.api + "/me").status_code == 401


def test_concurrent_edits_of_one_note_through_two_instances_all_survive(
    server_factory, postgres_url
):
    first = server_factory(database_url=postgres_url)
    second = server_factory(database_url=postgres_url)
    awa = first.new_account("awa")
    ben = second.new_account("ben")
    made = awa.post("/groups", json={"name": "Note commune"}).json()
    ben.post("/groups/join", json={"invite_code": made["invite_code"]})
    note = new_id()
    meta = {"visibility": "group", "group_id": made["id"], "deleted": False}

    def write(account, word: str) -> None:
        device = Device(account)
        for n in range(15):
            doc = Doc()
            doc.get("text", type=Text).insert(0, f"{word}{n} ")
            update = doc.get_update()
            ack = device.push("note", note, {**meta, "update": b64(update), "state": ""})
            assert ack["status"] == "applied", ack

    Device(awa).push("note", note, {**meta, "update": "", "state": ""})
    threads = [
        threading.Thread(target=write, args=(account, word))
        for account, word in ((awa, "awa"), (ben, "ben"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    [pulled] = [c for c in Device(awa).pull_all() if c["id"] == note]
    doc = Doc()
    doc.apply_update(unb64(pulled["data"]["update"]))
    text = str(doc.get("text", type=Text))
    # Every update merged: none was lost to another instance's concurrent write.
    assert all(f"{word}{n} " in text for word in ("awa", "ben") for n in range(15))


def test_failed_logins_count_across_instances(server_factory, postgres_url):
    first = server_factory(database_url=postgres_url)
    second = server_factory(database_url=postgres_url)
    victim = first.new_account("cible")
    for n in range(5):
        server = (first, second)[n % 2]
        wrong = server.session().post(
            server.api + "/login", json={"username": victim.username, "password": f"faux {n}"}
        )
        assert wrong.status_code == 401
    refused = first.session().post(
        first.api + "/login", json={"username": victim.username, "password": PASSWORD}
    )
    assert refused.status_code == 429


def test_a_restarted_server_keeps_its_identity_and_data(server_factory):
    server = server_factory("sqlite")
    awa = server.new_account("awa")
    entry = new_id()
    Device(awa).push("entry", entry, entry_data())
    server_id = requests.get(server.api + "/health").json()["server_id"]
    port = server.port
    server.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(server.api + "/health", timeout=2)
    server.start()
    assert server.port == port
    assert requests.get(server.api + "/health").json()["server_id"] == server_id
    assert entry in {change["id"] for change in Device(awa).pull_all()}


def migrate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "team_server", "migrate", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_unmigrated_postgresql_database_is_refused_until_migrated(
    postgres_admin: PostgresAdmin, tmp_path: Path
):
    url = postgres_admin.create()
    try:
        server = LiveServer(tmp_path / "refused", url)
        with pytest.raises(RuntimeError, match="team-server migrate"):
            server.start()
        done = migrate("--database-url", url)
        assert done.returncode == 0 and f"0 → {SCHEMA_VERSION}" in done.stdout
        again = migrate("--database-url", url).stdout.strip()
        assert again == f"Schéma de la base : {SCHEMA_VERSION} → {SCHEMA_VERSION}."
        server.start()
        assert requests.get(server.api + "/health").status_code == 200
        server.stop()
    finally:
        postgres_admin.drop(url)


def test_only_the_embedded_sqlite_migrates_itself(tmp_path: Path):
    explicit = f"sqlite:///{tmp_path / 'explicite.sqlite3'}"
    with pytest.raises(RuntimeError, match="team-server migrate"):
        LiveServer(tmp_path / "explicit", explicit).start()
    done = migrate("--database-url", explicit)
    assert done.returncode == 0
    server = LiveServer(tmp_path / "explicit", explicit).start()
    server.stop()
    embedded = LiveServer(tmp_path / "embedded").start()
    embedded.stop()
    assert migrate("--data-dir", str(tmp_path / "embedded")).stdout.strip() == (
        f"Schéma de la base : {SCHEMA_VERSION} → {SCHEMA_VERSION}."
    )


def test_the_server_keeps_its_data_for_its_own_account(server_factory):
    """Issue 14: the data directory and the SQLite database were readable by every local
    user (0755 and 0644)."""
    server = server_factory()
    assert server.new_account("perms").get("/me").status_code == 200
    assert stat.S_IMODE(server.data_dir.stat().st_mode) == 0o700
    database = server.data_dir / "team-server.sqlite3"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_x_forwarded_for_is_believed_only_from_named_proxies(server_factory):
    """Issue 14: without --forwarded-allow-ips, uvicorn believed X-Forwarded-For from
    127.0.0.1, so one local client could spread its password guesses over made-up addresses
    and never meet the per-address limit."""
    server = server_factory()
    anonymous = server.session()
    statuses = []
    for number in range(35):  # the per-address limit is 30 failures a minute
        answer = anonymous.post(
            server.api + "/login",
            json={"username": f"inconnu-{number}", "password": "pas le bon"},
            headers={"X-Forwarded-For": f"203.0.113.{number}"},
        )
        statuses.append(answer.status_code)
    assert 429 in statuses, statuses
