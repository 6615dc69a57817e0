"""The live preview of an entry: the one renderer, with notices about what it did not show."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from team_desktop.core.i18n import _
from team_desktop.core.render import render_markdown

# Rendering is about 1 s per MB: past this the preview shows the beginning only.
PREVIEW_LIMIT = 100_000
ACTIVE_HTML = re.compile(
    r"<\s*(script|iframe|object|embed|style|form|svg)\b|<[^>]*\son\w+\s*=|javascript\s*:",
    re.IGNORECASE,
)


@dataclass
class Preview:
    """Safe HTML for the preview, and French notices to show above it."""

    html: str
    notices: list[str] = field(default_factory=list)


def preview(body: str) -> Preview:
    """Render an entry's Markdown; raw HTML is kept in the text but never active in the preview."""
    notices = []
    shown = body
    if len(body) > PREVIEW_LIMIT:
        shown = body[:PREVIEW_LIMIT]
        notices.append(
            _(
                "Entrée très longue ({n} caractères) : elle est enregistrée en entier, "
                "l'aperçu n'en montre que le début."
            ).format(n=f"{len(body):,}".replace(",", "\u202f"))
        )
    if ACTIVE_HTML.search(shown):
        notices.append(
            _(
                "Ce texte contient du code HTML (script, événement…) : il est conservé tel que "
                "vous l'avez tapé, mais l'aperçu n'en exécute rien."
            )
        )
    return Preview(render_markdown(shown), notices)
