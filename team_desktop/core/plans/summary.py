"""A plan as readable Markdown: for Mutualisation, search, exports and the printable page."""

from __future__ import annotations

from team_desktop.core.i18n import _, format_date
from team_desktop.core.notes.doc import NoteDoc
from team_desktop.core.plans.course import configuration_label
from team_desktop.core.plans.plan_doc import PlanDoc
from team_desktop.core.plans.validation import phase_label, total_minutes

PHASE_COLUMNS = ("name", "minutes", "configuration", "lead", "other", "material", "observe")


def _day(iso_day: str) -> str:
    import datetime as dt

    try:
        return format_date(dt.date.fromisoformat(iso_day))
    except ValueError:
        return ""


def header_lines(plan: PlanDoc) -> list[str]:
    """Date, length, public and objectives, one labelled line each (empty ones left out)."""
    lines = []
    if _day(plan.date):
        lines.append(f"**{_('Date')}** : {_day(plan.date)}")
    if plan.minutes:
        lines.append(
            f"**{_('Durée')}** : {plan.minutes} min ({_('phases')} : {total_minutes(plan)} min)"
        )
    for name, label in (("public", _("Public")), ("objectives", _("Objectifs"))):
        if plan.text(name).strip():
            lines.append(f"**{label}** : {markdown_literal(plan.text(name))}")
    return lines


def plan_markdown(plan: PlanDoc) -> str:
    """The plan's fields and its phases as a table, then its observation grid."""
    lines = [line + "  " for line in header_lines(plan)]
    headings = (
        _("Phase"),
        _("Durée"),
        _("Configuration"),
        _("Qui mène"),
        _("Ce que fait l'autre"),
        _("Matériel"),
        _("Ce que nous observerons"),
    )
    phases = plan.phases()
    if phases:
        lines += ["", "| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
        for index, phase in enumerate(phases):
            cells = (
                phase_label(phase, index),
                f"{phase.minutes} min",
                configuration_label(phase.configuration),
                phase.lead,
                phase.other,
                phase.material,
                phase.observe,
            )
            lines.append("| " + " | ".join(markdown_literal(cell) for cell in cells) + " |")
    categories = plan.categories()
    if categories:
        lines += [
            "",
            f"**{_('Grille d’observation')}** : " + ", ".join(map(markdown_literal, categories)),
        ]
    return "\n".join(lines).strip() + "\n"


def readable_text(doc: NoteDoc) -> str:
    """The text lists, search and Mutualisation show: a plan's summary comes first."""
    if doc.kind != "plan":
        return doc.text
    return (plan_markdown(PlanDoc(doc)) + "\n" + doc.text).strip() + "\n"


def markdown_literal(text: str) -> str:
    """A peer's words as literal Markdown inside a line or a table cell."""
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in " ".join(text.split()))


def plan_writers(doc: NoteDoc) -> list[str]:
    """Names of those who wrote in a plan's fields and phases (a note's text aside)."""
    if doc.kind != "plan":
        return []
    names = doc.author_names()
    found = {names.get(a, "") for a in PlanDoc(doc).plan_authors() if a != "template"}
    return sorted(name for name in found if name)
