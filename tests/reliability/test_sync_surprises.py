"""Surprises around a sync: edits made while it is in flight, a server that lost its database
or was replaced, a client speaking an older protocol."""

from __future__ import annotations

import pytest
from clients import Client, group_of_two, unique, write_entry

from team_desktop.core import feed, outbox, progress
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.doc import Author
from team_desktop.core.portfolio.entries import save_entry
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.store.sync_models import SharedComment
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import AuthError, ProtocolTooOld, ServerChanged

LESSON = "test-mini/premiere"


def test_edits_made_while_a_sync_is_in_flight_survive_it(make_client):
    user = unique("lea")
    writer = make_client("ecrit").sign_up(user, "Léa")
    reader = make_client("lit").log_in(user)
    with writer:
        entry_id = write_entry(writer, "Bilan", "première version")
        progress.set_completed(LESSON)
        note_id = notes.create("Plan", "")
        doc = notes.load(note_id)
        doc.apply_local_edit(0, 0, "Accueil.", Author("lea", "Léa"))
        notes.save(note_id, doc)
    send = writer.connection.sync
    edited = []

    def sync_and_type_meanwhile(payload: dict) -> dict:
        answer = send(payload)  # the server has the first versions; the reply is on its way
        if not edited:
            edited.append(True)
            save_entry(entry_id, body="deuxième version, écrite pendant la synchro 🙂")
            progress.set_completed(LESSON, False)
            doc = notes.load(note_id)
            doc.apply_local_edit(len("Accueil."), 0, " Ateliers.", Author("lea", "Léa"))
            notes.save(note_id, doc)
            write_entry(writer, "Nouvelle", "créée pendant la synchro")
        return answer

    writer.connection.sync = sync_and_type_meanwhile
    writer.sync()
    assert edited
    reader.sync()
    for client in (writer, reader):
        with client:
            entries = {e.title: e.body for e in JournalEntry.select()}
            assert entries == {
                "Bilan": "deuxième version, écrite pendant la synchro 🙂",
                "Nouvelle": "créée pendant la synchro",
            }
            assert notes.load(note_id).text == "Accueil. Ateliers."
            assert not progress.is_completed(LESSON)
            assert outbox.count() == 0


def _entries(client: Client) -> dict[str, str]:
    with client:
        return {entry.title: entry.body for entry in JournalEntry.select()}


def test_a_wiped_server_is_noticed_and_nothing_is_deleted_here(tmp_path, server_factory):
    server = server_factory("sqlite")
    username = unique("malik")
    client = Client(tmp_path / "appareil", server.url).sign_up(username, "Malik")
    with client:
        write_entry(client, "Avant", "synchronisée")
        progress.set_completed(LESSON)
    client.sync()
    server.stop()
    for path in server.data_dir.glob("team-server.sqlite3*"):
        path.unlink()  # the administrator lost the database
    server.start()
    with client:
        write_entry(client, "Après", "pas encore envoyée")
        known = sync_state.load()
    before = _entries(client)
    with pytest.raises(AuthError):  # the token went with the database
        client.sync()
    client.sign_up(username, "Malik")  # the learner makes the account again
    with pytest.raises(ServerChanged) as raised:
        client.sync()
    assert "Rien n'a été supprimé" in str(raised.value)
    assert _entries(client) == before == {"Avant": "synchronisée", "Après": "pas encore envoyée"}
    with client:
        assert outbox.count() == 1 and progress.is_completed(LESSON)
        kept = sync_state.load()
        assert (kept.cursor, kept.server_id) == (known.cursor, known.server_id)
    client.close()


def test_an_older_client_is_told_to_update_and_writes_nothing(make_client, sqlite_server):
    user = unique("noe")
    old = make_client("ancien").sign_up(user, "Noé")
    with old:
        write_entry(old, "Secrète", "jamais partie")
    outdated = Connection(sqlite_server.url, old.connection.token)
    outdated.session.headers["X-Team-Protocol"] = "0"  # what an older TEAM Desktop sends
    with pytest.raises(ProtocolTooOld) as raised:
        old.sync(outdated)
    assert "mettez TEAM Desktop à jour" in str(raised.value)
    with old:
        assert outbox.count() == 1
    other = make_client("recent").log_in(user)
    other.sync()
    assert _entries(other) == {}  # the server took nothing from the old client


def test_a_comment_written_before_a_withdrawal_is_pulled_stays_with_its_author(make_client):
    """Awa unshares then reshares her entry while Ben, who has not synced meanwhile, comments
    on it. Ben's sync pulls the withdrawal (which drops the entry and its comments here), the
    entry again, and must bring his own comment back (found by the system model, seed
    3316663689043, on a server that left a device's own changes out of its pull)."""
    awa, ben, group_id = group_of_two(make_client)
    with awa:
        entry_id = write_entry(awa, "Séance", "à commenter", visibility="group", group_id=group_id)
    awa.sync()
    ben.sync()
    with awa:
        save_entry(entry_id, visibility="private", group_id=None)
    awa.sync()
    with awa:
        save_entry(entry_id, visibility="group", group_id=group_id)
    awa.sync()
    with ben:
        comment_id = feed.add_comment("entry", entry_id, "Merci pour le partage 🙂")
    ben.sync()
    with ben:
        assert SharedComment.get_or_none(SharedComment.id == comment_id) is not None
        assert outbox.count() == 0
    awa.sync()
    with awa:
        assert SharedComment.get_or_none(SharedComment.id == comment_id) is not None
