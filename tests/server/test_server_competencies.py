"""Evidence, endorsements and validations through real HTTP: who may write and see what."""

from __future__ import annotations

from live_server import PASSWORD, Account, LiveServer
from server_helpers import Device, by_id, new_id

T1 = "2026-12-01T09:00:00Z"
COMPETENCY = "team-s2-co-intervention/co-preparer"


def evidence_data(group_id: str | None = None, **fields) -> dict:
    data = {
        "competency_uid": COMPETENCY,
        "source_kind": "entry",
        "source_id": new_id(),
        "source_title": "Séance du 12 mars",
        "statement": "Nous avons réparti les rôles phase par phase.",
        "visibility": "group" if group_id else "private",
        "group_id": group_id,
        "deleted": False,
        "created_at": T1,
        "updated_at": T1,
    }
    data.update(fields)
    return data


def endorse(device: Device, evidence: str, body: str = "J'ai observé la séance.") -> dict:
    return device.push(
        "endorsement", new_id(), {"evidence_id": evidence, "body": body, "created_at": T1}
    )


def validation(learner: str, group_id: str, validated: bool = True) -> dict:
    return {
        "competency_uid": COMPETENCY,
        "learner_id": learner,
        "group_id": group_id,
        "validated": validated,
        "comment": "Vu en séance.",
        "decided_at": T1,
    }


def test_private_evidence_stays_with_its_author(awa: Account, ben: Account, group: dict):
    evidence = new_id()
    assert Device(ben).push("evidence", evidence, evidence_data())["status"] == "applied"
    assert by_id(Device(awa).pull_all(), evidence) == []
    # Nobody can endorse what they cannot see, and the answer does not tell it exists.
    refused = endorse(Device(awa), evidence)
    assert refused["status"] == "rejected" and "partagée" in refused["error"]


def test_a_peer_endorses_shared_evidence_never_its_author(
    awa: Account, ben: Account, chloe: Account, group: dict
):
    evidence = new_id()
    author = Device(ben)
    author.push("evidence", evidence, evidence_data(group["id"]))
    [seen] = by_id(Device(awa).pull_all(), evidence)
    assert seen["owner"] == ben.id and seen["data"]["statement"].startswith("Nous avons")
    assert by_id(Device(chloe).pull_all(), evidence) == []
    own = endorse(author, evidence)
    assert own["status"] == "rejected" and "propre preuve" in own["error"]
    assert endorse(Device(chloe), evidence)["status"] == "rejected"
    peer = Device(awa)
    endorsement = new_id()
    ack = peer.push(
        "endorsement",
        endorsement,
        {"evidence_id": evidence, "body": "J'ai observé la séance.", "created_at": T1},
    )
    assert ack["status"] == "applied"
    [pulled] = by_id(author.pull_all(), endorsement)
    assert pulled["owner_name"] == "Awa" and pulled["group_id"] == group["id"]
    # Taken back to private: the endorsement leaves the group with it.
    author.push("evidence", evidence, evidence_data())
    assert by_id(peer.pull_all(), evidence)[-1]["gone"] is True
    assert all(change.get("gone") for change in by_id(Device(ben).pull_all(), endorsement))


def test_schemas_refuse_strays(ben: Account, group: dict):
    device = Device(ben)
    wrong = device.push("evidence", new_id(), evidence_data(competency_uid="Pas un id"))
    assert wrong["status"] == "rejected" and wrong["field"] == "data.competency_uid"
    extra = device.push("evidence", new_id(), {**evidence_data(), "score": 3})
    assert extra["status"] == "rejected" and extra["field"] == "data.score"
    empty = device.push(
        "endorsement", new_id(), {"evidence_id": new_id(), "body": "  ", "created_at": T1}
    )
    assert empty["status"] == "rejected" and empty["field"] == "data.body"


def test_only_a_facilitator_validates_a_member(
    live_server: LiveServer, awa: Account, ben: Account, chloe: Account, group: dict
):
    by_member = Device(ben).push("validation", new_id(), validation(awa.id, group["id"]))
    assert by_member["status"] == "rejected" and "anime" in by_member["error"]
    stranger = Device(awa).push("validation", new_id(), validation(chloe.id, group["id"]))
    assert stranger["status"] == "rejected" and "membre" in stranger["error"]
    self_made = Device(awa).push("validation", new_id(), validation(awa.id, group["id"]))
    assert self_made["status"] == "rejected"
    decision = new_id()
    facilitator = Device(awa)
    assert (
        facilitator.push("validation", decision, validation(ben.id, group["id"]))["status"]
        == "applied"
    )
    [seen] = by_id(Device(ben).pull_all(), decision)
    assert seen["data"]["validated"] is True and seen["owner"] == awa.id
    # The facilitator changes their mind; nobody else may touch the decision.
    assert (
        Device(ben).push("validation", decision, validation(ben.id, group["id"], False))["status"]
        == "rejected"
    )
    facilitator.push("validation", decision, validation(ben.id, group["id"], False))
    assert by_id(Device(ben).pull_all(), decision)[-1]["data"]["validated"] is False


def test_a_deleted_learner_takes_the_decisions_about_them(live_server: LiveServer):
    host = live_server.new_account("anime", "Inès")
    learner = live_server.new_account("apprend", "Théo")
    peer = live_server.new_account("pair", "Lou")
    group = host.post("/groups", json={"name": "Binômes"}).json()
    for member in (learner, peer):
        member.post("/groups/join", json={"invite_code": group["invite_code"]})
    decision = new_id()
    assert (
        Device(host).push("validation", decision, validation(learner.id, group["id"]))["status"]
        == "applied"
    )
    lou = Device(peer)
    assert by_id(lou.pull_all(), decision)[0]["data"]["learner_id"] == learner.id
    answer = learner.http.delete(
        live_server.api + "/me", json={"password": PASSWORD, "shared": "anonymise"}
    )
    assert answer.status_code == 204
    # The group's devices drop it; nothing about Théo stays on the server.
    assert by_id(lou.pull_all(), decision)[-1]["gone"] is True
    assert by_id(Device(host).pull_all(), decision) == []
