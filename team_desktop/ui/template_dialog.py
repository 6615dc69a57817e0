"""Choosing how a new entry starts: a template, shown before it is chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.portfolio import templates
from team_desktop.core.portfolio.preview import preview
from team_desktop.core.render import escape
from team_desktop.ui.lesson_browser import LessonBrowser


class TemplateDialog(QDialog):
    """The app's templates, then each module's; `chosen_key` once accepted."""

    def __init__(self, packs_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouvelle entrée du journal"))
        self.resize(860, 520)
        self.choices = templates.available(packs_dir)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Modèles"))
        origin = None
        for choice in self.choices:
            if choice.origin != origin:
                origin = choice.origin
                header = QListWidgetItem(origin)
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                self.list.addItem(header)
            item = QListWidgetItem("   " + choice.title)
            item.setData(Qt.ItemDataRole.UserRole, choice.key)
            self.list.addItem(item)
        self.preview = LessonBrowser()
        self.preview.setAccessibleName(self.tr("Aperçu du modèle"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([320, 540])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Commencer l'entrée"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.select("libre")
        self.list.setFocus()  # arrows choose, Enter starts the entry

    @property
    def chosen_key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, key: str) -> bool:
        """Highlight the template `key`."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(row)
                return True
        return False

    def _show(self, item: QListWidgetItem | None) -> None:
        key = item.data(Qt.ItemDataRole.UserRole) if item else None
        choice = next((c for c in self.choices if c.key == key), None)
        if choice is None:
            return
        body = (
            f"<p><i>{escape(choice.body)}</i></p>" if choice.is_free else preview(choice.body).html
        )
        self.preview.show_html(
            f'<h2>{escape(choice.title)}</h2><p class="meta">{escape(choice.origin)}</p>{body}'
        )
