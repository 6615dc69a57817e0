"""The journal → group loop: sharing works after joining a group, with the entry already open."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from team_desktop.core import feed, outbox
from team_desktop.core.portfolio import entries
from team_desktop.core.portfolio.errors import PortfolioError
from team_desktop.core.store.portfolio_models import GROUP, JournalEntry
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.ui.actions import Act
from team_desktop.ui.visibility_choice import NO_GROUP

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from clients import PASSWORD, Client, unique  # noqa: E402


def _choices(combo) -> list[tuple[str, bool]]:
    model = combo.model()
    return [(combo.itemText(i), model.item(i).isEnabled()) for i in range(combo.count())]


def test_sharing_after_joining_a_group_with_the_entry_already_open(
    window, qtbot, server, store, tmp_path
):
    account.log_in(server.url, unique("awa"), PASSWORD, "portable", "Awa", create=True)
    with store.bound():
        ben = Client(tmp_path / "ben", server.url).sign_up(unique("ben"), "Benoît")
        with ben:
            group = account.create_group(ben.connection, "CFA du Cher")
            code = group.invite_code

    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    editor = view.editor
    QTest.keyClicks(editor.text, "Notre atelier d'hier")
    combo = editor.visibility
    no_group = combo.index_of(NO_GROUP)
    assert no_group >= 0 and not combo.model().item(no_group).isEnabled()
    assert "rejoignez d'abord un groupe" in combo.itemText(no_group)
    with pytest.raises(PortfolioError, match="choisissez le groupe"):
        entries.save_entry(entry_id, visibility=GROUP, group_id=None)  # never shared to no one

    joined = account.join_group(account.connect(), code)  # the entry stays open meanwhile
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the list is read again before the choice moves
    assert ("Partagée avec « CFA du Cher »", True) in _choices(combo)
    assert combo.index_of(NO_GROUP) < 0
    assert combo.value() == (GROUP, joined.id)
    qtbot.waitUntil(lambda: not editor.dirty)
    row = JournalEntry.get_by_id(entry_id)
    assert (row.visibility, row.group_id) == (GROUP, joined.id)

    with qtbot.waitSignal(window.sharing.service.synced, timeout=15000):
        window.actions_[Act.SYNC_NOW].trigger()
    assert outbox.count() == 0  # accepted by the server, nothing refused
    with store.bound():
        ben.sync()
        with ben:
            assert [item.body for item in feed.items()] == ["Notre atelier d'hier"]
        ben.close()


def test_a_refused_share_is_explained_and_goes_once_the_learner_fixes_it(
    window, qtbot, server, store
):
    account.log_in(server.url, unique("awa"), PASSWORD, "portable", "Awa", create=True)
    gone = GroupRecord.create(id=uuid.uuid4().hex, name="Ancien groupe")  # left, or never in it
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    QTest.keyClicks(view.editor.text, "Retour de seance")
    combo = view.editor.visibility
    combo.setCurrentIndex(combo.index_of((GROUP, gone.id)))
    qtbot.waitUntil(lambda: not view.editor.dirty)
    with qtbot.waitSignal(window.sharing.service.synced, timeout=15000):
        window.actions_[Act.SYNC_NOW].trigger()
    window.sharing.show_pending()
    table = window.sharing.pending.table
    state = table.item(0, 3).text()
    assert state.startswith("Refusé : Groupe introuvable")
    assert "son partage" in state and "Privée" in state and "renverra" in state

    window.journal.show(entry_id)  # the learner fixes it: private for now
    combo.setCurrentIndex(combo.index_of(("private", None)))
    qtbot.waitUntil(lambda: not view.editor.dirty)
    with qtbot.waitSignal(window.sharing.service.synced, timeout=15000):
        window.actions_[Act.SYNC_NOW].trigger()
    assert outbox.count() == 0
    assert JournalEntry.get_by_id(entry_id).visibility == "private"
