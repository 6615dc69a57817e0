"""A store locked by another process: the open entry waits, or says what to do and keeps the words."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from store_lock import held_by_another_process

from team_desktop.core.portfolio import entries
from team_desktop.ui import entry_editor


def test_an_entry_saved_while_another_process_holds_the_store(window, qtbot, store, monkeypatch):
    monkeypatch.setattr(entry_editor, "RETRY_AFTER_FAILURE_MS", 300)  # the quiet retry, sooner
    entry = entries.create_entry(store.paths.packs, title="Verrou")
    entries.save_entry(entry.id, body="Début.")
    window.journal.show(entry.id)
    editor = window.journal.view.editor
    editor.text.moveCursor(QTextCursor.MoveOperation.End)

    # A short hold: the save waits behind it (bounded by SQLite's busy timeout) and succeeds.
    with held_by_another_process(store, 0.5):
        qtbot.keyClicks(editor.text, " Court.")
        assert editor.flush()
    assert entries.get_entry(entry.id).body == "Début. Court."

    # A hold longer than the wait: told in French with what to do; the words stay on screen.
    with held_by_another_process(store, 8):
        qtbot.keyClicks(editor.text, " Long.")
        assert not editor.flush()
        assert editor.notice.isVisible()
        assert "verrouillée par un autre programme" in editor.notice.text()
        assert "Fermez-le puis réessayez" in editor.notice.text()
        assert editor.text.toPlainText() == "Début. Court. Long."
        assert entries.get_entry(entry.id).body == "Début. Court."
    # Once the other program lets go, the quiet retry saves the words and the notice goes.
    qtbot.waitUntil(lambda: not editor.dirty, timeout=15000)
    assert entries.get_entry(entry.id).body == "Début. Court. Long."
    assert not editor.notice.isVisible()
