"""Storage limits on a real server: quotas per account, the data download streamed, and a
body read timeout against a client that sends its body a byte at a time."""

from __future__ import annotations

import hashlib
import io
import json
import os
import select
import socket
import time
import zipfile

import pytest
from live_server import BACKENDS, LiveServer
from server_helpers import Device, entry_data, new_id

QUOTA_MO = "0.25"  # 262,144 bytes


def upload(account, data: bytes):
    digest = hashlib.sha256(data).hexdigest()
    return account.http.put(
        f"{account.server.api}/blobs/{digest}",
        data=data,
        headers={"X-Total-Size": str(len(data))},
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_account_cannot_store_past_its_quota(server_factory, backend):
    server = server_factory(backend, serve_args=("--quota-mo", QUOTA_MO))
    learner = server.new_account("quota")
    assert upload(learner, os.urandom(200_000)).json()["complete"] is True
    # A file that would not fit is refused before a byte of it is kept, saying why.
    refused = upload(learner, os.urandom(100_000))
    assert refused.status_code == 413
    assert "Espace de stockage de votre compte plein" in refused.json()["detail"]
    assert refused.json()["received"] == 0

    device = Device(learner)
    small, large, lesson = new_id(), new_id(), "s1/l1"
    assert device.push("entry", small, entry_data(body="y" * 20_000))["status"] == "applied"
    answer = device.exchange(
        [
            device.change("entry", large, entry_data(body="x" * 60_000)),
            device.change(
                "progress", lesson, {"completed": True, "changed_at": "2026-11-29T08:00:00Z"}
            ),
        ]
    )
    too_much, progress = answer["acks"]
    # Refused alone, in French; the rest of the batch is applied.
    assert too_much["status"] == "rejected"
    assert "Espace de stockage de votre compte plein" in too_much["error"]
    assert progress["status"] == "applied", progress
    # Freeing room always works on a full account: the bin emptied, then the entry fits.
    freed = device.push("entry", small, entry_data(deleted=True), base_rev=1)
    assert freed["status"] == "applied", freed
    assert device.push("entry", large, entry_data(body="x" * 40_000))["status"] == "applied"


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_administrator_gives_one_account_more_room_than_the_others(server_factory, backend):
    server = server_factory(backend, serve_args=("--quota-mo", QUOTA_MO))
    awa, ben = server.new_account("awa"), server.new_account("ben")
    done = server.admin("set-quota", awa.username.upper(), "--mo", "1")
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout
        == f"Espace de {awa.username} : 1,0 Mo (propre à ce compte) ; 0,0 Mo utilisés.\n"
    )
    # The running server applies it at once, to files and to synced records; Ben keeps 0.25.
    assert upload(awa, os.urandom(400_000)).json()["complete"] is True
    device = Device(awa)
    assert device.push("entry", new_id(), entry_data(body="x" * 100_000))["status"] == "applied"
    assert upload(ben, os.urandom(400_000)).status_code == 413
    # Given back the server's quota, Awa can store nothing more, and is told why.
    done = server.admin("set-quota", awa.username, "--default")
    assert done.returncode == 0, done.stderr
    assert "celui du serveur (--quota-mo) ; 0,5 Mo utilisés." in done.stdout
    refused = device.push("entry", new_id(), entry_data(body="y" * 1_000))
    assert refused["status"] == "rejected" and "plein" in refused["error"]
    # 0: no limit for this account.
    assert (
        "sans limite (propre à ce compte)"
        in server.admin("set-quota", awa.username, "--mo", "0").stdout
    )
    assert device.push("entry", new_id(), entry_data(body="z" * 1_000))["status"] == "applied"
    # A wrong name or size changes nothing and says so.
    unknown = server.admin("set-quota", "personne", "--mo", "5")
    assert unknown.returncode == 1 and "aucun compte « personne »" in unknown.stderr
    negative = server.admin("set-quota", ben.username, "--mo", "-1")
    assert negative.returncode == 2 and "positif ou nul" in negative.stderr
    assert upload(ben, os.urandom(400_000)).status_code == 413


def test_without_a_quota_option_the_default_one_is_large(live_server: LiveServer):
    learner = live_server.new_account("large")
    assert upload(learner, os.urandom(300_000)).json()["complete"] is True


def test_my_data_is_streamed_not_copied_whole(live_server: LiveServer):
    learner = live_server.new_account("flux")
    data = os.urandom(3 * 2**20)  # three of the server's chunks
    assert upload(learner, data).json()["complete"] is True
    attachment = {"hash": hashlib.sha256(data).hexdigest(), "name": "film.bin", "size": len(data)}
    device = Device(learner)
    ids = [new_id() for _ in range(150)]  # more than one page of records
    device.exchange([device.change("entry", i, entry_data(title=i)) for i in ids[:-1]])
    device.push("entry", ids[-1], entry_data(attachments=[attachment]))
    answer = learner.get("/me/data.zip", stream=True)
    assert answer.status_code == 200
    # Sent as it is made: no length known in advance, so no whole copy made first.
    assert "content-length" not in answer.headers
    assert answer.headers["transfer-encoding"] == "chunked"
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        entries = json.loads(archive.read("enregistrements/entry.json"))
        assert {entry["id"] for entry in entries} == set(ids)
        assert archive.read("fichiers/film.bin") == data
        assert json.loads(archive.read("mes-donnees.json"))["files"]["count"] == 1


# The sync is read by its own lane (team_server/sync_lane.py), with the same function.
@pytest.mark.parametrize("path", ["/api/v1/login", "/api/v1/sync"])
def test_a_body_sent_a_byte_at_a_time_is_cut_off(server_factory, path):
    server = server_factory(serve_args=("--body-timeout", "2"))
    request = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Team-Protocol: 1\r\n"
        "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    ).encode()
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as slow:
        slow.sendall(request)
        sent, reply = 0, b""
        # One byte every 0.2 s would take 200 s to finish: the server must not wait that long.
        while sent < 1000 and time.monotonic() - started < 60:
            readable, _, _ = select.select([slow], [], [], 0.2)
            if readable:
                reply = slow.recv(65536)
                break
            try:
                slow.sendall(b" ")
            except OSError:
                break  # the server closed first
            sent += 1
        while readable and (more := slow.recv(65536)):
            reply += more  # the rest of the answer, until the server closes
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
    assert b"trop lentement" in reply
    assert sent < 1000
    # Other clients were served meanwhile, and still are.
    assert server.session().get(server.api + "/health").status_code == 200
