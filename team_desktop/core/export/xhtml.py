"""Sanitized HTML (from the one renderer) re-serialized as well-formed XHTML for Atom."""

from __future__ import annotations

import re
from html.parser import HTMLParser

XHTML_NS = "http://www.w3.org/1999/xhtml"
# Characters XML 1.0 forbids even escaped (a form feed pasted from a word processor...).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def xml_text(text: str) -> str:
    """`text` escaped for XML content, minus characters XML cannot hold."""
    from xml.sax.saxutils import escape  # xml.sax: with the first export, not at start

    return escape(_NOT_XML.sub("", text))


def xml_attr(text: str) -> str:
    """`text` as a quoted XML attribute value, minus characters XML cannot hold."""
    from xml.sax.saxutils import quoteattr

    return quoteattr(_NOT_XML.sub("", text))


class _Writer(HTMLParser):
    """Closes what HTML leaves open, so the output always parses as XML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = "".join(f" {name}={xml_attr(value or '')}" for name, value in attrs)
        if tag in VOID:
            self.out.append(f"<{tag}{text}/>")
        else:
            self.out.append(f"<{tag}{text}>")
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            return  # a stray end tag: HTML ignores it, so do we
        while self.open:
            current = self.open.pop()
            self.out.append(f"</{current}>")
            if current == tag:
                break

    def handle_data(self, data: str) -> None:
        self.out.append(xml_text(data))


def to_xhtml(html: str) -> str:
    """`html` as the inside of an XHTML `div` (well-formed, no namespace prefix)."""
    writer = _Writer()
    writer.feed(html)
    writer.close()
    writer.out.extend(f"</{tag}>" for tag in reversed(writer.open))
    return "".join(writer.out)
