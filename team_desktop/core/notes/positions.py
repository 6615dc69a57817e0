"""Positions in a note's text: Qt counts UTF-16 units, pycrdt counts UTF-8 bytes.

Every position crossing between the editor and the CRDT goes through these helpers. A position
that falls inside a character is refused (`PositionError`), never passed on: pycrdt silently
moves such an insert and panics (a BaseException) on such a delete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Qt's paragraph and line separators; the CRDT stores plain newlines (same length in UTF-16).
_QT_BREAKS = str.maketrans({"\u2029": "\n", "\u2028": "\n"})
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class PositionError(ValueError):
    """A position is outside the text or inside one character (half an emoji, half an é)."""


@dataclass(frozen=True)
class TextChange:
    """One replacement in the editor: at UTF-16 `position`, `removed` units go, `added` comes."""

    position: int
    removed: int
    added: str


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 units (Qt's QString length)."""
    return len(text.encode("utf-16-le")) // 2


def utf8_len(text: str) -> int:
    """Length of `text` in UTF-8 bytes (pycrdt's text length)."""
    return len(text.encode("utf-8"))


def utf16_to_index(text: str, position: int) -> int:
    """Code-point index in `text` of the UTF-16 `position`."""
    if position < 0:
        raise PositionError(f"negative position {position}")
    encoded = text.encode("utf-16-le")
    if 2 * position > len(encoded):
        raise PositionError(f"position {position} past the end ({len(encoded) // 2})")
    try:
        return len(encoded[: 2 * position].decode("utf-16-le"))
    except UnicodeDecodeError as error:
        raise PositionError(f"position {position} splits a surrogate pair") from error


def index_to_utf16(text: str, index: int) -> int:
    """UTF-16 position of the code-point `index` in `text`."""
    _check_index(text, index)
    return utf16_len(text[:index])


def utf8_to_index(text: str, offset: int) -> int:
    """Code-point index in `text` of the UTF-8 byte `offset`."""
    if offset < 0:
        raise PositionError(f"negative offset {offset}")
    encoded = text.encode("utf-8")
    if offset > len(encoded):
        raise PositionError(f"offset {offset} past the end ({len(encoded)})")
    try:
        return len(encoded[:offset].decode("utf-8"))
    except UnicodeDecodeError as error:
        raise PositionError(f"offset {offset} falls inside a character") from error


def index_to_utf8(text: str, index: int) -> int:
    """UTF-8 byte offset of the code-point `index` in `text`."""
    _check_index(text, index)
    return utf8_len(text[:index])


def utf16_to_utf8(text: str, position: int) -> int:
    """UTF-8 offset of the UTF-16 `position` in `text`."""
    return index_to_utf8(text, utf16_to_index(text, position))


def utf8_to_utf16(text: str, offset: int) -> int:
    """UTF-16 position of the UTF-8 `offset` in `text`."""
    return index_to_utf16(text, utf8_to_index(text, offset))


def _check_index(text: str, index: int) -> None:
    if not 0 <= index <= len(text):
        raise PositionError(f"index {index} outside 0..{len(text)}")


def editor_text(qt_text: str) -> str:
    """Text from Qt (raw text, selections) as the CRDT stores it: plain newlines, no lone
    surrogates (each becomes U+FFFD, one UTF-16 unit too, so positions still agree)."""
    return _LONE_SURROGATE.sub("\ufffd", qt_text.translate(_QT_BREAKS))


def narrow_change(old: str, position: int, removed: int, added: str) -> tuple[int, int, str]:
    """The real change behind a Qt contentsChange, as code-point indices (start, end, inserted).

    Qt sometimes reports a whole block as replaced for a one-letter edit, and counts the
    document's final paragraph mark: the range is clamped to `old`, then the parts that did
    not change are trimmed, so authorship stays with the words' real writer.
    """
    total = utf16_len(old)
    position = min(max(position, 0), total)
    end16 = min(position + max(removed, 0), total)
    start, end = utf16_to_index(old, position), utf16_to_index(old, end16)
    gone = old[start:end]
    prefix = _common_prefix(gone, added)
    gone, added, start = gone[prefix:], added[prefix:], start + prefix
    suffix = _common_prefix(gone[::-1], added[::-1])
    if suffix:
        gone, added = gone[:-suffix], added[:-suffix]
    return start, start + len(gone), added


def _common_prefix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    count = 0
    while count < limit and a[count] == b[count]:
        count += 1
    return count


def single_change(old: str, new: str) -> tuple[int, int, str]:
    """One replacement turning `old` into `new` (code-point indices start, end, inserted)."""
    return narrow_change(old, 0, utf16_len(old), new)


def delta_to_changes(old: str, delta: list[dict]) -> tuple[list[TextChange], str]:
    """A pycrdt text delta (UTF-8 counts) on `old` as editor changes, applied in order.

    Returns the changes and the resulting text. Embedded objects (which a note never holds)
    count for nothing here; the caller compares the result with the CRDT's text.
    """
    source = old.encode("utf-8")
    read = 0  # bytes of `old` consumed
    position = 0  # UTF-16 position in the text being rebuilt
    parts: list[str] = []
    changes: list[TextChange] = []
    for op in delta:
        if "retain" in op:
            kept = _slice_utf8(source, read, op["retain"])
            read += op["retain"]
            parts.append(kept)
            position += utf16_len(kept)
        elif "delete" in op:
            gone = _slice_utf8(source, read, op["delete"])
            read += op["delete"]
            changes.append(TextChange(position, utf16_len(gone), ""))
        elif isinstance(op.get("insert"), str):
            added = op["insert"]
            if changes and changes[-1].position == position and not changes[-1].added:
                # A replacement: one change, so the editor's cursor moves once.
                changes[-1] = TextChange(position, changes[-1].removed, added)
            else:
                changes.append(TextChange(position, 0, added))
            parts.append(added)
            position += utf16_len(added)
    parts.append(_slice_utf8(source, read, len(source) - read))
    return changes, "".join(parts)


def _slice_utf8(source: bytes, start: int, length: int) -> str:
    try:
        return source[start : start + length].decode("utf-8")
    except UnicodeDecodeError as error:
        raise PositionError(f"bytes {start}..{start + length} split a character") from error
