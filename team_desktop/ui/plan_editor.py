"""The session plan editor: fields, phases on the six configurations, checks, grid, sharing."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QDate, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.notes import store as notes
from team_desktop.core.notes.authors import local_author
from team_desktop.core.plans import course, validation
from team_desktop.core.plans.plan_doc import MAX_MINUTES, PlanDoc
from team_desktop.core.plans.plans import load_plan, save_plan
from team_desktop.core.store import changes
from team_desktop.ui.visibility_choice import VisibilityChoice, share_open_note

SAVE_AFTER_MS = 800
TEXT_COLUMNS = {0: "name", 3: "lead", 4: "other", 5: "material", 6: "observe"}
MINUTES_COLUMN, CONFIGURATION_COLUMN = 1, 2


def configuration_icons(diagram: str) -> dict[str, QIcon]:
    """One icon per configuration, cropped from the course diagram (none without it)."""
    icons = {}
    for configuration in course.CONFIGURATIONS:
        svg = course.icon_svg(diagram, configuration.key)
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8"))) if svg else None
        if renderer is None or not renderer.isValid():
            continue
        pixmap = QPixmap(QSize(90, 80))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icons[configuration.key] = QIcon(pixmap)
    return icons


class PlanEditor(QWidget):
    """Edits one plan; saves shortly after each change and when left.

    Signals: saved(note id) after each save; notes_requested(note id) for the plan's notes.
    """

    saved = Signal(str)
    notes_requested = Signal(str)
    pdf_requested = Signal(str)

    def __init__(self, icons: dict[str, QIcon], parent: QWidget | None = None):
        super().__init__(parent)
        self.note_id: str | None = None
        self.plan: PlanDoc | None = None
        self.icons = icons
        self._filling = False
        self._dirty = False
        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS)
        self.save_timer.timeout.connect(self.save_now)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Titre du plan"))
        self.title_edit.setPlaceholderText(self.tr("Titre de la séance"))
        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setAccessibleName(self.tr("Date de la séance"))
        self.minutes_spin = QSpinBox(maximum=MAX_MINUTES, suffix=self.tr(" min"))
        self.minutes_spin.setAccessibleName(self.tr("Durée de la séance"))
        self.public_edit = QLineEdit()
        self.public_edit.setAccessibleName(self.tr("Public"))
        self.objectives_edit = QPlainTextEdit()
        self.objectives_edit.setAccessibleName(self.tr("Objectifs"))
        self.objectives_edit.setMaximumHeight(46)
        self.sharing = VisibilityChoice()
        self.sharing.setAccessibleName(self.tr("Partage du plan"))
        self.authors_label = QLabel()
        self.authors_label.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Titre"), self.title_edit)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(QLabel(self.tr("Durée de la séance")))
        when.addWidget(self.minutes_spin)
        when.addStretch(1)
        when.addWidget(self.sharing)
        form.addRow(self.tr("Date"), when)
        form.addRow(self.tr("Public"), self.public_edit)
        form.addRow(self.tr("Objectifs"), self.objectives_edit)

        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName(self.tr("Phases de la séance"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Phase"),
                self.tr("Durée"),
                self.tr("Configuration"),
                self.tr("Qui mène"),
                self.tr("Ce que fait l'autre"),
                self.tr("Matériel"),
                self.tr("Ce que nous observerons"),
            ]
        )
        self.table.setWordWrap(True)
        self.table.setIconSize(QSize(36, 32))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (MINUTES_COLUMN, 76), (CONFIGURATION_COLUMN, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.add_button = QPushButton(self.tr("Ajouter une phase"))
        self.remove_button = QPushButton(self.tr("Retirer la phase"))
        self.up_button = QPushButton(self.tr("Monter"))
        self.down_button = QPushButton(self.tr("Descendre"))
        phase_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            phase_buttons.addWidget(button)
        phase_buttons.addStretch(1)
        self.total_label = QLabel()
        phase_buttons.addWidget(self.total_label)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("planProblems")
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setWordWrap(True)
        self.categories_edit = QPlainTextEdit()
        self.categories_edit.setAccessibleName(self.tr("Grille d'observation"))
        self.categories_edit.setMaximumHeight(78)
        self.categories_edit.setMaximumWidth(320)
        self.categories_edit.setToolTip(
            self.tr("Une catégorie par ligne, neuf au plus (touches 1 à 9 pendant l'observation).")
        )
        self.pdf_button = QPushButton(self.tr("Imprimer le plan (PDF)…"))
        self.notes_button = QPushButton(self.tr("Notes et débriefing"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.authors_label, 1)
        bottom.addWidget(self.notes_button)
        bottom.addWidget(self.pdf_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(phase_buttons)
        checks = QHBoxLayout()
        checks.addWidget(self.problems_label, 1)
        grid = QVBoxLayout()
        grid.addWidget(QLabel(self.tr("Grille d'observation (une catégorie par ligne) :")))
        grid.addWidget(self.categories_edit)
        checks.addLayout(grid)
        layout.addLayout(checks)
        layout.addLayout(bottom)

        self.title_edit.textEdited.connect(lambda t: self._edit(lambda p: p.note.set_title(t)))
        self.date_edit.dateChanged.connect(
            lambda d: self._edit(lambda p: p.set_date(d.toString(Qt.DateFormat.ISODate)))
        )
        self.minutes_spin.valueChanged.connect(lambda v: self._edit(lambda p: p.set_minutes(v)))
        self.public_edit.textEdited.connect(
            lambda t: self._edit(lambda p: p.set_text("public", t, local_author()))
        )
        self.objectives_edit.textChanged.connect(
            lambda: self._edit(
                lambda p: p.set_text(
                    "objectives", self.objectives_edit.toPlainText(), local_author()
                )
            )
        )
        self.categories_edit.textChanged.connect(
            lambda: self._edit(
                lambda p: p.set_categories(self.categories_edit.toPlainText().splitlines()),
                refill=False,
            )
        )
        self.table.itemChanged.connect(self._item_changed)
        self.add_button.clicked.connect(self.add_phase)
        self.remove_button.clicked.connect(self.remove_phase)
        self.up_button.clicked.connect(lambda: self.move_phase(-1))
        self.down_button.clicked.connect(lambda: self.move_phase(1))
        self.sharing.activated.connect(lambda index: share_open_note(self, index))
        self.pdf_button.clicked.connect(lambda: self.pdf_requested.emit(self.note_id or ""))
        self.notes_button.clicked.connect(lambda: self.notes_requested.emit(self.note_id or ""))

    # -- opening, saving, merging -----------------------------------------------------------

    def open_plan(self, note_id: str) -> None:
        self.save_now()
        self.note_id = note_id
        self.plan = load_plan(note_id)
        self.fill(force=True)

    def save_now(self) -> None:
        self.save_timer.stop()
        if self.plan is None or not self._dirty:
            return
        self._dirty = False
        with changes.initiated_by(self):
            save_plan(self.note_id, self.plan)
        self.saved.emit(self.note_id)

    def reload_from_store(self) -> None:
        """Bring in what a sync or a co-author's copy brought, keeping unsaved edits."""
        if self.plan is not None:
            notes.refresh(self.note_id, self.plan.note)
            self.fill()

    def _edit(self, change, refill: bool = True) -> None:
        if self._filling or self.plan is None:
            return
        change(self.plan)
        self._dirty = True
        self.save_timer.start()
        if refill:
            self._show_checks()

    # -- showing ----------------------------------------------------------------------------

    def fill(self, force: bool = False) -> None:
        """Show the plan; a field being typed in keeps its text unless `force`."""
        plan = self.plan
        self._filling = True
        try:
            _set_line(self.title_edit, plan.note.title, force)
            self.date_edit.setDate(QDate.fromString(plan.date, Qt.DateFormat.ISODate))
            self.minutes_spin.setValue(plan.minutes)
            _set_line(self.public_edit, plan.text("public"), force)
            _set_plain(self.objectives_edit, plan.text("objectives"), force)
            _set_plain(self.categories_edit, "\n".join(plan.categories()), force)
            if force or self.table.state() != QAbstractItemView.State.EditingState:
                self._fill_table()
            summary = notes.summary(self.note_id)
            self.sharing.show_value(summary.visibility, summary.group_id)
        finally:
            self._filling = False
        self._show_checks()

    def _fill_table(self) -> None:
        plan = self.plan
        phases = plan.phases()
        names = plan.note.author_names()
        current = self.table.currentRow()
        self.table.setRowCount(len(phases))
        for row, phase in enumerate(phases):
            for column, name in TEXT_COLUMNS.items():
                item = QTableWidgetItem(getattr(phase, name))
                item.setData(Qt.ItemDataRole.UserRole, phase.id)
                self.table.setItem(row, column, item)
            spin = QSpinBox(maximum=MAX_MINUTES, suffix=self.tr(" min"))
            spin.setAccessibleName(self.tr("Durée de la phase"))
            spin.setValue(phase.minutes)
            spin.valueChanged.connect(
                lambda v, pid=phase.id: self._edit(lambda p: p.set_phase_minutes(pid, v))
            )
            self.table.setCellWidget(row, MINUTES_COLUMN, spin)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Configuration de la phase"))
            combo.setIconSize(QSize(36, 32))
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.addItem(self.tr("(à choisir)"), "")
            for configuration in course.CONFIGURATIONS:
                combo.addItem(
                    self.icons.get(configuration.key, QIcon()),
                    configuration.short,
                    configuration.key,
                )
                combo.setItemData(
                    combo.count() - 1, configuration.label, Qt.ItemDataRole.ToolTipRole
                )
            combo.setCurrentIndex(max(combo.findData(phase.configuration), 0))
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, pid=phase.id: self._edit(
                    lambda p: p.set_phase_configuration(pid, c.currentData())
                )
            )
            self.table.setCellWidget(row, CONFIGURATION_COLUMN, combo)
            writers = sorted(names.get(a, "?") for a in phase.authors if a != "template")
            header = QTableWidgetItem(str(row + 1))
            if writers:
                header.setToolTip(self.tr("Écrit par : {names}").format(names=", ".join(writers)))
            self.table.setVerticalHeaderItem(row, header)
        self.table.resizeRowsToContents()
        if 0 <= current < len(phases):
            self.table.setCurrentCell(current, 0)

    def _show_checks(self) -> None:
        plan = self.plan
        total = validation.total_minutes(plan)
        self.total_label.setText(
            self.tr("Total des phases : {total} min sur {length}").format(
                total=total, length=plan.minutes
            )
        )
        problems = validation.check(plan)
        self.problems_label.setProperty("problems", bool(problems))
        self.problems_label.setStyleSheet("color: #a04000;" if problems else "color: #2e7d32;")
        self.problems_label.setText(
            "\n".join("⚠ " + p.message for p in problems)
            if problems
            else self.tr("✔ Chaque phase a sa durée, et un rôle pour chacun des deux adultes.")
        )
        names = plan.note.author_names()
        writers = sorted(names.get(a, "?") for a in plan.plan_authors() if a != "template")
        self.authors_label.setText(
            self.tr("Écrit par : {names}").format(names=", ".join(writers)) if writers else ""
        )

    # -- phases -----------------------------------------------------------------------------

    def _item_changed(self, item: QTableWidgetItem) -> None:
        name = TEXT_COLUMNS.get(item.column())
        phase_id = item.data(Qt.ItemDataRole.UserRole)
        if name and phase_id and not self._filling:
            self._edit(lambda p: p.set_phase_text(phase_id, name, item.text(), local_author()))

    def _current_phase(self) -> str | None:
        row = self.table.currentRow()
        ids = self.plan.phase_ids() if self.plan else []
        return ids[row] if 0 <= row < len(ids) else None

    def add_phase(self) -> str:
        row = self.table.currentRow()
        index = row + 1 if row >= 0 else None
        phase_id = self.plan.add_phase(local_author(), index=index)
        self._edit(lambda p: None)
        self._refill_table(phase_id)
        return phase_id

    def remove_phase(self) -> None:
        phase_id = self._current_phase()
        if phase_id:
            self._edit(lambda p: p.remove_phase(phase_id))
            self._refill_table(None)

    def move_phase(self, step: int) -> None:
        phase_id = self._current_phase()
        if phase_id:
            position = self.plan.phase_ids().index(phase_id) + step
            self._edit(lambda p: p.move_phase(phase_id, position))
            self._refill_table(phase_id)

    def _refill_table(self, select: str | None) -> None:
        self._filling = True
        try:
            self._fill_table()
        finally:
            self._filling = False
        ids = self.plan.phase_ids()
        if select in ids:
            self.table.setCurrentCell(ids.index(select), 0)
        self._show_checks()


def _set_line(edit: QLineEdit, text: str, force: bool) -> None:
    if edit.text() != text and (force or not edit.hasFocus()):
        edit.setText(text)


def _set_plain(edit: QPlainTextEdit, text: str, force: bool) -> None:
    if edit.toPlainText() != text and (force or not edit.hasFocus()):
        edit.setPlainText(text)
