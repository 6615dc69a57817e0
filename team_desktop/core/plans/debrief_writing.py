"""Writing the debrief: into the plan's own notes, or as a journal entry linked to the plan."""

from __future__ import annotations

from pathlib import Path

from team_desktop.core.i18n import _
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.authors import local_author
from team_desktop.core.notes.links import note_href
from team_desktop.core.notes.positions import utf16_len
from team_desktop.core.plans import debrief
from team_desktop.core.plans.observation import Run
from team_desktop.core.plans.plans import load_plan
from team_desktop.core.portfolio.entries import create_entry, save_entry


def _text(note_id: str, run: Run) -> tuple[str, str]:
    plan = load_plan(note_id)
    observer = plan.note.author_names().get(run.author) or _("l'observateur·rice")
    result = debrief.compute(plan, run)
    return notes.display_title(plan.note.title), debrief.debrief_markdown(plan, result, observer)


def write_into_plan_notes(note_id: str, run: Run) -> None:
    """Append the prefilled debrief at the end of the plan's notes (the note's text)."""
    _title, text = _text(note_id, run)
    doc = notes.load(note_id)
    separator = (
        ""
        if not doc.text or doc.text.endswith("\n\n")
        else "\n"
        if doc.text.endswith("\n")
        else "\n\n"
    )
    doc.apply_local_edit(utf16_len(doc.text), 0, separator + text, local_author())
    notes.save(note_id, doc)


def write_journal_entry(packs_dir: Path, note_id: str, run: Run) -> str:
    """A private journal entry holding the debrief, with a link back to the plan; its id."""
    title, text = _text(note_id, run)
    link = _("Plan de séance : [{title}]({href})").format(title=title, href=note_href(note_id))
    entry = create_entry(packs_dir, title=_("Débriefing — {title}").format(title=title))
    save_entry(entry.id, body=f"{link}\n\n{text}")
    return entry.id
