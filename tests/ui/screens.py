"""Every view and dialog of the main window, filled and shown one after the other.

For the tests that walk the whole interface (accessibility, translation): each screen is
shown with something in it (a lesson, an entry, a note), as a learner would see it.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QDialog, QWidget

from team_desktop.core.notes import store as notes
from team_desktop.core.notes.templates import default_template
from team_desktop.core.portfolio import entries
from team_desktop.ui.account_dialog import AccountDialog
from team_desktop.ui.export_dialog import ExportDialog
from team_desktop.ui.feed_view import CommentDialog
from team_desktop.ui.groups_dialog import GroupsDialog
from team_desktop.ui.history_dialog import HistoryDialog
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.preferences_dialog import PreferencesDialog
from team_desktop.ui.shortcuts_help import ShortcutsDialog
from team_desktop.ui.template_dialog import TemplateDialog

LESSON = "test-mini/premiere"


def views(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Show each view of the window in turn, with content, and yield it."""
    window.show_home()
    yield "accueil", window.home
    window.open_lesson(LESSON)
    yield "leçon", window.lesson
    window.show_module("test-mini")
    yield "module", window.module
    window.run_search("séance")
    yield "recherche", window.search_view
    window.lesson.toggle_bookmark()
    window.show_bookmarks()
    yield "favoris", window.bookmarks
    entry = entries.create_entry(window.store.paths.packs, "gibbs", None)
    window.journal.show(entry.id)
    yield "journal", window.journal.view
    note_id = notes.create("Préparer l'atelier", default_template())
    window.notes.show(note_id)
    yield "notes", window.notes.view
    window.sharing.show_feed()
    yield "mutualisation", window.sharing.feed
    window.sharing.show_pending()
    yield "en attente", window.sharing.pending


def dialogs(window: MainWindow) -> Iterator[tuple[str, QDialog]]:
    """Open each dialog of the window in turn and yield it (closed after the caller's look)."""
    entry = entries.create_entry(window.store.paths.packs, None, None)
    for name, make in (
        ("préférences", lambda: PreferencesDialog(window.appearance.preferences, window)),
        ("raccourcis", lambda: ShortcutsDialog(window, window.actions_)),
        ("export", lambda: ExportDialog(["atelier"], window)),
        ("modèles", lambda: TemplateDialog(window.store.paths.packs, window)),
        ("historique", lambda: HistoryDialog(entry.id, window)),
        ("compte", lambda: AccountDialog(window.runner, window)),
        ("groupes", lambda: GroupsDialog(window.runner, window)),
        ("commentaire", lambda: CommentDialog(window)),
    ):
        dialog = make()
        dialog.show()
        yield name, dialog
        dialog.reject()
        dialog.deleteLater()
