"""The learner's choice to show their progress to a group's facilitators.

Separate from research consent, asked when joining a group, revocable at any time; until the
learner says yes, the server shows their facilitators nothing (team_server/facilitation.py).
The choice travels with the next sync; the latest decision, from any device, wins.
"""

from __future__ import annotations

from team_desktop.core import outbox
from team_desktop.core.i18n import _
from team_desktop.core.store.group_models import ProgressShare
from team_desktop.core.store.models import database, utcnow


def what_is_shown() -> str:
    """What the learner agrees to show, in the words shown wherever they choose."""
    return _(
        "les leçons terminées, les activités faites (quiz, réflexions, notes) et le nombre "
        "d'éléments partagés avec le groupe ; jamais le contenu de votre journal ni de vos notes"
    )


def set_share(group_id: str, share: bool) -> None:
    """Record the learner's choice for a group; queued for the next sync."""
    with database.atomic():
        ProgressShare.replace(group_id=group_id, share=share, decided_at=utcnow()).execute()
        outbox.enqueue("progress_share", group_id)


def shares(group_id: str) -> bool | None:
    """True or False as the learner chose for this group; None when never asked."""
    row = ProgressShare.get_or_none(ProgressShare.group_id == group_id)
    return row.share if row else None
