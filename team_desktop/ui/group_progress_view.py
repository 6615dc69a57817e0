"""The facilitator's view of a group's progress: per learner and per module, only what each
learner agreed to show, and its CSV export for the training organisation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.facilitation import report, season
from team_desktop.core.i18n import format_datetime, format_number
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.core.sync.errors import SyncError
from team_desktop.ui.messages import show_written
from team_desktop.ui.tasks import TaskRunner

FIXED_COLUMNS = 4  # learner, lessons, activities, items shared; then one column per module


class GroupProgressDialog(QDialog):
    """Shows the group's progress as last received, asks the server (facilitators only), then
    shows what it answered: offline, the last answer still reads, with its date."""

    def __init__(self, runner: TaskRunner, group: GroupRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.group = group
        self.learners: list[report.LearnerProgress] = []
        self.unreadable = 0
        self.received_at: dt.datetime | None = None  # when the shown answer came; None: now
        current = season.season_of(group.id)
        self.modules = report.modules(list(current.packs) if current else None)
        self.setWindowTitle(self.tr("Progression du groupe « {g} »").format(g=group.name))
        self.setMinimumSize(1000, 440)
        self.summary = QLabel(self.tr("Demande au serveur…"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, FIXED_COLUMNS + len(self.modules))
        self.table.setAccessibleName(self.tr("Progression par participant·e et par module"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        headers = [
            self.tr("Participant·e"),
            self.tr("Leçons"),
            self.tr("Activités"),
            self.tr("Partagés"),
        ] + [self.tr("Semaine {w}").format(w=module.week) for module in self.modules]
        self.table.setHorizontalHeaderLabels(headers)
        for column, tip in enumerate(
            (
                self.tr("Leçons terminées"),
                self.tr("Activités faites (quiz, réflexions, notes)"),
                self.tr("Éléments partagés avec le groupe"),
            ),
            start=1,
        ):
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        for column, module in enumerate(self.modules, start=FIXED_COLUMNS):
            self.table.horizontalHeaderItem(column).setToolTip(
                self.tr("{t} — charge déclarée : {h} h").format(
                    t=module.title, h=format_number(module.hours)
                )
            )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.export_button = QPushButton(self.tr("Exporter en CSV…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.choose_export_target)
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.refresh_button.clicked.connect(self.fetch)
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        note = QLabel(
            self.tr(
                "Chaque cellule de module donne les leçons terminées et les heures réalisées "
                "(charge déclarée du module × part des leçons terminées). Seules les personnes "
                "qui l'ont accepté montrent leur progression."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("progressNote")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        last = report.last_received(group.id)
        if last is not None:
            learners, unreadable, received_at = last
            self.show_report((learners, unreadable), received_at)
        self.fetch()

    def fetch(self) -> None:
        """Ask the server for the group's progress, off the GUI thread."""
        connection = account.connect()
        if connection is None:
            self.summary.setText(
                self._counts()
                + " "
                + self.tr(
                    "Hors connexion : connectez-vous (Partage › Compte et serveur) pour "
                    "l'actualiser."
                )
                if self.received_at
                else self.tr("Connectez-vous d'abord (Partage › Compte et serveur).")
            )
            return
        self.refresh_button.setEnabled(False)
        group_id = self.group.id
        self.runner.run(
            lambda _t: report.fetch(connection, group_id),
            self.show_report,
            self._failed,
            network=True,
        )

    def show_report(
        self,
        answer: tuple[list[report.LearnerProgress], int],
        received_at: dt.datetime | None = None,
    ) -> None:
        """Fill the table: one row per learner, their modules, or that they did not share
        (`received_at`: the answer is the one kept from that time)."""
        self.refresh_button.setEnabled(True)
        self.learners, self.unreadable = answer
        self.received_at = received_at
        self.table.clearSpans()
        self.table.setRowCount(len(self.learners) + 1)  # and the group, per module
        for row, learner in enumerate(self.learners):
            self.table.setItem(row, 0, QTableWidgetItem(learner.name))
            if not learner.shared:
                item = QTableWidgetItem(self.tr("n'a pas partagé sa progression"))
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                self.table.setItem(row, 1, item)
                self.table.setSpan(row, 1, 1, self.table.columnCount() - 1)
                continue
            self.table.setItem(row, 1, QTableWidgetItem(str(len(learner.lessons_done))))
            self.table.setItem(row, 2, QTableWidgetItem(str(len(learner.activities))))
            self.table.setItem(row, 3, QTableWidgetItem(str(learner.shared_items)))
            for column, part in enumerate(report.by_module(learner, self.modules), FIXED_COLUMNS):
                text = self.tr("{d}/{n} · {h} h").format(
                    d=part.lessons_done, n=len(part.module.lessons), h=format_number(part.hours)
                )
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._show_summary(len(self.learners))
        counts = self._counts()
        self.summary.setText(counts + " " + self.tr("Actualisation…") if received_at else counts)
        self.export_button.setEnabled(bool(self.learners))

    def _counts(self) -> str:
        """What the shown answer holds, and from when if it is not the server's latest."""
        shared = sum(learner.shared for learner in self.learners)
        text = self.tr("{n} participant·e(s) ; {s} montre(nt) sa progression.").format(
            n=len(self.learners), s=shared
        )
        if self.unreadable:
            text += " " + self.tr("{u} réponse(s) illisible(s) laissée(s) de côté.").format(
                u=self.unreadable
            )
        if self.received_at:
            text += " " + self.tr("Progression reçue le {d}.").format(
                d=format_datetime(self.received_at)
            )
        return text

    def _show_summary(self, row: int) -> None:
        """The last row: per module, how many of those who share finished or started it."""
        label = QTableWidgetItem(self.tr("Ensemble du groupe"))
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        self.table.setItem(row, 0, label)
        for column, part in enumerate(report.summary(self.learners, self.modules), FIXED_COLUMNS):
            text = self.tr("✔ {f} terminé · ▶ {s}").format(f=part.finished, s=part.started)
            item = QTableWidgetItem(text)
            item.setToolTip(
                self.tr(
                    "Parmi les {n} personnes qui montrent leur progression : {f} ont terminé ce "
                    "module, {s} l'ont commencé."
                ).format(n=part.sharing, f=part.finished, s=part.started)
            )
            self.table.setItem(row, column, item)

    def _failed(self, error: BaseException, _details: str) -> None:
        self.refresh_button.setEnabled(True)
        if isinstance(error, SyncError | report.ReportError):
            text = self.tr("La progression n'a pas pu être obtenue : {e}").format(e=error)
        else:
            text = self.tr("Erreur inattendue : {e}").format(e=error)
        # The answer kept from an earlier time stays shown, with its date.
        self.summary.setText(self._counts() + " " + text if self.received_at else text)

    def choose_export_target(self) -> None:
        """Ask where to write the CSV, then write it."""
        stem = f"progression-{self.group.name}-{dt.date.today():%Y-%m-%d}".replace("/", "-")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Exporter la progression"), str(Path.home() / f"{stem}.csv"), "*.csv"
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        """Write the CSV (a few kilobytes: no need for a worker) and say where it is."""
        try:
            report.write_csv(path, self.learners, self.modules)
        except OSError as error:
            self.summary.setText(self.tr("Le fichier n'a pas pu être écrit : {e}").format(e=error))
            return
        show_written(
            self,
            self.tr("Progression exportée"),
            self.tr("La progression du groupe est enregistrée dans {p}.").format(p=path),
            path,
        )
