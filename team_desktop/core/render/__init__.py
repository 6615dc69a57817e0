"""The one renderer: Markdown from packs and peers to HTML that is safe to display."""

from __future__ import annotations

import html
import re

import nh3

from team_desktop.core.i18n import _
from team_desktop.core.render import budget
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


def render_markdown(text: str, lesson_links: dict[str, str] | None = None) -> str:
    """Markdown to sanitized HTML; `lesson_links` maps lesson file names to lesson uids.

    A text that would cost too much to render (render/budget.py) is shown as plain text.
    """
    from team_desktop.core.render.markdown_links import markdown_to_html  # Markdown: at first use

    if budget.too_costly(text):
        return plain_html(text)
    try:
        return _figures(clean_html(markdown_to_html(text, lesson_links or {})))
    except RecursionError:  # nesting the budget did not foresee: still shown, plain
        return plain_html(text)


def plain_html(text: str) -> str:
    """`text` as escaped paragraphs, after a note saying its formatting was left out."""
    notice = _("Mise en forme non appliquée : ce texte est trop complexe pour être mis en page.")
    paragraphs = "".join(
        f"<p>{escape(block).replace(chr(10), '<br/>')}</p>"
        for block in re.split(r"\n[ \t]*\n", text)
        if block.strip()
    )
    return f'<p class="meta">{escape(notice)}</p>{paragraphs}'


_LONE_IMAGE = re.compile(r"<p>(<img [^>]*>)</p>")


def _figures(html_text: str) -> str:
    """A paragraph holding only a picture is a figure: its line height is not 145 % of the
    picture's (which left an empty band under every diagram)."""
    return _LONE_IMAGE.sub(r'<p class="figure">\1</p>', html_text)


def escape(text: str) -> str:
    """HTML-escape plain text for the app's own templates."""
    return html.escape(text, quote=True)
