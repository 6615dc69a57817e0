"""Co-preparation notes through real HTTP: CRDT updates, per-device deltas, tombstones."""

from __future__ import annotations

import pytest
from live_server import Account
from pycrdt import Doc, Text
from server_helpers import Device, b64, by_id, new_id, unb64

LONG_TEXT = "Objectifs de la séance : faire parler chaque élève. " * 80


class NoteReplica:
    """A device's copy of a note, syncing as the protocol says."""

    def __init__(self, device: Device, note_id: str, group_id: str | None):
        self.device = device
        self.note_id = note_id
        self.group_id = group_id
        self.doc = Doc()
        self.text = self.doc.get("text", type=Text)
        self.server_state = b"\x00"

    def edit(self, words: str) -> None:
        self.text += words

    def change(self, **meta) -> dict:
        data = {
            "update": b64(self.doc.get_update(self.server_state)),
            "state": b64(self.doc.get_state()),
            "visibility": "group" if self.group_id else "private",
            "group_id": self.group_id,
            "activity_uid": "pack/copreparation",
            "trashed_at": None,
            "deleted": False,
            "created_at": "2026-11-29T08:00:00Z",
        }
        data.update(meta)
        return self.device.change("note", self.note_id, data)

    def push(self, **meta) -> dict:
        answer = self.device.exchange([self.change(**meta)])
        ack = answer["acks"][0]
        if ack["status"] in ("applied", "duplicate"):
            self.server_state = unb64(ack["state"])
        self.absorb(answer["changes"])
        return ack

    def absorb(self, changes: list[dict]) -> list[dict]:
        """Apply pulled changes for this note; returns them."""
        mine = by_id(changes, self.note_id)
        for change in mine:
            update = unb64(change["data"]["update"])
            if update:
                self.doc.apply_update(update)
            self.server_state = unb64(change["data"]["state"])
        return mine

    def pull(self) -> list[dict]:
        return self.absorb(self.device.pull_all())

    def report_state(self) -> dict:
        """An empty update: just tell the server what this device now has."""
        return self.device.exchange([self.change(update="")])["acks"][0]


def test_edits_from_two_members_merge_and_deltas_stay_small(
    awa: Account, ben: Account, group: dict
):
    note = new_id()
    writer = NoteReplica(Device(awa), note, group["id"])
    writer.edit(LONG_TEXT)
    ack = writer.push()
    assert ack["status"] == "applied" and ack["rev"] == 1
    reader = NoteReplica(Device(ben), note, group["id"])
    [first] = reader.pull()
    # A device the server knows nothing about gets the whole document.
    assert str(reader.text) == LONG_TEXT
    assert first["owner"] == awa.id and first["data"]["visibility"] == "group"
    assert reader.report_state()["status"] == "applied"
    writer.edit(" Awa ajoute une consigne.")
    writer.push()
    [delta] = reader.pull()
    whole = len(writer.doc.get_update())
    assert 0 < len(unb64(delta["data"]["update"])) < whole / 10
    assert str(reader.text) == str(writer.text)
    # Ben writes too; both replicas converge.
    reader.edit(" Ben propose un tour de table.")
    assert reader.push()["status"] == "applied"
    writer.pull()
    assert str(writer.text) == str(reader.text)
    assert "Ben propose" in str(writer.text) and "Awa ajoute" in str(writer.text)


def test_a_replayed_update_changes_nothing(awa: Account):
    device = Device(awa)
    replica = NoteReplica(device, new_id(), None)
    replica.edit("Une idée")
    change = replica.change()
    first = device.exchange([change])["acks"][0]
    again = device.exchange([change])["acks"][0]
    assert again == {**first, "status": "duplicate"}


def test_updates_arriving_out_of_order_are_kept_until_their_predecessor(awa: Account):
    author = Doc()
    text = author.get("text", type=Text)
    text += "premier "
    early = author.get_update()
    middle_state = author.get_state()
    text += "second"
    late = author.get_update(middle_state)
    device = Device(awa)
    note = new_id()
    meta = {"visibility": "private", "group_id": None, "deleted": False}
    for update in (late, early):
        ack = device.push("note", note, {**meta, "update": b64(update), "state": ""})
        assert ack["status"] == "applied"
    reader = NoteReplica(Device(awa), note, None)
    reader.pull()
    assert str(reader.text) == "premier second"


def test_only_the_author_shares_or_deletes_and_deletion_is_final(
    awa: Account, ben: Account, group: dict
):
    note = new_id()
    owner = NoteReplica(Device(awa), note, group["id"])
    owner.edit("Plan de séance")
    owner.push()
    member = NoteReplica(Device(ben), note, group["id"])
    member.pull()
    member.edit(" (relu)")
    # A member's metadata is ignored: the note stays shared and alive.
    assert member.push(visibility="private", deleted=True)["status"] == "applied"
    assert owner.pull()[-1]["data"]["visibility"] == "group"
    assert str(owner.text) == "Plan de séance (relu)"
    assert owner.push(deleted=True)["status"] == "applied"
    [tombstone] = member.pull()
    assert tombstone["data"]["deleted"] is True and tombstone["data"]["update"] == ""
    member.edit(" encore")
    refused = member.push()
    assert refused["status"] == "rejected"
    assert "supprimée définitivement" in refused["error"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("update", "pas du base64 !", "base64"),
        ("update", b64(b"\x07\x07\x07"), "illisible"),
        ("activity_uid", {"pack": "x"}, "activity_uid"),
    ],
)
def test_unreadable_updates_are_rejected(awa: Account, field, value, message):
    replica = NoteReplica(Device(awa), new_id(), None)
    ack = replica.device.exchange([replica.change(**{field: value})])["acks"][0]
    assert ack["status"] == "rejected"
    assert message in ack["error"]
