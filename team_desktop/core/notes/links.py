"""Links between notes and lessons: `team:note/...` links, the notes under an activity."""

from __future__ import annotations

from team_desktop.core.i18n import _, format_date
from team_desktop.core.notes.store import NoteSummary, display_title
from team_desktop.core.render.links import linked_list_html, record_href, record_id

NOTE_ACTION = "note"
NAMESPACE = "notes"


def note_href(note_id: str) -> str:
    """The `team:` link that opens a note."""
    return record_href(NOTE_ACTION, NAMESPACE, note_id)


def note_id_from_uid(uid: str) -> str | None:
    """The note id in the uid of a parsed `team:note/...` link."""
    return record_id(NAMESPACE, uid)


def notes_html(notes: list[NoteSummary]) -> str:
    """Safe HTML listing the learner's notes for a copreparation activity ("" when none)."""
    items = [
        (
            note_href(n.id),
            display_title(n.title),
            _("modifiée le {d}").format(d=format_date(n.updated_at.astimezone().date())),
        )
        for n in notes
    ]
    return linked_list_html(
        _("Vos notes de co-préparation pour cette activité"), "notes-title", items
    )
