"""Announcements from a group's facilitators: written offline, synced, read offline.

Whether one has been read is this device's own mark (`read_at`), never sent anywhere.
"""

from __future__ import annotations

import uuid

from team_desktop.core import outbox
from team_desktop.core.facilitation.season import FacilitationError, facilitated_group
from team_desktop.core.i18n import _
from team_desktop.core.store.group_models import Announcement
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.sync_models import GroupRecord

MAX_TITLE = 200
MAX_BODY = 10_000  # as the server keeps (team_server/schemas.py)


def _checked(title: str, body: str) -> tuple[str, str]:
    title, body = " ".join(title.split()), body.strip()
    if not title:
        raise FacilitationError(_("Donnez un titre à l'annonce."))
    if len(title) > MAX_TITLE:
        raise FacilitationError(_("Titre trop long ({n} caractères au plus).").format(n=MAX_TITLE))
    if len(body) > MAX_BODY:
        raise FacilitationError(
            _("Annonce trop longue ({n} caractères au plus).").format(n=MAX_BODY)
        )
    return title, body


def publish(group_id: str, title: str, body: str) -> str:
    """A new announcement to a group the learner facilitates; its id."""
    facilitated_group(group_id)
    title, body = _checked(title, body)
    announcement_id, now = uuid.uuid4().hex, utcnow()
    with database.atomic():
        Announcement.create(
            id=announcement_id,
            group_id=group_id,
            title=title,
            body=body,
            published_at=now,
            changed_at=now,
            read_at=now,  # its author has read it
        )
        outbox.enqueue("announcement", announcement_id)
    return announcement_id


def edit(announcement_id: str, title: str, body: str) -> None:
    """Correct a published announcement (its group's facilitators only); members who had read
    it keep it read, so a typo fixed does not call everyone back."""
    row = Announcement.get_or_none(
        (Announcement.id == announcement_id) & (Announcement.deleted == False)  # noqa: E712
    )
    if row is None:
        raise FacilitationError(_("Cette annonce a été retirée entre-temps."))
    facilitated_group(row.group_id)
    title, body = _checked(title, body)
    with database.atomic():
        Announcement.update(title=title, body=body, changed_at=utcnow()).where(
            Announcement.id == announcement_id
        ).execute()
        outbox.enqueue("announcement", announcement_id)


def delete(announcement_id: str) -> None:
    """Withdraw an announcement from its group (its facilitators only)."""
    row = Announcement.get_or_none(Announcement.id == announcement_id)
    if row is None:
        return
    facilitated_group(row.group_id)
    with database.atomic():
        Announcement.update(deleted=True, title="", body="", changed_at=utcnow()).where(
            Announcement.id == announcement_id
        ).execute()
        outbox.enqueue("announcement", announcement_id)


def listing(group_id: str | None = None) -> list[Announcement]:
    """Announcements of the learner's groups (or of one), newest first."""
    groups = [group.id for group in GroupRecord.select(GroupRecord.id)]
    query = Announcement.select().where(
        Announcement.group_id.in_(groups or [""]) & (Announcement.deleted == False)  # noqa: E712
    )
    if group_id is not None:
        query = query.where(Announcement.group_id == group_id)
    return list(query.order_by(Announcement.published_at.desc()))


def unread_count() -> int:
    """How many announcements of the learner's groups this device has not shown as read."""
    return sum(row.read_at is None for row in listing())


def mark_read(announcement_ids: list[str]) -> None:
    """The learner has seen these (on this device)."""
    if not announcement_ids:
        return
    with database.atomic():
        Announcement.update(read_at=utcnow()).where(
            Announcement.id.in_(announcement_ids) & Announcement.read_at.is_null()
        ).execute()
