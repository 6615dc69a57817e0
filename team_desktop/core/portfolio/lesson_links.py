"""Links between entries and lessons: `team:entry/...` links, the list under an activity."""

from __future__ import annotations

from team_desktop.core.i18n import _, format_date
from team_desktop.core.portfolio.listing import entries_for_activity
from team_desktop.core.render import escape

ENTRY_ACTION = "entry"
# `team:` links carry a two-part uid; entries have one id, so they sit under this namespace.
NAMESPACE = "journal"


def entry_href(entry_id: str) -> str:
    """The `team:` link that opens an entry."""
    return f"team:{ENTRY_ACTION}/{NAMESPACE}/{entry_id}"


def entry_id_from_uid(uid: str) -> str | None:
    """The entry id in the uid of a parsed `team:entry/...` link."""
    namespace, _slash, entry_id = uid.partition("/")
    return entry_id if namespace == NAMESPACE and entry_id else None


def activity_entries_html(activity_uid: str) -> str:
    """Safe HTML listing the learner's entries for an activity ("" when there is none)."""
    found = entries_for_activity(activity_uid)
    if not found:
        return ""
    items = "".join(
        f'<li><a href="{escape(entry_href(e.id))}">{escape(e.title or _("Sans titre"))}</a>'
        f" <small>— {escape(format_date(e.entry_date))}</small></li>"
        for e in found
    )
    return f'<p class="entries-title"><b>{escape(_("Vos entrées pour cette activité"))}</b></p><ul>{items}</ul>'
