"""Session plans: the list, and the chosen plan's three tabs (plan, observe, debrief)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.notes import store as notes
from team_desktop.core.plans.plans import create_plan, list_plans
from team_desktop.core.plans.templates import TEMPLATES
from team_desktop.ui.debrief_view import DebriefView
from team_desktop.ui.language import format_moment
from team_desktop.ui.observation_view import ObservationView
from team_desktop.ui.plan_editor import PlanEditor, configuration_icons
from team_desktop.ui.record_list import record_list

PLAN_ID_ROLE = Qt.ItemDataRole.UserRole


class NewPlanDialog(QDialog):
    """Blank, from one of the course's plans, or a copy of a previous plan."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouveau plan de séance"))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Titre de la séance"))
        self.start_choice = QComboBox()
        self.start_choice.setAccessibleName(self.tr("Point de départ"))
        self.start_choice.addItem(self.tr("Un plan vierge"), ("blank", None))
        for template in TEMPLATES:
            self.start_choice.addItem(
                self.tr("Modèle du cours : {title}").format(title=template.title),
                ("template", template.id),
            )
        for plan in list_plans():
            self.start_choice.addItem(
                self.tr("Copie de : {title}").format(title=notes.display_title(plan.title)),
                ("copy", plan.id),
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Titre"), self.title_edit)
        form.addRow(self.tr("Partir de"), self.start_choice)
        form.addRow(buttons)

    def create(self) -> str:
        """Make the plan chosen; returns its id."""
        how, source = self.start_choice.currentData()
        title = self.title_edit.text().strip()
        if how == "template":
            return create_plan(title, template_id=source)
        if how == "copy":
            return create_plan(title, copy_of=source)
        return create_plan(title)


class PlansView(QWidget):
    """Signals: plans_changed() after a plan was created or saved."""

    plans_changed = Signal()

    def __init__(self, diagram: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = record_list(self.tr("Plans de séance"))
        self.new_button = QPushButton(self.tr("Nouveau plan…"))
        heading = QLabel(self.tr("<b>Mes plans de séance</b>"))
        side = QWidget()
        side.setMaximumWidth(190)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(heading)
        side_layout.addWidget(self.list, 1)
        side_layout.addWidget(self.new_button)
        self.editor = PlanEditor(configuration_icons(diagram))
        self.observation = ObservationView()
        self.debrief = DebriefView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, self.tr("Plan"))
        self.tabs.addTab(self.observation, self.tr("Observer"))
        self.tabs.addTab(self.debrief, self.tr("Débriefing"))
        self.empty_label = QLabel(
            self.tr(
                "Créez un plan de séance : phases, configurations, rôles, puis observez et débriefez."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty_label, 1)
        self.tabs.hide()
        self.list.currentItemChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.ask_new_plan)
        self.tabs.currentChanged.connect(self._on_tab)
        self.editor.saved.connect(self._on_saved)
        self.observation.ended.connect(lambda: self.tabs.setCurrentWidget(self.debrief))

    @property
    def note_id(self) -> str | None:
        return self.editor.note_id

    def reload(self, select: str | None = None) -> None:
        select = select or self.editor.note_id
        self.list.blockSignals(True)
        self.list.clear()
        for plan in list_plans():
            item = QListWidgetItem(
                f"{notes.display_title(plan.title)}\n{format_moment(plan.updated_at)}"
            )
            item.setData(PLAN_ID_ROLE, plan.id)
            self.list.addItem(item)
            if plan.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def open_plan(self, note_id: str) -> None:
        self.editor.open_plan(note_id)
        self.tabs.show()
        self.empty_label.hide()
        self._on_tab(self.tabs.currentIndex())
        if self.list.currentItem() is None or self.list.currentItem().data(PLAN_ID_ROLE) != note_id:
            self.reload(select=note_id)

    def ask_new_plan(self) -> str | None:
        dialog = NewPlanDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        note_id = dialog.create()
        self.tabs.setCurrentWidget(self.editor)
        self.reload(select=note_id)
        self.open_plan(note_id)
        self.plans_changed.emit()
        return note_id

    def reload_from_store(self) -> None:
        """Something reached the store (a sync): the list and the open plan follow."""
        self.reload()
        if self.editor.note_id is not None:
            self.editor.reload_from_store()
            if self.tabs.currentWidget() is self.debrief:
                self.debrief.open_plan(self.editor.note_id)

    def _on_current(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.open_plan(current.data(PLAN_ID_ROLE))

    def _on_tab(self, index: int) -> None:
        note_id = self.editor.note_id
        if note_id is None:
            return
        self.editor.save_now()
        page = self.tabs.widget(index)
        observer = self.observation.observer
        if page is self.observation and (
            observer is None or observer.note_id != note_id or not self.observation.running
        ):
            self.observation.open_plan(note_id)
        elif page is self.debrief:
            self.debrief.open_plan(note_id)

    def _on_saved(self, note_id: str) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(PLAN_ID_ROLE) == note_id:
            summary = notes.summary(note_id)
            item.setText(
                f"{notes.display_title(summary.title)}\n{format_moment(summary.updated_at)}"
            )
        self.plans_changed.emit()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        self.editor.save_now()
        super().hideEvent(event)
