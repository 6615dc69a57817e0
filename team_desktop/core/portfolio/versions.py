"""Version history of an entry: snapshots taken while writing, listed, restored."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from team_desktop.core.store.models import utcnow
from team_desktop.core.store.portfolio_models import EntryVersion, JournalEntry

# One snapshot per five minutes of writing: a useful history without a row per keystroke.
SNAPSHOT_EVERY = dt.timedelta(minutes=5)
# Oldest snapshots go first past either cap; the newest few always stay.
MAX_VERSIONS = 50
MAX_HISTORY_CHARS = 30_000_000
ALWAYS_KEEP = 3


@dataclass
class Version:
    """An earlier state of an entry, as it was at `saved_at`."""

    id: str
    entry_id: str
    title: str
    body: str
    saved_at: dt.datetime


def snapshot_before_save(row: JournalEntry, force: bool = False) -> bool:
    """Keep the entry's stored text as a version if the last one is old enough (or `force`).

    Call inside the saving transaction, before `row` is changed. Returns whether it kept one.
    """
    if not (row.title or row.body):
        return False
    latest = (
        EntryVersion.select(EntryVersion.saved_at, EntryVersion.title, EntryVersion.body)
        .where(EntryVersion.entry_id == row.id)
        .order_by(EntryVersion.saved_at.desc())
        .first()
    )
    if latest is not None and (latest.title, latest.body) == (row.title, row.body):
        return False
    if not force and latest is not None and utcnow() - latest.saved_at < SNAPSHOT_EVERY:
        return False
    EntryVersion.create(
        id=uuid.uuid4().hex,
        entry_id=row.id,
        title=row.title,
        body=row.body,
        saved_at=row.updated_at,
    )
    _cap(row.id)
    return True


def _cap(entry_id: str) -> None:
    rows = (
        EntryVersion.select(EntryVersion.id, EntryVersion.body)
        .where(EntryVersion.entry_id == entry_id)
        .order_by(EntryVersion.saved_at.desc())
    )
    total, drop = 0, []
    for index, version in enumerate(rows):
        total += len(version.body)
        if index >= ALWAYS_KEEP and (index >= MAX_VERSIONS or total > MAX_HISTORY_CHARS):
            drop.append(version.id)
    if drop:
        EntryVersion.delete().where(EntryVersion.id.in_(drop)).execute()


def list_versions(entry_id: str) -> list[Version]:
    """Earlier versions of an entry, newest first (the current text is the entry itself)."""
    query = (
        EntryVersion.select()
        .where(EntryVersion.entry_id == entry_id)
        .order_by(EntryVersion.saved_at.desc())
    )
    return [Version(v.id, v.entry_id, v.title, v.body, v.saved_at) for v in query]


def get_version(version_id: str) -> Version | None:
    v = EntryVersion.get_or_none(EntryVersion.id == version_id)
    return Version(v.id, v.entry_id, v.title, v.body, v.saved_at) if v else None


def forget(entry_id: str) -> None:
    """Drop an entry's history (its bin was emptied)."""
    EntryVersion.delete().where(EntryVersion.entry_id == entry_id).execute()
