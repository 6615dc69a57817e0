"""Sync from the window: account, group, shared feed, comments, pending changes, status."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from team_desktop.core import feed, outbox, progress
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.core.sync import state as sync_state
from team_desktop.ui.account_dialog import AccountDialog
from team_desktop.ui.actions import Act
from team_desktop.ui.groups_dialog import GroupsDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from clients import PASSWORD, Client, unique, write_entry  # noqa: E402


def _dialog(kind):
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert dialogs, f"no {kind.__name__} open"
    return dialogs[-1]


def test_without_server_the_status_says_so(window, qtbot):
    window.actions_[Act.SYNC_NOW].trigger()
    assert window.sharing.status.text() == "Synchronisation non configurée"


def test_account_group_feed_and_comment_from_the_window(window, qtbot, server, store, tmp_path):
    # Create an account from the app.
    window.actions_[Act.ACCOUNT].trigger()
    dialog = _dialog(AccountDialog)
    dialog.server.setText(server.url)
    user = unique("awa")
    dialog.username.setText(user)
    dialog.password.setText("un mot de passe assez long")
    dialog.create.setChecked(True)
    dialog.display_name.setText("Awa")
    assert dialog.login_button.text() == "Créer le compte"
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert sync_state.load().username == user

    # Create a group and read its invite code.
    window.actions_[Act.GROUPS].trigger()
    groups = _dialog(GroupsDialog)
    groups.new_name.setText("CFA du Cher")
    qtbot.waitUntil(groups.create_button.isEnabled, timeout=10000)  # the server's list came
    qtbot.mouseClick(groups.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Code d'invitation" in groups.status.text(), timeout=10000)
    code = GroupRecord.get().invite_code
    assert code and code in groups.status.text()
    groups.done(QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15000)

    # A peer joins from another device and shares an entry.
    with store.bound():
        ben = Client(tmp_path / "ben", server.url).sign_up(unique("ben"), "Ben")
        with ben:
            account.join_group(ben.connection, code)
            write_entry(
                ben,
                "Notre projet commun",
                "Une *idée* pour la rentrée.",
                "group",
                GroupRecord.get().id,
            )
        ben.sync()

    # Learner's own change waits, visible in the pending view, then leaves with F5.
    progress.set_completed("test-mini/premiere")
    window.actions_[Act.PENDING].trigger()
    assert window.sharing.pending.table.rowCount() == 1
    assert window.sharing.pending.table.item(0, 0).text() == "Progression"
    with qtbot.waitSignal(window.sharing.service.synced, timeout=15000):
        window.actions_[Act.SYNC_NOW].trigger()
    assert window.sharing.status.text().startswith("À jour")
    assert outbox.count() == 0
    qtbot.waitUntil(lambda: window.sharing.pending.table.rowCount() == 0)

    # The shared feed shows the peer's entry, rendered safely; a comment goes back.
    window.actions_[Act.FEED].trigger()
    assert window.stack.currentWidget() is window.sharing.feed
    text = window.sharing.feed.toPlainText()
    assert "Notre projet commun" in text and "Ben" in text
    [item] = feed.items()
    assert window.sharing.feed.comment("entry", item.id, "Je participe !")
    with qtbot.waitSignal(window.sharing.service.synced, timeout=15000):
        window.actions_[Act.SYNC_NOW].trigger()
    with store.bound():
        ben.sync()
        with ben:
            [seen] = feed.items()
            assert [(c.author, c.body) for c in seen.comments] == [("Awa", "Je participe !")]
        ben.close()


def test_a_new_server_is_noticed_and_data_sent_only_when_the_learner_agrees(
    window, qtbot, server_factory, store, tmp_path
):
    old, new = server_factory("sqlite"), server_factory("sqlite")
    user = unique("iris")
    account.log_in(old.url, user, PASSWORD, "portable", "Iris", create=True)
    entry_id = write_entry(store, "Avant", "gardé")
    with qtbot.waitSignal(window.sharing.service.synced, timeout=15000):
        window.actions_[Act.SYNC_NOW].trigger()
    account.log_in(new.url, user, PASSWORD, "portable", "Iris", create=True)
    window.actions_[Act.SYNC_NOW].trigger()
    qtbot.waitUntil(lambda: window.sharing.service.state == "server_changed", timeout=15000)
    assert outbox.count() == 0 and JournalEntry.get_by_id(entry_id).body == "gardé"
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    [send] = [b for b in box.buttons() if b.text() == "Envoyer mes données à ce serveur"]
    with qtbot.waitSignal(window.sharing.service.synced, timeout=15000):
        qtbot.mouseClick(send, Qt.MouseButton.LeftButton)
    with store.bound():
        tablet = Client(tmp_path / "tablette", new.url).log_in(user)
        tablet.sync()
        with tablet:
            assert JournalEntry.get_by_id(entry_id).body == "gardé"
        tablet.close()
