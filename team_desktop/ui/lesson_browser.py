"""A QTextBrowser that shows our safe HTML and never fetches anything from the network."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, QUrl
from PySide6.QtGui import QImage, QResizeEvent, QTextDocument, QTextLength, QTextTable
from PySide6.QtWidgets import QTextBrowser, QWidget

from team_desktop.core.render.reading_style import style_sheet
from team_desktop.ui import themes
from team_desktop.ui.text_size import scale_text


def _transparent_pixel() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


# What the reader answers for any resource it refuses (tests recognise it).
REFUSED = _transparent_pixel()


class LessonBrowser(QTextBrowser):
    """Rich-text reader; link clicks are reported through `anchorClicked`, never followed.

    Its text follows the text size (Ctrl +/−) and its colours the theme.
    """

    def __init__(self, parent: QWidget | None = None, extra_style: str = ""):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._extra_style = extra_style
        self._html = ""
        self.document().setDefaultStyleSheet(self._style_sheet())
        self.document().setDocumentMargin(28)
        scale_text(self, self.font().pointSizeF() * 1.15)
        self._folder: Path | None = None
        themes.announcer().changed.connect(self.restyle)

    def show_html(self, html: str, folder: Path | None = None) -> None:
        """Display `html`; relative image paths resolve inside `folder` only."""
        self._folder = folder
        self._html = html
        self.setSearchPaths([str(folder)] if folder else [])
        self.setHtml(html)
        if self.isVisible():  # else at the resize that comes with showing, at the real width
            self._fit_tables()

    def restyle(self, _theme: str = "") -> None:
        """Show the page again in the colours of the theme now shown, at the same place."""
        self.document().setDefaultStyleSheet(self._style_sheet())
        if self._html:
            position = self.verticalScrollBar().value()
            self.setHtml(self._html)
            self._fit_tables()
            self.verticalScrollBar().setValue(position)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's API)
        # A page set while the reader was hidden (a lesson opened from the home view) is laid
        # out at the viewport's width; showing the reader then delivers a first resize with no
        # old size, on which QTextEdit lays the whole page out again at that same width.
        width = event.size().width()
        if not event.oldSize().isValid() and self.document().pageSize().width() == width:
            event = QResizeEvent(event.size(), QSize(width, event.oldSize().height()))
        super().resizeEvent(event)
        self._fit_tables()

    def _fit_tables(self) -> None:
        """A table squeezed to the page's width takes 99.9 % of it instead.

        Qt lays such a table out one pixel wider than the page whenever the page's width is
        even (its collapsed border's half pixel on each side), and the whole lesson then
        scrolled sideways by that pixel (1024×600 with the course's wide tables). A table
        narrower than the page keeps its own width.
        """
        if self.horizontalScrollBar().maximum() == 0:
            return  # nothing sticks out (an odd width): no table laid out again
        document = self.document()
        layout = document.documentLayout()
        page = document.textWidth() - 2 * document.documentMargin()
        for frame in document.rootFrame().childFrames():
            if isinstance(frame, QTextTable) and layout.frameBoundingRect(frame).width() > page:
                table = frame.format()
                table.setWidth(QTextLength(QTextLength.Type.PercentageLength, 99.9))
                frame.setFormat(table)

    def _style_sheet(self) -> str:
        return style_sheet(themes.reading_colours()) + self._extra_style

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt's API)
        # Only images inside the pack folder may load: no network, no file elsewhere on disk.
        # A refusal must be an empty image, not None: on None, Qt's document falls back to
        # reading the path itself (absolute, or relative to the working directory).
        if kind != QTextDocument.ResourceType.ImageResource:
            return QByteArray()
        if self._folder is None:
            return REFUSED
        if url.scheme() not in ("", "file"):
            return REFUSED
        path = Path(url.toLocalFile() if url.scheme() == "file" else url.path())
        target = (path if path.is_absolute() else self._folder / path).resolve()
        if not target.is_relative_to(self._folder.resolve()) or not target.is_file():
            return REFUSED
        return super().loadResource(kind, QUrl.fromLocalFile(str(target)))
