"""A hostile server or peer: a record the client cannot apply is skipped alone and reported."""

from __future__ import annotations

import gzip
import hashlib
import json
import uuid

import pytest
from clients import Client, unique, write_entry
from hostile_server import HostileServer, acking, sync_page

from team_desktop.core import outbox, pending
from team_desktop.core.store.models import database
from team_desktop.core.store.portfolio_models import JournalEntry, Note
from team_desktop.core.sync import engine, files, skipped
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import ReplyTooLarge

ME = "a" * 32
PEER = "b" * 32


@pytest.fixture
def hostile():
    server = HostileServer()
    yield server
    server.close()


@pytest.fixture
def device(tmp_path, hostile):
    client = Client(tmp_path / "appareil", hostile.url)
    with client, database.atomic():
        sync_state.save(server_url=hostile.url, user_id=ME, username="moi")
    yield client
    client.close()


def entry_change(title: str, **data) -> dict:
    """An entry shared by a peer, as an honest client sends it, with `data` overriding fields."""
    record_id = data.pop("id", None) or uuid.uuid4().hex
    values = {
        "title": title,
        "body": f"Le texte de « {title} ».",
        "template_id": None,
        "lesson_uid": None,
        "activity_uid": None,
        "visibility": "group",
        "group_id": "g" * 32,
        "conflict_of": None,
        "tags": ["séance"],
        "attachments": [],
        "entry_date": "2026-03-02",
        "trashed_at": None,
        "deleted": False,
        "created_at": "2026-03-02T09:00:00Z",
        "updated_at": "2026-03-02T09:30:00Z",
    }
    values.update(data)
    return {
        "seq": 1,
        "kind": "entry",
        "id": record_id,
        "rev": 1,
        "owner": PEER,
        "owner_name": "Karim",
        "group_id": "g" * 32,
        "data": values,
    }


def peer_change(kind: str, **data) -> dict:
    """A record of any other kind from a peer of the group, its fields as given."""
    return {
        "seq": 1,
        "kind": kind,
        "id": uuid.uuid4().hex,
        "rev": 1,
        "owner": PEER,
        "owner_name": "Karim",
        "group_id": "g" * 32,
        "data": data,
    }


def note_change(**data) -> dict:
    values = {"update": "", "state": "AA==", "group_id": None, "visibility": "private"}
    values.update(data)
    return {"kind": "note", "id": uuid.uuid4().hex, "rev": 1, "owner": ME, "data": values}


def exchange(device: Client, hostile: HostileServer) -> engine.SyncReport:
    with device:
        return engine.exchange_records(
            device.store, Connection(hostile.url, "jeton", sleep=lambda _s: None)
        )


BAD = {
    "deleted given as the text 'false'": entry_change("Supprimée ?", deleted="false"),
    "entry_date that is no date": entry_change("Date", entry_date="le 3 mars"),
    "created_at that is no time": entry_change("Créée", created_at="hier"),
    "updated_at that is a number": entry_change("Modifiée", updated_at=1700000000),
    "conflict_of that is no id": entry_change("Copie", conflict_of={"x": 1}),
    "an unknown field": entry_change("Champ", script="alert(1)"),
    "a lone surrogate": entry_change("\ud800"),
    "an attachment with a path": entry_change("PJ", attachments=[{"hash": "../../secret"}]),
    "a note trashed at no time": note_change(trashed_at="bientôt"),
    "a note deleted as a number": note_change(deleted=1),
    "a note update that is no base64": note_change(update="%%%"),
    "a change that is no object": "n'importe quoi",
    "a change without data": {"kind": "entry", "id": uuid.uuid4().hex, "owner": PEER},
    "gone given as text": {**entry_change("Partie"), "gone": "false"},
    # The kinds of a facilitated group and of competencies are checked as strictly.
    "evidence citing a file path": peer_change(
        "evidence",
        competency_uid="team-s2-co-intervention/co-preparer",
        source_kind="entry",
        source_id="../../secret",
        visibility="group",
        group_id="g" * 32,
    ),
    "an endorsement dated in words": peer_change(
        "endorsement", evidence_id=uuid.uuid4().hex, body="J'ai observé…", created_at="hier"
    ),
    "a validation given as text": peer_change(
        "validation",
        competency_uid="team-s2-co-intervention/co-preparer",
        learner_id=uuid.uuid4().hex,
        group_id="g" * 32,
        validated="oui",
        decided_at="2026-03-02T09:00:00Z",
    ),
    "a season of week 999": peer_change(
        "season", start_date="2026-03-02", changed_at="2026-03-02T09:00:00Z", weeks=[{"week": 999}]
    ),
    "an announcement with an overlong title": peer_change(
        "announcement",
        group_id="a" * 32,
        title="x" * 5_000,
        published_at="2026-03-02T09:00:00Z",
        changed_at="2026-03-02T09:00:00Z",
    ),
    "a progress choice given as text": peer_change(
        "progress_share", share="true", decided_at="2026-03-02T09:00:00Z"
    ),
}


def test_one_bad_record_never_blocks_the_page(device, hostile):
    first, last = entry_change("Avant"), entry_change("Après")
    hostile.answer("POST", "/sync", sync_page([first, *BAD.values(), last], cursor=42))
    report = exchange(device, hostile)
    with device:
        titles = {row.title for row in JournalEntry.select()}
        assert titles == {"Avant", "Après"}
        assert Note.select().count() == 0
        assert sync_state.load().cursor == 42
        assert len(report.skipped) == len(BAD)
        listed = skipped.listing()
        assert len(listed) == len(BAD)
        assert all(("champ" in item.reason) != ("illisible" in item.reason) for item in listed)
        assert {item.author for item in listed} >= {"Karim"}


def test_deleted_as_text_empties_nothing(device, hostile):
    kept = entry_change("Ma séance de lundi")
    hostile.answer("POST", "/sync", sync_page([kept], cursor=1))
    exchange(device, hostile)
    attack = entry_change("", id=kept["id"], body="", deleted="false")
    hostile.answer("POST", "/sync", sync_page([attack], cursor=2))
    report = exchange(device, hostile)
    with device:
        row = JournalEntry.get(JournalEntry.id == kept["id"])
        assert (row.title, row.deleted) == ("Ma séance de lundi", False)
        assert "Le texte" in row.body
    assert report.skipped and "deleted" in report.skipped[0]


def test_a_good_record_after_a_bad_one_is_never_skipped_across_pages(device, hostile, monkeypatch):
    pages = [
        sync_page([entry_change("Une", entry_date="32/13"), entry_change("Deux")], cursor=5),
        sync_page([entry_change("Trois")], cursor=9),
    ]
    pages[0]["more"] = True
    hostile.answer("POST", "/sync", lambda _request: (200, {}, _json(pages.pop(0))))
    report = exchange(device, hostile)
    with device:
        assert {row.title for row in JournalEntry.select()} == {"Deux", "Trois"}
        assert sync_state.load().cursor == 9
    assert report.round_trips == 2 and len(report.skipped) == 1


def test_a_record_sent_again_correctly_is_no_longer_reported(device, hostile):
    broken = entry_change("Réparée", created_at="jamais")
    hostile.answer("POST", "/sync", sync_page([broken], cursor=1))
    exchange(device, hostile)
    repaired = entry_change("Réparée")
    repaired["id"] = broken["id"]
    hostile.answer("POST", "/sync", sync_page([repaired], cursor=2))
    exchange(device, hostile)
    with device:
        assert skipped.listing() == []
        assert JournalEntry.get(JournalEntry.id == broken["id"]).title == "Réparée"


def test_skipped_records_are_told_in_the_pending_list(device, hostile):
    hostile.answer("POST", "/sync", sync_page([entry_change("X", deleted="non")], cursor=1))
    exchange(device, hostile)
    with device:
        (item,) = pending.received_problems()
    assert item.label == "Entrée du journal" and "Karim" in item.description
    assert "deleted" in item.reason


def _json(value: dict) -> bytes:
    return json.dumps(value).encode()


# -- files ---------------------------------------------------------------------------------


def _blob_routes(hostile: HostileServer) -> None:
    """A server that has no file and takes every upload, keeping what it receives."""
    # Any path: the URL of a file named "../x" is normalised before it leaves the client.
    hostile.answer("HEAD", "", lambda _r: (404, {}, b""))
    hostile.answer("GET", "", lambda r: (200, {}, b'{"received": 0}'))
    hostile.answer("PUT", "", lambda _r: (200, {}, b"{}"))
    hostile.answer("PUT", "/kept-files", {"held": [], "released": 0})
    hostile.answer("GET", "/me", {"research_consent": None})


@pytest.mark.parametrize("where", ["absolute", "relative", "symlink"])
def test_a_hostile_server_cannot_make_the_client_upload_a_local_file(
    device, hostile, tmp_path, where
):
    secret = tmp_path / "secret.txt"
    secret.write_text("mon mot de passe bancaire", encoding="utf-8")
    _blob_routes(hostile)
    with device:
        attachments = device.store.paths.attachments
        attachments.mkdir(parents=True)  # "attachments/../x" resolves only when it exists
        if where == "absolute":
            digest = str(secret)
        elif where == "relative":
            digest = "../" + secret.name  # attachments/../../secret.txt: tmp_path/secret.txt
        else:
            # A file named like a blob that this device never stored.
            digest = "c" * 64
            (attachments / "cc").mkdir()
            (attachments / "cc" / digest).symlink_to(secret)
        # Written as a pulled record from "my other device" would be, unchecked (an older
        # version of the app stored what it pulled as it came).
        with database.atomic():
            JournalEntry.insert(
                id=uuid.uuid4().hex,
                title="Piège",
                visibility="private",
                entry_date="2026-03-02",
                author_id=ME,
                attachments_json=f'[{{"hash": "{digest}", "name": "x", "size": 1, "mime": "a"}}]',
            ).execute()
    hostile.answer("POST", "/sync", sync_page([], cursor=1))
    with device:
        engine.run_sync(device.store, Connection(hostile.url, "jeton", sleep=lambda _s: None))
    sent = b"".join(request.body for request in hostile.requests)
    assert b"bancaire" not in sent
    # No file's bytes went up; the hash the entry cites may be declared as kept.
    assert not [r for r in hostile.requests if r.method == "PUT" and "/blobs/" in r.path]


def test_a_pulled_entry_citing_a_path_is_skipped_and_uploads_nothing(device, hostile, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mon mot de passe bancaire", encoding="utf-8")
    _blob_routes(hostile)
    mine = entry_change(
        "À moi", attachments=[{"hash": str(secret), "name": "s", "size": 1, "mime": "a"}]
    )
    mine["owner"] = ME
    hostile.answer("POST", "/sync", sync_page([mine], cursor=1))
    with device:
        report = engine.run_sync(
            device.store, Connection(hostile.url, "jeton", sleep=lambda _s: None)
        )
    assert len(report.skipped) == 1 and "attachments" in report.skipped[0]
    assert b"bancaire" not in b"".join(request.body for request in hostile.requests)


def test_the_learners_own_attachment_still_leaves(device, hostile, tmp_path):
    from team_desktop.core.portfolio.attachments import add_attachment

    own = tmp_path / "programme.txt"
    own.write_text("Programme de la séance", encoding="utf-8")
    _blob_routes(hostile)
    hostile.answer("POST", "/sync", acking([], cursor=1))
    with device:
        entry_id = write_entry(device, "Séance", "texte")
        add_attachment(device.store.paths, entry_id, own)
        report = engine.run_sync(
            device.store, Connection(hostile.url, "jeton", sleep=lambda _s: None)
        )
    assert report.files.uploaded == 1
    assert b"Programme de la s" in b"".join(r.body for r in hostile.requests if r.method == "PUT")


def test_a_server_that_acknowledges_nothing_is_not_asked_again_and_again(device, hostile):
    hostile.answer("POST", "/sync", sync_page([], cursor=1))
    with device:
        write_entry(device, "Jamais acquittée", "texte")
    report = exchange(device, hostile)
    assert report.round_trips == 1 and report.pushed == 0
    with device:
        assert outbox.count() == 1  # still waiting for an honest server


def test_a_change_the_server_refuses_is_shown_with_its_reason_and_the_rest_goes(make_client):
    # A real server: its schema refuses a body over 200,000 characters (team_server/schemas.py).
    awa = make_client("awa").sign_up(unique("awa"), "Awa")
    with awa:
        write_entry(awa, "Courte", "Une séance ordinaire.")
        long_id = write_entry(awa, "Trop longue", "mot " * 60_000)
    report = awa.sync()
    assert list(report.rejected) == [f"entry/{long_id}"] and report.pushed >= 1
    with awa:
        (waiting,) = pending.pending_changes()
    assert waiting.description == "Trop longue"
    assert waiting.last_error.startswith("Modification refusée")


# -- sizes ---------------------------------------------------------------------------------


def _gzip_bomb(head: bytes, mebibytes: int, tail: bytes) -> bytes:
    """`head`, that many MiB of spaces, then `tail`, as about 1 kB per MiB of gzip members."""
    spaces = gzip.compress(b" " * 2**20, compresslevel=9)
    return gzip.compress(head) + spaces * mebibytes + gzip.compress(tail)


def test_a_sync_reply_that_inflates_past_the_bound_is_refused_unapplied(device, hostile):
    page = json.dumps(sync_page([entry_change("Jamais")], cursor=7)).encode()
    bomb = _gzip_bomb(page[:-1], 100, page[-1:])  # valid JSON once inflated: 100 MiB
    assert len(bomb) < 200_000
    hostile.answer(
        "POST",
        "/sync",
        lambda _r: (200, {"Content-Type": "application/json", "Content-Encoding": "gzip"}, bomb),
    )
    with pytest.raises(ReplyTooLarge):
        exchange(device, hostile)
    with device:
        assert JournalEntry.select().count() == 0 and sync_state.load().cursor == 0


def test_an_attachment_larger_than_any_the_server_keeps_is_refused_alone(
    device, hostile, monkeypatch
):
    monkeypatch.setattr(files, "MAX_ATTACHMENT_BYTES", 2**20)
    big, small = b"", b"la fiche de la seance\n"
    big_hash = "f" * 64  # the content never matches: the client must stop long before
    shared = entry_change(
        "Deux fichiers",
        attachments=[
            {"hash": big_hash, "name": "gros.bin", "size": 10, "mime": None},
            {"hash": hashlib.sha256(small).hexdigest(), "name": "f.txt", "size": 22, "mime": None},
        ],
    )
    hostile.answer("POST", "/sync", sync_page([shared], cursor=1))
    bomb = _gzip_bomb(big, 8, b"")
    hostile.answer(
        "GET", f"/blobs/{big_hash}", lambda _r: (200, {"Content-Encoding": "gzip"}, bomb)
    )
    hostile.answer("GET", f"/blobs/{hashlib.sha256(small).hexdigest()}", small)
    with device:
        report = engine.run_sync(
            device.store, Connection(hostile.url, "jeton", sleep=lambda _s: None)
        )
        assert list(report.files.refused) == [big_hash]
        assert "plus grosse que prévu" in report.files.refused[big_hash]
        assert report.files.downloaded == 1
        assert not list(device.store.paths.tmp.glob("telechargement-*"))


# -- consent -------------------------------------------------------------------------------


def test_a_fresh_local_refusal_wins_over_a_server_that_answers_consent(device, hostile):
    from team_desktop.core.research import consent

    flipped = {
        "research_consent": True,
        "research_consent_version": "v1",
        "research_consent_at": "2099-01-01T00:00:00Z",  # "later" than anything
    }
    hostile.answer("PUT", "/me/research-consent", flipped)
    hostile.answer("GET", "/me", flipped)
    hostile.answer("POST", "/sync", sync_page([], cursor=1))
    with device:
        consent.decide(False, "v1")
        engine.run_sync(device.store, Connection(hostile.url, "jeton", sleep=lambda _s: None))
        decision = consent.decision()
        assert decision.consent is False and not decision.synced  # sent again next time
    sent = [r for r in hostile.requests if r.path.endswith("/me/research-consent")]
    assert sent and json.loads(sent[0].body)["consent"] is False
