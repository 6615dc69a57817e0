"""Plain data for a loaded course pack: metadata, lessons, activities, problems."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

ACTIVITY_KINDS = ("reflection", "quiz", "copreparation", "peer", "questionnaire")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a pack, located as `file:line`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Activity:
    """An activity block inside a lesson; `fields` is its TOML content."""

    id: str
    kind: str
    title: str
    fields: dict
    lesson_id: str = ""
    line: int = 0


@dataclass
class Lesson:
    """One lesson file: header fields, Markdown body, and the activities it holds."""

    id: str
    title: str
    order: int
    minutes: int
    body: str
    filename: str
    activities: list[Activity] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the lesson's Markdown: tells whether a new pack version changed it."""
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()


@dataclass
class JournalTemplate:
    """A structure offered when a journal entry starts."""

    id: str
    title: str
    body: str


@dataclass
class Pack:
    """A course pack loaded from a folder."""

    root: Path
    meta: dict
    lessons: list[Lesson] = field(default_factory=list)
    templates: list[JournalTemplate] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def version(self) -> str:
        return self.meta["version"]

    @property
    def title(self) -> str:
        return self.meta["title"]

    def activities(self) -> list[Activity]:
        return [a for lesson in self.lessons for a in lesson.activities]
