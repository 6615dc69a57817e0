"""Transport rules: gzip both ways, protocol version, size limits, French errors, OpenAPI."""

from __future__ import annotations

import gzip
import json

import pytest
import requests
from live_server import Account, LiveServer
from server_helpers import Device, entry_data, new_id


def sync_body(device: Device, changes: list[dict]) -> dict:
    return {
        "protocol": 1,
        "device_id": device.id,
        "server_id": None,
        "cursor": 0,
        "membership_version": None,
        "limit": 200,
        "changes": changes,
    }


def test_gzip_request_and_response_bodies(awa: Account):
    device = Device(awa)
    entry = new_id()
    body = sync_body(device, [device.change("entry", entry, entry_data(body="é" * 2000))])
    raw = json.dumps(body).encode()
    pushed = awa.post(
        "/sync",
        data=gzip.compress(raw),
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert pushed.status_code == 200
    assert pushed.json()["acks"][0]["status"] == "applied"
    # The pushing device gets no echo of its entry; another device pulls it, compressed.
    answer = awa.post(
        "/sync",
        json=sync_body(Device(awa), []),
        headers={"Accept-Encoding": "gzip"},
        stream=True,
    )
    assert answer.headers["Content-Encoding"] == "gzip"
    on_the_wire = answer.raw.read(decode_content=False)
    assert len(on_the_wire) < len(raw) / 5
    decoded = json.loads(gzip.decompress(on_the_wire))
    assert [change["id"] for change in decoded["changes"]] == [entry]


def test_small_answers_are_not_compressed(live_server: LiveServer):
    answer = requests.get(live_server.api + "/health", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in answer.headers


@pytest.mark.parametrize("version", [None, "0", "2"])
def test_a_client_on_another_protocol_gets_426_in_french_and_writes_nothing(
    live_server: LiveServer, awa: Account, version
):
    session = live_server.session(awa.token)
    if version is None:
        del session.headers["X-Team-Protocol"]
    else:
        session.headers["X-Team-Protocol"] = version
    answer = session.post(live_server.api + "/groups", json={"name": "Jamais créé"})
    assert answer.status_code == 426
    assert "mettez TEAM Desktop à jour" in answer.json()["detail"]
    assert all(g["name"] != "Jamais créé" for g in awa.get("/me").json()["groups"])


def test_the_protocol_in_the_sync_body_is_checked_too(awa: Account):
    device = Device(awa)
    entry = new_id()
    body = sync_body(device, [device.change("entry", entry, entry_data())])
    answer = awa.post("/sync", json={**body, "protocol": 2})
    assert answer.status_code == 426
    assert [c for c in Device(awa).pull_all() if c["id"] == entry] == []


def test_health_and_packs_answer_any_client(live_server: LiveServer):
    assert requests.get(live_server.api + "/health").status_code == 200
    assert requests.get(live_server.api + "/packs").status_code == 200


def test_bodies_past_the_limit_are_refused_with_413(awa: Account):
    too_big = b"x" * (16 * 2**20 + 1)
    answer = awa.post("/groups", data=too_big, headers={"Content-Type": "application/json"})
    assert answer.status_code == 413
    assert "trop volumineuse" in answer.json()["detail"]
    # A small gzip body that inflates past the limit is refused the same way.
    bomb = gzip.compress(b" " * (17 * 2**20))
    answer = awa.post("/sync", data=bomb, headers={"Content-Encoding": "gzip"})
    assert answer.status_code == 413


@pytest.mark.parametrize(
    ("data", "headers", "status", "message"),
    [
        (b"{pas du json", {}, 400, "pas du JSON valide"),
        (b"[1, 2]", {}, 400, "objet JSON est attendu"),
        (b'{"protocol": 1}', {}, 422, "champ « device_id » manquant"),
        (b'{"protocol": "un", "device_id": "d"}', {}, 422, "« protocol » doit être un nombre"),
        (b"\x1f\x8b pas du gzip", {"Content-Encoding": "gzip"}, 400, "gzip"),
        (b"{}", {"Content-Encoding": "br"}, 415, "Encodage"),
    ],
)
def test_malformed_requests_get_french_details(awa: Account, data, headers, status, message):
    answer = awa.post("/sync", data=data, headers={"Content-Type": "application/json", **headers})
    assert answer.status_code == status
    assert message in answer.json()["detail"]


def test_unknown_routes_and_methods_answer_in_french(awa: Account):
    assert awa.get("/nulle-part").json() == {"detail": "Introuvable."}
    wrong = awa.http.put(awa.server.api + "/me")
    assert wrong.status_code == 405
    assert wrong.json() == {"detail": "Méthode non autorisée à cette adresse."}


def test_the_api_is_described_as_openapi(live_server: LiveServer):
    document = requests.get(live_server.url + "/openapi.json").json()
    paths = set(document["paths"])
    assert {
        "/api/v1/health",
        "/api/v1/accounts",
        "/api/v1/login",
        "/api/v1/logout",
        "/api/v1/me",
        "/api/v1/groups",
        "/api/v1/groups/join",
        "/api/v1/groups/{group_id}/leave",
        "/api/v1/groups/{group_id}/members",
        "/api/v1/sync",
        "/api/v1/blobs/{digest}",
        "/api/v1/blobs/{digest}/upload",
        "/api/v1/packs",
        "/api/v1/packs/{pack_id}/{version}",
    } <= paths
