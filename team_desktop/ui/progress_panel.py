"""Progress of long work, shown in the status bar without blocking the window."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from team_desktop.core.export.labels import human_size
from team_desktop.ui.tasks import TaskState


class ProgressPanel(QWidget):
    """A label, a bar and a cancel button for the task in progress (hidden when idle)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setAccessibleName(self.tr("Progression"))
        self.cancel_button = QPushButton(self.tr("Annuler"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
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
        self._state = None
        self.bar.resetFormat()
        self.bar.setMaximumWidth(220)
        self.hide()

    def _cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Annulation…"))
