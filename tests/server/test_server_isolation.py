"""Group isolation, endpoint by endpoint: outsiders get 404 or a rejection, and learn nothing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import pytest
import requests
from live_server import Account, LiveServer
from pycrdt import Doc, Text
from server_helpers import Device, b64, by_id, entry_data, new_id

SECRET = "Confidentiel : la classe de 4e B"
ATTACHMENT = SECRET.encode() * 10
ATTACHMENT_HASH = hashlib.sha256(ATTACHMENT).hexdigest()
ACTORS = ("own", "same_group", "other_group", "anonymous", "revoked")


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
    entry; Chloé is in another group."""
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
    devices = {"own": Device(awa), "same_group": Device(ben), "other_group": Device(chloe)}
    return World(live_server, sessions, group, shared, private, note, comment, devices)


def expected(actor: str, allowed: int = 200) -> int:
    return {"own": allowed, "same_group": allowed, "other_group": 404}.get(actor, 401)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("path", ["/groups/{id}", "/groups/{id}/members"])
def test_group_reads(world: World, actor: str, path: str):
    answer = world.sessions[actor].get(world.server.api + path.format(id=world.group["id"]))
    assert answer.status_code == expected(actor)
    if actor == "other_group":
        unknown = world.sessions[actor].get(world.server.api + path.format(id=new_id()))
        assert answer.json() == unknown.json()  # hidden looks exactly like missing
    if answer.status_code != 200:
        assert SECRET not in answer.text and world.group["invite_code"] not in answer.text


@pytest.mark.parametrize("actor", ["other_group", "anonymous", "revoked"])
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
    if actor == "other_group":
        assert SECRET not in answer.text
        missing = world.sessions[actor].request(method, f"{world.server.api}/blobs/{'0' * 64}")
        assert missing.status_code == 404 and missing.text == answer.text
        status = world.sessions[actor].get(url + "/upload").json()
        assert status == {"received": 0, "complete": False}


@pytest.mark.parametrize("actor", ["own", "same_group", "other_group"])
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
