"""Deleting an account leaves no trace of the learner but the shared words they chose to keep."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from live_server import PASSWORD, Account, LiveServer
from pycrdt import Doc, Map, Text
from research_helpers import consent, traces
from server_helpers import Device, b64, by_id, entry_data, new_id, unb64, xapi_statement

T1 = "2026-11-29T08:15:00Z"
GHOST = "0" * 32


class SharedNote:
    """A co-written note's replica on one device (body runs carry their author's id)."""

    def __init__(self, device: Device, note_id: str, group_id: str):
        self.device, self.note_id, self.group_id = device, note_id, group_id
        self.doc = Doc()
        self.body = self.doc.get("body", type=Text)
        self.meta = self.doc.get("meta", type=Map)
        self.server_state = b"\x00"

    def write(self, account: Account, name: str, words: str) -> dict:
        self.body.insert(len(str(self.body).encode()), words, {"author": account.id})
        self.meta[f"author:{account.id}"] = name
        data = {
            "update": b64(self.doc.get_update(self.server_state)),
            "state": b64(self.doc.get_state()),
            "visibility": "group",
            "group_id": self.group_id,
            "activity_uid": None,
            "trashed_at": None,
            "deleted": False,
            "created_at": T1,
        }
        ack = self.device.push("note", self.note_id, data)
        assert ack["status"] == "applied", ack
        self.server_state = unb64(ack["state"])
        return ack

    def pull(self) -> str:
        for change in by_id(self.device.pull_all(), self.note_id):
            if change.get("gone"):
                return "<gone>"
            self.doc.apply_update(unb64(change["data"]["update"]))
        return str(self.body)


@pytest.fixture
def scene(live_server: LiveServer) -> dict:
    """Zoé (to be deleted) and Ben in a group Zoé leads, with writing of every kind; her name
    is in her account and her private writing, not in what she shared."""
    name = f"Zoé Effacée {new_id()[:6]}"
    zoe = live_server.new_account("zoe", name)
    ben = live_server.new_account("ben", "Ben")
    group = zoe.post("/groups", json={"name": "Atelier"}).json()
    assert ben.post("/groups/join", json={"invite_code": group["invite_code"]}).status_code == 200
    consent(zoe, True)
    zd, bd = Device(zoe), Device(ben)
    # A file only Zoé's shared entry uses, and one on a private entry.
    blob = f"Photo du tableau {new_id()}".encode()
    digest = hashlib.sha256(blob).hexdigest()
    put = zoe.http.put(
        f"{live_server.api}/blobs/{digest}", data=blob, headers={"X-Total-Size": str(len(blob))}
    )
    assert put.status_code == 200, put.text
    shared_entry, private_entry, ben_entry, comment = new_id(), new_id(), new_id(), new_id()
    attachment = {"hash": digest, "name": "tableau.jpg", "size": len(blob), "mime": "image/jpeg"}
    zd.push(
        "entry",
        shared_entry,
        entry_data(
            title="Partagé avec l'atelier",
            visibility="group",
            group_id=group["id"],
            attachments=[attachment],
        ),
    )
    zd.push("entry", private_entry, entry_data(title=f"Privé de {name}"))
    bd.push(
        "entry", ben_entry, entry_data(title="De Ben", visibility="group", group_id=group["id"])
    )
    ack = zd.push(
        "comment",
        comment,
        {
            "target_kind": "entry",
            "target_id": ben_entry,
            "body": "Bravo !",
            "created_at": T1,
        },
    )
    assert ack["status"] == "applied", ack
    zoes_note, bens_note = new_id(), new_id()
    on_zoe = SharedNote(zd, zoes_note, group["id"])
    on_zoe.write(zoe, name, "Les mots de Zoé. ")
    on_ben = SharedNote(bd, zoes_note, group["id"])
    on_ben.pull()
    on_ben.write(ben, "Ben", "Les mots de Ben.")
    bens = SharedNote(bd, bens_note, group["id"])
    bens.write(ben, "Ben", "Note de Ben. ")
    zoe_in_bens = SharedNote(zd, bens_note, group["id"])
    zoe_in_bens.pull()
    zoe_in_bens.write(zoe, name, "Ajout de Zoé.")
    zd.push("progress", "team-s1/recherche", {"completed": True, "changed_at": T1})
    statement = xapi_statement()
    assert zd.push("statement", statement["id"], statement)["status"] == "applied"
    zd.push("answer", new_id(), {"activity_uid": "p/q", "answers": {"a": 1}, "answered_at": T1})
    return {
        "zoe": zoe,
        "ben": ben,
        "name": name,
        "group": group,
        "digest": digest,
        "file": blob,
        "shared_entry": shared_entry,
        "ben_entry": ben_entry,
        "comment": comment,
        "zoes_note": zoes_note,
        "bens_note": bens_note,
    }


def delete(account: Account, shared: str, password: str = PASSWORD):
    return account.http.delete(
        account.server.api + "/me", json={"password": password, "shared": shared}
    )


def assert_no_trace(server: LiveServer, scene: dict) -> None:
    zoe = scene["zoe"]
    token_hash = hashlib.sha256(zoe.token.encode()).hexdigest()
    for needle in (zoe.username, scene["name"], token_hash):
        assert traces(server, needle) == [], needle
    # The account id survives only as the key of a deleted author entry inside co-written
    # notes' edit history: random, and linked to nothing any more.
    for table, _column in traces(server, zoe.id):
        assert table == "record", table


def test_a_wrong_password_deletes_nothing(scene: dict):
    refused = delete(scene["zoe"], "remove", password="pas le bon mot de passe")
    assert refused.status_code == 403 and "Mot de passe incorrect" in refused.json()["detail"]
    assert scene["zoe"].get("/me").status_code == 200


def test_deleting_and_keeping_shared_contributions_anonymised(live_server: LiveServer, scene: dict):
    zoe, ben = scene["zoe"], scene["ben"]
    assert delete(zoe, "anonymise").status_code == 204
    assert zoe.get("/me").status_code == 401
    assert_no_trace(live_server, scene)
    pulled = Device(ben).pull_all()
    [entry] = by_id(pulled, scene["shared_entry"])[-1:]
    assert entry["owner"] == GHOST and entry["owner_name"] == "Participant·e anonyme"
    [comment] = by_id(pulled, scene["comment"])[-1:]
    assert comment["owner"] == GHOST and comment["data"]["body"].startswith("Bravo")
    # Ben may still read the file of the entry kept with the group.
    assert ben.http.head(f"{live_server.api}/blobs/{scene['digest']}").status_code == 200
    note = SharedNote(Device(ben), scene["zoes_note"], scene["group"]["id"])
    assert note.pull() == "Les mots de Zoé. Les mots de Ben."
    assert {run[1]["author"] for run in note.body.diff()} == {GHOST, ben.id}
    assert ben.get(f"/groups/{scene['group']['id']}").json()["role"] == "facilitator"


def test_deleting_and_removing_shared_contributions(live_server: LiveServer, scene: dict):
    zoe, ben = scene["zoe"], scene["ben"]
    assert delete(zoe, "remove").status_code == 204
    assert_no_trace(live_server, scene)
    pulled = Device(ben).pull_all()
    assert by_id(pulled, scene["shared_entry"])[-1]["gone"] is True
    assert by_id(pulled, scene["comment"])[-1]["gone"] is True
    assert by_id(pulled, scene["ben_entry"])[-1]["owner"] == ben.id
    # Ben's words stay in the note Zoé started; hers go, in his note too.
    assert SharedNote(Device(ben), scene["zoes_note"], scene["group"]["id"]).pull() == (
        "Les mots de Ben."
    )
    assert SharedNote(Device(ben), scene["bens_note"], scene["group"]["id"]).pull() == (
        "Note de Ben. "
    )
    assert ben.http.head(f"{live_server.api}/blobs/{scene['digest']}").status_code == 404
    assert traces(live_server, scene["digest"]) == []


def test_a_citation_keeps_no_file_alive(live_server: LiveServer, scene: dict):
    """Regression: a stranger citing the hash of Zoé's file in a private entry could read it,
    and kept it on the server after Zoé deleted her account."""
    stranger = live_server.new_account("mallory", "Mallory")
    attachment = {"hash": scene["digest"], "name": "vol.jpg", "size": len(scene["file"])}
    ack = Device(stranger).push("entry", new_id(), entry_data(attachments=[attachment]))
    assert ack["status"] == "applied"
    assert stranger.http.get(f"{live_server.api}/blobs/{scene['digest']}").status_code == 404
    assert delete(scene["zoe"], "remove").status_code == 204
    assert traces(live_server, scene["file"].decode()) == []
    assert ("blob", 0) not in traces(live_server, scene["digest"])


def test_an_unknown_choice_is_refused(scene: dict):
    refused = delete(scene["zoe"], "garder")
    assert refused.status_code == 422
    assert scene["zoe"].get("/me").status_code == 200


def test_my_data_zip_has_my_words_in_others_notes_and_files_by_their_names(scene: dict):
    """Before deleting, "Mes données" gives back everything: Zoé's own passages in Ben's note
    (not Ben's words), and her photo under its name, its hash in the index."""
    zoe = scene["zoe"]
    archive = zipfile.ZipFile(io.BytesIO(zoe.get("/me/data.zip").content))
    cowritten = json.loads(archive.read("enregistrements/notes-co-ecrites.json"))
    assert [(n["id"], n["my_passages"]) for n in cowritten] == [
        (scene["bens_note"], ["Ajout de Zoé."])
    ]
    assert "Note de Ben" not in json.dumps(cowritten, ensure_ascii=False)
    index = json.loads(archive.read("fichiers/index.json"))
    assert [(f["fichier"], f["sha256"]) for f in index] == [
        ("fichiers/tableau.jpg", scene["digest"])
    ]
    assert hashlib.sha256(archive.read("fichiers/tableau.jpg")).hexdigest() == scene["digest"]
