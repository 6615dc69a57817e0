"""What a hostile server or peer sends is told to the learner, in French, never a crash."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel

from team_desktop.core.notes import authors as note_authors
from team_desktop.core.store.models import database
from team_desktop.core.sync import credentials
from team_desktop.core.sync import state as sync_state
from team_desktop.ui import messages
from team_desktop.ui.actions import Act

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from hostile_server import HostileServer, sync_page  # noqa: E402
from test_sync_hostile import entry_change  # noqa: E402


def test_records_left_aside_show_in_the_status_and_the_pending_view(window, qtbot, store):
    hostile = HostileServer()
    try:
        with store.bound(), database.atomic():
            sync_state.save(server_url=hostile.url, user_id="a" * 32, username="moi")
        credentials.store_token(hostile.url, "moi", "jeton")
        page = [entry_change("Bonne"), entry_change("Piégée", deleted="false")]
        hostile.answer("POST", "/sync", sync_page(page, cursor=3))
        with qtbot.waitSignal(window.sharing.service.synced, timeout=15000):
            window.actions_[Act.SYNC_NOW].trigger()
        assert "1 élément reçu laissé de côté" in window.sharing.status.text()
        window.actions_[Act.PENDING].trigger()
        view = window.sharing.pending
        assert view.received.isVisible() and view.received.rowCount() == 1
        assert view.received.item(0, 0).text() == "Entrée du journal"
        assert view.received.item(0, 1).text() == "envoyé par Karim"
        assert "deleted" in view.received.item(0, 3).text()
        view.dismiss_button.click()
        assert view.received.rowCount() == 0 and not view.received.isVisible()
    finally:
        credentials.forget_token(hostile.url, "moi")
        hostile.close()


HOSTILE_NAME = '<img src="file:///tmp/piege.png"><b>Awa</b>'


def _labels_showing(window, text: str) -> list:
    return [
        label
        for label in window.findChildren(QLabel) + QApplication.topLevelWidgets()
        if isinstance(label, QLabel) and text in label.text()
    ]


def test_a_co_authors_name_is_plain_text_wherever_it_shows(window, qtbot):
    note_authors.set_name(HOSTILE_NAME)  # as a co-author's name arrives in the note itself
    window.actions_[Act.NOTES].trigger()
    view = window.notes.view
    view.new_button.click()
    view.editor.ready_box.click()
    assert HOSTILE_NAME in view.editor.ready_label.text()
    shown = _labels_showing(window, "<img")
    assert shown and all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)


def test_a_group_name_from_the_server_is_plain_text(window, qtbot, store):
    from team_desktop.core.store.sync_models import GroupRecord
    from team_desktop.ui.groups_dialog import GroupsDialog

    dialog = GroupsDialog(window.runner, window)
    qtbot.addWidget(dialog)
    dialog._created(GroupRecord(id="g" * 32, name=HOSTILE_NAME, invite_code="ABCD2345"))
    assert HOSTILE_NAME in dialog.status.text()
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText
    box = messages.show_message(window, messages.Icon.Information, "Groupe", HOSTILE_NAME)
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def _bold_at(document, line: int, column: int) -> bool:
    block = document.findBlockByNumber(line)
    for span in block.layout().formats():
        if span.start <= column < span.start + span.length:
            return span.format.fontWeight() == QFont.Weight.Bold
    return False


def test_a_peers_hostile_note_lines_are_highlighted_within_bounded_spans(qapp):
    from team_desktop.ui.markdown_highlighter import SPAN, MarkdownHighlighter

    hostile = ["**a " * 5000, "`" * 5000, "_a " * 5000, "[a](b" * 5000]
    ordinary = ["Un **mot** en gras, du `code`, un [lien](https://exemple.fr)."]
    too_long = ["**" + "x" * (SPAN + 100) + "**"]
    document = QTextDocument("\n".join(ordinary + too_long + hostile))
    highlighter = MarkdownHighlighter(document)
    highlighter.rehighlight()  # finishes: each line costs in proportion to its length
    assert _bold_at(document, 0, ordinary[0].index("mot"))
    assert not _bold_at(document, 0, 1)
    # Past SPAN characters a span stays plain: that bound is what keeps the cost linear.
    assert not _bold_at(document, 1, 10)
