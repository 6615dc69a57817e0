"""The list of bookmarked lessons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core import bookmarks
from team_desktop.ui.record_list import record_list


class BookmarksView(QWidget):
    """Bookmarks, newest first; Enter or double-click opens one, Delete removes it.

    Signals: lesson_chosen(uid), changed().
    """

    lesson_chosen = Signal(str)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("Mes favoris"))
        title.setObjectName("viewTitle")
        self.list = record_list(self.tr("Leçons en favori"))
        self.list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        hint = QLabel(
            self.tr(
                "Les leçons que vous avez gardées pour y revenir. Entrée ou double-clic : ouvrir."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.hint = hint
        self.empty = QLabel(
            self.tr(
                "Aucun favori pour l'instant. Dans une leçon, cliquez sur « ☆ Ajouter aux favoris »."
            )
        )
        self.empty.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Ouvrir la leçon"))
        self.open_button.setObjectName("primaryButton")
        self.remove_button = QPushButton(self.tr("Retirer des favoris"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.open_button.clicked.connect(
            lambda: (
                self.list.currentItem()
                and self.lesson_chosen.emit(self.list.currentItem().data(Qt.ItemDataRole.UserRole))
            )
        )
        self.list.itemActivated.connect(
            lambda item: self.lesson_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.remove_button.clicked.connect(self.remove_current)

    def reload(self) -> None:
        self.list.clear()
        items = bookmarks.listing()
        for bookmark in items:
            details = self.tr("Semaine {w} · {m}").format(w=bookmark.week, m=bookmark.module)
            if bookmark.completed:
                details += " · " + self.tr("✔ terminée")
            item = QListWidgetItem(f"{bookmark.title}\n{details}")
            item.setData(Qt.ItemDataRole.UserRole, bookmark.uid)
            self.list.addItem(item)
        self.empty.setVisible(not items)
        self.list.setVisible(bool(items))
        self.remove_button.setEnabled(bool(items))
        self.open_button.setEnabled(bool(items))
        self.hint.setVisible(bool(items))
        if items:
            self.list.setCurrentRow(0)

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            bookmarks.toggle(item.data(Qt.ItemDataRole.UserRole))
            self.reload()
            self.changed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        if event.key() == Qt.Key.Key_Delete:
            self.remove_current()
        else:
            super().keyPressEvent(event)
