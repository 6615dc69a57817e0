"""A facilitator's group on a real server: the season, announcements, and the progress learners
choose to show (only theirs, only while they agree)."""

from __future__ import annotations

from live_server import PASSWORD, Account, LiveServer
from server_helpers import Device, entry_data, new_id


def season(changed_at: str = "2027-01-05T09:00:00Z", **fields) -> dict:
    data = {
        "start_date": "2027-01-06",
        "packs": ["team-s1-entrer-dans-la-demarche", "team-s2-co-intervention"],
        "weeks": [{"week": 1, "opens_on": "2027-01-06"}, {"week": 2, "opens_on": None}],
        "changed_at": changed_at,
    }
    return data | fields


def announcement(group_id: str, title: str = "Classe virtuelle jeudi", **fields) -> dict:
    data = {
        "group_id": group_id,
        "title": title,
        "body": "Rendez-vous jeudi à 17 h pour la semaine 2.",
        "published_at": "2027-01-07T08:00:00Z",
        "changed_at": "2027-01-07T08:00:00Z",
        "deleted": False,
    }
    return data | fields


def of_kind(changes: list[dict], kind: str) -> list[dict]:
    return [change for change in changes if change["kind"] == kind]


def new_group(facilitator: Account, *learners: Account) -> dict:
    made = facilitator.post("/groups", json={"name": "SPOC saison 2"}).json()
    for learner in learners:
        joined = learner.post("/groups/join", json={"invite_code": made["invite_code"]})
        assert joined.status_code == 200, joined.text
    return made


def test_the_facilitator_sets_the_season_and_members_pull_it(
    awa: Account, ben: Account, chloe: Account, group: dict
):
    assert Device(awa).push("season", group["id"], season())["status"] == "applied"
    pulled = of_kind(Device(ben).pull_all(), "season")
    assert [(c["id"], c["group_id"], c["owner"]) for c in pulled] == [
        (group["id"], group["id"], awa.id)
    ]
    assert pulled[0]["data"]["weeks"][1] == {"week": 2, "opens_on": None}
    assert of_kind(Device(chloe).pull_all(), "season") == []
    # An older edit (a second device, offline for a while) changes nothing.
    stale = season("2027-01-01T09:00:00Z", start_date="2027-02-01")
    assert Device(awa).push("season", group["id"], stale)["status"] == "applied"
    kept = of_kind(Device(ben).pull_all(), "season")
    assert kept[0]["data"]["start_date"] == "2027-01-06"


def test_only_a_facilitator_of_the_group_sets_its_season(ben: Account, chloe: Account, group: dict):
    member = Device(ben).push("season", group["id"], season("2030-01-01T00:00:00Z"))
    assert member["status"] == "rejected"
    assert "animation du groupe" in member["error"]
    outsider = Device(chloe).push("season", group["id"], season("2030-01-01T00:00:00Z"))
    assert outsider["status"] == "rejected"
    assert "Groupe introuvable" in outsider["error"]


def test_season_and_announcement_shapes_are_strict(awa: Account, group: dict):
    device = Device(awa)
    refusals = {
        "weeks.1.week": season(weeks=[{"week": 1}, {"week": 1}]),
        "start_date": season(start_date="2027-13-01"),
        "weeks.0.opens_on": season(weeks=[{"week": 1, "opens_on": "le 20 janvier"}]),
        "weeks.0.week": season(weeks=[{"week": 0}]),
        "packs": season(packs=["p"] * 101),
        "colour": season(colour="bleu"),
    }
    for field, data in refusals.items():
        ack = device.push("season", group["id"], data)
        assert ack["status"] == "rejected", field
        assert ack["field"].startswith("data"), ack
    long_body = announcement(group["id"], body="x" * 10_001)
    assert device.push("announcement", new_id(), long_body)["field"] == "data.body"
    blank = device.push("announcement", new_id(), announcement(group["id"], title="  "))
    assert blank["status"] == "rejected" and "titre" in blank["error"]
    not_a_group = device.push("season", "pas-un-groupe", season())
    assert not_a_group["field"] == "id"


def test_announcements_reach_the_group_and_a_deletion_keeps_no_words(
    live_server: LiveServer, awa: Account, ben: Account, chloe: Account, group: dict
):
    note_id = new_id()
    assert Device(awa).push("announcement", note_id, announcement(group["id"]))["status"] == (
        "applied"
    )
    seen = of_kind(Device(ben).pull_all(), "announcement")
    assert [(c["id"], c["data"]["title"], c["owner_name"]) for c in seen] == [
        (note_id, "Classe virtuelle jeudi", "Awa")
    ]
    assert of_kind(Device(chloe).pull_all(), "announcement") == []
    # Members cannot write to the group; nobody moves an announcement to another group.
    by_member = Device(ben).push("announcement", new_id(), announcement(group["id"]))
    assert by_member["status"] == "rejected"
    other = new_group(awa)
    moved = Device(awa).push("announcement", note_id, announcement(other["id"]))
    assert moved["status"] == "rejected" and "reste dans le groupe" in moved["error"]
    gone = announcement(group["id"], deleted=True, changed_at="2027-01-08T08:00:00Z")
    assert Device(awa).push("announcement", note_id, gone)["status"] == "applied"
    last = of_kind(Device(ben).pull_all(), "announcement")[0]["data"]
    assert last["deleted"] is True and last["title"] == last["body"] == ""
    # A deleted announcement stays deleted, even for an edit made later on another device.
    again = announcement(group["id"], changed_at="2027-01-09T08:00:00Z")
    assert Device(awa).push("announcement", note_id, again)["status"] == "applied"
    assert of_kind(Device(ben).pull_all(), "announcement")[0]["data"]["deleted"] is True


def test_the_facilitator_sees_only_the_progress_learners_share(live_server: LiveServer):
    anna = live_server.new_account("anna", "Anna")
    lea, marc, noor = (
        live_server.new_account(name, name.capitalize()) for name in ("lea", "marc", "noor")
    )
    made = new_group(anna, lea, marc, noor)
    gid = made["id"]

    def work() -> list[tuple[str, str, dict]]:
        return [
            (
                "progress",
                "team-s1/recherche",
                {"completed": True, "changed_at": "2027-01-08T10:00:00Z"},
            ),
            (
                "progress",
                "team-s1/situations",
                {"completed": False, "changed_at": "2027-01-08T10:00:00Z"},
            ),
            (
                "quiz",
                new_id(),
                {
                    "activity_uid": "team-s1/quiz-demarche",
                    "answers": {"0": [1]},
                    "score": 1,
                    "max_score": 1,
                    "answered_at": "2027-01-08T10:05:00Z",
                },
            ),
            (
                "entry",
                new_id(),
                entry_data(activity_uid="team-s1/reflexion", visibility="group", group_id=gid),
            ),
            ("entry", new_id(), entry_data(title="Privée")),
        ]

    for learner in (lea, marc):
        device = Device(learner)
        acks = device.exchange([device.change(kind, rid, data) for kind, rid, data in work()])[
            "acks"
        ]
        assert {ack["status"] for ack in acks} == {"applied"}, acks
    share = {"share": True, "decided_at": "2026-09-06T09:00:00Z"}
    assert Device(lea).push("progress_share", gid, share)["status"] == "applied"
    refuse = {"share": False, "decided_at": "2026-09-06T09:00:00Z"}
    assert Device(marc).push("progress_share", gid, refuse)["status"] == "applied"
    # Noor never said: nothing is shown either.
    answer = anna.get(f"/groups/{gid}/progress")
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "group_id": gid,
        "learners": [
            {
                "id": lea.id,
                "display_name": "Lea",
                "shared": True,
                "lessons_done": ["team-s1/recherche"],
                "activities": ["team-s1/quiz-demarche", "team-s1/reflexion"],
                "shared_items": 1,
            },
            {"id": marc.id, "display_name": "Marc", "shared": False},
            {"id": noor.id, "display_name": "Noor", "shared": False},
        ],
    }
    # A member asking gets 403; someone outside the group, 404.
    assert lea.get(f"/groups/{gid}/progress").status_code == 403
    stranger = live_server.new_account("inconnu")
    assert stranger.get(f"/groups/{gid}/progress").status_code == 404
    # Léa changes her mind: from then on the facilitator sees nothing of hers.
    later = {"share": False, "decided_at": "2026-09-09T09:00:00Z"}
    assert Device(lea).push("progress_share", gid, later)["status"] == "applied"
    learners = anna.get(f"/groups/{gid}/progress").json()["learners"]
    assert learners[0] == {"id": lea.id, "display_name": "Lea", "shared": False}
    # An older "yes" from a device that was offline does not undo her "no".
    assert Device(lea).push("progress_share", gid, share)["status"] == "applied"
    assert anna.get(f"/groups/{gid}/progress").json()["learners"][0]["shared"] is False


def test_sharing_progress_needs_membership_but_refusing_never_does(
    live_server: LiveServer, chloe: Account, group: dict
):
    device = Device(chloe)
    yes = device.push(
        "progress_share", group["id"], {"share": True, "decided_at": "2026-09-06T09:00:00Z"}
    )
    assert yes["status"] == "rejected" and "Groupe introuvable" in yes["error"]
    no = device.push(
        "progress_share", group["id"], {"share": False, "decided_at": "2026-09-06T09:00:00Z"}
    )
    assert no["status"] == "applied"
    # A clock far ahead wins nothing: the decision is kept at the server's now.
    ahead = {"share": False, "decided_at": "2099-01-01T00:00:00Z"}
    device.push("progress_share", group["id"], ahead)
    kept = of_kind(Device(chloe).pull_all(), "progress_share")[0]["data"]["decided_at"]
    assert kept < "2099"


def test_a_facilitator_who_deletes_their_account_takes_or_leaves_what_they_gave_the_group(
    live_server: LiveServer,
):
    for shared in ("remove", "anonymise"):
        host = live_server.new_account("hote", "Hôte")
        learner = live_server.new_account("eleve", "Élève")
        made = new_group(host, learner)
        note_id = new_id()
        device = Device(host)
        device.exchange(
            [
                device.change("season", made["id"], season()),
                device.change("announcement", note_id, announcement(made["id"])),
            ]
        )
        reader = Device(learner)
        assert len(reader.pull_all()) >= 2
        gone = host.http.delete(
            live_server.api + "/me", json={"password": PASSWORD, "shared": shared}
        )
        assert gone.status_code == 204, gone.text
        later = {(c["kind"], c.get("gone", False)) for c in reader.pull_all()}
        if shared == "remove":
            # Withdrawn from the group: the learner's devices drop them.
            assert {("season", True), ("announcement", True)} <= later
        else:
            # Kept for the group, under the anonymous participant's name.
            kept = [c for c in Device(learner).pull_all() if c["kind"] == "announcement"]
            assert kept[0]["owner_name"] == "Participant·e anonyme"
            assert kept[0]["data"]["title"] == "Classe virtuelle jeudi"
