"""Links between entries and lessons: `team:entry/...` links, the list under an activity."""

from __future__ import annotations

from team_desktop.core.i18n import _, format_date
from team_desktop.core.portfolio.listing import EntrySummary
from team_desktop.core.render.links import linked_list_html, record_href, record_id

ENTRY_ACTION = "entry"
NAMESPACE = "journal"


def entry_href(entry_id: str) -> str:
    """The `team:` link that opens an entry."""
    return record_href(ENTRY_ACTION, NAMESPACE, entry_id)


def entry_id_from_uid(uid: str) -> str | None:
    """The entry id in the uid of a parsed `team:entry/...` link."""
    return record_id(NAMESPACE, uid)


def entries_html(entries: list[EntrySummary]) -> str:
    """Safe HTML listing the learner's entries for an activity ("" when there is none)."""
    items = [
        (entry_href(e.id), e.title or _("Sans titre"), format_date(e.entry_date)) for e in entries
    ]
    return linked_list_html(_("Vos entrées pour cette activité"), "entries-title", items)
