"""A learner writes a co-preparation note: typing, autosave, merging a co-author's copy, ready marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from team_desktop.core import outbox
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import files as note_files
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.positions import index_to_utf16
from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import open_store
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.ui.actions import Act

COPREP = "test-mini/mini-coprep"


@pytest.fixture
def notes_view(window):
    note_authors.set_name("Awa")
    window.actions_[Act.NOTES].trigger()
    view = window.notes.view
    assert window.stack.currentWidget() is view
    return view


def _type(widget, text: str) -> None:
    """Type like a keyboard or an emoji picker: one key event per character, with its text.

    (QTest.keyClicks only knows Latin-1 keys: it aborts on "é" or an emoji.)
    """
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def _editor_text(view) -> str:
    return view.editor.text_edit.toPlainText()


def _stored(note_id: str) -> str:
    return notes.load(note_id).text


def _put_cursor_after(view, text: str) -> None:
    edit = view.editor.text_edit
    where = _editor_text(view).index(text) + len(text)
    cursor = edit.textCursor()
    cursor.setPosition(index_to_utf16(_editor_text(view), where))
    edit.setTextCursor(cursor)


def test_typing_becomes_the_crdt_text_and_is_saved(notes_view, qtbot):
    view = notes_view
    view.new_button.click()
    note_id = view.editor.note_id
    edit = view.editor.text_edit
    edit.setFocus()
    _put_cursor_after(view, "## Objectifs\n")
    _type(edit, "Élèves à l'aise 🙂 et motivés 🎉 !")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    _type(edit, "Çà et là : œuvre")
    for _ in range(5):  # "œuvre" goes
        QTest.keyClick(edit, Qt.Key.Key_Backspace)
    _type(edit, "🙂")
    QTest.keyClick(edit, Qt.Key.Key_Backspace)  # removes the whole emoji (two UTF-16 units)
    assert view.editor.doc.text == _editor_text(view)
    assert "## Objectifs\nÉlèves à l'aise 🙂 et motivés 🎉 !\nÇà et là : À la fin" in _editor_text(
        view
    )
    # Autosave within about a second, without any other action.
    qtbot.waitUntil(lambda: _stored(note_id) == _editor_text(view), timeout=5000)
    spans = notes.load(note_id).spans()
    me = note_authors.local_author().id
    assert "Élèves à l'aise 🙂 et motivés 🎉 !" in "".join(
        s.text for s in spans if s.author_id == me
    )


def test_title_and_list(notes_view, qtbot):
    view = notes_view
    view.new_button.click()
    note_id = view.editor.note_id
    view.editor.title_edit.setFocus()
    _type(view.editor.title_edit, "Atelier débat 🗣️")
    QTest.keyClick(view.editor.title_edit, Qt.Key.Key_Return)
    assert notes.summary(note_id).title == "Atelier débat 🗣️"
    assert view.list.currentItem().text().startswith("Atelier débat 🗣️\n")


def test_importing_a_copy_updates_the_open_note_and_keeps_local_typing(
    notes_view, store, tmp_path, qtbot
):
    view = notes_view
    view.new_button.click()
    note_id = view.editor.note_id
    view.editor.save_now()
    shared = note_files.export_note(note_id, tmp_path / "partage.teamnote")

    # Julien, on his own machine, adds a line near the top.
    julien = open_store(DataPaths(tmp_path / "julien"))
    note_authors.set_name("Julien")
    note_files.import_note(shared)
    doc = notes.load(note_id)
    start = index_to_utf16(doc.text, doc.text.index("## Public"))
    doc.apply_local_edit(start, 0, "Groupe de Julien 👥\n", note_authors.local_author())
    notes.save(note_id, doc)
    copy = note_files.export_note(note_id, tmp_path / "julien.teamnote")
    julien.close()
    store.activate()

    # Meanwhile Awa types further down, and the autosave has not run yet.
    edit = view.editor.text_edit
    edit.setFocus()
    _put_cursor_after(view, "## Matériel\n")
    _type(edit, "Fiches « rôles » 📋")
    assert view.editor.merge_file(copy)
    # Undo would now delete the co-author's words as if they were Awa's: history is cleared.
    assert not edit.document().isUndoAvailable()

    text = _editor_text(view)
    assert "Groupe de Julien 👥\n## Public" in text
    assert "## Matériel\nFiches « rôles » 📋" in text
    assert text == view.editor.doc.text == _stored(note_id)
    # The cursor is still just after what Awa typed, although text arrived above it.
    cursor = edit.textCursor().position()
    expected = index_to_utf16(text, text.index("Fiches « rôles » 📋") + len("Fiches « rôles » 📋"))
    assert cursor == expected
    # Typing goes on where it was.
    _type(edit, " ✅")
    assert "Fiches « rôles » 📋 ✅" in view.editor.doc.text


def test_merging_another_note_is_refused_with_a_message(notes_view, window, tmp_path, qtbot):
    view = notes_view
    other = notes.create("Une autre séance", "autre")
    path = note_files.export_note(other, tmp_path / "autre.teamnote")
    view.new_button.click()
    before = _editor_text(view)
    assert not view.editor.merge_file(path)
    boxes = [b for b in view.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "Une autre séance" in boxes[-1].text()
    assert _editor_text(view) == before


def test_importing_a_corrupt_file_says_so(notes_view, tmp_path):
    path = tmp_path / "abime.teamnote"
    path.write_bytes(b"\x00\x01 pas une note")
    count = len(notes.list_notes())
    assert not notes_view.import_file(path)
    boxes = [b for b in notes_view.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "abime.teamnote" in boxes[-1].text()
    assert len(notes.list_notes()) == count


def test_ready_mark_and_who_wrote_what(notes_view, qtbot):
    view = notes_view
    view.new_button.click()
    note_id = view.editor.note_id
    edit = view.editor.text_edit
    edit.setFocus()
    _put_cursor_after(view, "## Public\n")
    _type(edit, "Vingt adultes")
    assert "Personne" in view.editor.ready_label.text()
    view.editor.ready_box.click()
    assert "Awa" in view.editor.ready_label.text()
    assert note_authors.local_author().id in notes.load(note_id).ready_marks()
    assert "Vingt adultes" in _stored(note_id)  # marking saved the typing too

    view.editor.authors_button.click()
    assert view.editor.stack.currentWidget() is view.editor.authorship
    shown = view.editor.authorship.toPlainText()
    assert "Awa" in shown and "Texte du modèle" in shown and "Vingt adultes" in shown
    view.editor.authors_button.click()
    assert view.editor.stack.currentWidget() is view.editor.text_edit
    view.editor.ready_box.click()
    assert notes.load(note_id).ready_marks() == {}


def test_name_is_asked_once(window, qtbot):
    window.actions_[Act.NOTES].trigger()
    view = window.notes.view
    assert not view.name_bar.isHidden()
    view.name_edit.setText("Awa Diallo")
    view.name_button.click()
    assert view.name_bar.isHidden()
    assert note_authors.local_author().name == "Awa Diallo"


def test_copreparation_activity_opens_its_note_and_lists_it(window, qtbot):
    note_authors.set_name("Awa")
    window.open_lesson("test-mini/seconde")
    window.on_activity_requested("coprep", COPREP)
    view = window.notes.view
    assert window.stack.currentWidget() is view
    note_id = view.editor.note_id
    assert notes.summary(note_id).activity_uid == COPREP
    assert view.editor.title_edit.text() == "Préparer à deux"
    assert "Objectifs" in _editor_text(view)
    assert "Préparer à deux" in view.editor.activity_label.text()
    # Asked again: the same note, not a second one.
    window.on_activity_requested("coprep", COPREP)
    assert view.editor.note_id == note_id and len(notes.list_notes()) == 1
    # The lesson lists it under the activity, with a link that opens it.
    window.open_lesson("test-mini/seconde")
    assert "Vos notes de co-préparation pour cette activité" in window.lesson.browser.toPlainText()
    window.lesson.browser.anchorClicked.emit(QUrl(f"team:note/notes/{note_id}"))
    assert window.stack.currentWidget() is view and view.editor.note_id == note_id


def test_bin_restore_and_search(window, notes_view, qtbot):
    view = notes_view
    view.new_button.click()
    note_id = view.editor.note_id
    edit = view.editor.text_edit
    edit.setFocus()
    _type(edit, "zygomatique ")
    view.trash_button.click()
    assert notes.list_notes() == [] and view.editor.note_id is None
    view.bin_button.click()
    assert view.list.count() == 1 and "zygomatique" not in _editor_text(view)
    view.list.setCurrentRow(0)
    view.restore_button.click()
    view.bin_button.click()
    assert [n.id for n in notes.list_notes()] == [note_id]
    assert notes.load(note_id).text.startswith("zygomatique ")
    window.run_search("zygomatique")
    window.search_view.hit_chosen.emit("note", note_id, "zygomatique")
    assert window.stack.currentWidget() is view and view.editor.note_id == note_id


def test_leaving_the_view_saves_at_once(window, notes_view):
    view = notes_view
    view.new_button.click()
    note_id = view.editor.note_id
    edit = view.editor.text_edit
    edit.setFocus()
    _type(edit, "écrit juste avant de partir ")
    window.show_home()
    assert _stored(note_id).startswith("écrit juste avant de partir ")


def test_remote_text_arriving_at_the_cursor_keeps_local_text_whole(notes_view, store):
    """A co-author's insert right where Awa's cursor stands moves the cursor, never splits words."""
    view = notes_view
    view.new_button.click()
    note_id = view.editor.note_id
    edit = view.editor.text_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    _type(edit, "fin 🙂")
    view.editor.save_now()
    copy = notes.load(note_id)
    copy.apply_local_edit(
        index_to_utf16(copy.text, len(copy.text)),
        0,
        " (ajout)",
        type(note_authors.local_author())("co", "Julien"),
    )
    notes.save(note_id, copy)
    view.editor.reload_from_store()
    assert _editor_text(view).endswith("fin 🙂 (ajout)")
    _type(edit, "!")
    assert view.editor.doc.text == _editor_text(view)


def test_sharing_with_a_group_or_keeping_on_this_device(notes_view):
    GroupRecord.create(id="g-cap", name="Binômes CAP")
    view = notes_view
    view.new_button.click()
    note_id = view.editor.note_id
    combo = view.editor.sharing
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["Privée", "Partagée avec « Binômes CAP »", "Cet appareil seulement"]
    assert combo.currentText() == "Privée"
    combo.activated.emit(1)
    assert (notes.summary(note_id).visibility, notes.summary(note_id).group_id) == (
        "group",
        "g-cap",
    )
    combo.activated.emit(2)
    assert notes.summary(note_id).visibility == "device"
    assert note_id not in [row.record_id for row in outbox.pending()]
    view.editor.open_note(note_id)
    assert combo.currentText() == "Cet appareil seulement"


def test_a_change_qt_did_not_report_is_repaired_on_the_next_keystroke(notes_view):
    view = notes_view
    view.new_button.click()
    edit = view.editor.text_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    document = edit.document()
    document.blockSignals(True)  # the CRDT never hears of this one
    edit.textCursor().insertText("é🙂 silencieux")
    document.blockSignals(False)
    assert view.editor.doc.text != _editor_text(view)
    _type(edit, "!")
    assert view.editor.doc.text == _editor_text(view)
    assert _editor_text(view).endswith("é🙂 silencieux!")
