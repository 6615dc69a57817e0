"""The one-page plan for the room, as an HTML page the PDF writer prints."""

from __future__ import annotations

from team_desktop.core.export.html import page
from team_desktop.core.i18n import _
from team_desktop.core.notes.store import display_title
from team_desktop.core.plans.plan_doc import PlanDoc
from team_desktop.core.plans.summary import plan_markdown
from team_desktop.core.render import escape, render_markdown

# Added before the export style sheet: the room's page uses the whole (landscape) width.
PRINT_STYLE = "div.plan td, div.plan th { font-size: 9pt; } body { max-width: none; } "


def printable_html(plan: PlanDoc, names: dict[str, str] | None = None) -> str:
    """The plan's fields, phases and grid, with its co-intervenants' names."""
    title = display_title(plan.note.title)
    writers = sorted((names or {}).get(a, "") for a in plan.plan_authors() if a != "template")
    byline = ", ".join(w for w in writers if w)
    body = f"<h1>{escape(title)}</h1>"
    if byline:
        body += f'<p class="meta">{escape(_("Co-intervenants : {names}").format(names=byline))}</p>'
    table = render_markdown(plan_markdown(plan)).replace("<table>", '<table width="100%">')
    body += f'<div class="plan">{table}</div>'
    return page(title, body).replace("<style>", "<style>" + PRINT_STYLE, 1)
