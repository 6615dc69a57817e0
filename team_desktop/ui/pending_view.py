"""The pending-changes view: what waits to leave the device, its state, and a retry."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core import pending
from team_desktop.core.export.labels import human_size
from team_desktop.core.sync.preview import Preview
from team_desktop.ui.language import format_moment
from team_desktop.ui.transfers_panel import TransfersPanel
from team_desktop.ui.what_leaves import WhatLeavesLabel


class PendingView(QWidget):
    """Lists the outbox and the file transfers. Signals: retry_requested()."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("En attente d'envoi"))
        title.setObjectName("viewTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # Before a sync: what it would send, and what waits for a cheaper line, and why.
        self.what_leaves = WhatLeavesLabel()
        self.held_downloads = QLabel()
        self.held_downloads.setWordWrap(True)
        self.held_downloads.hide()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Quoi"), self.tr("Depuis"), self.tr("État")]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Changements en attente"))
        self.retry_button = QPushButton(self.tr("Réessayer maintenant"))
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addStretch(1)
        self.transfers = TransfersPanel()
        # What came from the server but was left aside: told, never applied half-way.
        self.received_label = QLabel(
            self.tr(
                "Reçus du serveur mais laissés de côté : ces éléments ne respectent pas le "
                "format attendu (un autre appareil ou le serveur les a mal écrits). Le reste "
                "de la synchronisation n'en est pas bloqué ; vos propres données ne sont pas "
                "touchées."
            )
        )
        self.received_label.setWordWrap(True)
        self.received = QTableWidget(0, 4)
        self.received.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("De qui"), self.tr("Reçu"), self.tr("Raison")]
        )
        self.received.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.received.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.received.setAccessibleName(self.tr("Éléments reçus laissés de côté"))
        self.dismiss_button = QPushButton(self.tr("J'ai compris, effacer cette liste"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.what_leaves)
        layout.addWidget(self.held_downloads)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.transfers)
        layout.addWidget(self.received_label)
        layout.addWidget(self.received, 1)
        layout.addWidget(self.dismiss_button)
        self.retry_button.clicked.connect(self._retry)
        self.dismiss_button.clicked.connect(self._dismiss)

    def reload(self) -> None:
        changes = pending.pending_changes()
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            state = (
                self.tr("Refusé : {e} (essais : {n})").format(
                    e=change.last_error, n=change.attempts
                )
                if change.last_error
                else self.tr("En attente de connexion")
            )
            if change.last_error and change.kind in ("entry", "note"):
                # What to do: a change made to it sends it again, refused or not. The reason
                # is the server's words; the two causes a learner can mend are named here.
                state += " " + self.tr(
                    "Ouvrez-le et corrigez ce que dit la raison : son partage (un groupe dont "
                    "vous êtes membre, ou « Privée »), ou, si votre espace sur le serveur est "
                    "plein, supprimez des pièces jointes devenues inutiles. Toute modification "
                    "le renverra à la synchronisation suivante."
                )
            values = [change.label, change.description, format_moment(change.queued_at), state]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.summary.setText(
            self.tr("Tout est envoyé : rien n'attend sur cet appareil.")
            if not changes
            else self.tr(
                "%n changement(s) en attente de la prochaine synchronisation. Rien n'est jamais "
                "abandonné : un changement refusé reste ici avec la raison.",
                "",
                len(changes),
            )
        )

        self._fill_received()

    def show_what_leaves(
        self, preview: Preview, held: dict[str, int], max_file: int | None
    ) -> None:
        """What the next sync sends; with a metered line, which files wait and why."""
        reason = ""
        if max_file is not None:
            reason = self.tr(
                "connexion limitée : les fichiers de plus de {s} attendent une connexion non "
                "limitée ou une synchronisation par fichier"
            ).format(s=human_size(max_file))
        self.what_leaves.show_preview(preview, reason)
        self.held_downloads.setVisible(bool(held))
        if held:
            self.held_downloads.setText(
                self.tr(
                    "À recevoir plus tard : %n fichier(s) du groupe ({r}).", "", len(held)
                ).format(r=reason)
            )

    def _fill_received(self) -> None:
        problems = pending.received_problems()
        self.received.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            values = [
                problem.label,
                problem.description,
                format_moment(problem.received_at),
                problem.reason,
            ]
            for column, value in enumerate(values):
                self.received.setItem(row, column, QTableWidgetItem(value))
        self.received.resizeColumnToContents(0)
        for widget in (self.received_label, self.received, self.dismiss_button):
            widget.setVisible(bool(problems))

    def _dismiss(self) -> None:
        pending.dismiss_received_problems()
        self._fill_received()

    def _retry(self) -> None:
        pending.retry_all()
        self.retry_requested.emit()
