"""The bin: nothing is destroyed on one click; emptying it leaves tombstones for sync."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from team_desktop.core import outbox, search
from team_desktop.core.paths import DataPaths
from team_desktop.core.portfolio import attachments, entries, versions
from team_desktop.core.portfolio.errors import writing
from team_desktop.core.store.models import utcnow
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.store.sync_models import Outbox


def trash_entry(entry_id: str) -> None:
    """Put an entry in the bin: hidden from the journal and search, restorable."""
    _set_trashed(entry_id, utcnow())


def restore_entry(entry_id: str) -> None:
    """Take an entry out of the bin."""
    _set_trashed(entry_id, None)


def _set_trashed(entry_id: str, when: dt.datetime | None) -> None:
    with writing():
        row = JournalEntry.get_or_none((JournalEntry.id == entry_id) & ~JournalEntry.deleted)
        if row is None:
            return
        row.trashed_at = when
        row.updated_at = utcnow()
        row.save()
        entries.after_change(row)


def discard_untouched(keep: Collection[str] = ()) -> int:
    """Remove entries started here and left as they were made ("Sans titre" left behind).

    Only entries the server never saw (still waiting in the outbox, never tried) go, with no
    tombstone: another device cannot be writing in them. `keep`: the entries open or opening.
    """
    with writing():
        waiting = Outbox.select(Outbox.record_id).where(
            (Outbox.kind == "entry") & (Outbox.attempts == 0)
        )
        rows = JournalEntry.select().where(
            (JournalEntry.updated_at == JournalEntry.created_at)
            & (JournalEntry.attachments_json == "[]")
            & JournalEntry.trashed_at.is_null()
            & ~JournalEntry.deleted
            & JournalEntry.id.in_(waiting)
            & JournalEntry.id.not_in(list(keep))
        )
        gone = [row.id for row in rows]
        for entry_id in gone:
            outbox.drop("entry", entry_id)
            search.remove_document("entry", entry_id)
            versions.forget(entry_id)
            JournalEntry.delete().where(JournalEntry.id == entry_id).execute()
    return len(gone)


def empty_bin(paths: DataPaths) -> int:
    """Destroy the entries in the bin: a tombstone stays, text and history are gone."""
    with writing():
        rows = list(
            JournalEntry.select().where(
                JournalEntry.trashed_at.is_null(False) & ~JournalEntry.deleted
            )
        )
        for row in rows:
            row.deleted = True
            row.title = row.body = ""
            row.tags_json = row.attachments_json = "[]"
            row.updated_at = utcnow()
            row.save()
            versions.forget(row.id)
            entries.after_change(row)
    attachments.prune_unused(paths)
    return len(rows)
