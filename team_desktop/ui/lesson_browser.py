"""A QTextBrowser that shows our safe HTML and never fetches anything from the network."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from team_desktop.core.lesson_page import STYLE_SHEET


class LessonBrowser(QTextBrowser):
    """Rich-text reader; link clicks are reported through `anchorClicked`, never followed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE_SHEET)
        self.document().setDocumentMargin(28)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self._folder: Path | None = None

    def show_html(self, html: str, folder: Path | None = None) -> None:
        """Display `html`; relative image paths resolve inside `folder` only."""
        self._folder = folder
        self.setSearchPaths([str(folder)] if folder else [])
        self.setHtml(html)

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt's API)
        # Only images inside the pack folder may load: no network, no file elsewhere on disk.
        if kind != QTextDocument.ResourceType.ImageResource or self._folder is None:
            return None
        if url.scheme() not in ("", "file"):
            return None
        path = Path(url.toLocalFile() if url.scheme() == "file" else url.path())
        target = (path if path.is_absolute() else self._folder / path).resolve()
        if not target.is_relative_to(self._folder.resolve()) or not target.is_file():
            return None
        return super().loadResource(kind, QUrl.fromLocalFile(str(target)))
