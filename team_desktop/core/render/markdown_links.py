"""Python-Markdown with the app's extensions: lesson links, no remote images.

Kept apart from `render` so that Markdown loads with the first page rendered, not at start.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from team_desktop.core.i18n import _
from team_desktop.core.urls import is_remote


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


def markdown_to_html(text: str, lesson_links: dict[str, str]) -> str:
    """Markdown to HTML, not yet sanitized (`render.render_markdown` does both)."""
    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", "fenced_code", _LinkExtension(lesson_links)],
        output_format="html",
    )
    return converter.convert(text)
