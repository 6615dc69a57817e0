"""A wiped or replaced server: the learner chooses to send their data to it, nothing is lost."""

from __future__ import annotations

import pytest
from clients import PASSWORD, Client, unique, write_entry

from team_desktop.core import bookmarks, notes, outbox, progress
from team_desktop.core.store.portfolio_models import JournalEntry
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
        assert outbox.count() == 0  # and nothing sent until the learner chooses
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
