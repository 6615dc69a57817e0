"""Who wrote what in a note: the name is asked once (never the OS login), then the account's;
what was written before the account exists is the learner's, for co-authors too."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from PySide6.QtTest import QTest

from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import export as note_export
from team_desktop.core.notes import store as notes
from team_desktop.core.sync import account
from team_desktop.core.sync.engine import run_sync
from team_desktop.ui.actions import Act

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from clients import PASSWORD, Client, unique  # noqa: E402


def _writers(note_id: str) -> dict[str, int]:
    return {a.name: a.characters for a in note_export.authors(notes.load(note_id))}


def test_author_name_from_the_account_and_earlier_text_stays_the_learners(
    window, qtbot, server, store, tmp_path
):
    window.actions_[Act.NOTES].trigger()
    view = window.notes.view
    assert view.name_bar.isVisible()  # asked once, offline
    assert view.name_edit.text() == "" and view.name_edit.text() != getpass.getuser()
    view.name_edit.setText("Awa")
    view.name_button.click()
    assert not view.name_bar.isVisible()

    view.new_button.click()
    note_id = view.editor.note_id
    edit = view.editor.text_edit
    edit.selectAll()
    QTest.keyClicks(edit, "ecrit hors ligne, avant tout compte")
    view.editor.save_now()
    assert _writers(note_id) == {"Awa": len("ecrit hors ligne, avant tout compte")}

    account.log_in(server.url, unique("awa"), PASSWORD, "portable", "Awa Diallo", create=True)
    assert note_authors.local_author().name == "Awa Diallo"
    assert _writers(note_id) == {"Awa Diallo": len("ecrit hors ligne, avant tout compte")}

    # A co-author sees one writer, with the account's name: no ghost author.
    group = account.create_group(account.connect(), "Binôme")
    notes.set_sharing(note_id, "group", group.id)
    run_sync(store, account.connect())
    with store.bound():
        ben = Client(tmp_path / "ben", server.url).sign_up(unique("ben"), "Benoît")
        with ben:
            account.join_group(ben.connection, group.invite_code)
        ben.sync()
        with ben:
            assert _writers(note_id) == {"Awa Diallo": len("ecrit hors ligne, avant tout compte")}
        ben.close()
