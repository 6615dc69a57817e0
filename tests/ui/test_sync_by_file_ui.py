"""Sync by file from the window: an offline device writes a file, another desktop delivers it."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from team_desktop.core import feed, outbox
from team_desktop.core.sync import account
from team_desktop.ui.actions import Act
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from clients import PASSWORD, Client, unique, write_entry  # noqa: E402
from fault_proxy import FaultProxy  # noqa: E402


def _message(window, qtbot, title: str) -> str:
    """The text of the message box titled `title`, once it shows; then it is closed."""

    def shown():
        return [b for b in window.findChildren(QMessageBox) if b.isVisible()]

    qtbot.waitUntil(lambda: not window.runner.busy and bool(shown()), timeout=30000)
    box = shown()[-1]
    assert box.windowTitle() == title, box.text()
    text = box.text()
    box.close()
    return text


def _deliver_from_ben(ben: Client, qtbot, request: Path) -> str:
    """Ben's own TEAM Desktop, signed in, delivers the file through the server."""
    with ben.store.bound():
        runner = TaskRunner()
        desktop = MainWindow(ben.store, runner)
        qtbot.addWidget(desktop)
        desktop.sharing.files.deliver(request)
        text = _message(desktop, qtbot, "Fichier transmis")
        desktop.close()
    return text


def test_offline_device_syncs_through_files_from_the_window(window, qtbot, server, store, tmp_path):
    # Awa signs in once, through a line that is then cut for good.
    line = FaultProxy(server.port)
    login = account.log_in(line.url, unique("awa"), PASSWORD, "portable", "Awa", create=True)
    group = account.create_group(login.connection, "Collège Jean Moulin")
    line.close()
    # With no line, the automatic sync after each write could only fail; it is switched off
    # so that Ben's store, opened in this same process, is never swapped in under one.
    window.changes.changed.disconnect(window.sharing.service.on_changes)
    with store.bound():
        ben = Client(tmp_path / "ben", server.url).sign_up(unique("ben"), "Ben")
        with ben:
            account.join_group(ben.connection, group.invite_code)
            write_entry(ben, "L'atelier de Ben", "Des rôles tournants.", "group", group.id)
        ben.sync()
    shared = write_entry(store, "Séance d'Awa", "Un débriefing en trois temps.", "group", group.id)
    write_entry(store, "Mes doutes", "privé")

    # Awa writes the file on her stick; the dialog says what will leave first.
    usb = tmp_path / "cle-usb"
    usb.mkdir()
    window.actions_[Act.SYNC_BY_FILE].trigger()
    dialog = window.sharing.files.dialog
    qtbot.waitUntil(lambda: "Partagé avec un groupe : 1 élément" in dialog.what_leaves.text())
    seen = dialog.what_leaves.text()
    assert "Ce qui quittera cet appareil : 2 éléments" in seen and "« Séance d'Awa »" in seen
    assert "Mes doutes" not in seen  # private: it leaves, but is shared with no group
    dialog.path.setText(str(usb / "awa-1"))
    dialog.write_button.click()
    written = _message(window, qtbot, "Fichier de synchronisation écrit")
    request = usb / "awa-1.teamsync"
    assert request.is_file() and "Modifications à envoyer : 2." in written

    # Ben's desktop delivers it; the answer lands beside the request.
    delivered = _deliver_from_ben(ben, qtbot, request)
    answer = usb / "awa-1-reponse.teamsync"
    assert answer.is_file() and str(answer) in delivered
    assert "Modifications reçues de l'appareil : 2, dont 0 refusée(s)." in delivered
    again = _deliver_refused(ben, qtbot, request)
    assert "déjà été transmis" in again

    # Back on Awa's device: a damaged copy is refused, the answer applies, and a second
    # import is refused, each in French.
    damaged = usb / "abime.teamsync"
    damaged.write_bytes(answer.read_bytes()[:-100])
    window.sharing.files.import_answer(damaged)
    assert "endommagé" in _message(window, qtbot, "Réponse non importée")
    assert outbox.count() == 2
    window.sharing.files.import_answer(answer)
    imported = _message(window, qtbot, "Réponse importée")
    assert "Changements envoyés : 2" in imported and outbox.count() == 0
    window.sharing.files.import_answer(answer)
    assert "déjà été importée" in _message(window, qtbot, "Réponse non importée")
    assert {item.title for item in feed.items()} == {"Séance d'Awa", "L'atelier de Ben"}

    # The group sees Awa's entry and comments; the comment comes back by the next file.
    with store.bound():
        ben.sync()
        with ben:
            assert "Séance d'Awa" in {item.title for item in feed.items()}
            feed.add_comment("entry", shared, "On essaie lundi !")
        ben.sync()
    window.sharing.files.write_request(usb / "awa-2.teamsync", 0)
    _message(window, qtbot, "Fichier de synchronisation écrit")
    _deliver_from_ben(ben, qtbot, usb / "awa-2.teamsync")
    window.sharing.files.import_answer(usb / "awa-2-reponse.teamsync")
    _message(window, qtbot, "Réponse importée")
    window.actions_[Act.FEED].trigger()
    qtbot.waitUntil(lambda: "On essaie lundi !" in window.sharing.feed.toPlainText())
    assert "Ben" in window.sharing.feed.toPlainText()
    with store.bound():
        ben.close()


def _deliver_refused(ben: Client, qtbot, request: Path) -> str:
    with ben.store.bound():
        runner = TaskRunner()
        desktop = MainWindow(ben.store, runner)
        qtbot.addWidget(desktop)
        desktop.sharing.files.deliver(request)
        text = _message(desktop, qtbot, "Fichier non transmis")
        desktop.close()
    return text
