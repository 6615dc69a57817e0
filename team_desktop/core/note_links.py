"""Links between notes and lessons: `team:note/...` links, the notes under an activity."""

from __future__ import annotations

from team_desktop.core.i18n import _, format_date
from team_desktop.core.notes import display_title, list_notes
from team_desktop.core.render import escape

NOTE_ACTION = "note"
# `team:` links carry a two-part uid; a note has one id, so it sits under this namespace.
NAMESPACE = "notes"


def note_href(note_id: str) -> str:
    """The `team:` link that opens a note."""
    return f"team:{NOTE_ACTION}/{NAMESPACE}/{note_id}"


def note_id_from_uid(uid: str) -> str | None:
    """The note id in the uid of a parsed `team:note/...` link."""
    namespace, _slash, note_id = uid.partition("/")
    return note_id if namespace == NAMESPACE and note_id else None


def activity_notes_html(activity_uid: str) -> str:
    """Safe HTML listing the learner's notes for a copreparation activity ("" when none)."""
    found = list_notes(activity_uid=activity_uid)
    if not found:
        return ""
    items = "".join(
        f'<li><a href="{escape(note_href(n.id))}">{escape(display_title(n.title))}</a>'
        f" <small>— {escape(_('modifiée le {d}').format(d=format_date(n.updated_at.astimezone().date())))}</small></li>"
        for n in found
    )
    title = _("Vos notes de co-préparation pour cette activité")
    return f'<p class="notes-title"><b>{escape(title)}</b></p><ul>{items}</ul>'
