"""The change bus: every committed write says what it changed (kinds, ids) and who asked for it.

Writes are collected per transaction by the store's one writer (`store/writer.py`): the tables
a statement writes give the kinds, and core functions add the ids they know (`report`). After
the commit, the change set goes to every subscriber of that store, on the writing thread.
Anki's `OpChanges` and `operation_did_execute` are the model.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from team_desktop.core.store.models import database

ENTRIES, NOTES, COMMENTS, PROGRESS, ANSWERS = "entries", "notes", "comments", "progress", "answers"
BOOKMARKS, GROUPS, PACKS, CONSENT = "bookmarks", "groups", "packs", "consent"
OUTBOX, SETTINGS, RESEARCH = "outbox", "settings", "research"
COMPETENCIES, ATTESTATIONS = "competencies", "attestations"
SEASONS, ANNOUNCEMENTS, PROGRESS_SHARING = "seasons", "announcements", "progress_sharing"
SYNC = "sync"  # the initiator of everything a sync applies

TABLE_KINDS = {
    "journal_entry": ENTRIES,
    "entry_version": ENTRIES,
    "attachment_blob": ENTRIES,
    "note": NOTES,
    "shared_comment": COMMENTS,
    "lesson_progress": PROGRESS,
    "time_spent": PROGRESS,
    "quiz_attempt": PROGRESS,
    "questionnaire_answer": ANSWERS,
    "research_statement": RESEARCH,
    "bookmark": BOOKMARKS,
    "group_record": GROUPS,
    "person": GROUPS,
    "pack_record": PACKS,
    "lesson_record": PACKS,
    "activity_record": PACKS,
    "evidence": COMPETENCIES,
    "endorsement": COMPETENCIES,
    "competency_validation": COMPETENCIES,
    "attestation": ATTESTATIONS,
    "group_season": SEASONS,
    "announcement": ANNOUNCEMENTS,
    "progress_share": PROGRESS_SHARING,
    "outbox": OUTBOX,
    "setting": SETTINGS,
}
_WRITE = re.compile(
    r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(\w+)"?',
    re.IGNORECASE,
)


def written_table(sql: str) -> str | None:
    """The table an INSERT, REPLACE, UPDATE or DELETE statement writes; None for anything else."""
    match = _WRITE.match(sql)
    return match.group(1).lower() if match else None


@dataclass
class ChangeSet:
    """What one committed write changed.

    `kinds` holds every kind touched; `ids[kind]` the ids known for it. A kind touched without
    known ids means "some of this kind": a view showing any of it refreshes.
    """

    kinds: set[str] = field(default_factory=set)
    ids: dict[str, set[str]] = field(default_factory=dict)
    initiator: object | None = None
    _vague: set[str] = field(default_factory=set, repr=False)

    def add(self, kind: str, ids: Iterable[str] = ()) -> None:
        """Count `kind` as changed, with the ids given."""
        self.kinds.add(kind)
        known = [i for i in ids if i]
        if known and kind not in self._vague:
            self.ids.setdefault(kind, set()).update(known)

    def touches(self, kind: str, record_id: str | None = None) -> bool:
        """Did this write change `kind` (and, when given, possibly the record `record_id`)?"""
        if kind not in self.kinds:
            return False
        return record_id is None or kind not in self.ids or record_id in self.ids[kind]

    @property
    def from_sync(self) -> bool:
        """True for what a sync pulled and applied."""
        return self.initiator == SYNC

    def merge(self, other: ChangeSet) -> None:
        """Fold another committed write into this one (writes delivered together).

        A kind that one of them changed without known ids stays "some of this kind".
        """
        for kind in other.kinds:
            precise = (kind not in self.kinds or kind in self.ids) and kind in other.ids
            self.kinds.add(kind)
            if precise and kind not in self._vague:
                self.ids.setdefault(kind, set()).update(other.ids[kind])
            else:
                self._vague.add(kind)
                self.ids.pop(kind, None)


Subscriber = Callable[[ChangeSet], None]
_initiators = threading.local()


@contextlib.contextmanager
def initiated_by(initiator: object) -> Iterator[None]:
    """Writes in this block (on this thread) name `initiator` as who asked for them."""
    previous = getattr(_initiators, "current", None)
    _initiators.current = initiator
    try:
        yield
    finally:
        _initiators.current = previous


def current_initiator() -> object | None:
    """Who asked for the writes made now on this thread (None: nobody said)."""
    return getattr(_initiators, "current", None)


def report(kind: str, *ids: str) -> None:
    """Tell the bus that the write in progress changed these records of `kind`.

    Outside a transaction the report is published at once, as a write of its own.
    """
    writer = database.obj
    if writer is not None and hasattr(writer, "note_change"):
        writer.note_change(kind, ids)
