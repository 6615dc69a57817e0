"""Account controls on a real server: password change, devices and their logout, token
expiry renewed on use, and account creation that cannot list who has an account."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import pytest
from live_server import BACKENDS, PASSWORD, LiveServer

NEW_PASSWORD = "un autre mot de passe"


def works(server: LiveServer, token: str) -> bool:
    answer = server.session(token).get(server.api + "/me")
    assert answer.status_code in (200, 401), answer.text
    return answer.status_code == 200


def last_used(server: LiveServer, token: str) -> dt.datetime:
    digest = hashlib.sha256(token.encode()).hexdigest()
    [(value,)] = server.sql("SELECT last_used_at FROM token WHERE token_hash = ?", digest)
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def set_last_used(server: LiveServer, token: str, days_ago: float) -> None:
    """As if the device had not been used for `days_ago` days."""
    when = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=days_ago)
    digest = hashlib.sha256(token.encode()).hexdigest()
    server.sql(
        "UPDATE token SET last_used_at = ? WHERE token_hash = ?",
        when.strftime("%Y-%m-%d %H:%M:%S.%f"),
        digest,
    )


def test_a_password_change_needs_the_current_one_and_logs_out_the_other_devices(
    live_server: LiveServer,
):
    learner = live_server.new_account("mdp")
    laptop, tablet = (
        live_server.login(learner.username, name) for name in ("Portable", "Tablette")
    )
    wrong = learner.post(
        "/me/password", json={"current_password": "pas le bon", "new_password": NEW_PASSWORD}
    )
    assert wrong.status_code == 403
    assert "incorrect" in wrong.json()["detail"]
    assert all(works(live_server, token) for token in (learner.token, laptop, tablet))
    short = learner.post("/me/password", json={"current_password": PASSWORD, "new_password": "x"})
    assert short.status_code == 422
    assert "8 caractères" in short.json()["detail"]

    changed = learner.post(
        "/me/password", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert changed.status_code == 204, changed.text
    assert works(live_server, learner.token)  # the device that changed it stays logged in
    assert not works(live_server, laptop)
    assert not works(live_server, tablet)
    login = live_server.session().post(
        live_server.api + "/login", json={"username": learner.username, "password": PASSWORD}
    )
    assert login.status_code == 401
    login = live_server.session().post(
        live_server.api + "/login",
        json={"username": learner.username, "password": NEW_PASSWORD},
    )
    assert login.status_code == 200


def test_password_guesses_through_a_token_are_throttled(live_server: LiveServer):
    learner = live_server.new_account("devine")
    answers = [
        learner.post(
            "/me/password",
            json={"current_password": f"essai {n}", "new_password": NEW_PASSWORD},
        ).status_code
        for n in range(6)
    ]
    assert answers == [403] * 5 + [429]
    # Throttled, the right password is not even checked: nothing changes.
    refused = learner.post(
        "/me/password", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1


def test_the_devices_list_names_them_and_logs_one_out(live_server: LiveServer):
    learner = live_server.new_account("appareils")
    laptop = live_server.login(learner.username, "Portable de la salle 12")
    other = live_server.new_account("autre")
    devices = learner.get("/me/devices").json()
    names = {device["device_name"]: device for device in devices}
    assert set(names) == {"test", "Portable de la salle 12"}
    assert names["test"]["current"] is True
    assert names["Portable de la salle 12"]["current"] is False
    assert names["Portable de la salle 12"]["last_seen_at"].endswith("Z")

    # Another account's device cannot be named: it looks like no device at all.
    other_id = other.get("/me/devices").json()[0]["id"]
    assert learner.http.delete(live_server.api + f"/me/devices/{other_id}").status_code == 404
    assert works(live_server, other.token)

    laptop_id = names["Portable de la salle 12"]["id"]
    assert learner.http.delete(live_server.api + f"/me/devices/{laptop_id}").status_code == 204
    assert not works(live_server, laptop)
    assert works(live_server, learner.token)
    assert [d["device_name"] for d in learner.get("/me/devices").json()] == ["test"]
    again = learner.http.delete(live_server.api + f"/me/devices/{laptop_id}")
    assert again.status_code == 404


def test_an_unused_token_expires_and_using_it_renews_it(live_server: LiveServer):
    learner = live_server.new_account("sommeil")
    phone = live_server.login(learner.username, "Téléphone")
    # Unused for 119 of the 120 days: it still works, and the use renews it.
    set_last_used(live_server, phone, days_ago=119)
    assert works(live_server, phone)
    age = dt.datetime.now(dt.UTC).replace(tzinfo=None) - last_used(live_server, phone)
    assert age < dt.timedelta(minutes=5)
    # Unused for 121 days: expired, and said so in a way the client can tell.
    set_last_used(live_server, phone, days_ago=121)
    answer = live_server.session(phone).get(live_server.api + "/me")
    assert answer.status_code == 401
    assert answer.json()["detail"] == "Votre session a expiré, reconnectez-vous."
    assert 'error_description="expired"' in answer.headers["WWW-Authenticate"]
    assert [d["device_name"] for d in learner.get("/me/devices").json()] == ["test"]
    # Logging in again gives a working session.
    assert works(live_server, live_server.login(learner.username, "Téléphone"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_account_creation_cannot_list_who_has_an_account(server_factory, backend):
    server = server_factory(backend)
    taken = server.new_account("pris").username
    anonymous = server.session()

    def create(username: str):
        return anonymous.post(
            server.api + "/accounts",
            json={"username": username, "password": PASSWORD, "display_name": "Essai"},
        )

    # New accounts and refused forms are not probes: they do not count.
    for _ in range(3):
        assert create(f"libre-{uuid.uuid4().hex[:8]}").status_code == 201
    assert create("x").status_code == 422
    assert [create(taken).status_code for _ in range(10)] == [409] * 10
    refused = create(f"libre-{uuid.uuid4().hex[:8]}")
    assert refused.status_code == 429
    assert "Trop de tentatives" in refused.json()["detail"]
    assert int(refused.headers["Retry-After"]) > 3000
    # Logging in is not account creation: the learner still gets in.
    login = anonymous.post(server.api + "/login", json={"username": taken, "password": PASSWORD})
    assert login.status_code == 200
