"""The debrief view: planned versus actual time per phase, the timeline, counts, and writing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.plans import debrief, observation
from team_desktop.core.plans.plans import load_plan
from team_desktop.ui.language import format_moment


class DebriefView(QWidget):
    """Shows one plan's observed runs.

    Signals: write_requested(note id, run id, where) with where "notes" or "journal".
    """

    write_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.note_id: str | None = None
        self.runs: list[observation.Run] = []
        self.result: debrief.Debrief | None = None
        self.run_choice = QComboBox()
        self.run_choice.setAccessibleName(self.tr("Observation à débriefer"))
        self.empty_label = QLabel(
            self.tr("Aucune observation pour ce plan : passez en mode Observer pendant la séance.")
        )
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Temps prévu et temps réel"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Phase"), self.tr("Prévu"), self.tr("Réel"), self.tr("Écart")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.timeline = QTextBrowser()
        self.timeline.setAccessibleName(self.tr("Déroulé de la séance"))
        self.timeline.setOpenLinks(False)
        self.notes_button = QPushButton(self.tr("Rédiger le débriefing dans les notes du plan"))
        self.journal_button = QPushButton(self.tr("Rédiger le débriefing dans mon journal"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Observation :")))
        top.addWidget(self.run_choice, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.notes_button)
        buttons.addWidget(self.journal_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(buttons)
        self.run_choice.currentIndexChanged.connect(self._show_run)
        self.notes_button.clicked.connect(lambda: self._write("notes"))
        self.journal_button.clicked.connect(lambda: self._write("journal"))

    def open_plan(self, note_id: str) -> None:
        """Show the plan's runs, the latest finished one chosen."""
        self.note_id = note_id
        plan = load_plan(note_id)
        self.runs = observation.runs(plan)
        names = plan.note.author_names()
        self.run_choice.blockSignals(True)
        self.run_choice.clear()
        for run in self.runs:
            self.run_choice.addItem(
                self.tr("{name}, {moment} ({n} observations)").format(
                    name=names.get(run.author, "?"),
                    moment=format_moment(run.started_at),
                    n=len(run.taps),
                ),
                run.id,
            )
        # The latest finished run: one under way is not ready to debrief.
        ended = [index for index, run in enumerate(self.runs) if run.ended]
        chosen = ended[-1] if ended else len(self.runs) - 1
        self.run_choice.setCurrentIndex(chosen)
        self.run_choice.blockSignals(False)
        self._show_run(chosen)

    def _show_run(self, index: int) -> None:
        has_run = 0 <= index < len(self.runs)
        for widget in (self.table, self.timeline, self.notes_button, self.journal_button):
            widget.setVisible(has_run)
        self.empty_label.setVisible(not has_run)
        if not has_run:
            self.result = None
            return
        run = self.runs[index]
        now = None if run.ended else (dt.datetime.now(dt.UTC) - run.started_at).total_seconds()
        self.result = debrief.compute(load_plan(self.note_id), run, now)
        self.table.setRowCount(len(self.result.phases))
        for row, phase in enumerate(self.result.phases):
            gap = phase.difference_minutes
            cells = (
                phase.label,
                self.tr("{m} min").format(m=phase.planned_minutes),
                debrief.minutes_text(phase.actual_seconds),
                ""
                if gap is None
                else self.tr("{sign}{m} min").format(sign="+" if gap > 0 else "", m=round(gap)),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        rows = sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + 4)
        self.timeline.setHtml(debrief.timeline_html(self.result))

    def _write(self, where: str) -> None:
        if self.result is not None:
            self.write_requested.emit(self.note_id, self.result.run.id, where)
