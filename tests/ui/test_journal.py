"""A learner keeps a journal: answers a prompt, writes with a template, tags, attaches, finds."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from team_desktop.core.portfolio import attachments, entries, versions
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.ui.actions import Act

LESSON = "test-mini/premiere"
REFLECTION = "test-mini/mini-reflexion"


def stored(entry_id: str) -> JournalEntry:
    return JournalEntry.get_by_id(entry_id)


def message_boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_answer_a_prompt_from_the_lesson_and_come_back(window, qtbot):
    window.open_lesson(LESSON)
    window.lesson.browser.anchorClicked.emit(QUrl(f"team:reflect/{REFLECTION}"))

    view = window.journal.view
    assert window.stack.currentWidget() is view
    editor = view.editor
    assert editor.title.text() == "Votre expérience"
    assert editor.text.toPlainText().startswith("> **Consigne — Votre expérience**")
    assert "## Description" in editor.text.toPlainText()
    assert "Votre expérience" in editor.link.text()
    qtbot.keyClicks(editor.text, "Mardi, atelier a deux.")
    qtbot.waitUntil(lambda: not editor.dirty)
    entry_id = editor.entry.id
    assert stored(entry_id).body.endswith("Mardi, atelier a deux.")
    assert stored(entry_id).activity_uid == REFLECTION

    editor.link.linkActivated.emit("lesson")  # the entry links back to its lesson
    assert window.stack.currentWidget() is window.lesson
    page = window.lesson.browser.toHtml()
    assert "Vos entrées pour cette activité" in page
    assert f"team:entry/journal/{entry_id}" in page

    window.lesson.browser.anchorClicked.emit(QUrl(f"team:entry/journal/{entry_id}"))
    assert window.stack.currentWidget() is view
    assert view.editor.entry.id == entry_id


def test_new_entry_with_a_template_from_ctrl_n(window, qtbot):
    window.actions_[Act.NEW_ENTRY].trigger()
    dialog = window.journal.view.template_dialog
    assert dialog.isVisible()
    assert dialog.select("gibbs")
    assert "Description" in dialog.preview.toPlainText()
    dialog.accept()

    editor = window.journal.view.editor
    assert editor.entry.template_id == "gibbs"
    assert editor.text.toPlainText().startswith("## Description")
    assert window.actions_[Act.NEW_ENTRY].shortcut().toString() == "Ctrl+N"
    assert window.actions_[Act.JOURNAL].shortcut().toString() == "Ctrl+J"


def test_leaving_the_journal_saves_at_once(window, qtbot):
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    qtbot.keyClicks(view.editor.text, "Dernier mot")
    assert view.editor.dirty

    window.show_home()  # no wait: switching view saves

    assert stored(entry_id).body == "Dernier mot"
    assert not view.editor.dirty


def test_tags_date_visibility_and_filters(window, qtbot):
    view = window.journal.view
    window.journal.show()
    first = view.start_entry("libre")
    view.editor.title.setText("Tutorat")
    view.editor.tags.setText("#tutorat, Binôme")
    view.editor.tags.textEdited.emit(view.editor.tags.text())
    device = view.editor.visibility.findText("Cet appareil seulement")
    view.editor.visibility.setCurrentIndex(device)
    assert view.editor.flush()
    second = view.start_entry("analyse-situation")
    view.editor.title.setText("Réunion")
    view.editor.title.textEdited.emit("Réunion")
    view.editor.flush()

    row = stored(first)
    assert row.visibility == "device" and entries.get_entry(first).tags == ["tutorat", "Binôme"]
    view.reload()
    assert [view.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.list.count())] == [
        second,
        first,
    ]
    assert "cet appareil" in view.list.item(1).text() and "#Binôme" in view.list.item(1).text()
    view.tag.setCurrentIndex(view.tag.findData("tutorat"))
    view.tag.activated.emit(view.tag.currentIndex())
    assert view.list.count() == 1 and view.list.item(0).data(Qt.ItemDataRole.UserRole) == first
    view.tag.setCurrentIndex(0)
    view.tag.activated.emit(0)
    assert view.list.count() == 2
    view.search.setText("reunion")
    qtbot.waitUntil(lambda: view.list.count() == 1)
    assert view.list.item(0).data(Qt.ItemDataRole.UserRole) == second


def test_search_from_the_window_finds_entries_with_the_course(window, qtbot):
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    view.editor.text.setPlainText("Une séance co-animée très réussie.")
    view.editor.flush()

    window.run_search("seance")

    kinds = {hit.kind for hit in window.search_view.hits}
    assert kinds == {"lesson", "entry"}
    window.search_view.hit_chosen.emit("entry", entry_id, "séance")
    assert window.stack.currentWidget() is view
    assert view.editor.text.textCursor().selectedText() == "séance"


def test_attach_open_and_a_missing_file(window, qtbot, tmp_path):
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    panel = view.editor.attachments
    opened = []
    panel.open_url = opened.append
    photo = tmp_path / "tableau.png"
    photo.write_bytes(b"png " * 500)

    with qtbot.waitSignal(panel.changed):
        panel.add_files([photo])

    assert panel.list.count() == 1 and "tableau.png" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    panel.open_current()
    assert opened[0].toLocalFile().endswith("/tableau.png")
    attachment = entries.get_entry(entry_id).attachments[0]
    attachments.blob_path(window.store.paths, attachment.hash).unlink()

    with qtbot.waitSignal(panel.failed) as failed:
        panel.open_current()
    assert "introuvable" in failed.args[0]
    assert any("introuvable" in box.text() for box in message_boxes(window))
    assert len(opened) == 1

    with qtbot.waitSignal(panel.failed) as failed:
        panel.add_files([tmp_path / "absent.pdf"])
    assert "absent.pdf" in failed.args[0]


def test_history_shows_and_restores_an_earlier_version(window, qtbot):
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    editor = view.editor
    editor.text.setPlainText("Premier jet.")
    editor.flush()
    editor.text.setPlainText("Second jet.")
    editor.flush()

    editor.show_history()
    dialog = editor.history_dialog
    dialog.keep_requested.emit()  # "keep the current text as a version"
    assert [v.body for v in versions.list_versions(entry_id)][:2] == ["Second jet.", "Premier jet."]
    dialog.list.setCurrentRow(1)
    assert "Premier jet." in dialog.preview.toPlainText()
    dialog.restore_current()

    assert editor.text.toPlainText() == "Premier jet."
    assert stored(entry_id).body == "Premier jet."
    assert versions.list_versions(entry_id)[0].body == "Second jet."


def test_bin_restore_and_empty_with_confirmation(window, qtbot):
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    view.editor.text.setPlainText("À jeter peut-être.")

    view.editor.trash_button.click()

    assert stored(entry_id).trashed_at is not None and stored(entry_id).body == "À jeter peut-être."
    assert view.list.count() == 0 and view.bin_button.text() == "Corbeille (1)"
    view.bin_button.setChecked(True)
    assert view.list.count() == 1
    view.list.setCurrentRow(0)
    assert view.editor.text.isReadOnly()
    view.restore_current()
    assert stored(entry_id).trashed_at is None and not view.in_bin

    view.trash(entry_id)
    view.bin_button.setChecked(True)
    box = view.confirm_empty_bin()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not stored(entry_id).deleted
    box = view.confirm_empty_bin()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert stored(entry_id).deleted and stored(entry_id).body == ""
    assert view.list.count() == 0


def test_a_full_disk_keeps_the_previous_version_and_the_typed_text(window, qtbot):
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    editor = view.editor
    editor.text.setPlainText("Version sûre.")
    assert editor.flush()
    db = JournalEntry._meta.database
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    try:
        editor.text.setPlainText("Nouvelle version très longue. " * 40_000)
        assert not editor.flush()
        assert "Non enregistré" in editor.status.text()
        assert editor.notice.isVisible() and "disque est plein" in editor.notice.text()
        assert any("disque est plein" in box.text() for box in message_boxes(window))
        assert stored(entry_id).body == "Version sûre."
        assert editor.text.toPlainText().startswith("Nouvelle version")
    finally:
        db.execute_sql("PRAGMA max_page_count = 1073741823")
    assert editor.flush()  # room again: the retry goes through
    assert stored(entry_id).body.startswith("Nouvelle version")
    assert not editor.notice.isVisible() and editor.status.text() == "Enregistré"


def test_huge_paste_and_raw_html_are_kept_and_shown_safely(window, qtbot):
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    editor = view.editor
    hostile = '<script>alert("x")</script><img src=x onerror="alert(1)"> Bonjour\n\n'
    paste = hostile + "Notes de séance, mot à mot. " * 200_000

    editor.text.setPlainText(paste)
    assert editor.flush()
    editor._render_preview()

    assert stored(entry_id).body == paste
    shown = editor.preview.toHtml()
    assert "alert" not in shown and "onerror" not in shown
    text = editor.preview.toPlainText()
    assert "très longue" in text and "code HTML" in text and "Bonjour" in text


def test_search_results_say_what_each_hit_is(window):
    view = window.journal.view
    window.journal.show()
    view.start_entry("libre")
    view.editor.text.setPlainText("Une séance co-animée.")
    view.editor.flush()

    window.run_search("seance")

    text = window.search_view.toPlainText()
    assert "Leçon · Préparer la séance ensemble" in text
    assert "Mon journal · Sans titre" in text
