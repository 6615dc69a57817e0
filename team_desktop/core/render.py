"""The one renderer: Markdown from packs and peers to HTML that is safe to display."""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from team_desktop.core.i18n import _
from team_desktop.core.urls import is_remote

URL_SCHEMES = {"http", "https", "mailto", "team"}
TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ATTRIBUTES = {
    "*": {"class", "title"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "cellpadding", "cellspacing", "border", "bgcolor"},
    "td": {"bgcolor", "width", "align", "valign", "colspan", "rowspan"},
    "th": {"bgcolor", "width", "align", "valign", "colspan", "rowspan"},
    "ol": {"start"},
}


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    # Nothing is ever fetched from the network while reading: remote images lose their source.
    if tag == "img" and name == "src" and is_remote(value):
        return None
    return value


def clean_html(html: str) -> str:
    """Sanitize HTML with the app's allowlist: no script, no event handler, no remote image."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel=None,
        strip_comments=True,
    )


class _LinkRewriter(Treeprocessor):
    """Lesson links become `team:lesson/...`; remote images become their alt text."""

    def __init__(self, md: markdown.Markdown, lesson_links: dict[str, str]):
        super().__init__(md)
        self.lesson_links = lesson_links

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img" and is_remote(child.get("src", "")):
                    span = etree.Element("span", {"class": "remote-image"})
                    span.text = _("[image distante non chargée : {alt}]").format(
                        alt=child.get("alt", "")
                    )
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)
                elif child.tag == "a":
                    target, _hash, anchor = child.get("href", "").partition("#")
                    if target in self.lesson_links:
                        child.set("href", f"team:lesson/{self.lesson_links[target]}")


class _LinkExtension(Extension):
    def __init__(self, lesson_links: dict[str, str]):
        super().__init__()
        self.lesson_links = lesson_links

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_LinkRewriter(md, self.lesson_links), "team_links", 5)


def render_markdown(text: str, lesson_links: dict[str, str] | None = None) -> str:
    """Markdown to sanitized HTML; `lesson_links` maps lesson file names to lesson uids."""
    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", "fenced_code", _LinkExtension(lesson_links or {})],
        output_format="html",
    )
    return clean_html(converter.convert(text))


def escape(text: str) -> str:
    """HTML-escape plain text for the app's own templates."""
    return html.escape(text, quote=True)
