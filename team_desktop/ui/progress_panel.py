"""Progress of long work, shown in the status bar without blocking the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from team_desktop.core.export.labels import human_size
from team_desktop.ui.tasks import TaskState


class ProgressPanel(QWidget):
    """A label, a bar, a pause and a cancel button for the task in progress (hidden when idle).

    Pause is offered for transfers (`offer_pause`); a paused transfer stays shown with
    "Reprendre" (`show_paused`) until the learner resumes it.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setAccessibleName(self.tr("Progression"))
        self.cancel_button = QPushButton(self.tr("Annuler"))
        self.pause_button = QPushButton()
        self.pause_button.clicked.connect(self._pause_clicked)
        self._on_pause: Callable[[], None] | None = None
        self._on_resume: Callable[[], None] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.pause_button)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self._cancel)
        self._state: TaskState | None = None
        self._in_bytes = False
        self.hide()

    def start(self, text: str, state: TaskState | None = None, in_bytes: bool = False) -> None:
        """Show `text` with a busy bar until `progress` gives a figure (sizes when `in_bytes`)."""
        self._state = state
        self._in_bytes = in_bytes
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(state is not None)
        self.cancel_button.setEnabled(True)
        self._on_pause = self._on_resume = None
        self.pause_button.hide()
        self.show()

    def offer_pause(self, on_pause: Callable[[], None]) -> None:
        """Show "Pause" for the transfer in progress; `on_pause` stops it between two pieces."""
        self._on_pause, self._on_resume = on_pause, None
        self.pause_button.setText(self.tr("Pause"))
        self.pause_button.setEnabled(True)
        self.pause_button.show()

    def show_paused(self, text: str, on_resume: Callable[[], None]) -> None:
        """The transfer stopped on the learner's pause: keep its figures, offer "Reprendre"."""
        self._state, self._on_pause, self._on_resume = None, None, on_resume
        self.label.setText(text)
        self.cancel_button.hide()
        self.pause_button.setText(self.tr("Reprendre"))
        self.pause_button.setEnabled(True)
        self.pause_button.show()
        self.show()

    def progress(self, done: int, total: int) -> None:
        """Show `done` out of `total` (a percentage, and both sizes for a download)."""
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * done / total))
            if self._in_bytes:
                self.bar.setFormat(
                    self.tr("{d} sur {t} (%p %)").format(d=human_size(done), t=human_size(total))
                )
                self.bar.setMaximumWidth(320)

    def finish(self) -> None:
        self._state = self._on_pause = self._on_resume = None
        self.bar.resetFormat()
        self.bar.setMaximumWidth(220)
        self.hide()

    def _cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Annulation…"))

    def _pause_clicked(self) -> None:
        if self._on_pause is not None:
            self._on_pause()
            self.pause_button.setEnabled(False)
            self.label.setText(self.tr("Mise en pause…"))
        elif self._on_resume is not None:
            resume, self._on_resume = self._on_resume, None
            resume()
