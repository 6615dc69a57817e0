"""The Mutualisation page: each shared item as its author meant it, folded when long.

Unanswered template sections are left out (a shared Gibbs entry with two sections written
shows those two), attachments follow the text (pictures shown, other files as links), and
comments sit in their own boxes. Peers' Markdown goes through the one renderer.
"""

from __future__ import annotations

import re

from team_desktop.core.export.labels import human_size
from team_desktop.core.feed import FeedItem
from team_desktop.core.i18n import _, format_datetime
from team_desktop.core.portfolio.entries import Attachment
from team_desktop.core.render import escape, render_markdown

FOLD_AT = 1200  # characters shown before "Lire la suite"
_HEADING = re.compile(r"^(#{1,6})\s")
_HASH = re.compile(r"^[0-9a-f]{64}$")
ATTACHMENT_SCHEME = "attachment"  # <img src="attachment:HASH">, answered by the feed view


def answered_sections(body: str, template: str = "") -> str:
    """`body` without the sections the author left as the template gave them (or empty).

    A section is kept when it holds a line of its own, or when a deeper section under it does.
    """
    prompts = {_plain(line) for line in template.splitlines() if line.strip()}
    lines = body.split("\n")
    starts = [i for i, line in enumerate(lines) if _HEADING.match(line)]
    if not starts:
        return body
    sections = [(s, e) for s, e in zip(starts, [*starts[1:], len(lines)], strict=True)]
    levels = [len(_HEADING.match(lines[s]).group(1)) for s, _e in sections]
    written = [
        any(line.strip() and _plain(line) not in prompts for line in lines[s + 1 : e])
        for s, e in sections
    ]
    keep = list(written)
    for index in range(len(sections) - 1, -1, -1):
        for deeper in range(index + 1, len(sections)):
            if levels[deeper] <= levels[index]:
                break
            keep[index] = keep[index] or keep[deeper]
    kept = lines[: starts[0]]
    for (start, end), shown in zip(sections, keep, strict=True):
        if shown:
            kept += lines[start:end]
    return "\n".join(kept).strip("\n")


def folded(text: str, limit: int = FOLD_AT) -> tuple[str, bool]:
    """The beginning of `text` up to a paragraph end near `limit`, and whether some was cut."""
    if len(text) <= limit:
        return text, False
    cut = text.rfind("\n\n", 0, limit)
    if cut < limit // 2:
        cut = text.rfind("\n", 0, limit)
    if cut < limit // 2:
        cut = limit
    return text[:cut].rstrip(), True


def attachments_html(item_id: str, attachments: list[Attachment]) -> str:
    """Pictures shown below the text, other files as links the feed view opens."""
    parts = []
    for attachment in attachments:
        if not _HASH.match(attachment.hash):
            continue  # a hash is what finds the file: anything else is refused
        label = f"{attachment.name} ({human_size(attachment.size)})"
        if attachment.mime.startswith("image/"):
            parts.append(
                f'<p class="figure"><img src="{ATTACHMENT_SCHEME}:{attachment.hash}" '
                f'alt="{escape(label)}"/>'
                f"<br/><small>{escape(label)}</small></p>"
            )
        else:
            href = f"team:attachment/{item_id}/{attachment.hash}"
            joined = escape(_("Pièce jointe :"))
            parts.append(f'<p>{joined} <a href="{href}">{escape(label)}</a></p>')
    return "".join(parts)


def feed_html(feed: list[FeedItem], expanded: set[str] | None = None) -> str:
    """The feed as safe HTML; items whose id is in `expanded` are shown whole."""
    title = escape(_("Mutualisation"))
    if not feed:
        empty = _(
            "Rien de partagé pour l'instant. Rejoignez un groupe (Partage › Mes groupes), partagez "
            "une entrée de votre journal avec lui, et ce que vos pairs partagent apparaîtra ici, "
            "lisible hors ligne."
        )
        return f"<h1>{title}</h1><p>{escape(empty)}</p>"
    parts = [f"<h1>{title}</h1>"]
    for item in feed:
        parts.append(_item_html(item, item.id in (expanded or set())))
    return "".join(parts)


def _item_html(item: FeedItem, whole: bool) -> str:
    label = _("Entrée de journal") if item.kind == "entry" else _("Note de co-préparation")
    label = _("Plan de séance") if item.plan else label
    text = answered_sections(item.body, item.template)
    shown, cut = (text, False) if whole else folded(text)
    more = ""
    if cut:
        more = (
            f'<p class="cta"><a href="team:expand/{item.kind}/{item.id}">'
            f"{escape(_('Lire la suite'))}</a></p>"
        )
    comments = "".join(
        '<table class="activity comment" width="100%" cellpadding="8"><tr><td>'
        f'<p class="meta"><b>{escape(c.author)}</b> · {escape(format_datetime(c.created_at))}</p>'
        f"{render_markdown(c.body)}</td></tr></table>"
        for c in item.comments
    )
    heading = escape(_("Commentaires")) if item.comments else ""
    return (
        '<table class="activity shared" width="100%" cellpadding="12"><tr><td>'
        f'<p class="activity-kind">{escape(label.upper())} · {escape(item.group)}</p>'
        f"<h3>{escape(item.title)}</h3>"
        f'<p class="meta">{escape(item.author)} · {escape(format_datetime(item.updated_at))}</p>'
        f"{render_markdown(shown)}{more}{attachments_html(item.id, item.attachments)}"
        + (f'<p class="activity-kind">{heading}</p>{comments}' if comments else "")
        + f'<p class="cta"><a href="team:comment/{item.kind}/{item.id}">'
        f"{escape(_('✎ Commenter'))}</a></p></td></tr></table><p></p>"
    )


def _plain(line: str) -> str:
    return " ".join(line.split())
