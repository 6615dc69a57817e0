"""The shared feed ("Mutualisation"), readable offline, with comments on peers' work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core import feed, feed_page
from team_desktop.core.paths import DataPaths
from team_desktop.core.portfolio import attachments
from team_desktop.core.portfolio.errors import AttachmentMissing
from team_desktop.core.render.links import parse_team_link
from team_desktop.ui.lesson_browser import REFUSED, LessonBrowser
from team_desktop.ui.messages import Icon, show_message

IMAGE_WIDTH = 560  # pictures wider than this are shown scaled down
MAX_IMAGE_BYTES = 30 * 1024 * 1024  # a bigger "picture" is a link, never decoded


class FeedView(LessonBrowser):
    """Shared entries and notes of the learner's groups. Signals: commented()."""

    commented = Signal()

    def __init__(self, paths: DataPaths | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.paths = paths
        self.expanded: set[str] = set()  # items unfolded with "Lire la suite"
        self._items: list[feed.FeedItem] = []
        self.setAccessibleName(self.tr("Mutualisation : ce que votre groupe partage"))
        self.anchorClicked.connect(self._follow)

    def reload(self) -> None:
        position = self.verticalScrollBar().value()
        self._items = feed.items(packs_dir=self.paths.packs if self.paths else None)
        self.show_html(feed_page.feed_html(self._items, self.expanded))
        self.verticalScrollBar().setValue(position)

    def _follow(self, url: QUrl) -> None:
        link = parse_team_link(url.toString())
        if link is None:
            return
        kind, _sep, target = link.uid.partition("/")
        if link.action == "expand":
            self.expanded.add(target)
            self.reload()
        elif link.action == "attachment" and link.args:
            self.open_attachment(kind, link.args[0])
        elif link.action == "comment":
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

    def _attachment(self, digest: str) -> attachments.Attachment | None:
        for item in self._items:
            for attachment in item.attachments:
                if attachment.hash == digest:
                    return attachment
        return None

    def open_attachment(self, item_id: str, digest: str) -> Path | None:
        """Open a shared file with the system's viewer; the path opened, or None."""
        del item_id  # the hash finds the file; the item only made the link unique
        attachment = self._attachment(digest)
        if attachment is None or self.paths is None:
            return None
        try:
            path = attachments.openable_copy(self.paths, attachment)
        except AttachmentMissing:
            show_message(
                self,
                Icon.Information,
                self.tr("Fichier pas encore reçu"),
                self.tr(
                    "Ce fichier arrivera à la prochaine synchronisation ; le texte, lui, est déjà là."
                ),
            )
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt's API)
        if url.scheme() != feed_page.ATTACHMENT_SCHEME:
            return super().loadResource(kind, url)
        if kind != QTextDocument.ResourceType.ImageResource or self.paths is None:
            return QByteArray()
        attachment = self._attachment(url.path())
        if attachment is None:
            return REFUSED
        path = attachments.blob_path(self.paths, attachment.hash)
        if not path.is_file() or path.stat().st_size > MAX_IMAGE_BYTES:
            return REFUSED  # not downloaded yet, or too big to decode here
        image = QImage(str(path))
        if image.isNull():
            return REFUSED
        if image.width() > IMAGE_WIDTH:
            image = image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        return image


class CommentDialog(QDialog):
    """A few lines of comment; an empty one is refused before the dialog closes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Commenter"))
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Votre commentaire"))
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("dialogStatus")
        self.error.setProperty("error", True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Votre commentaire (visible par le groupe) :")))
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.editor.textChanged.connect(self.error.hide)

    def accept(self) -> None:
        """Close only with something written."""
        if not self.text().strip():
            self.error.setText(self.tr("Écrivez votre commentaire avant de l'envoyer."))
            self.error.show()
            self.editor.setFocus()
            return
        super().accept()

    def text(self) -> str:
        return self.editor.toPlainText()
