"""How Markdown looks while it is written: headings larger, bold in bold, marks dimmed.

Only the look changes; every character of the stored Markdown stays in the editor. Colours
come from the widget palette, so the light, dark and high-contrast themes all apply.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
)

_HEADING = re.compile(r"^(#{1,6})([ \t]+)(.*)$")
_QUOTE = re.compile(r"^((?:>[ \t]?)+)")
_LIST = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)")
_TABLE = re.compile(r"^\s*\|")
# Spans are bounded (SPAN characters) and a code mark starts only where a run of backticks
# does: without that, a peer's line of "**a " or backticks took seconds to highlight, again
# on every keystroke in it (quadratic or worse). A longer span simply stays unformatted.
SPAN = 200
_BOLD = re.compile(rf"(\*\*|__)(?=\S)(.{{1,{SPAN}}}?)(?<=\S)\1")
_ITALIC = re.compile(rf"(?<![*\w])([*_])(?=[^\s*])(.{{1,{SPAN}}}?)(?<=[^\s*])\1(?![*\w])")
_CODE = re.compile(rf"(?<!`)(`++)([^`]{{1,{SPAN}}})\1(?!`)")
_LINK = re.compile(rf"(\[)([^\[\]\n]{{1,{SPAN}}})(\]\()([^)\s]{{0,{4 * SPAN}}})(\))")
HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15}


class MarkdownHighlighter(QSyntaxHighlighter):
    """Formats each line of a Markdown document for display (the text itself is untouched)."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's API)
        palette = QGuiApplication.palette()
        accent = palette.color(QPalette.ColorRole.Link)
        mark = _mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base))

        heading = _HEADING.match(text)
        if heading:
            level = len(heading.group(1))
            words = QTextCharFormat()
            words.setFontWeight(QFont.Weight.Bold)
            base = self.document().defaultFont().pointSizeF()
            words.setFontPointSize(base * HEADING_SCALE.get(level, 1.0))
            self.setFormat(0, len(text), words)
            marks = QTextCharFormat(words)
            marks.setForeground(mark)
            self.setFormat(0, heading.end(2), marks)
            return
        if _TABLE.match(text):
            table = QTextCharFormat()
            table.setFontFamilies(["DejaVu Sans Mono"])
            self.setFormat(0, len(text), table)
            self._inline(text, mark, accent)
            return
        quote = _QUOTE.match(text)
        if quote:
            words = QTextCharFormat()
            words.setFontItalic(True)
            words.setForeground(_mix(palette.color(QPalette.ColorRole.Text), accent, 0.7))
            self.setFormat(0, len(text), words)
            self._dim(0, quote.end(), mark)
        item = _LIST.match(text[quote.end() :] if quote else text)
        if item:
            offset = quote.end() if quote else 0
            bullet = QTextCharFormat()
            bullet.setForeground(accent)
            bullet.setFontWeight(QFont.Weight.Bold)
            self.setFormat(offset + item.start(2), len(item.group(2)), bullet)
        self._inline(text, mark, accent)

    def _inline(self, text: str, mark: QColor, accent: QColor) -> None:
        for pattern, style in ((_BOLD, "bold"), (_ITALIC, "italic"), (_CODE, "code")):
            for match in pattern.finditer(text):
                for position in range(match.start(2), match.end(2)):
                    shown = self.format(position)
                    if style == "bold":
                        shown.setFontWeight(QFont.Weight.Bold)
                    elif style == "italic":
                        shown.setFontItalic(True)
                    else:
                        shown.setFontFamilies(["DejaVu Sans Mono"])
                    self.setFormat(position, 1, shown)
                self._dim(match.start(1), len(match.group(1)), mark)
                self._dim(match.end(2), len(match.group(1)), mark)
        for match in _LINK.finditer(text):
            words = QTextCharFormat()
            words.setForeground(accent)
            words.setFontUnderline(True)
            self.setFormat(match.start(2), len(match.group(2)), words)
            for group in (1, 3, 4, 5):
                self._dim(match.start(group), len(match.group(group)), mark)

    def _dim(self, start: int, length: int, colour: QColor) -> None:
        for position in range(start, start + length):
            shown = self.format(position)
            shown.setForeground(colour)
            self.setFormat(position, 1, shown)


def _mix(a: QColor, b: QColor, share: float = 0.55) -> QColor:
    """`share` of colour `a` over colour `b` (marks dimmed towards the background)."""
    return QColor(
        round(a.red() * share + b.red() * (1 - share)),
        round(a.green() * share + b.green() * (1 - share)),
        round(a.blue() * share + b.blue() * (1 - share)),
    )
