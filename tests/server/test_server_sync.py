"""The sync exchange through real HTTP: merge rules per kind, replays, paging, resyncs."""

from __future__ import annotations

from live_server import Account, LiveServer
from server_helpers import Device, by_id, entry_data, new_id, xapi_statement

T0, T1, T2 = "2026-11-29T08:00:00Z", "2026-11-29T09:00:00Z", "2026-11-29T10:00:00Z"


def latest(device: Device, record_id: str) -> dict:
    """The last pulled state of one record (pulling from scratch on a fresh device)."""
    fresh = Device(device.account)
    return by_id(fresh.pull_all(), record_id)[-1]


def test_progress_latest_wins_and_a_completion_wins_a_tie(awa: Account):
    laptop, phone = Device(awa), Device(awa)
    lesson = f"pack/{new_id()}"
    assert laptop.push("progress", lesson, {"completed": True, "changed_at": T1})["status"] == (
        "applied"
    )
    # A stale "not done" from a device that was offline loses.
    phone.push("progress", lesson, {"completed": False, "changed_at": T0})
    assert latest(laptop, lesson)["data"] == {"completed": True, "changed_at": T1}
    # At the same instant, done wins whichever arrives first.
    tied = f"pack/{new_id()}"
    phone.push("progress", tied, {"completed": True, "changed_at": T1})
    laptop.push("progress", tied, {"completed": False, "changed_at": T1})
    assert latest(laptop, tied)["data"]["completed"] is True
    # A later, explicit "not done" still travels.
    laptop.push("progress", lesson, {"completed": False, "changed_at": T2})
    assert latest(phone, lesson)["data"] == {"completed": False, "changed_at": T2}


def test_time_counters_keep_each_devices_maximum(awa: Account):
    device = Device(awa)
    counter = f"pack/{new_id()}|{device.id}"
    device.push("time", counter, {"seconds": 120})
    device.push("time", counter, {"seconds": 60})
    assert latest(device, counter)["data"] == {"seconds": 120}
    device.push("time", counter, {"seconds": 300})
    assert latest(device, counter)["data"] == {"seconds": 300}
    bad = device.push("time", "sans-appareil", {"seconds": 5})
    assert bad["status"] == "rejected"
    assert "leçon|appareil" in bad["error"]


def test_bookmarks_latest_wins_and_bookmarked_wins_a_tie(awa: Account):
    device = Device(awa)
    lesson = f"pack/{new_id()}"
    device.push("bookmark", lesson, {"bookmarked": False, "changed_at": T1})
    device.push("bookmark", lesson, {"bookmarked": True, "changed_at": T1})
    device.push("bookmark", lesson, {"bookmarked": False, "changed_at": T0})
    assert latest(device, lesson)["data"] == {"bookmarked": True, "changed_at": T1}


def test_quiz_attempts_are_immutable(awa: Account):
    device = Device(awa)
    attempt = new_id()
    first = {"activity_uid": "p/q", "answers": {"0": [1, 2]}, "score": 1, "max_score": 2}
    device.push("quiz", attempt, {**first, "answered_at": T1})
    ack = device.push("quiz", attempt, {**first, "score": 2, "answered_at": T2})
    assert ack == {"change_id": ack["change_id"], "status": "applied", "rev": 1}
    assert latest(device, attempt)["data"]["score"] == 1


def test_a_replayed_change_has_the_effect_of_one(awa: Account):
    device = Device(awa)
    entry = new_id()
    change = device.change("entry", entry, entry_data(), None)
    first = device.exchange([change])
    assert first["acks"][0]["status"] == "applied"
    cursor = device.cursor
    again = device.exchange([change])
    assert again["acks"] == [{"change_id": change["change_id"], "status": "duplicate", "rev": 1}]
    # Nothing was written: no new sequence number for anyone to pull.
    assert again["changes"] == [] and device.cursor == cursor


def test_entries_conflict_on_a_stale_base_rev(awa: Account):
    laptop, phone = Device(awa), Device(awa)
    entry = new_id()
    laptop.push("entry", entry, entry_data(body="Version 1"))
    assert laptop.push("entry", entry, entry_data(body="Version 2"), base_rev=1)["rev"] == 2
    stale = phone.push("entry", entry, entry_data(body="Écrit hors ligne"), base_rev=1)
    assert stale["status"] == "conflict"
    assert stale["rev"] == 2
    assert latest(phone, entry)["data"]["body"] == "Version 2"
    # The same text again, after a lost ack, is not a conflict.
    assert phone.push("entry", entry, entry_data(body="Version 2"), base_rev=1)["status"] == (
        "applied"
    )
    # A brand-new entry whose id exists already is a conflict too (null base_rev).
    assert phone.push("entry", entry, entry_data(body="Autre"))["status"] == "conflict"


def test_a_batch_answers_each_change_and_sends_no_echo_back(awa: Account):
    device = Device(awa)
    ok, device_only = new_id(), new_id()
    answer = device.exchange(
        [
            device.change("entry", ok, entry_data(title="Gardée")),
            device.change("entry", device_only, entry_data(visibility="device")),
            device.change("mystère", new_id(), {}),
        ]
    )
    statuses = [ack["status"] for ack in answer["acks"]]
    assert statuses == ["applied", "rejected", "rejected"]
    assert "réservé à cet appareil" in answer["acks"][1]["error"]
    assert "inconnu" in answer["acks"][2]["error"]
    assert answer["acks"][0]["rev"] == 1
    # The pushing device has the entry as stored: no echo. Another device pulls it.
    assert by_id(answer["changes"], ok) == []
    pulled = by_id(Device(awa).pull_all(), ok)
    assert pulled[0]["rev"] == 1 and pulled[0]["owner"] == awa.id
    assert pulled[0]["owner_name"] == "Awa"
    assert by_id(Device(awa).pull_all(), device_only) == []


def test_a_change_the_server_merged_otherwise_comes_back(awa: Account):
    first, late = Device(awa), Device(awa)
    first.exchange([first.change("progress", "pack/l1", {"completed": True, "changed_at": T2})])
    # An older change loses the merge: the device must learn what the server kept.
    answer = late.exchange(
        [late.change("progress", "pack/l1", {"completed": False, "changed_at": T1})]
    )
    assert answer["acks"][0]["status"] == "applied"
    [kept] = by_id(answer["changes"], "pack/l1")
    assert kept["data"] == {"completed": True, "changed_at": T2}


def test_the_pull_pages_by_seq_with_more(live_server: LiveServer):
    account = live_server.new_account("pages")
    writer = Device(account)
    lessons = [f"pack/l{n}" for n in range(5)]
    writer.exchange(
        [writer.change("progress", uid, {"completed": True, "changed_at": T1}) for uid in lessons]
    )
    reader = Device(account)
    pages = []
    while True:
        answer = reader.exchange(limit=2)
        pages.append(answer)
        if not answer["more"]:
            break
    assert [len(page["changes"]) for page in pages] == [2, 2, 1]
    seqs = [change["seq"] for page in pages for change in page["changes"]]
    assert seqs == sorted(seqs) and len(set(seqs)) == 5
    assert [page["cursor"] for page in pages] == [seqs[1], seqs[3], seqs[4]]
    assert [c["id"] for page in pages for c in page["changes"]] == lessons
    assert reader.exchange()["changes"] == []


def test_joining_a_group_resends_everything_visible(live_server: LiveServer):
    host = live_server.new_account("hote")
    newcomer = live_server.new_account("nouveau")
    made = host.post("/groups", json={"name": "Tardifs"}).json()
    shared = new_id()
    Device(host).push("entry", shared, entry_data(visibility="group", group_id=made["id"]))
    device = Device(newcomer)
    device.push("progress", "pack/x", {"completed": True, "changed_at": T1})
    assert by_id(device.pull_all(), shared) == []
    newcomer.post("/groups/join", json={"invite_code": made["invite_code"]})
    # The shared entry is older than the device's cursor: only a full resync brings it.
    answer = device.exchange()
    assert answer["membership_version"] == newcomer.get("/me").json()["membership_version"]
    assert answer["groups"] == [{"id": made["id"], "name": "Tardifs", "role": "member"}]
    assert [c["owner_name"] for c in by_id(answer["changes"], shared)] == ["Hote"]


def test_another_server_id_applies_nothing(awa: Account):
    device = Device(awa)
    device.pull_all()
    entry = new_id()
    answer = device.exchange(
        [device.change("entry", entry, entry_data())], server_id="0" * 32, cursor=device.cursor
    )
    assert answer["server_id"] != "0" * 32
    assert answer["acks"] == [] and answer["changes"] == []
    assert by_id(Device(awa).pull_all(), entry) == []


def test_a_cursor_beyond_the_last_seq_resends_everything(awa: Account):
    device = Device(awa)
    lesson = f"pack/{new_id()}"
    device.push("progress", lesson, {"completed": True, "changed_at": T1})
    everything = Device(awa).pull_all()
    restored = device.exchange(cursor=10**9, limit=len(everything) + 10)
    assert [c["seq"] for c in restored["changes"]] == [c["seq"] for c in everything]


def test_research_answers_are_kept_only_with_consent(live_server: LiveServer):
    learner = live_server.new_account("chercheuse")
    device = Device(learner)
    answer = {"activity_uid": "p/questionnaire", "answers": {"q1": 4}, "answered_at": T1}
    refused = device.push("answer", new_id(), answer)
    assert refused["status"] == "rejected" and "accord pour la recherche" in refused["error"]
    consent = learner.http.put(learner.server.api + "/me/research-consent", json={"consent": True})
    assert consent.json()["research_consent"] is True
    kept = new_id()
    assert device.push("answer", kept, answer)["status"] == "applied"
    statement = xapi_statement()
    assert device.push("statement", statement["id"], statement)["status"] == "applied"
    assert by_id(Device(learner).pull_all(), kept)
    learner.http.put(learner.server.api + "/me/research-consent", json={"consent": False})
    kinds = {c["kind"] for c in Device(learner).pull_all()}
    assert "answer" not in kinds and "statement" not in kinds


def test_emptying_the_bin_keeps_no_words_on_the_server(awa: Account):
    device = Device(awa)
    entry = new_id()
    device.push("entry", entry, entry_data(body="Texte à effacer"))
    device.push("entry", entry, entry_data(body="Texte à effacer", deleted=True), base_rev=1)
    data = latest(device, entry)["data"]
    assert data["deleted"] is True and data["body"] == "" and data["title"] == ""


def test_sharing_reaches_the_group_and_unsharing_withdraws(
    awa: Account, ben: Account, chloe: Account, group: dict, other_group: dict
):
    entry = new_id()
    writer = Device(awa)
    writer.push("entry", entry, entry_data(visibility="group", group_id=group["id"]))
    reader = Device(ben)
    [received] = by_id(reader.pull_all(), entry)
    assert received["group_id"] == group["id"] and received["owner"] == awa.id
    assert by_id(Device(chloe).pull_all(), entry) == []
    comment = new_id()
    ack = reader.push(
        "comment",
        comment,
        {"target_kind": "entry", "target_id": entry, "body": "Merci !", "created_at": T1},
    )
    assert ack["status"] == "applied"
    assert by_id(writer.pull_all(), comment)[0]["owner_name"] == "Ben"
    # Made private again: Ben's devices are told to drop the entry; Awa keeps it.
    unshared = writer.exchange(
        [writer.change("entry", entry, entry_data(visibility="private"), base_rev=1)]
    )
    pulled = reader.pull_all()
    gone = by_id(pulled, entry)
    assert gone == [
        {
            "seq": gone[0]["seq"],
            "kind": "entry",
            "id": entry,
            "rev": None,
            "owner": awa.id,
            "group_id": group["id"],
            "gone": True,
            "data": {},
        }
    ]
    # Ben's comment left the group with its target: Awa's devices drop it, Ben keeps his own.
    assert by_id(unshared["changes"], comment)[-1]["gone"] is True
    assert "gone" not in by_id(pulled, comment)[-1]
    assert latest(writer, entry)["data"]["visibility"] == "private"


def test_comments_need_a_shared_target(awa: Account, ben: Account, group: dict):
    private = new_id()
    Device(awa).push("entry", private, entry_data())
    refused = Device(ben).push(
        "comment",
        new_id(),
        {"target_kind": "entry", "target_id": private, "body": "?", "created_at": T1},
    )
    assert refused["status"] == "rejected"
    assert "partagée" in refused["error"]


def test_a_comment_never_follows_its_target_into_another_group(live_server: LiveServer):
    host = live_server.new_account("hote")
    commenter = live_server.new_account("commente")
    newcomer = live_server.new_account("ailleurs")
    first = host.post("/groups", json={"name": "Premier"}).json()
    second = host.post("/groups", json={"name": "Second"}).json()
    commenter.post("/groups/join", json={"invite_code": first["invite_code"]})
    newcomer.post("/groups/join", json={"invite_code": second["invite_code"]})
    entry, comment = new_id(), new_id()
    writer = Device(host)
    writer.push("entry", entry, entry_data(visibility="group", group_id=first["id"]))
    Device(commenter).push(
        "comment",
        comment,
        {"target_kind": "entry", "target_id": entry, "body": "Entre nous", "created_at": T1},
    )
    writer.push("entry", entry, entry_data(visibility="group", group_id=second["id"]), 1)
    seen = Device(newcomer).pull_all()
    assert [c["group_id"] for c in by_id(seen, entry)] == [second["id"]]
    assert by_id(seen, comment) == []
    # Its author still has it.
    assert by_id(Device(commenter).pull_all(), comment)[-1]["data"]["body"] == "Entre nous"


def test_a_malformed_change_is_refused_alone_and_deletes_nothing(awa: Account):
    """Regression: `"deleted": "false"` emptied the entry on every device and was acked as
    applied; a bad date reached every peer and broke their pull for good."""
    device = Device(awa)
    kept, bad_date = new_id(), new_id()
    assert device.push("entry", kept, entry_data(body="Mes mots"))["status"] == "applied"
    answer = device.exchange(
        [
            device.change("entry", kept, entry_data(body="Mes mots", deleted="false"), 1),
            device.change("entry", bad_date, entry_data(entry_date="lundi")),
            {"change_id": "sans-forme", "kind": "entry"},
            device.change("progress", "team-s1/recherche", {"completed": True, "changed_at": T1}),
        ]
    )
    acks = answer["acks"]
    assert [ack["status"] for ack in acks] == ["rejected", "rejected", "rejected", "applied"]
    assert acks[0]["field"] == "data.deleted" and "true ou false" in acks[0]["error"]
    assert acks[1]["field"] == "data.entry_date" and acks[2]["change_id"] == "sans-forme"
    assert latest(device, kept)["data"]["body"] == "Mes mots"
    assert latest(device, kept)["data"]["deleted"] is False
    assert by_id(Device(awa).pull_all(), bad_date) == []


def test_pull_pages_are_bounded_in_bytes(awa: Account, ben: Account, group: dict):
    """Regression: pages were bounded in records only, so a member's large shared entries
    made each peer's pull hold all of them at once (8 GiB of server memory in the report)."""
    writer = Device(awa)
    large = "Une longue préparation. " * 6_000  # about 144 kB, under the entry's cap
    ids = [new_id() for _ in range(40)]
    for batch in (ids[:20], ids[20:]):
        answer = writer.exchange(
            [
                writer.change(
                    "entry",
                    entry_id,
                    entry_data(body=large, visibility="group", group_id=group["id"]),
                )
                for entry_id in batch
            ]
        )
        assert {ack["status"] for ack in answer["acks"]} == {"applied"}
    seen, pages, body = set(), 0, {"protocol": 1, "device_id": new_id(), "limit": 500}
    while pages < 50:
        response = ben.post("/sync", json=body)
        answer = response.json()
        assert len(response.content) < 5 * 2**20  # the 4 MiB budget and one record more
        seen |= {change["id"] for change in answer["changes"]}
        body.update(cursor=answer["cursor"], membership_version=answer["membership_version"])
        pages += 1
        if not answer["more"]:
            break
    assert set(ids) <= seen and pages >= 2
