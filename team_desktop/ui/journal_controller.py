"""The journal de bord in the window: its view, menu, toolbar button and links with lessons."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from team_desktop.ui.actions import Act

if TYPE_CHECKING:
    from team_desktop.ui.journal_view import JournalView


class JournalController(QObject):
    """Adds the journal view to the main window; answers the "Journal" menu and reflection prompts."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        actions = window.actions_
        actions[Act.JOURNAL].triggered.connect(lambda: self.show())
        actions[Act.NEW_ENTRY].triggered.connect(self.new_entry)

    @functools.cached_property
    def view(self) -> JournalView:
        """The journal's view, built when first needed: not before the window's first paint
        (it reads the whole journal list when it is built)."""
        from team_desktop.ui.journal_view import JournalView

        view = JournalView(self.window.store, self.window.runner)
        self.window.stack.addWidget(view)
        view.open_activity.connect(self.open_activity)
        self.window.changes.changed.connect(view.on_changes)
        return view

    def show(self, entry_id: str | None = None, find: str | None = None) -> bool:
        """Bring the journal forward, on entry `entry_id` when given."""
        self.window.leave_lesson()
        if entry_id is None:
            self.view.reload()
        elif not self.view.open_entry(entry_id, find):
            self.window.statusBar().showMessage(self.tr("Cette entrée n'existe plus."), 5000)
            return False
        self.window.stack.setCurrentWidget(self.view)
        return True

    def show_latest(self) -> None:
        """The journal on its most recent entry (for screenshots and a first look)."""
        self.show()
        if self.view.summaries:
            self.show(self.view.summaries[0].id)

    def new_entry(self) -> None:
        self.show()
        self.view.new_entry()

    def answer(self, activity_uid: str) -> None:
        """A reflection prompt's call to action: a new entry with the prompt and the link."""
        self.show()
        self.view.answer_activity(activity_uid)

    def open_link(self, uid: str) -> None:
        """A `team:entry/...` link clicked in a lesson."""
        from team_desktop.core.portfolio.lesson_links import entry_id_from_uid

        entry_id = entry_id_from_uid(uid)
        if entry_id:
            self.show(entry_id)

    def open_activity(self, lesson_uid: str, activity_uid: str) -> None:
        """Back from an entry to the lesson, at the activity it answers."""
        if not self.window.open_lesson(lesson_uid):
            return
        if activity_uid:
            anchor = "activity-" + activity_uid.split("/", 1)[-1]
            # After the reader restored its own scroll position (also a zero-delay timer).
            QTimer.singleShot(0, lambda: self.window.lesson.browser.scrollToAnchor(anchor))
