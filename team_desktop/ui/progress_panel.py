"""Progress of long work, shown in the status bar without blocking the window."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

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
        self.hide()

    def start(self, text: str, state: TaskState | None = None) -> None:
        """Show `text` with a busy bar until `progress` gives a figure."""
        self._state = state
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(state is not None)
        self.cancel_button.setEnabled(True)
        self.show()

    def progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * done / total))

    def finish(self) -> None:
        self._state = None
        self.hide()

    def _cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Annulation…"))
