"""The history of an entry: earlier versions with a preview, and restoring one."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.portfolio import entries, preview, versions
from team_desktop.core.portfolio.errors import PortfolioError
from team_desktop.core.render import escape
from team_desktop.ui.language import format_moment
from team_desktop.ui.lesson_browser import LessonBrowser
from team_desktop.ui.messages import Icon, show_message

TITLE_LINE = 36  # characters per line of a version's title in the list


class HistoryDialog(QDialog):
    """Lists an entry's earlier versions, newest first.

    Signals: restored() after a version replaced the entry's text; keep_requested() when the
    learner asks to keep the current text as a version (the editor saves it, then `reload`).
    """

    restored = Signal()
    keep_requested = Signal()

    def __init__(self, entry_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry_id = entry_id
        self.setWindowTitle(self.tr("Historique de l'entrée"))
        self.resize(900, 560)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Versions"))
        # Styled as the journal's list; a long title wraps instead of running under the edge.
        self.list.setObjectName("entryList")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(240)
        self.preview = LessonBrowser()
        self.preview.setAccessibleName(self.tr("Aperçu de la version"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([340, 560])
        self.explain = QLabel(
            self.tr(
                "Une version est gardée toutes les cinq minutes d'écriture. Restaurer une version "
                "garde d'abord le texte actuel dans l'historique : rien n'est perdu."
            )
        )
        self.explain.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restaurer cette version"))
        self.keep_button = QPushButton(self.tr("Garder le texte actuel comme version"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.restore_button.clicked.connect(self.restore_current)
        self.keep_button.clicked.connect(self.keep_requested)
        self.reload()

    def reload(self) -> None:
        self.versions = versions.list_versions(self.entry_id)
        self.list.clear()
        untitled = self.tr("Sans titre")
        for version in self.versions:
            when = format_moment(version.saved_at)
            # Wrapped here: a list view elides a long line rather than wrap it.
            title = textwrap.fill(version.title or untitled, TITLE_LINE)
            item = QListWidgetItem(f"{when}\n{title}")
            item.setToolTip(self.tr("%n caractère(s)", "", len(version.body)))
            self.list.addItem(item)
        self.restore_button.setEnabled(bool(self.versions))
        if self.versions:
            self.list.setCurrentRow(0)
        else:
            none_yet = self.tr(
                "Pas encore de version antérieure : elles apparaissent au fil de l’écriture."
            )
            self.preview.show_html(f"<p>{escape(none_yet)}</p>")

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            version = self.versions[row]
            shown = preview.preview(version.body)
            notices = "".join(f'<p class="notice">{escape(n)}</p>' for n in shown.notices)
            self.preview.show_html(f"<h1>{escape(version.title)}</h1>{notices}{shown.html}")

    def restore_current(self) -> None:
        """Make the chosen version the entry's text (the current text joins the history)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.versions):
            return
        try:
            entries.restore_version(self.versions[row].id)
        except PortfolioError as error:
            show_message(self, Icon.Warning, self.tr("Version non restaurée"), str(error))
            return
        self.restored.emit()
        self.accept()
