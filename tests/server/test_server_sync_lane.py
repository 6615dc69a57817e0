"""`POST /api/v1/sync` answered in front of the framework (team_server/sync_lane.py): every
refusal, gzip both ways, a client leaving mid-body, other methods and `/sync/` as before."""

from __future__ import annotations

import gzip
import json
import socket
import time

import pytest
import requests
from live_server import Account, LiveServer
from server_helpers import Device, entry_data, new_id

AWA_TOKEN = "<awa>"
REVOKED = "<revoked>"
EXPIRED = "<expired>"
UNAUTHORIZED = "Session absente ou expirée : reconnectez-vous."
NOT_JSON = "Corps de requête illisible : ce n'est pas du JSON valide."
NOT_OBJECT = "Corps de requête illisible : un objet JSON est attendu."
JSON = {"Content-Type": "application/json"}
TOO_LARGE = "Requête trop volumineuse (plus de 16 Mo)."


def body(**fields) -> bytes:
    return json.dumps({"protocol": 1, "device_id": "lane-device", **fields}).encode()


# (case, X-Team-Protocol, token, other headers, body, status, detail): what the framework
# answered before the lane, checked in that order (decision 0026).
REFUSALS = [
    ("no protocol header", None, AWA_TOKEN, {}, body(), 426, "Cette requête ne dit pas quelle"),
    ("another protocol", "2", AWA_TOKEN, {}, body(), 426, "la version 2 : mettez"),
    ("protocol 2 in the body", "1", AWA_TOKEN, {}, body(protocol=2), 426, "la version 2 : mettez"),
    ("no token", "1", None, {}, body(), 401, UNAUTHORIZED),
    ("unknown token", "1", "inconnu", {}, body(), 401, UNAUTHORIZED),
    ("revoked token", "1", REVOKED, {}, body(), 401, UNAUTHORIZED),
    ("expired token", "1", EXPIRED, {}, body(), 401, "Votre session a expiré, reconnectez-vous."),
    # The token is checked before the body's fields, but after the JSON is read.
    ("revoked token, bad fields", "1", REVOKED, {}, b'{"protocol": 1}', 401, UNAUTHORIZED),
    ("no token, not JSON", "1", None, {}, b"{pas du json", 400, NOT_JSON),
    ("not JSON", "1", AWA_TOKEN, {}, b"{pas du json", 400, NOT_JSON),
    ("not UTF-8", "1", AWA_TOKEN, {}, b'{"protocol": 1, "device_id": "\xff"}', 400, NOT_JSON),
    ("a list", "1", AWA_TOKEN, {}, b"[1, 2]", 400, NOT_OBJECT),
    ("no body", "1", AWA_TOKEN, {}, b"", 422, "Requête invalide : champ « corps » manquant."),
    ("no content type", "1", AWA_TOKEN, {"Content-Type": None}, body(), 400, NOT_OBJECT),
    ("text content type", "1", AWA_TOKEN, {"Content-Type": "text/plain"}, body(), 400, NOT_OBJECT),
    (
        "field missing",
        "1",
        AWA_TOKEN,
        {},
        b'{"protocol": 1}',
        422,
        "Requête invalide : champ « device_id » manquant.",
    ),
    (
        "field of the wrong type",
        "1",
        AWA_TOKEN,
        {},
        body(cursor="zéro"),
        422,
        "Requête invalide : « cursor » doit être un nombre entier.",
    ),
    ("limit of 0", "1", AWA_TOKEN, {}, body(limit=0), 422, "« limit » est trop petit."),
    (
        "too many changes",
        "1",
        AWA_TOKEN,
        {},
        body(changes=[{}] * 501),
        413,
        "Trop de modifications en une fois (au plus 500).",
    ),
    (
        "unknown encoding",
        "1",
        AWA_TOKEN,
        {"Content-Encoding": "br"},
        b"{}",
        415,
        "Encodage du corps non pris en charge.",
    ),
    (
        "bad gzip",
        "1",
        AWA_TOKEN,
        {"Content-Encoding": "gzip"},
        b"\x1f\x8b pas du gzip",
        400,
        "Corps compressé (gzip) illisible.",
    ),
    (
        "gzip inflating past the limit",
        "1",
        AWA_TOKEN,
        {"Content-Encoding": "gzip"},
        gzip.compress(b" " * (17 * 2**20)),
        413,
        TOO_LARGE,
    ),
    ("past the limit", "1", AWA_TOKEN, {}, b" " * (16 * 2**20 + 1), 413, TOO_LARGE),
]


@pytest.fixture(scope="module")
def tokens(live_server: LiveServer, awa: Account) -> dict[str, str]:
    """Awa's token, one she logged out of, and one left unused past the session's length."""
    revoked = live_server.login(awa.username, "révoqué")
    assert live_server.session(revoked).post(live_server.api + "/logout").status_code == 204
    expired = live_server.login(awa.username, "oublié")
    live_server.sql(
        "UPDATE token SET last_used_at = ? WHERE device_name = ?", "2020-01-01 00:00:00", "oublié"
    )
    return {AWA_TOKEN: awa.token, REVOKED: revoked, EXPIRED: expired}


@pytest.mark.parametrize(
    ("protocol", "token", "headers", "data", "status", "detail"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
def test_the_lane_refuses_what_the_framework_refused(
    live_server: LiveServer, tokens, protocol, token, headers, data, status, detail
):
    sent = {"Content-Type": "application/json", **headers}
    if protocol is not None:
        sent["X-Team-Protocol"] = protocol
    if token is not None:
        sent["Authorization"] = f"Bearer {tokens.get(token, token)}"
    answer = requests.post(
        live_server.api + "/sync",
        data=data,
        headers={name: value for name, value in sent.items() if value is not None},
    )
    assert answer.status_code == status, answer.text
    assert detail in answer.json()["detail"]
    if status == 401:
        assert answer.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_change_json_cannot_hold_is_refused_alone(awa: Account):
    """A lone surrogate in one change, which Python's JSON reader accepts and Pydantic's
    refuses for the whole body: the change is refused, the rest of the batch applies."""
    device = Device(awa)
    kept, broken = new_id(), new_id()
    changes = [device.change("entry", kept, entry_data()), device.change("entry", broken, {})]
    raw = json.dumps({**json.loads(body()), "device_id": device.id, "changes": changes})
    raw = raw.replace(f'"{broken}"', '"\\ud800"')
    answer = awa.post("/sync", data=raw, headers=JSON)
    assert answer.status_code == 200, answer.text
    assert [ack["status"] for ack in answer.json()["acks"]] == ["applied", "rejected"]
    # A byte-order mark, which Python's reader skips, is read too.
    again = awa.post(
        "/sync",
        data=b"\xef\xbb\xbf" + body(),
        headers=JSON,
    )
    assert again.status_code == 200, again.text


def test_gzip_both_ways_as_gzipmiddleware_did(awa: Account):
    device = Device(awa)
    entry = new_id()
    text = "Une séance où chacun a parlé. " * 200
    pushed = awa.post(
        "/sync",
        data=gzip.compress(
            body(
                device_id=device.id, changes=[device.change("entry", entry, entry_data(body=text))]
            )
        ),
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert pushed.status_code == 200, pushed.text
    assert pushed.json()["acks"][0]["status"] == "applied"
    # A small answer (the pushing device, up to date) goes as it is, without Vary.
    known = {key: pushed.json()[key] for key in ("server_id", "cursor", "membership_version")}
    small = awa.post("/sync", data=body(device_id=device.id, **known), headers=JSON, stream=True)
    assert small.status_code == 200, small.text
    assert len(small.raw.read(decode_content=False)) < 500
    assert "Content-Encoding" not in small.headers and "Vary" not in small.headers
    pull = body(device_id=Device(awa).id)
    compressed = awa.post(
        "/sync", data=pull, headers={**JSON, "Accept-Encoding": "gzip"}, stream=True
    )
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert compressed.headers["Vary"] == "Accept-Encoding"
    on_the_wire = compressed.raw.read(decode_content=False)
    assert int(compressed.headers["Content-Length"]) == len(on_the_wire) < len(text) / 5
    bodies = {
        c["id"]: c["data"]["body"] for c in json.loads(gzip.decompress(on_the_wire))["changes"]
    }
    assert bodies[entry] == text
    # Not accepted: sent plain, still varying by Accept-Encoding.
    plain = awa.post("/sync", data=pull, headers={**JSON, "Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert plain.headers["Vary"] == "Accept-Encoding"
    assert {c["id"]: c["data"]["body"] for c in plain.json()["changes"]}[entry] == text


def test_a_client_leaving_mid_body_changes_nothing(live_server: LiveServer, awa: Account):
    device = Device(awa)
    entry = new_id()
    whole = body(device_id=device.id, changes=[device.change("entry", entry, entry_data())])
    head = (
        f"POST /api/v1/sync HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Team-Protocol: 1\r\n"
        f"Authorization: Bearer {awa.token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(whole)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", live_server.port), timeout=10) as leaving:
        leaving.sendall(head + whole[: len(whole) // 2])
        time.sleep(0.2)  # the server has the first half
    # The server still answers, and the half-sent change was never applied.
    assert [c for c in Device(awa).pull_all() if c["id"] == entry] == []
    assert "internal error" not in live_server.log_tail(200)


def test_other_methods_and_a_trailing_slash_behave_as_before(awa: Account):
    wrong = awa.get("/sync")
    assert wrong.status_code == 405
    assert wrong.json() == {"detail": "Méthode non autorisée à cette adresse."}
    assert wrong.headers["Allow"] == "POST"
    slash = awa.post("/sync/", data=body(), headers=JSON, allow_redirects=False)
    assert slash.status_code == 307
    assert slash.headers["Location"].endswith("/api/v1/sync")


def test_the_lane_answers_the_route_only_documents(live_server: LiveServer, awa: Account):
    """The FastAPI route of POST /sync raises if called: a full answer comes from the lane."""
    answer = awa.post("/sync", data=body(), headers=JSON)
    assert answer.status_code == 200
    assert set(answer.json()) == {
        "server_id",
        "membership_version",
        "groups",
        "acks",
        "changes",
        "cursor",
        "more",
    }
    document = requests.get(live_server.url + "/openapi.json").json()
    operation = document["paths"]["/api/v1/sync"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SyncIn"
    }
    assert [p["name"] for p in operation["parameters"]] == ["authorization"]
