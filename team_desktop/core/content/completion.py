"""What completing a module means: its core lessons, not the optional ones nor the annexes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

OPTIONAL_PREFIX = "Approfondissement"  # content/SOURCES.md, "Workload"
ANNEX_ORDER = 80  # the trainer's sheet (80) and the glossary (90) come from here on

T = TypeVar("T")


def core_lessons(lessons: Iterable[T]) -> list[T]:
    """The lessons (anything with `title` and `order`) a learner completes to finish a module."""
    return [
        lesson
        for lesson in lessons
        if lesson.order < ANNEX_ORDER and not lesson.title.startswith(OPTIONAL_PREFIX)
    ]
