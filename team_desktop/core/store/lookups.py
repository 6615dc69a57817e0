"""Small lookups several features share."""

from __future__ import annotations

from team_desktop.core.store.models import LessonRecord


def lesson_title(uid: str) -> str:
    """A lesson's title, or its uid when the pack is no longer installed."""
    lesson = LessonRecord.get_or_none(LessonRecord.uid == uid)
    return lesson.title if lesson else uid
