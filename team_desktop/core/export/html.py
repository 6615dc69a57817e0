"""The journal as ONE self-contained HTML file: readable offline, printable, nothing fetched."""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from team_desktop import __version__
from team_desktop.core.export import competencies
from team_desktop.core.export.labels import human_size, long_date, visibility_label
from team_desktop.core.export.output import staged_file
from team_desktop.core.export.selection import Attachment, ExportEntry, ExportResult
from team_desktop.core.i18n import _, ngettext
from team_desktop.core.render import escape, render_markdown

Progress = Callable[[int, int], None]

# Qt's rich text (used for the PDF) understands this subset too: no selectors beyond
# element/class, page breaks as properties of block elements.
STYLE = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt;
       color: #1f2933; max-width: 46em; margin: 2em auto; padding: 0 1em; }
p, li { line-height: 145%; }
h1 { font-size: 20pt; color: #0b4f6c; margin-bottom: 0.2em; }
h2.entry-title { font-size: 16pt; color: #0b4f6c; margin-top: 1.5em; margin-bottom: 0.2em; }
p.meta { color: #52606d; font-size: 9pt; margin-top: 0; }
span.tag { background-color: #e6f0f5; color: #0b4f6c; padding: 0 0.3em; }
div.entry-body { margin-top: 0.8em; }
div.attachments { margin-top: 1em; border-top: 1px solid #cbd2d9; padding-top: 0.4em; }
div.attachments p.caption { color: #52606d; font-size: 9pt; margin-top: 0.2em; }
div.figure { margin-top: 0.6em; }
img { max-width: 100%; }
table { border-collapse: collapse; }
td, th { border: 1px solid #cbd2d9; padding: 0.2em 0.5em; }
blockquote { color: #52606d; border-left: 3px solid #cbd2d9; margin-left: 0; padding-left: 1em; }
pre { background-color: #f5f7fa; padding: 0.5em; }
p.generator { color: #9aa5b1; font-size: 8pt; margin-top: 3em; }
.pagebreak { page-break-before: always; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  ol.toc a { color: inherit; text-decoration: none; }
}
"""

_IMG = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\ssrc="([^"]*)"')


def export_html(
    entries: list[ExportEntry], output: Path, progress: Progress | None = None
) -> ExportResult:
    """Write the journal to `output` as one `.html` file, every attachment inside it."""
    result = ExportResult(Path(output), len(entries))
    document = journal_html(entries, progress, result, embed_files=True)
    with staged_file(Path(output)) as scratch:
        scratch.write_text(document, encoding="utf-8")
    return result


def journal_html(
    entries: list[ExportEntry],
    progress: Progress | None = None,
    result: ExportResult | None = None,
    embed_files: bool = False,
) -> str:
    """The whole document: title, table of contents, every entry (also the PDF's source).

    With `embed_files`, an attachment that is not an image is a link holding the file itself
    (a PDF cannot carry one: there it is named)."""
    title = _("Mon journal de formation")
    toc = "".join(
        f'<li><a href="#entree-{n}">{escape(entry.title or _("Sans titre"))}</a> '
        f"— {escape(long_date(entry.date))}</li>"
        for n, entry in enumerate(entries, start=1)
    )
    sections = []
    for n, entry in enumerate(entries, start=1):
        if progress:
            progress(n - 1, len(entries))
        sections.append(_entry_html(n, entry, result, embed_files))
    summary = ngettext(
        "{n} entrée, exportée le {d}.", "{n} entrées, exportées le {d}.", len(entries)
    ).format(n=len(entries), d=long_date(dt.date.today()))
    return page(
        title,
        f'<h1>{escape(title)}</h1><p class="meta">{escape(summary)}</p>'
        f'<h2>{escape(_("Sommaire"))}</h2><ol class="toc">{toc}</ol>'
        + "".join(sections)
        + competencies.html_section(competencies.shown()),
    )


def page(title: str, body: str) -> str:
    """A complete HTML page around `body`, with the export style sheet inline."""
    footer = escape(_("Exporté depuis TEAM Desktop {v}.").format(v=__version__))
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f'<body>{body}<p class="generator">{footer}</p></body></html>\n'
    )


def _entry_html(
    number: int, entry: ExportEntry, result: ExportResult | None, embed_files: bool
) -> str:
    meta = [escape(long_date(entry.date)), escape(visibility_label(entry.visibility))]
    if entry.author:
        meta.insert(0, escape(_("Par {name}").format(name=entry.author)))
    for label, link in ((_("Leçon"), entry.lesson), (_("Activité"), entry.activity)):
        if link:
            where = f" ({link.module})" if link.module else ""
            meta.append(f"{escape(label)} : {escape(link.title + where)}")
    tags = " ".join(f'<span class="tag">#{escape(tag)}</span>' for tag in entry.tags)
    body = rewrite_body_images(
        render_markdown(entry.body), entry.attachments, lambda a: f'src="{data_uri(a)}"'
    )
    return (
        f'<div class="entry"><a name="entree-{number}"></a>'
        f'<h2 class="entry-title pagebreak" id="entree-{number}">'
        f"{escape(entry.title or _('Sans titre'))}</h2>"
        f'<p class="meta">{" · ".join(meta)}</p>'
        + (f'<p class="tags">{tags}</p>' if tags else "")
        + f'<div class="entry-body">{body}</div>'
        + _attachments_html(entry.attachments, result, embed_files)
        + "</div>"
    )


def _attachments_html(
    attachments: list[Attachment], result: ExportResult | None, embed_files: bool
) -> str:
    if not attachments:
        return ""
    parts = [f"<h3>{escape(_('Pièces jointes'))}</h3>"]
    listed = []
    for attachment in attachments:
        size = human_size(attachment.size)
        if not attachment.present:
            if result is not None:
                result.missing_attachments.append(attachment.name)
            listed.append(f"<li>{escape(attachment.name)} ({size}, {_('fichier manquant')})</li>")
            continue
        if result is not None:
            result.attachments += 1
        if attachment.is_image:
            parts.append(
                f'<div class="figure"><img src="{data_uri(attachment)}" alt="{escape(attachment.name)}"></div>'
                f'<p class="caption">{escape(attachment.name)} ({size})</p>'
            )
        elif embed_files:
            listed.append(
                f'<li><a href="{data_uri(attachment)}" download="{escape(attachment.name)}">'
                f"{escape(attachment.name)}</a> ({size})</li>"
            )
        else:
            listed.append(f"<li>{escape(attachment.name)} ({size})</li>")
    if listed:
        parts.append(f"<ul>{''.join(listed)}</ul>")
    return f'<div class="attachments">{"".join(parts)}</div>'


def data_uri(attachment: Attachment) -> str:
    """The attachment's bytes inline, so the page needs no file beside it."""
    encoded = base64.b64encode(attachment.path.read_bytes()).decode("ascii")
    return f"data:{attachment.mime};base64,{encoded}"


def rewrite_body_images(
    html: str, attachments: list[Attachment], source_for: Callable[[Attachment], str]
) -> str:
    """Images of the text naming an attachment get `source_for(it)`; other sources are dropped.

    Nothing outside the export may be referenced, and a relative path means nothing there.
    """
    by_ref = {}
    for attachment in attachments:
        if attachment.is_image and attachment.present:
            by_ref[attachment.name] = attachment
            by_ref[attachment.hash] = attachment

    def fix(tag: re.Match) -> str:
        def source(match: re.Match) -> str:
            reference = unquote(match.group(1).rstrip("/").rsplit("/", 1)[-1])
            found = by_ref.get(reference)
            return f" {source_for(found)}" if found else ""

        return _SRC.sub(source, tag.group(0))

    return _IMG.sub(fix, html)
