"""Lessons the learner bookmarked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from team_desktop.core import outbox
from team_desktop.core.store.models import (
    Bookmark,
    LessonProgress,
    LessonRecord,
    PackRecord,
    database,
    utcnow,
)


@dataclass
class BookmarkItem:
    uid: str
    title: str
    module: str
    created_at: datetime
    week: int = 0
    completed: bool = False


def toggle(uid: str) -> bool:
    """Add or remove the bookmark on a lesson; returns whether it is now bookmarked."""
    with database.atomic():
        row = Bookmark.get_or_none(Bookmark.lesson_uid == uid)
        marked = not (row and row.bookmarked)
        Bookmark.replace(
            lesson_uid=uid,
            created_at=utcnow() if marked or row is None else row.created_at,
            bookmarked=marked,
            changed_at=utcnow(),
        ).execute()
        outbox.enqueue("bookmark", uid)
        return marked


def is_bookmarked(uid: str) -> bool:
    return Bookmark.select().where((Bookmark.lesson_uid == uid) & Bookmark.bookmarked).exists()


def listing() -> list[BookmarkItem]:
    """Bookmarked lessons that are still installed, newest first."""
    rows = list(Bookmark.select().where(Bookmark.bookmarked).order_by(Bookmark.created_at.desc()))
    lessons = {
        lesson.uid: lesson
        for lesson in LessonRecord.select(
            LessonRecord.uid, LessonRecord.title, LessonRecord.pack
        ).where(LessonRecord.uid.in_([row.lesson_uid for row in rows]))
    }
    modules = {p.id: p for p in PackRecord.select(PackRecord.id, PackRecord.title, PackRecord.week)}
    done = {
        p.lesson_uid
        for p in LessonProgress.select(LessonProgress.lesson_uid).where(
            LessonProgress.completed == True  # noqa: E712 (peewee builds SQL from it)
        )
    }
    return [
        BookmarkItem(
            row.lesson_uid,
            lessons[row.lesson_uid].title,
            modules[lessons[row.lesson_uid].pack_id].title,
            row.created_at,
            modules[lessons[row.lesson_uid].pack_id].week,
            row.lesson_uid in done,
        )
        for row in rows
        if row.lesson_uid in lessons
    ]
