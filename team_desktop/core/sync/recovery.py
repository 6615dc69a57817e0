"""When the server at the learner's address is not the one this device knew.

A wiped database, or another server at the same address: nothing here is deleted, and
nothing is sent until the learner chooses to send their data to this server.
"""

from __future__ import annotations

from team_desktop.core import outbox
from team_desktop.core.store.models import (
    Bookmark,
    LessonProgress,
    QuizAttempt,
    TimeSpent,
    database,
)
from team_desktop.core.store.portfolio_models import DEVICE, JournalEntry, Note
from team_desktop.core.store.sync_models import SharedComment
from team_desktop.core.sync import state as sync_state


def _mine(column, me: str, former: list[str]):
    return column.is_null() | column.in_([me, *former])


def adopt_server() -> int:
    """Start over with the server now at this address: queue everything of the learner again.

    Entries written under a former account become plainly the learner's (author unset), so
    they are not taken for a peer's. Returns how many records were queued.
    """
    state = sync_state.load()
    former = sync_state.former_user_ids()
    queued = 0
    with database.atomic():
        for row in LessonProgress.select(LessonProgress.lesson_uid):
            outbox.enqueue("progress", row.lesson_uid)
            queued += 1
        for row in TimeSpent.select(TimeSpent.lesson_uid, TimeSpent.device_id):
            outbox.enqueue("time", f"{row.lesson_uid}|{row.device_id}")
            queued += 1
        for row in QuizAttempt.select(QuizAttempt.id):
            outbox.enqueue("quiz", row.id)
            queued += 1
        for row in Bookmark.select(Bookmark.lesson_uid):
            outbox.enqueue("bookmark", row.lesson_uid)
            queued += 1
        mine = _mine(JournalEntry.author_id, state.user_id, former)
        entries = JournalEntry.select(JournalEntry.id).where(
            mine & (JournalEntry.visibility != DEVICE) & ~JournalEntry.deleted
        )
        ids = [row.id for row in entries]
        JournalEntry.update(author_id=None, server_rev=None).where(
            JournalEntry.id.in_(ids)
        ).execute()
        for entry_id in ids:
            outbox.enqueue("entry", entry_id)
        queued += len(ids)
        notes = Note.select(Note.id).where((Note.visibility != DEVICE) & ~Note.deleted)
        note_ids = [row.id for row in notes]
        Note.update(server_state=None).where(Note.id.in_(note_ids)).execute()
        for note_id in note_ids:
            outbox.enqueue("note", note_id)
        queued += len(note_ids)
        comments = SharedComment.select(SharedComment.id).where(
            _mine(SharedComment.author_id, state.user_id, former)
        )
        for row in comments:
            outbox.enqueue("comment", row.id)
            queued += 1
        sync_state.save(cursor=0, server_id=None, membership_version=None)
    return queued
