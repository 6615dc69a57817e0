"""The files attached to an entry: add (copied off the GUI thread), open, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from team_desktop.core.export.labels import human_size
from team_desktop.core.portfolio import attachments
from team_desktop.core.portfolio.entries import Attachment, Entry, get_entry
from team_desktop.core.portfolio.errors import PortfolioError
from team_desktop.core.store.db import Store
from team_desktop.ui.tasks import TaskRunner

ROW_HEIGHT = 26


class AttachmentsPanel(QWidget):
    """A compact list of an entry's attachments with its buttons.

    Signals: changed() after a file was added or removed; failed(message) for the learner.
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.entry_id: str | None = None
        self.items: list[Attachment] = []
        # The system viewer; a test puts a recorder here instead of launching programs.
        self.open_url = QDesktopServices.openUrl

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Pièces jointes"))
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setSpacing(2)
        self.add_button = QPushButton(self.tr("Joindre un fichier…"))
        self.open_button = QPushButton(self.tr("Ouvrir"))
        self.remove_button = QPushButton(self.tr("Retirer"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        for button in (self.add_button, self.open_button, self.remove_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(0)  # keeps the buttons left while the list is hidden
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.list.currentRowChanged.connect(lambda _row: self._sync_buttons())

    def show_entry(self, entry: Entry, editable: bool = True) -> None:
        """List the attachments of `entry`."""
        self.entry_id = entry.id
        self.items = list(entry.attachments)
        self.add_button.setEnabled(editable)
        self._editable = editable
        self.list.clear()
        for attachment in self.items:
            missing = not attachments.blob_path(self.store.paths, attachment.hash).is_file()
            label = f"{attachment.name} ({human_size(attachment.size)})"
            item = QListWidgetItem(("⚠ " if missing else "") + label)
            if missing:
                item.setToolTip(self.tr("Fichier introuvable dans le dossier de données"))
            self.list.addItem(item)
        self.list.setVisible(bool(self.items))
        # One line for a few files, two when there are more.
        self.list.setFixedHeight(ROW_HEIGHT * (1 if len(self.items) <= 3 else 2) + 8)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        chosen = self.list.currentRow() >= 0
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self._editable)

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Joindre des fichiers"), str(Path.home())
        )
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, files: list[Path]) -> None:
        """Copy `files` into the data directory in the background and list them."""
        if self.entry_id is None:
            return
        entry_id, paths = self.entry_id, self.store.paths

        def work(state):
            for index, path in enumerate(files):
                state.progress(index, len(files))
                attachments.add_attachment(paths, entry_id, path)
            return entry_id

        self.add_button.setEnabled(False)
        self.runner.run(work, self._added, self._failed)

    def _added(self, entry_id: str) -> None:
        self.add_button.setEnabled(True)
        self._reload(entry_id)
        self.changed.emit()

    def _failed(self, error: BaseException, details: str) -> None:
        self.add_button.setEnabled(True)
        if self.entry_id:
            self._reload(self.entry_id)
        if not isinstance(error, PortfolioError):
            raise error
        self.failed.emit(str(error))

    def _reload(self, entry_id: str) -> None:
        entry = get_entry(entry_id)
        if entry is not None and entry_id == self.entry_id:
            self.show_entry(entry, self._editable)

    def open_current(self) -> None:
        """Open the chosen attachment with the system's viewer."""
        row = self.list.currentRow()
        if row < 0:
            return
        try:
            path = attachments.openable_copy(self.store.paths, self.items[row])
        except (PortfolioError, OSError) as error:
            self.failed.emit(str(error))
            return
        self.open_url(QUrl.fromLocalFile(str(path)))

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0 or self.entry_id is None:
            return
        try:
            attachments.remove_attachment(self.entry_id, self.items[row].hash)
        except PortfolioError as error:
            self.failed.emit(str(error))
            return
        self._reload(self.entry_id)
        self.changed.emit()
