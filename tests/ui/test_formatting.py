"""Writing without Markdown: the toolbar and shortcuts format, and the stored Markdown is exact."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from team_desktop.core import bookmarks
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.positions import index_to_utf16
from team_desktop.core.render import render_markdown
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.ui.actions import Act

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def select(edit, text: str, start_word: str, end_word: str | None = None) -> None:
    """Select from `start_word` to the end of `end_word` (or of `start_word`)."""
    start = text.index(start_word)
    end = text.index(end_word or start_word, start) + len(end_word or start_word)
    cursor = edit.textCursor()
    cursor.setPosition(index_to_utf16(text, start))
    cursor.setPosition(index_to_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def test_formatted_writing_is_stored_as_markdown_and_reopens_the_same(window, qtbot):
    window.open_lesson("test-mini/premiere")  # Ctrl+B would bookmark it outside the editor
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    editor = view.editor
    edit = editor.text
    edit.setFocus()
    QTest.keyClicks(edit, "Objectifs du jour")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClicks(edit, "pain frais")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClicks(edit, "beurre")

    select(edit, edit.toPlainText(), "Objectifs")
    editor.format_bar.actions_["heading2"].trigger()
    select(edit, edit.toPlainText(), "pain", "beurre")
    QTest.keyClick(edit, Qt.Key.Key_8, CTRL | SHIFT)
    select(edit, edit.toPlainText(), "beurre")
    QTest.keyClick(edit, Qt.Key.Key_B, CTRL)  # bold here, not the window's "favori"
    select(edit, edit.toPlainText(), "frais")
    QTest.keyClick(edit, Qt.Key.Key_I, CTRL)

    markdown = "## Objectifs du jour\n- pain *frais*\n- **beurre**"
    assert edit.toPlainText() == markdown
    assert bookmarks.listing() == []
    qtbot.waitUntil(lambda: not editor.dirty)
    assert JournalEntry.get_by_id(entry_id).body == markdown

    other = view.start_entry("libre")
    assert view.open_entry(entry_id) is not False and editor.entry.id == entry_id
    assert other != entry_id
    assert edit.toPlainText() == markdown and not editor.dirty
    editor.preview_button.click()
    editor._render_preview()
    html = editor.preview.toHtml()
    assert "Objectifs du jour" in html and "beurre" in html
    assert "**" not in editor.preview.toPlainText() and "##" not in editor.preview.toPlainText()

    editor.format_bar.source.trigger()  # the Markdown source, for those who want it
    assert edit.source_view() and "Mono" in edit.font().family()
    assert edit.toPlainText() == markdown
    select(edit, edit.toPlainText(), "beurre")
    QTest.keyClick(edit, Qt.Key.Key_B, CTRL)  # commands work in the source view too
    assert edit.toPlainText().endswith("- beurre")
    edit.undo()
    assert edit.toPlainText() == markdown  # one command, one undo step


def test_formatting_a_note_keeps_a_co_authors_words_typed_meanwhile(window, qtbot):
    note_authors.set_name("Awa")
    window.actions_[Act.NOTES].trigger()
    view = window.notes.view
    view.new_button.click()
    note_id = view.editor.note_id
    edit = view.editor.text_edit
    edit.selectAll()
    QTest.keyClicks(edit, "Accueil des stagiaires")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClicks(edit, "Phase 1")
    view.editor.save_now()

    # Julien, offline on his machine, adds words inside the line Awa is about to make bold.
    copy = notes.load(note_id)
    at = copy.text.index(" des")
    copy.apply_local_edit(index_to_utf16(copy.text, at), 0, " chaleureux", _author("co", "Julien"))
    notes.save(note_id, copy)

    text = edit.toPlainText()
    select(edit, text, "Accueil", "stagiaires")
    QTest.keyClick(edit, Qt.Key.Key_B, CTRL)
    select(edit, edit.toPlainText(), "Accueil", "Phase 1")
    QTest.keyClick(edit, Qt.Key.Key_7, CTRL | SHIFT)
    assert view.editor.doc.text == edit.toPlainText()
    view.editor.save_now()
    view.editor.reload_from_store()

    merged = "1. **Accueil chaleureux des stagiaires**\n2. Phase 1"
    assert edit.toPlainText() == merged
    assert notes.load(note_id).text == merged
    by_author = {}
    for span in notes.load(note_id).spans():
        by_author[span.author_id] = by_author.get(span.author_id, "") + span.text
    assert by_author["co"] == " chaleureux"  # his words, still his: never re-typed by Awa
    assert "Accueil" in by_author[note_authors.local_author().id]


def _author(author_id: str, name: str):
    return type(note_authors.local_author())(author_id, name)


def test_an_answer_goes_below_the_quoted_prompt_never_inside_it(window, qtbot):
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre", "test-mini/mini-reflexion")  # no template: quote only
    editor = view.editor
    assert editor.text.toPlainText().startswith("> **Consigne")
    QTest.keyClicks(editor.text, "Mardi, atelier a deux.")  # the caret is where it was put
    qtbot.waitUntil(lambda: not editor.dirty)

    body = JournalEntry.get_by_id(entry_id).body
    assert body.endswith("\n\nMardi, atelier a deux.")
    editor.preview_button.click()
    editor._render_preview()
    html = editor.preview.toHtml()
    quote_end = html.index("Consigne")
    assert "Mardi, atelier a deux." in html[quote_end:]
    page = render_markdown(body)
    assert page.index("</blockquote>") < page.index("Mardi, atelier a deux.")


def test_an_entry_started_and_left_untouched_is_not_kept(window, qtbot):
    view = window.journal.view
    window.journal.show()
    left = view.start_entry("gibbs")  # opened, nothing written
    kept = view.start_entry("libre")
    QTest.keyClicks(view.editor.text, "Quelques mots")
    qtbot.waitUntil(lambda: not view.editor.dirty)
    assert JournalEntry.get_or_none(JournalEntry.id == left) is None
    assert [s.id for s in view.summaries] == [kept]
    view.start_entry("libre")
    assert JournalEntry.get_by_id(kept).body == "Quelques mots"  # written in: kept
