"""PDF from the export HTML: A4, margins, page numbers; no window needed (works offscreen).

The HTML is the one `core.export` builds for the HTML file, so both outputs read the same.
Needs a QGuiApplication (fonts); safe in a worker thread: images are loaded as QImage.
A character no font can draw (an emoji, without an emoji font) is written as its name
(`core.export.glyphs`). Title, author and language go in the document's XMP metadata, the
language in the catalog too (`core.export.pdf_language`); Qt writes no tagged PDF.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextDocument,
)

from team_desktop.core.export.glyphs import visible_text
from team_desktop.core.export.output import ExportError, staged_file
from team_desktop.core.export.pdf_language import PdfLanguageError, add_language
from team_desktop.core.export.xhtml import xml_text

RESOLUTION = 300
SCREEN_DPI = 96  # what HTML pixel sizes mean
MARGINS_MM = QMarginsF(20, 18, 20, 22)
LANGUAGE = "fr-FR"
FONT_FAMILIES = ["DejaVu Sans", "Segoe UI", "Arial"]  # as the export's style sheet says
_DATA_IMAGE = re.compile(r'src="(data:image/[a-z+.-]+;base64,([A-Za-z0-9+/=]+))"')


def write_pdf(
    html: str, output: Path, title: str = "", author: str = "", landscape: bool = False
) -> int:
    """Print `html` to `output` (A4, page numbers); returns the number of pages."""
    html = visible_text(html, _drawable())
    with staged_file(Path(output)) as scratch:
        writer = QPdfWriter(str(scratch))
        writer.setTitle(title)
        writer.setAuthor(author)
        writer.setCreator("TEAM Desktop")
        writer.setDocumentXmpMetadata(xmp_metadata(title, author).encode("utf-8"))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape
                if landscape
                else QPageLayout.Orientation.Portrait,
                MARGINS_MM,
                QPageLayout.Unit.Millimeter,
            )
        )
        page = writer.pageLayout().paintRectPixels(RESOLUTION)
        document = QTextDocument()
        # Ligatures would put "ﬁ" in the text layer, and a search for "fin" would miss it.
        font = document.defaultFont()
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
        document.setDefaultFont(font)
        document.documentLayout().setPaintDevice(writer)
        _add_images(document, html, page.width())
        document.setHtml(html)
        document.setPageSize(QSizeF(page.width(), page.height()))
        pages = document.pageCount()
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(f"PDF: impossible d'écrire {output}")
        try:
            for number in range(pages):
                if number:
                    writer.newPage()
                _draw_page(painter, document, number, pages, page.width(), page.height())
        finally:
            painter.end()
        del writer  # the file is complete once the painter ends; nothing holds it now
        try:
            add_language(scratch, LANGUAGE)
        except PdfLanguageError:
            pass  # a Qt writing PDFs differently: the file stays whole, its XMP names the language
    return pages


def xmp_metadata(title: str, author: str, language: str = LANGUAGE) -> str:
    """The document's XMP: title and author, and its language (Dublin Core `dc:language`)."""
    title, author = xml_text(title), xml_text(author)
    return (
        "<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>"
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li>'
        f'<rdf:li xml:lang="{language}">{title}</rdf:li></rdf:Alt></dc:title>'
        f"<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>"
        f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>"
        "<dc:format>application/pdf</dc:format>"
        "<xmp:CreatorTool>TEAM Desktop</xmp:CreatorTool>"
        "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>"
    )


def _drawable():
    """Whether one of the export's own fonts has a glyph for a character.

    Not Qt's fallbacks: with a colour emoji font installed, Qt would draw an emoji from it,
    and the PDF would keep it as no text at all (gone from copy and search).
    """
    raw_fonts = [QRawFont.fromFont(QFont(family)) for family in FONT_FAMILIES]
    raw_fonts = [raw for raw in raw_fonts if raw.isValid()]
    known: dict[str, bool] = {}

    def can_draw(char: str) -> bool:
        if char not in known:
            known[char] = any(raw.supportsCharacter(ord(char)) for raw in raw_fonts)
        return known[char]

    return can_draw


def _draw_page(
    painter: QPainter, document: QTextDocument, number: int, pages: int, width: int, height: int
) -> None:
    painter.save()
    painter.translate(0, -number * height)
    document.drawContents(painter, QRectF(0, number * height, width, height))
    painter.restore()
    font = QFont(document.defaultFont())
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    footer = QRectF(0, height, width, RESOLUTION * 12 / 25.4)  # in the bottom margin
    painter.drawText(footer, Qt.AlignmentFlag.AlignCenter, f"{number + 1} / {pages}")


def _add_images(document: QTextDocument, html: str, text_width: int) -> None:
    """Inline images as resources, no wider than the text (HTML sizes are screen pixels)."""
    widest = int(text_width * SCREEN_DPI / RESOLUTION)
    for match in set(_DATA_IMAGE.findall(html)):
        uri, payload = match
        image = QImage.fromData(base64.b64decode(payload))
        if image.isNull():
            continue
        if image.width() > widest:
            image = image.scaledToWidth(widest, Qt.TransformationMode.SmoothTransformation)
        document.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(uri), image)
