"""Formatting commands on Markdown text (bold, headings, lists…) as small, separate edits.

A command never rewrites the text it formats: it inserts or removes only the marks (`**`,
`## `, `- `, `> `). A co-preparation note turns each edit into its own CRDT operation, so a
co-author's words typed meanwhile between two marks are never deleted and re-inserted.
Positions are code-point indices into the text; the editor converts from and to Qt's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOLD, ITALIC = "bold", "italic"
BULLET, NUMBERED, QUOTE = "bullet", "numbered", "quote"
_HEADING = re.compile(r"#{1,6}[ \t]+")
_LIST = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r">[ \t]?")
_PREFIX = {BULLET: _LIST, NUMBERED: _LIST, QUOTE: _QUOTE}


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (code points of the text before any edit) with `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Formatting:
    """Edits to apply from last to first (as listed), and the selection to show afterwards."""

    edits: list[Edit]
    selection: tuple[int, int]


def apply(text: str, formatting: Formatting) -> str:
    """`text` with the edits of `formatting` applied (what the editor will show)."""
    for edit in formatting.edits:
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def toggle_inline(text: str, start: int, end: int, style: str) -> Formatting:
    """Make the selection bold or italic, or no longer so if it already is."""
    start, end = _trimmed(text, *_word_or_selection(text, start, end))
    width = 2 if style == BOLD else 1
    before = _run(text[:start][::-1])
    after = _run(text[end:])
    stars = min(before, after)
    present = stars >= 2 if style == BOLD else stars in (1, 3)
    if present:
        # The marks nearest the words are this style's when both styles are there (***x***):
        # removing them leaves the other style's marks around the words.
        edits = [Edit(end, end + width, ""), Edit(start - width, start, "")]
        return Formatting(edits, (start - width, end - width))
    marks = "*" * width
    edits = [Edit(end, end, marks), Edit(start, start, marks)]
    return Formatting(edits, (start + width, end + width))


def set_heading(text: str, start: int, end: int, level: int) -> Formatting:
    """Make the selected lines headings of `level` (1-3), or paragraphs if they already are."""
    lines = _lines(text, start, end)
    current = [_HEADING.match(text, ls, le) for ls, le in lines]
    wanted = "#" * level + " " if level else ""
    if level and all(m and m.group().rstrip() == "#" * level for m in current):
        wanted = ""  # the same heading again: back to a paragraph
    edits = []
    for (ls, _le), match in reversed(list(zip(lines, current, strict=True))):
        old_end = match.end() if match else ls
        if text[ls:old_end] != wanted:
            edits.append(Edit(ls, old_end, wanted))
    return Formatting(edits, _line_selection(edits, lines, start, end))


def toggle_lines(text: str, start: int, end: int, kind: str) -> Formatting:
    """Start each selected line as a bullet, a numbered item or a quote; undo if all are."""
    lines = _lines(text, start, end)
    filled = [(ls, le) for ls, le in lines if text[ls:le].strip()] or lines[:1]
    pattern = _PREFIX[kind]
    matches = [pattern.match(text, ls, le) for ls, le in filled]
    already = all(m and _kind_of(m.group()) == kind for m in matches)
    edits = []
    for number, ((ls, _le), match) in reversed(
        list(enumerate(zip(filled, matches, strict=True), 1))
    ):
        old_end = match.end() if match else ls
        if already:
            new = ""
        elif kind == QUOTE:
            new, old_end = "> ", ls  # a quote wraps whatever the line starts with
        else:
            new = "- " if kind == BULLET else f"{number}. "
        if text[ls:old_end] != new:
            edits.append(Edit(ls, old_end, new))
    return Formatting(edits, _line_selection(edits, lines, start, end))


def link(text: str, start: int, end: int, url: str, label: str) -> Formatting:
    """Turn the selection into a link to `url` (or insert `label` as one where nothing is)."""
    start, end = _trimmed(text, start, end)
    if start == end:
        edit = Edit(start, start, f"[{label}]({url})")
        return Formatting([edit], (start + 1, start + 1 + len(label)))
    edits = [Edit(end, end, f"]({url})"), Edit(start, start, "[")]
    return Formatting(edits, (start + 1, end + 1))


def table(text: str, position: int, headers: list[str]) -> Formatting:
    """A small table (a header row and two empty rows) inserted after the current line."""
    line_end = text.find("\n", position)
    at = len(text) if line_end < 0 else line_end + 1
    row = "|" + "|".join("   " for _ in headers) + "|\n"
    block = (
        "| " + " | ".join(headers) + " |\n" + "|" + "|".join(" --- " for _ in headers) + "|\n"
    ) + row * 2
    lead = "" if at == 0 or text[:at].endswith("\n\n") else "\n"
    if at == len(text) and text and not text.endswith("\n"):
        lead = "\n\n"
    tail = "" if text[at:].startswith("\n") or at == len(text) else "\n"
    inserted = lead + block + tail
    first_cell = at + len(lead) + 2
    return Formatting([Edit(at, at, inserted)], (first_cell, first_cell + len(headers[0])))


def _kind_of(prefix: str) -> str:
    mark = prefix.strip()
    if mark.startswith(">"):
        return QUOTE
    return BULLET if mark in ("-", "*", "+") else NUMBERED


def _run(text: str) -> int:
    return len(text) - len(text.lstrip("*"))


def _word_or_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection, or the word the caret is in when nothing is selected."""
    start, end = min(start, end), max(start, end)
    if start != end:
        return start, end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    return start, end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection without the spaces at its ends (Markdown ignores `** gras**`)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line the selection touches; a selection ending at a line's very
    start does not take that line."""
    start, end = min(start, end), max(start, end)
    if end > start and text[end - 1] == "\n":
        end -= 1
    first = text.rfind("\n", 0, start) + 1
    spans = []
    while True:
        line_end = text.find("\n", first)
        line_end = len(text) if line_end < 0 else line_end
        spans.append((first, line_end))
        if line_end >= end or line_end == len(text):
            return spans
        first = line_end + 1


def _line_selection(
    edits: list[Edit], lines: list[tuple[int, int]], start: int, end: int
) -> tuple[int, int]:
    """After a line command: the caret moved with its words, or the whole lines selected."""

    def move(position: int) -> int:
        shift = 0
        for edit in edits:
            if edit.end <= position:
                shift += len(edit.text) - (edit.end - edit.start)
            elif edit.start < position:
                shift += edit.start + len(edit.text) - position
        return position + shift

    if start == end:
        return move(start), move(start)
    return lines[0][0], move(lines[-1][1])
