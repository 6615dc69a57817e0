"""Group isolation, endpoint by endpoint: outsiders get 404 or a rejection, and learn nothing."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass

import pytest
import requests
from live_server import Account, LiveServer
from pycrdt import Doc, Text
from server_helpers import Device, b64, by_id, entry_data, new_id

SECRET = "Confidentiel : la classe de 4e B"
ATTACHMENT = SECRET.encode() * 10
ATTACHMENT_HASH = hashlib.sha256(ATTACHMENT).hexdigest()
ACTORS = ("own", "same_group", "other_group", "citer", "anonymous", "revoked")
# "citer": a former member of Awa's group who, after leaving, cites the file's hash in an entry
# of their own (private, and shared with a group of theirs), hoping to read it that way.
OUTSIDERS = ("other_group", "citer")


@dataclass
class World:
    server: LiveServer
    sessions: dict[str, requests.Session]
    group: dict
    shared_entry: str
    private_entry: str
    note: str
    comment: str
    devices: dict[str, Device]
    awa_device: int  # the id of a device Awa is logged in on, besides the tests' own


@pytest.fixture(scope="module")
def world(
    live_server: LiveServer,
    awa: Account,
    ben: Account,
    chloe: Account,
    group: dict,
    other_group: dict,
) -> World:
    """Awa's group holds an entry (with a file), a note and Ben's comment; Awa has a private
    entry; Chloé is in another group; Dan left Awa's group and cites her file's hash."""
    revoked = live_server.login(awa.username, "Ordinateur volé")
    assert live_server.session(revoked).post(live_server.api + "/logout").status_code == 204
    sessions = {
        "own": awa.http,
        "same_group": ben.http,
        "other_group": chloe.http,
        "anonymous": live_server.session(),
        "revoked": live_server.session(revoked),
    }
    upload = awa.http.put(
        f"{live_server.api}/blobs/{ATTACHMENT_HASH}",
        data=ATTACHMENT,
        headers={"X-Total-Size": str(len(ATTACHMENT))},
    )
    assert upload.json()["complete"] is True
    shared, private, note, comment = new_id(), new_id(), new_id(), new_id()
    doc = Doc()
    doc.get("text", type=Text).insert(0, SECRET)
    attachment = {"hash": ATTACHMENT_HASH, "name": "plan.txt", "size": len(ATTACHMENT)}
    writer = Device(awa)
    answer = writer.exchange(
        [
            writer.change(
                "entry",
                shared,
                entry_data(
                    body=SECRET,
                    visibility="group",
                    group_id=group["id"],
                    attachments=[attachment],
                ),
            ),
            writer.change("entry", private, entry_data(body=SECRET)),
            writer.change(
                "note",
                note,
                {
                    "update": b64(doc.get_update()),
                    "state": b64(doc.get_state()),
                    "visibility": "group",
                    "group_id": group["id"],
                    "deleted": False,
                },
            ),
        ]
    )
    assert [ack["status"] for ack in answer["acks"]] == ["applied"] * 3
    ack = Device(ben).push(
        "comment",
        comment,
        {
            "target_kind": "entry",
            "target_id": shared,
            "body": SECRET,
            "created_at": "2026-11-29T08:00:00Z",
        },
    )
    assert ack["status"] == "applied"
    dan = live_server.new_account("dan", "Dan")
    assert dan.post("/groups/join", json={"invite_code": group["invite_code"]}).status_code == 200
    assert dan.post(f"/groups/{group['id']}/leave").status_code in (200, 204)
    dans_group = dan.post("/groups", json={"name": "Chez Dan"}).json()
    sessions["citer"] = dan.http
    citer = Device(dan)
    citations = citer.exchange(
        [
            citer.change("entry", new_id(), entry_data(attachments=[attachment])),
            citer.change(
                "entry",
                new_id(),
                entry_data(visibility="group", group_id=dans_group["id"], attachments=[attachment]),
            ),
        ]
    )
    # Citing grants nothing, and its answer says nothing of whether the file exists.
    assert [ack["status"] for ack in citations["acks"]] == ["applied"] * 2
    devices = {
        "own": Device(awa),
        "same_group": Device(ben),
        "other_group": Device(chloe),
        "citer": Device(dan),
    }
    tablet = hashlib.sha256(live_server.login(awa.username, "Tablette").encode()).hexdigest()
    [(tablet_id,)] = live_server.sql("SELECT id FROM token WHERE token_hash = ?", tablet)
    return World(live_server, sessions, group, shared, private, note, comment, devices, tablet_id)


def expected(actor: str, allowed: int = 200) -> int:
    return {"own": allowed, "same_group": allowed, "other_group": 404, "citer": 404}.get(actor, 401)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("path", ["/groups/{id}", "/groups/{id}/members"])
def test_group_reads(world: World, actor: str, path: str):
    answer = world.sessions[actor].get(world.server.api + path.format(id=world.group["id"]))
    assert answer.status_code == expected(actor)
    if actor in OUTSIDERS:
        unknown = world.sessions[actor].get(world.server.api + path.format(id=new_id()))
        assert answer.json() == unknown.json()  # hidden looks exactly like missing
    if answer.status_code != 200:
        assert SECRET not in answer.text and world.group["invite_code"] not in answer.text


@pytest.mark.parametrize("actor", ["other_group", "citer", "anonymous", "revoked"])
def test_outsiders_cannot_leave_a_group_they_are_not_in(world: World, actor: str):
    answer = world.sessions[actor].post(f"{world.server.api}/groups/{world.group['id']}/leave")
    assert answer.status_code == expected(actor)
    members = world.sessions["own"].get(f"{world.server.api}/groups/{world.group['id']}/members")
    assert len(members.json()) == 2


@pytest.mark.parametrize("actor", ["anonymous", "revoked"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/me"),
        ("POST", "/logout"),
        ("POST", "/groups"),
        ("POST", "/groups/join"),
        ("POST", "/sync"),
        ("POST", "/bundles"),
        ("PUT", "/me/research-consent"),
        ("GET", f"/blobs/{ATTACHMENT_HASH}/upload"),
        ("PUT", f"/blobs/{ATTACHMENT_HASH}"),
    ],
)
def test_every_private_endpoint_needs_a_live_token(world: World, actor, method, path):
    answer = world.sessions[actor].request(method, world.server.api + path, json={})
    assert answer.status_code == 401
    assert "reconnectez-vous" in answer.json()["detail"]


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_attachments_follow_the_records_that_cite_them(world: World, actor: str, method: str):
    url = f"{world.server.api}/blobs/{ATTACHMENT_HASH}"
    answer = world.sessions[actor].request(method, url)
    assert answer.status_code == expected(actor)
    if answer.status_code == 200 and method == "GET":
        assert answer.content == ATTACHMENT
    if actor in OUTSIDERS:
        assert SECRET not in answer.text
        missing = world.sessions[actor].request(method, f"{world.server.api}/blobs/{'0' * 64}")
        assert missing.status_code == 404 and missing.text == answer.text
        status = world.sessions[actor].get(url + "/upload").json()
        assert status == {"received": 0, "complete": False}


@pytest.mark.parametrize("actor", ["own", "same_group", "other_group", "citer"])
def test_pulls_carry_exactly_what_each_actor_may_see(world: World, actor: str):
    pulled = world.devices[actor].pull_all()
    ids = {change["id"] for change in pulled}
    shared = {world.shared_entry, world.note, world.comment}
    if actor == "own":
        assert shared | {world.private_entry} <= ids
    elif actor == "same_group":
        assert shared <= ids and world.private_entry not in ids
    else:
        assert ids.isdisjoint(shared | {world.private_entry})
        text = json.dumps(pulled, ensure_ascii=False)
        assert SECRET not in text and world.group["id"] not in text


def test_outsiders_cannot_write_into_a_group(world: World, chloe: Account):
    intruder = world.devices["other_group"]
    doc = Doc()
    doc.get("text", type=Text).insert(0, "Intrus")
    attempts = [
        intruder.change("entry", world.shared_entry, entry_data(body="Remplacé")),
        intruder.change("entry", world.private_entry, entry_data(body="Remplacé"), base_rev=1),
        intruder.change(
            "entry", new_id(), entry_data(visibility="group", group_id=world.group["id"])
        ),
        intruder.change(
            "note",
            world.note,
            {"update": b64(doc.get_update()), "state": "", "visibility": "private"},
        ),
        intruder.change(
            "comment",
            new_id(),
            {
                "target_kind": "entry",
                "target_id": world.shared_entry,
                "body": "Bonjour",
                "created_at": "2026-11-29T08:00:00Z",
            },
        ),
        intruder.change(
            "comment",
            world.comment,
            {
                "target_kind": "entry",
                "target_id": "x",
                "body": "x",
                "created_at": "2026-11-29T08:00:00Z",
            },
        ),
    ]
    answer = intruder.exchange(attempts)
    assert [ack["status"] for ack in answer["acks"]] == ["rejected"] * len(attempts)
    assert SECRET not in json.dumps(answer, ensure_ascii=False)
    # Nothing changed for the group.
    seen = Device(world.devices["same_group"].account).pull_all()
    assert by_id(seen, world.shared_entry)[-1]["data"]["body"] == SECRET
    assert by_id(seen, world.shared_entry)[-1]["rev"] == 1
    assert by_id(seen, world.note)[-1]["rev"] == 1


def test_members_cannot_edit_each_others_entries(world: World):
    member = world.devices["same_group"]
    ack = member.push("entry", world.shared_entry, entry_data(body="Corrigé par Ben"), base_rev=1)
    assert ack["status"] == "rejected"
    assert "Seul son auteur" in ack["error"]


# -- the whole matrix: every endpoint x own, same group, other group, anonymous, revoked ------

PUBLIC = {  # answer without a token, and hold nothing of anyone
    ("GET", "/health"),
    ("POST", "/accounts"),
    ("POST", "/login"),
    ("GET", "/packs"),
    ("GET", "/packs/{pack_id}/{version}"),
    # What verifies an attestation: the issuer, its keys, the revocation list (only numbers).
    ("GET", "/issuer"),
    ("GET", "/issuer/keys"),
    ("GET", "/.well-known/jwks.json"),
    ("GET", "/status/revocation"),
}
# Every other endpoint, with what each actor gets on Awa's group and file. "own" is Awa (the
# group's facilitator and the file's uploader), "same_group" Ben, "other_group" Chloé, "citer"
# Dan (who cites the file's hash).
MATRIX = {
    ("GET", "/me"): {"own": 200, "same_group": 200, "other_group": 200, "citer": 200},
    ("DELETE", "/me"): {},  # would end the accounts of the world: anonymous and revoked only
    ("PUT", "/me/research-consent"): {},  # changes the account: anonymous and revoked only
    ("GET", "/me/data"): {"own": 200, "same_group": 200, "other_group": 200, "citer": 200},
    ("GET", "/me/data.zip"): {"own": 200, "same_group": 200, "other_group": 200, "citer": 200},
    ("POST", "/logout"): {},  # ends the session: anonymous and revoked only
    ("GET", "/me/devices"): {"own": 200, "same_group": 200, "other_group": 200, "citer": 200},
    # Awa's tablet: only she may log it out; to anyone else it does not exist.
    ("DELETE", "/me/devices/{device_id}"): {
        "own": 204,
        "same_group": 404,
        "other_group": 404,
        "citer": 404,
    },
    ("POST", "/me/password"): {},  # changes the account: anonymous and revoked only
    ("POST", "/groups"): {},  # makes a group: anonymous and revoked only
    ("POST", "/groups/join"): {},  # covered by test_server_groups: anonymous and revoked here
    ("POST", "/groups/{group_id}/leave"): {"other_group": 404, "citer": 404},
    ("GET", "/groups/{group_id}"): {
        "own": 200,
        "same_group": 200,
        "other_group": 404,
        "citer": 404,
    },
    # On someone not in the group: nothing to remove even for the facilitator.
    ("DELETE", "/groups/{group_id}/members/{member_id}"): {
        "own": 404,
        "same_group": 403,
        "other_group": 404,
        "citer": 404,
    },
    # Would change the code the world uses: members and outsiders here, the facilitator in
    # test_server_groups.
    ("POST", "/groups/{group_id}/invite-code"): {
        "same_group": 403,
        "other_group": 404,
        "citer": 404,
    },
    ("GET", "/groups/{group_id}/members"): {
        "own": 200,
        "same_group": 200,
        "other_group": 404,
        "citer": 404,
    },
    # The learners' progress they agreed to show: for the group's facilitators only.
    ("GET", "/groups/{group_id}/progress"): {
        "own": 200,
        "same_group": 403,
        "other_group": 404,
        "citer": 404,
    },
    ("POST", "/sync"): {},  # what each actor pulls and may write: the tests above
    # Any signed-in courier; the file's own signature says whose it is ("{}" is no such file).
    ("POST", "/bundles"): {"own": 422, "same_group": 422, "other_group": 422, "citer": 422},
    ("HEAD", "/blobs/{digest}"): {"own": 200, "same_group": 200, "other_group": 404, "citer": 404},
    ("GET", "/blobs/{digest}"): {"own": 200, "same_group": 200, "other_group": 404, "citer": 404},
    ("PUT", "/blobs/{digest}"): {},  # an upload of one's own: anonymous and revoked only
    ("GET", "/blobs/{digest}/upload"): {
        "own": 200,
        "same_group": 200,
        "other_group": 200,
        "citer": 200,
    },
    # A declaration concerns the caller's own files only (tests/sync/test_sync_transfers.py);
    # here the empty body is refused as malformed.
    ("PUT", "/kept-files"): {"own": 422, "same_group": 422, "other_group": 422, "citer": 422},
    ("GET", "/research/export"): {"own": 403, "same_group": 403, "other_group": 403, "citer": 403},
    # One's own attestations (tests/server/test_server_attestations.py); "{}" is no request.
    ("POST", "/attestations"): {"own": 422, "same_group": 422, "other_group": 422, "citer": 422},
    ("GET", "/attestations"): {"own": 200, "same_group": 200, "other_group": 200, "citer": 200},
    # The members' attestations, and revoking one: for the group's facilitators only.
    ("GET", "/groups/{group_id}/attestations"): {
        "own": 200,
        "same_group": 403,
        "other_group": 404,
        "citer": 404,
    },
    ("POST", "/groups/{group_id}/attestations/{attestation_id}/revoke"): {
        "own": 404,
        "same_group": 403,
        "other_group": 404,
        "citer": 404,
    },
}


def test_the_matrix_covers_every_endpoint_of_the_server(world: World):
    """A new endpoint fails here until its row says who may do what with it."""
    document = world.server.session().get(world.server.url + "/openapi.json").json()
    served = {
        (method.upper(), path.removeprefix("/api/v1"))
        for path, operations in document["paths"].items()
        for method in operations
    }
    assert served == PUBLIC | set(MATRIX)


CELLS = [
    (method, path, actor)
    for (method, path), allowed in MATRIX.items()
    for actor in ACTORS
    if actor in allowed or actor in ("anonymous", "revoked")
]


@pytest.mark.parametrize(("method", "path", "actor"), CELLS, ids=[" ".join(c) for c in CELLS])
def test_every_endpoint_for_every_actor(world: World, method: str, path: str, actor: str):
    url = world.server.api + path.format(
        group_id=world.group["id"],
        digest=ATTACHMENT_HASH,
        member_id=new_id(),
        device_id=world.awa_device,
        attestation_id=new_id(),
    )
    answer = world.sessions[actor].request(method, url, json={})
    wanted = MATRIX[(method, path)].get(actor, 401)
    assert answer.status_code == wanted, answer.text[:300]
    if actor != "own":
        # Nothing of Awa's private writing, and nothing of the group for outsiders.
        assert world.private_entry not in answer.text
        if actor != "same_group":
            assert SECRET not in answer.text and world.group["invite_code"] not in answer.text
    if actor in OUTSIDERS and wanted == 404:
        hidden = world.sessions[actor].request(
            method,
            world.server.api
            + path.format(
                group_id=new_id(),
                digest="0" * 64,
                member_id=new_id(),
                device_id=2**62,
                attestation_id=new_id(),
            ),
            json={},
        )
        assert (hidden.status_code, hidden.text) == (answer.status_code, answer.text)


@pytest.mark.parametrize("actor", ["same_group", "other_group", "citer"])
def test_my_data_archive_holds_only_my_own(world: World, actor: str):
    archive = world.sessions[actor].get(world.server.api + "/me/data.zip")
    assert archive.status_code == 200
    with zipfile.ZipFile(io.BytesIO(archive.content)) as opened:
        everything = b"".join(opened.read(name) for name in opened.namelist())
    assert world.private_entry.encode() not in everything
    assert ATTACHMENT not in everything
