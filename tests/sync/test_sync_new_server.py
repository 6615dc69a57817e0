"""A wiped or replaced server: the learner chooses to send their data to it, nothing is lost."""

from __future__ import annotations

import pytest
from clients import PASSWORD, Client, unique, write_entry

from team_desktop.core import bookmarks, outbox, progress
from team_desktop.core.notes import store as notes
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.store.sync_models import Outbox
from team_desktop.core.sync import account, recovery
from team_desktop.core.sync.errors import ServerChanged


def test_sending_everything_again_to_a_new_server(tmp_path, server_factory):
    old, new = server_factory("sqlite"), server_factory("sqlite")
    user = unique("hugo")
    laptop = Client(tmp_path / "portable", old.url).sign_up(user, "Hugo")
    with laptop:
        entry_id = write_entry(laptop, "Mon bilan", "écrit avant l'effacement")
        note_id = notes.create("Plan de séance", "texte commun\n")
        progress.set_completed("test-mini/premiere")
        bookmarks.toggle("test-mini/seconde")
    laptop.sync()

    # The address now answers with an empty database: same name, a new account there.
    laptop.url = new.url
    with laptop:
        login = account.log_in(new.url, user, PASSWORD, "portable", "Hugo", create=True)
    laptop.connection = login.connection
    with pytest.raises(ServerChanged):
        laptop.sync()
    with laptop:
        assert (
            JournalEntry.get_by_id(entry_id).body == "écrit avant l'effacement"
        )  # nothing deleted
        # Nothing sent until the learner chooses; the one row queued is the note's authorship,
        # moved at login from the old account's id to the new one's (notes.claim_former_writing).
        assert [(row.kind, row.record_id) for row in Outbox.select()] == [("note", note_id)]
        assert recovery.adopt_server() >= 4
    laptop.sync()

    tablet = Client(tmp_path / "tablette", new.url).log_in(user)
    tablet.sync()
    with tablet:
        assert JournalEntry.get_by_id(entry_id).body == "écrit avant l'effacement"
        assert notes.load(note_id).text == "texte commun\n"
        assert progress.is_completed("test-mini/premiere")
        assert bookmarks.is_bookmarked("test-mini/seconde")
    with laptop:
        assert outbox.count() == 0
    laptop.close()
    tablet.close()


def test_a_server_restored_from_an_older_backup_gets_everything_again(tmp_path, server_factory):
    import contextlib
    import sqlite3

    server = server_factory("sqlite")
    database = next(server.data_dir.glob("*.sqlite3"))
    user = unique("jade")
    laptop = Client(tmp_path / "portable", server.url).sign_up(user, "Jade")
    with laptop:
        first = write_entry(laptop, "Avant la sauvegarde", "un")
    laptop.sync()
    backup = tmp_path / "sauvegarde.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(database)) as source,
        contextlib.closing(sqlite3.connect(backup)) as copy,
    ):
        source.backup(copy)
    with laptop:
        second = write_entry(laptop, "Après la sauvegarde", "deux")
        progress.set_completed("test-mini/seconde")
    laptop.sync()

    server.stop()  # the administrator restores last night's dump
    for leftover in server.data_dir.glob("*.sqlite3*"):
        leftover.unlink()
    backup.replace(database)
    server.start()

    report = laptop.sync()
    assert report.requeued >= 3
    tablet = Client(tmp_path / "tablette", server.url).log_in(user)
    tablet.sync()
    with tablet:
        assert {e.id for e in JournalEntry.select()} == {first, second}
        assert progress.is_completed("test-mini/seconde")
    for client in (laptop, tablet):
        client.close()
