"""The learner's progress: lessons done, time spent, and where to resume."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from peewee import fn

from team_desktop.core import outbox, research
from team_desktop.core.store.db import get_setting, set_setting
from team_desktop.core.store.models import LessonProgress, LessonRecord, TimeSpent, database, utcnow

LAST_LESSON = "last_lesson"


def _row(uid: str) -> LessonProgress:
    row, _created = LessonProgress.get_or_create(lesson_uid=uid)
    return row


def set_completed(uid: str, completed: bool = True) -> None:
    """Mark a lesson done (or not done any more)."""
    with database.atomic():
        row = _row(uid)
        row.completed = completed
        row.completed_at = utcnow() if completed else None
        lesson = LessonRecord.get_or_none(LessonRecord.uid == uid)
        row.completed_hash = lesson.content_hash if (completed and lesson) else None
        row.updated_at = utcnow()
        row.save()
        outbox.enqueue("progress", uid)
        if completed:
            research.record("completed", lesson_uid=uid)


def is_completed(uid: str) -> bool:
    row = LessonProgress.get_or_none(LessonProgress.lesson_uid == uid)
    return bool(row and row.completed)


def add_time(uid: str, device_id: str, seconds: int) -> None:
    """Add reading time on this device (per-device counters merge without double counting)."""
    if seconds <= 0:
        return
    with database.atomic():
        TimeSpent.insert(lesson_uid=uid, device_id=device_id, seconds=seconds).on_conflict(
            conflict_target=[TimeSpent.lesson_uid, TimeSpent.device_id],
            update={TimeSpent.seconds: TimeSpent.seconds + seconds},
        ).execute()
        outbox.enqueue("time", f"{uid}|{device_id}")


def time_spent(uid: str | None = None) -> int:
    """Seconds spent on one lesson, or on the whole course, over all devices."""
    query = TimeSpent.select(fn.COALESCE(fn.SUM(TimeSpent.seconds), 0))
    if uid:
        query = query.where(TimeSpent.lesson_uid == uid)
    return int(query.scalar())


def opened(uid: str) -> None:
    """Remember that the learner opened this lesson (the one to resume next time)."""
    with database.atomic():
        _upsert(uid, LessonProgress.last_opened_at, utcnow())
        set_setting(LAST_LESSON, uid)
        research.record("experienced", lesson_uid=uid, once_a_day=True)


def save_position(uid: str, scroll: float) -> None:
    """Remember the reading position in a lesson, as a fraction of its height."""
    _upsert(uid, LessonProgress.scroll, min(max(scroll, 0.0), 1.0))


def _upsert(uid: str, column: object, value: object) -> None:
    # One statement where reading and then saving the row took two or three: these run at
    # every lesson opened or left.
    LessonProgress.insert({LessonProgress.lesson_uid: uid, column: value}).on_conflict(
        conflict_target=[LessonProgress.lesson_uid], update={column: value}
    ).execute()


def record_reading(writes: Iterable[tuple[Callable[..., None], tuple]]) -> None:
    """Run reading's writes (`opened`, `save_position`, `add_time`, with their arguments) in
    one transaction: leaving a lesson and opening the next wait for the disk once, not four
    times."""
    with database.atomic():
        for write, args in writes:
            write(*args)


@dataclass
class ResumePoint:
    uid: str
    title: str
    scroll: float


def resume_point() -> ResumePoint | None:
    """The lesson the learner was reading last, if it is still installed."""
    uid = get_setting(LAST_LESSON)
    lesson = LessonRecord.get_or_none(LessonRecord.uid == uid) if uid else None
    if lesson is None:
        return None
    row = LessonProgress.get_or_none(LessonProgress.lesson_uid == uid)
    return ResumePoint(uid, lesson.title, row.scroll if row else 0.0)
