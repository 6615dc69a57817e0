"""The installed course as the learner sees it: weeks, modules, lessons and their progress."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from peewee import JOIN

from team_desktop.core.store.models import LessonProgress, LessonRecord, PackRecord


@dataclass
class LessonItem:
    uid: str
    title: str
    minutes: int
    completed: bool


@dataclass
class Module:
    pack_id: str
    title: str
    week: int
    version: str
    lessons: list[LessonItem] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(lesson.completed for lesson in self.lessons)


@dataclass
class LessonPage:
    """Everything the reader needs to show one lesson."""

    uid: str
    title: str
    minutes: int
    pack_id: str
    pack_title: str
    body: str
    folder: Path
    lesson_links: dict[str, str]
    completed: bool
    updated_since_completed: bool
    scroll: float


def modules() -> list[Module]:
    """Installed modules in course order, each with its lessons and completion marks."""
    done = {p.lesson_uid for p in LessonProgress.select().where(LessonProgress.completed == True)}  # noqa: E712
    result: dict[str, Module] = {}
    for pack in PackRecord.select().order_by(PackRecord.week, PackRecord.order, PackRecord.title):
        result[pack.id] = Module(pack.id, pack.title, pack.week, pack.version)
    query = LessonRecord.select(
        LessonRecord.uid, LessonRecord.pack, LessonRecord.title, LessonRecord.minutes
    ).order_by(LessonRecord.order)
    for lesson in query:
        result[lesson.pack_id].lessons.append(
            LessonItem(lesson.uid, lesson.title, lesson.minutes, lesson.uid in done)
        )
    return list(result.values())


def lesson_sequence() -> list[str]:
    """Every lesson uid in reading order (that of `modules()`), for previous/next: one query
    of uids, not the whole course with its progress."""
    query = (
        LessonRecord.select(LessonRecord.uid)
        .join(PackRecord)
        .order_by(
            PackRecord.week, PackRecord.order, PackRecord.title, PackRecord.id, LessonRecord.order
        )
    )
    return [uid for (uid,) in query.tuples()]


def neighbours(uid: str) -> tuple[str | None, str | None]:
    """(previous, next) lesson uids around `uid`."""
    sequence = lesson_sequence()
    if uid not in sequence:
        return None, None
    index = sequence.index(uid)
    return (
        sequence[index - 1] if index else None,
        sequence[index + 1] if index + 1 < len(sequence) else None,
    )


def module_meta(pack_id: str) -> dict | None:
    """The `pack.toml` fields of an installed module."""
    pack = PackRecord.get_or_none(PackRecord.id == pack_id)
    return json.loads(pack.meta_json) if pack else None


def lesson_page(uid: str, packs_dir: Path) -> LessonPage | None:
    """Load one lesson with its module and the learner's progress on it."""
    # The lesson, its module and the learner's progress in one read: this runs at every
    # lesson opened.
    lesson = (
        LessonRecord.select(LessonRecord, PackRecord, LessonProgress)
        .join(PackRecord)
        .switch(LessonRecord)
        .join(
            LessonProgress,
            JOIN.LEFT_OUTER,
            on=(LessonProgress.lesson_uid == LessonRecord.uid),
            attr="progress",
        )
        .where(LessonRecord.uid == uid)
        .get_or_none()
    )
    if lesson is None:
        return None
    pack = lesson.pack
    links = {
        row.filename: row.uid
        for row in LessonRecord.select(LessonRecord.filename, LessonRecord.uid).where(
            LessonRecord.pack == pack.id
        )
    }
    progress = getattr(lesson, "progress", None)
    if progress is not None and progress.lesson_uid is None:
        progress = None  # no row joined
    completed = bool(progress and progress.completed)
    return LessonPage(
        uid=uid,
        title=lesson.title,
        minutes=lesson.minutes,
        pack_id=pack.id,
        pack_title=pack.title,
        body=lesson.body,
        folder=packs_dir / pack.id / pack.version,
        lesson_links=links,
        completed=completed,
        updated_since_completed=completed
        and progress.completed_hash not in (None, lesson.content_hash),
        scroll=progress.scroll if progress else 0.0,
    )
