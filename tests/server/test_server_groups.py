"""Groups against a real server: invite codes, joining, leaving, members and roles."""

from __future__ import annotations

import re

from live_server import Account, LiveServer


def test_the_creator_is_facilitator_and_gets_a_readable_invite_code(awa: Account, group: dict):
    assert group["role"] == "facilitator"
    assert group["name"] == "Collège Jean Moulin"
    assert re.fullmatch(r"[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}", group["invite_code"])
    seen = awa.get(f"/groups/{group['id']}").json()
    assert seen == {**group, "role": "facilitator"}


def test_members_are_listed_with_their_roles_in_joining_order(
    awa: Account, ben: Account, group: dict
):
    members = ben.get(f"/groups/{group['id']}/members").json()
    assert members == [
        {"id": awa.id, "display_name": "Awa", "role": "facilitator"},
        {"id": ben.id, "display_name": "Ben", "role": "member"},
    ]
    assert ben.get(f"/groups/{group['id']}").json()["role"] == "member"


def test_me_lists_groups_and_joining_bumps_the_membership_version(live_server: LiveServer):
    host = live_server.new_account("hote")
    guest = live_server.new_account("invite")
    before = guest.get("/me").json()["membership_version"]
    made = host.post("/groups", json={"name": "  Atelier   du jeudi "}).json()
    assert made["name"] == "Atelier du jeudi"
    # Codes are forgiving about case and spaces: they are copied by hand.
    code = made["invite_code"].lower()
    joined = guest.post("/groups/join", json={"invite_code": f" {code[:4]} {code[4:]} "})
    assert joined.status_code == 200
    assert joined.json() == {"id": made["id"], "name": "Atelier du jeudi", "role": "member"}
    me = guest.get("/me").json()
    assert me["membership_version"] == before + 1
    assert me["groups"] == [
        {
            "id": made["id"],
            "name": "Atelier du jeudi",
            "role": "member",
            "invite_code": made["invite_code"],
        }
    ]
    # Joining again changes nothing.
    assert guest.post("/groups/join", json={"invite_code": code}).json()["role"] == "member"
    assert guest.get("/me").json()["membership_version"] == before + 1


def test_an_unknown_invite_code_is_404_in_french(ben: Account):
    answer = ben.post("/groups/join", json={"invite_code": "ZZZZ2222"})
    assert answer.status_code == 404
    assert "Code d'invitation inconnu" in answer.json()["detail"]


def test_leaving_removes_access_and_bumps_the_version(live_server: LiveServer):
    host = live_server.new_account("hote")
    guest = live_server.new_account("invite")
    made = host.post("/groups", json={"name": "Éphémère"}).json()
    guest.post("/groups/join", json={"invite_code": made["invite_code"]})
    version = guest.get("/me").json()["membership_version"]
    assert guest.post(f"/groups/{made['id']}/leave").status_code == 204
    assert guest.get("/me").json()["membership_version"] == version + 1
    assert guest.get(f"/groups/{made['id']}").status_code == 404
    assert guest.get(f"/groups/{made['id']}/members").status_code == 404
    assert guest.post(f"/groups/{made['id']}/leave").status_code == 404
    assert [m["id"] for m in host.get(f"/groups/{made['id']}/members").json()] == [host.id]


def test_the_last_facilitator_leaving_hands_over_to_the_longest_standing_member(
    live_server: LiveServer,
):
    host = live_server.new_account("hote")
    first = live_server.new_account("premier")
    second = live_server.new_account("second")
    made = host.post("/groups", json={"name": "Relais"}).json()
    for account in (first, second):
        account.post("/groups/join", json={"invite_code": made["invite_code"]})
    host.post(f"/groups/{made['id']}/leave")
    roles = {m["id"]: m["role"] for m in first.get(f"/groups/{made['id']}/members").json()}
    assert roles == {first.id: "facilitator", second.id: "member"}


def test_a_group_needs_a_name(ben: Account):
    answer = ben.post("/groups", json={"name": "   "})
    assert answer.status_code == 422
    assert "nom du groupe" in answer.json()["detail"]


def test_a_facilitator_removes_a_member_and_rotates_the_code(live_server: LiveServer):
    """Issue 14: a facilitator could neither remove a member nor change a leaked code."""
    lead, member, other = (live_server.new_account(n) for n in ("anim", "membre", "autre"))
    group = lead.post("/groups", json={"name": "Atelier"}).json()
    for account in (member, other):
        assert account.post("/groups/join", json={"invite_code": group["invite_code"]}).ok
    version = member.get("/me").json()["membership_version"]
    path = f"/groups/{group['id']}"
    assert member.http.delete(f"{member.server.api}{path}/members/{other.id}").status_code == 403
    assert member.post(f"{path}/invite-code").status_code == 403
    assert lead.http.delete(f"{lead.server.api}{path}/members/{member.id}").status_code == 204
    assert member.get(path).status_code == 404
    assert member.get("/me").json()["membership_version"] == version + 1
    rotated = lead.post(f"{path}/invite-code").json()
    assert rotated["invite_code"] != group["invite_code"]
    assert lead.get(path).json()["invite_code"] == rotated["invite_code"]
    again = member.post("/groups/join", json={"invite_code": group["invite_code"]})
    assert again.status_code == 404
    assert [m["id"] for m in lead.get(f"{path}/members").json()] == [lead.id, other.id]


def test_invite_codes_cannot_be_guessed_without_limit(live_server: LiveServer):
    """Regression: an account could try 188 codes a second."""
    guesser = live_server.new_account("devin")
    statuses = [
        guesser.post("/groups/join", json={"invite_code": f"ZZZZZZ{n:02d}"}).status_code
        for n in range(7)
    ]
    assert statuses[:5] == [404] * 5 and statuses[-1] == 429, statuses
