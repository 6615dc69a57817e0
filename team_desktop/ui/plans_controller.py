"""Session plans in the window: menu entries, the view, debrief writing, the printable PDF."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from team_desktop.core.export.output import ExportError
from team_desktop.core.notes import store as notes
from team_desktop.core.plans import course, observation
from team_desktop.core.plans.debrief_writing import write_into_plan_notes, write_journal_entry
from team_desktop.core.plans.plans import load_plan
from team_desktop.core.plans.printable import printable_html
from team_desktop.core.store import changes
from team_desktop.ui.actions import Act
from team_desktop.ui.messages import Icon, show_message
from team_desktop.ui.pdf_export import write_pdf

if TYPE_CHECKING:
    from team_desktop.ui.plans_view import PlansView


def write_plan_pdf(note_id: str, path: Path) -> int:
    """The one-page plan for the room (landscape: seven columns); returns the number of pages."""
    plan = load_plan(note_id)
    html = printable_html(plan, plan.note.author_names())
    return write_pdf(html, path, title=notes.display_title(plan.note.title), landscape=True)


class PlansController(QObject):
    """Adds the plans view to the window; answers the plan entries of the "Co-préparation" menu."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        actions = window.actions_
        actions[Act.NEW_PLAN].triggered.connect(self.new_plan)
        actions[Act.PLANS].triggered.connect(lambda: self.show())
        window.changes.changed.connect(self._on_store_changed)

    @functools.cached_property
    def view(self) -> PlansView:
        """The plans' view, built when first needed, not before the window's first paint."""
        from team_desktop.ui.plans_view import PlansView

        view = PlansView(course.diagram_text(self.window.store.paths.packs))
        self.window.stack.addWidget(view)
        view.editor.notes_requested.connect(lambda note_id: self.window.notes.show(note_id, True))
        view.editor.pdf_requested.connect(self.choose_pdf)
        view.debrief.write_requested.connect(self.write_debrief)
        return view

    def show(self, note_id: str | None = None) -> None:
        """Bring the plans forward, on plan `note_id` when given."""
        self.window.leave_lesson()
        self.view.reload(select=note_id)
        if note_id is not None:
            self.view.open_plan(note_id)
        self.window.stack.setCurrentWidget(self.view)

    def new_plan(self) -> str | None:
        self.show()
        return self.view.ask_new_plan()

    def write_debrief(self, note_id: str, run_id: str, where: str) -> None:
        run = next(r for r in observation.runs(load_plan(note_id)) if r.id == run_id)
        if where == "journal":
            entry_id = write_journal_entry(self.window.store.paths.packs, note_id, run)
            self.window.journal.show(entry_id)
        else:
            write_into_plan_notes(note_id, run)
            self.window.notes.show(note_id, text=True)

    def choose_pdf(self, note_id: str) -> None:
        self.view.editor.save_now()
        title = notes.display_title(notes.summary(note_id).title)
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Imprimer le plan"),
            str(Path.home() / f"{title}.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        try:
            write_plan_pdf(note_id, Path(path))
        except (ExportError, OSError) as error:
            show_message(self.window, Icon.Warning, self.tr("PDF non écrit"), str(error))
            return
        self.window.statusBar().showMessage(self.tr("Plan enregistré : {p}").format(p=path), 5000)

    def _on_store_changed(self, change_set: changes.ChangeSet) -> None:
        if "view" not in self.__dict__:
            return  # not built yet: it reads the store when it is
        # A sync, an imported copy, the plan's notes: the view's own writes are on screen.
        if change_set.initiator in (self.view.editor, self.view.observation):
            return
        if change_set.touches(changes.NOTES):
            self.view.reload_from_store()
