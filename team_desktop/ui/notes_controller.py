"""Co-preparation notes in the window: their view, menu, and the links with lessons."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from team_desktop.ui.actions import Act

if TYPE_CHECKING:
    from team_desktop.ui.notes_view import NotesView


class NotesController(QObject):
    """Adds the notes view; answers the "Co-préparation" menu and copreparation activities."""

    plan_chosen = Signal(str)  # the notes view's: a session plan to open in the plans view

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        actions = window.actions_
        actions[Act.NOTES].triggered.connect(lambda: self.show())
        actions[Act.NEW_NOTE].triggered.connect(self.new_note)

    @functools.cached_property
    def view(self) -> NotesView:
        """The notes' view, built when first needed, not before the window's first paint."""
        from team_desktop.ui.notes_view import NotesView

        view = NotesView()
        self.window.stack.addWidget(view)
        view.plan_chosen.connect(self.plan_chosen)
        self.window.changes.changed.connect(view.on_changes)
        return view

    def show(self, note_id: str | None = None, text: bool = False) -> bool:
        """Bring the notes forward, on note `note_id` when given.

        A session plan opens in its own view, unless `text` asks for its notes (the text).
        """
        if note_id is not None and not text and self.view.is_plan(note_id):
            self.view.plan_chosen.emit(note_id)
            return True
        self.window.leave_lesson()
        if note_id is None:
            self.view.reload()
        elif not self.view.open_note(note_id):
            self.window.statusBar().showMessage(self.tr("Cette note n'existe plus."), 5000)
            return False
        self.window.stack.setCurrentWidget(self.view)
        return True

    def new_note(self) -> None:
        self.show()
        self.view.new_note()

    def answer(self, activity_uid: str) -> None:
        """A copreparation activity's call to action: its note, or a new one from its template."""
        self.show()
        self.view.open_for_activity(activity_uid)

    def open_link(self, uid: str) -> None:
        """A `team:note/...` link clicked in a lesson."""
        from team_desktop.core.notes.links import note_id_from_uid

        note_id = note_id_from_uid(uid)
        if note_id:
            self.show(note_id)
