"""The file transfers of the pending view: which file moves, how far (bytes and percent), and a
pause the learner controls."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from team_desktop.core.export.labels import human_size
from team_desktop.core.sync.transfers import UP, TransferProgress


class TransfersPanel(QWidget):
    """Signals: pause_requested(), resume_requested()."""

    pause_requested = Signal()
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("Fichiers joints"))
        title.setObjectName("sectionTitle")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # file names come from peers
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setAccessibleName(self.tr("Progression du transfert"))
        self.bar.hide()
        self.button = QPushButton()
        self.button.clicked.connect(self._toggle)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)  # its own size, bar or not
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.paused = False
        self._waiting: list[TransferProgress] = []
        self.set_paused(False)
        self.show_waiting([])

    def set_paused(self, paused: bool) -> None:
        """Show the transfers as paused (button "Reprendre") or running."""
        self.paused = paused
        self.button.setText(
            self.tr("Reprendre les transferts") if paused else self.tr("Mettre en pause")
        )
        self.button.setAccessibleName(self.button.text())
        self.show_waiting(self._waiting)

    def show_waiting(self, waiting: list[TransferProgress]) -> None:
        """The files still to move (between syncs)."""
        self._waiting = waiting
        if not waiting:
            text = self.tr("Aucun fichier en attente de transfert.")
        else:
            total = sum(item.total for item in waiting)
            done = sum(item.done for item in waiting)
            text = self.tr("%n fichier(s) à transférer ({size})", "", len(waiting)).format(
                size=human_size(total - done)
            )
        self.label.setText(self._paused_prefix() + text)

    def show_progress(self, progress: TransferProgress) -> None:
        """One piece of a file moved: its name, file n of m, bytes and percent."""
        template = (
            self.tr("Envoi de « {name} » — fichier {n} sur {m}")
            if progress.direction == UP
            else self.tr("Réception de « {name} » — fichier {n} sur {m}")
        )
        self.label.setText(
            self._paused_prefix()
            + template.format(name=progress.name, n=progress.number, m=progress.count)
        )
        total = max(progress.total, 1)
        self.bar.setValue(min(1000, progress.done * 1000 // total))
        self.bar.setFormat(
            self.tr("{d} sur {t} ({p} %)").format(
                d=human_size(progress.done), t=human_size(progress.total), p=progress.percent
            )
        )
        self.bar.setAccessibleDescription(self.bar.format())
        self.bar.show()

    def _paused_prefix(self) -> str:
        return self.tr("En pause. ") if self.paused else ""

    def _toggle(self) -> None:
        (self.resume_requested if self.paused else self.pause_requested).emit()
