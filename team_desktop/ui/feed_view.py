"""The shared feed ("Mutualisation"), readable offline, with comments on peers' work."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core import feed
from team_desktop.core.render.links import parse_team_link
from team_desktop.ui.lesson_browser import LessonBrowser
from team_desktop.ui.messages import Icon, show_message


class FeedView(LessonBrowser):
    """Shared entries and notes of the learner's groups. Signals: commented()."""

    commented = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Mutualisation : ce que votre groupe partage"))
        self.anchorClicked.connect(self._follow)

    def reload(self) -> None:
        position = self.verticalScrollBar().value()
        self.show_html(feed.feed_html(feed.items()))
        self.verticalScrollBar().setValue(position)

    def _follow(self, url: QUrl) -> None:
        link = parse_team_link(url.toString())
        if link is None or link.action != "comment":
            return
        kind, _sep, target = link.uid.partition("/")
        dialog = CommentDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.comment(kind, target, dialog.text())

    def comment(self, kind: str, target: str, body: str) -> bool:
        """Add a comment to a shared item; refusals are told, nothing is lost."""
        try:
            feed.add_comment(kind, target, body)
        except ValueError as error:
            show_message(self, Icon.Warning, self.tr("Commentaire non ajouté"), str(error))
            return False
        self.reload()
        self.commented.emit()
        return True


class CommentDialog(QDialog):
    """A few lines of comment, in Markdown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Commenter"))
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Votre commentaire"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Votre commentaire (visible par le groupe) :")))
        layout.addWidget(self.editor)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.editor.toPlainText()
