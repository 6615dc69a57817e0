"""Reading a lesson file: its `+++` TOML header, Markdown body and activity blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from team_desktop.core.content.activities import parse_activity
from team_desktop.core.content.model import Activity, Lesson, Problem
from team_desktop.core.content.pack_meta import ID_PATTERN
from team_desktop.core.content.toml_errors import key_line, parse_toml
from team_desktop.core.i18n import _

HEADER_FENCE = "+++"
ACTIVITY_OPEN = re.compile(r"^```activity\s*$")
FENCE_CLOSE = re.compile(r"^```\s*$")
HEADER_FIELDS = {"id": str, "title": str, "order": int, "minutes": int}


@dataclass
class Segment:
    """A run of Markdown, or one activity, in the order they appear in a lesson."""

    markdown: str = ""
    activity: Activity | None = None


def split_header(text: str, path: str) -> tuple[dict | None, str, int, list[Problem]]:
    """Return (header, body, line where the body starts, problems)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != HEADER_FENCE:
        return (
            None,
            text,
            1,
            [
                Problem(
                    path, 1, _("la leçon doit commencer par un en-tête entre deux lignes « +++ »")
                )
            ],
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == HEADER_FENCE:
            header_text = "".join(lines[1:index])
            header, problems = parse_toml(header_text, path, 2)
            body = "".join(lines[index + 1 :])
            if header is not None:
                problems += _check_header(header, header_text, path)
            return (None if problems else header), body, index + 2, problems
    return None, text, 1, [Problem(path, 1, _("en-tête non fermé : ligne « +++ » manquante"))]


def _check_header(header: dict, text: str, path: str) -> list[Problem]:
    problems = []
    for key, kind in HEADER_FIELDS.items():
        value = header.get(key)
        if value is None:
            problems.append(
                Problem(
                    path, 1, _("en-tête : champ obligatoire manquant « {key} »").format(key=key)
                )
            )
        elif not isinstance(value, kind) or isinstance(value, bool):
            problems.append(
                Problem(
                    path,
                    key_line(text, key, 2),
                    _("en-tête : le champ « {key} » n'a pas le bon type").format(key=key),
                )
            )
    for key in header:
        if key not in HEADER_FIELDS:
            problems.append(
                Problem(
                    path,
                    key_line(text, key, 2),
                    _("en-tête : champ inconnu « {key} »").format(key=key),
                )
            )
    if isinstance(header.get("id"), str) and not ID_PATTERN.match(header["id"]):
        problems.append(
            Problem(
                path,
                key_line(text, "id", 2),
                _("identifiant de leçon invalide : « {id} »").format(id=header["id"]),
            )
        )
    return problems


def split_segments(body: str, path: str, first_line: int) -> tuple[list[Segment], list[Problem]]:
    """Cut a lesson body into Markdown runs and parsed activities."""
    segments: list[Segment] = []
    problems: list[Problem] = []
    markdown: list[str] = []
    lines = body.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        if not ACTIVITY_OPEN.match(lines[index]):
            markdown.append(lines[index])
            index += 1
            continue
        start = index
        end = next((j for j in range(index + 1, len(lines)) if FENCE_CLOSE.match(lines[j])), None)
        if end is None:
            problems.append(
                Problem(
                    path,
                    first_line + start,
                    _("bloc d'activité non fermé (ligne « ``` » manquante)"),
                )
            )
            break
        if markdown:
            segments.append(Segment(markdown="".join(markdown)))
            markdown = []
        activity, found = parse_activity(
            "".join(lines[start + 1 : end]), path, first_line + start + 1
        )
        problems += found
        if activity is not None:
            segments.append(Segment(activity=activity))
        index = end + 1
    if markdown:
        segments.append(Segment(markdown="".join(markdown)))
    return segments, problems


def read_lesson(text: str, filename: str) -> tuple[Lesson | None, list[Problem]]:
    """Parse a whole lesson file; the lesson is returned only when it has no problem."""
    header, body, body_line, problems = split_header(text, filename)
    segments, found = split_segments(body, filename, body_line)
    problems += found
    if header is None or problems:
        return None, problems
    lesson = Lesson(
        id=header["id"],
        title=header["title"],
        order=header["order"],
        minutes=header["minutes"],
        body=body,
        filename=filename,
    )
    for segment in segments:
        if segment.activity is not None:
            segment.activity.lesson_id = lesson.id
            lesson.activities.append(segment.activity)
    return lesson, []
