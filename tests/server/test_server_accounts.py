"""Accounts against a real server: Argon2id hashes, hashed tokens, throttled logins, logout."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
import requests
import requests.adapters
from live_server import PASSWORD, Account, LiveServer
from server_helpers import Device, entry_data, new_id


def stored_rows(server: LiveServer, sql: str) -> list[tuple]:
    """Rows straight from the server's database, whichever backend it runs on."""
    if server.database_url:
        with psycopg.connect(server.database_url) as connection:
            return connection.execute(sql).fetchall()
    with sqlite3.connect(server.data_dir / "team-server.sqlite3") as connection:
        return connection.execute(sql).fetchall()


def test_health_tells_server_id_and_protocol(live_server: LiveServer):
    answer = live_server.session().get(live_server.api + "/health").json()
    assert answer["status"] == "ok"
    assert answer["protocol"] == 1
    assert len(answer["server_id"]) == 32


def test_passwords_are_hashed_with_argon2id_at_the_agreed_cost(
    live_server: LiveServer, awa: Account
):
    [(stored,)] = stored_rows(
        live_server, f"SELECT password_hash FROM \"user\" WHERE username = '{awa.username}'"
    )
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in stored


def test_tokens_are_kept_only_as_sha256(live_server: LiveServer, awa: Account):
    digests = {row[0] for row in stored_rows(live_server, "SELECT token_hash FROM token")}
    assert hashlib.sha256(awa.token.encode()).hexdigest() in digests
    assert awa.token not in digests
    if live_server.database_url is None:
        # Neither the token nor the password appears anywhere in the database files.
        for path in live_server.data_dir.glob("team-server.sqlite3*"):
            raw = path.read_bytes()
            assert awa.token.encode() not in raw, path
            assert PASSWORD.encode() not in raw, path


def test_usernames_are_unique_whatever_their_case(live_server: LiveServer, awa: Account):
    again = live_server.session().post(
        live_server.api + "/accounts",
        json={"username": awa.username.upper(), "password": PASSWORD, "display_name": "Autre"},
    )
    assert again.status_code == 409
    assert "déjà pris" in again.json()["detail"]


@pytest.mark.parametrize(
    ("username", "password", "display_name", "expected"),
    [
        ("ok-name", "court", "Nom", "au moins 8 caractères"),
        ("a", PASSWORD, "Nom", "Identifiant invalide"),
        ("élodie", PASSWORD, "Nom", "Identifiant invalide"),
        ("ok-name", PASSWORD, "   ", "nom affiché"),
    ],
)
def test_bad_account_details_get_a_french_422(
    live_server: LiveServer, username, password, display_name, expected
):
    answer = live_server.session().post(
        live_server.api + "/accounts",
        json={"username": username, "password": password, "display_name": display_name},
    )
    assert answer.status_code == 422
    assert expected in answer.json()["detail"]


def test_login_answers_the_user_and_a_working_token(live_server: LiveServer, awa: Account):
    answer = live_server.session().post(
        live_server.api + "/login",
        json={"username": awa.username.upper(), "password": PASSWORD, "device_name": "Portable"},
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["user"] == {"id": awa.id, "username": awa.username, "display_name": "Awa"}
    me = live_server.session(body["token"]).get(live_server.api + "/me").json()
    assert me["id"] == awa.id
    assert me["username"] == awa.username
    assert isinstance(me["membership_version"], int)
    assert me["groups"] == []
    assert me["research_consent"] is False


def test_wrong_password_is_401_in_french(live_server: LiveServer, awa: Account):
    answer = live_server.session().post(
        live_server.api + "/login",
        json={"username": awa.username, "password": "pas le bon", "device_name": "x"},
    )
    assert answer.status_code == 401
    assert answer.json()["detail"] == "Identifiant ou mot de passe incorrect."


def test_the_sixth_failure_in_a_minute_is_refused_with_retry_after(live_server: LiveServer):
    victim = live_server.new_account("cible")
    session = live_server.session()

    def attempt(password: str):
        return session.post(
            live_server.api + "/login",
            json={"username": victim.username, "password": password, "device_name": "x"},
        )

    assert [attempt(f"essai {n}").status_code for n in range(5)] == [401] * 5
    refused = attempt("essai 6")
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert "réessayez dans" in refused.json()["detail"]
    # Locked means locked: even the right password waits.
    assert attempt(PASSWORD).status_code == 429
    # Other accounts from the same address still log in.
    assert live_server.login(live_server.new_account("voisin").username)


def test_logout_revokes_the_token_of_this_device_only(live_server: LiveServer):
    account = live_server.new_account("partant")
    other_device = live_server.login(account.username, "Tablette")
    assert account.get("/me").status_code == 200
    assert account.post("/logout").status_code == 204
    assert account.get("/me").status_code == 401
    assert account.post("/logout").status_code == 401
    assert live_server.session(other_device).get(live_server.api + "/me").status_code == 200


@pytest.mark.parametrize("authorization", [None, "Bearer ", "Bearer inventé", "Basic abc"])
def test_missing_or_unknown_tokens_are_401(live_server: LiveServer, authorization):
    session = live_server.session()
    if authorization:
        session.headers["Authorization"] = authorization
    answer = session.get(live_server.api + "/me")
    assert answer.status_code == 401
    assert "reconnectez-vous" in answer.json()["detail"]


def test_unknown_usernames_are_answered_like_wrong_passwords(live_server: LiveServer):
    answer = live_server.session().post(
        live_server.api + "/login",
        json={"username": f"nobody-{uuid.uuid4().hex[:6]}", "password": PASSWORD},
    )
    assert answer.status_code == 401
    assert answer.json()["detail"] == "Identifiant ou mot de passe incorrect."


@pytest.mark.parametrize("bad", ["\x00", "\ud800"], ids=["nul", "lone-surrogate"])
@pytest.mark.parametrize(
    ("path", "body"),
    [
        (
            "/accounts",
            {"username": "nom{bad}", "password": "mot de passe solide", "display_name": "A"},
        ),
        (
            "/accounts",
            {"username": "nom-ok", "password": "mot de passe solide", "display_name": "A{bad}"},
        ),
        ("/login", {"username": "x{bad}", "password": "y{bad}", "device_name": "z{bad}"}),
        ("/login", {"username": "x" * 10_000 + "{bad}", "password": "mot de passe solide"}),
    ],
)
def test_nul_and_lone_surrogates_are_refused_not_crashes(live_server: LiveServer, path, body, bad):
    """Regression: a NUL or a lone surrogate in a text field was a 500 (the database refused)."""
    raw = json.dumps({k: v.replace("{bad}", bad) for k, v in body.items()})
    answer = live_server.session().post(
        live_server.api + path, data=raw, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 422, answer.text
    assert "invalide" in answer.json()["detail"]


def test_a_sync_change_with_a_nul_or_lone_surrogate_is_refused_alone(awa: Account):
    """In the sync exchange the change alone is refused (or kept, a NUL being JSON text)."""
    device = Device(awa)
    answer = device.exchange(
        [
            device.change("entry", new_id(), entry_data(body="avant\x00après")),
            device.change("entry", new_id(), entry_data(title="moitié \ud800")),
        ]
    )
    assert [ack["status"] for ack in answer["acks"]] == ["applied", "rejected"]
    refused = awa.post("/sync", json={"protocol": 1, "device_id": "a\x00b", "changes": []})
    assert refused.status_code == 422


class FromAddress(requests.adapters.HTTPAdapter):
    """Connects from another loopback address, as a client on another machine would."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def test_parallel_guesses_cannot_slip_under_the_limit(server_factory):
    """Regression: 20 of 40 parallel guesses got a password check past a limit of 5."""
    server = server_factory()
    victim = server.new_account("cible")

    def guess(number: int) -> int:
        body = {"username": victim.username, "password": f"essai {number}"}
        return server.session().post(server.api + "/login", json=body).status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(guess, range(40)))
    assert statuses.count(401) <= 5 and statuses.count(429) >= 35, statuses


def test_a_stranger_cannot_lock_the_learner_out_nor_guess_through_delete_me(server_factory):
    """Regression: failures from anywhere locked the account for everyone; DELETE /me let a
    token holder try passwords without limit."""
    server = server_factory()
    learner = server.new_account("proprio")
    stranger = server.session()
    stranger.mount("http://", FromAddress("127.0.0.2"))
    body = {"username": learner.username, "password": "pas le bon"}
    statuses = [stranger.post(server.api + "/login", json=body).status_code for _ in range(7)]
    assert statuses[-1] == 429
    assert server.login(learner.username)  # from the learner's own address: still welcome
    thief = server.session(learner.token)
    attempts = [
        thief.delete(server.api + "/me", json={"password": f"essai {n}", "shared": "remove"})
        for n in range(7)
    ]
    assert [a.status_code for a in attempts][:4] == [403] * 4
    assert attempts[-1].status_code == 429 and "Retry-After" in attempts[-1].headers


def test_an_abandoned_upload_does_not_keep_its_storage(live_server: LiveServer):
    """Issue 14: an upload started and never finished kept its chunks forever."""
    account = live_server.new_account("envoi")
    data = b"un morceau " * 1000
    digest = hashlib.sha256(data + b"suite").hexdigest()
    half = account.http.put(
        f"{live_server.api}/blobs/{digest}",
        data=data,
        headers={"X-Total-Size": str(len(data) + 5)},
    )
    assert half.json() == {"received": len(data), "complete": False}
    back_then = "2000-01-01 00:00:00"
    with_clause = f"UPDATE upload SET started_at = '{back_then}' WHERE hash = '{digest}'"
    if live_server.database_url:
        with psycopg.connect(live_server.database_url) as connection:
            connection.execute(with_clause)
    else:
        with sqlite3.connect(live_server.data_dir / "team-server.sqlite3") as connection:
            connection.execute(with_clause)
    other = hashlib.sha256(b"autre").hexdigest()
    account.http.put(
        f"{live_server.api}/blobs/{other}", data=b"autre", headers={"X-Total-Size": "5"}
    )
    assert stored_rows(live_server, f"SELECT id FROM upload WHERE hash = '{digest}'") == []
    assert account.get(f"/blobs/{digest}/upload").json() == {"received": 0, "complete": False}
