"""UTF-16 (Qt) <-> UTF-8 (pycrdt) positions, checked at every boundary and between them."""

from __future__ import annotations

import random

import pytest

from team_desktop.core.notes.doc import Author, NoteDoc
from team_desktop.core.notes.positions import (
    PositionError,
    TextChange,
    delta_to_changes,
    editor_text,
    index_to_utf8,
    index_to_utf16,
    narrow_change,
    utf8_to_index,
    utf8_to_utf16,
    utf16_len,
    utf16_to_index,
    utf16_to_utf8,
)

SAMPLES = [
    "",
    "abc",
    "Préparer la séance 🙂 ensemble",
    "é",  # precomposed
    "e\u0301te\u0301",  # e + combining acute: two code points each
    "ligne 1\r\nligne 2\r\n",
    "👩\u200d🏫 et 👨\u200d👩\u200d👧",  # ZWJ sequences of surrogate pairs
    "🇫🇷🙂🎉",  # flags and adjacent emoji
    "œuvre « entre guillemets » à 10\u202f%",  # narrow no-break space
    "𝄞 clé de sol",
]


def _boundaries(text: str) -> list[tuple[int, int, int]]:
    """(code point index, UTF-16 position, UTF-8 offset) at each character boundary."""
    result = [(0, 0, 0)]
    u16 = u8 = 0
    for index, char in enumerate(text, start=1):
        u16 += 2 if ord(char) > 0xFFFF else 1
        u8 += len(char.encode("utf-8"))
        result.append((index, u16, u8))
    return result


@pytest.mark.parametrize("text", SAMPLES)
def test_every_boundary_converts_both_ways(text):
    for index, u16, u8 in _boundaries(text):
        assert utf16_to_index(text, u16) == index
        assert utf8_to_index(text, u8) == index
        assert index_to_utf16(text, index) == u16
        assert index_to_utf8(text, index) == u8
        assert utf16_to_utf8(text, u16) == u8
        assert utf8_to_utf16(text, u8) == u16
    assert utf16_len(text) == _boundaries(text)[-1][1]


@pytest.mark.parametrize("text", SAMPLES)
def test_positions_inside_a_character_are_refused(text):
    boundaries = _boundaries(text)
    inner16 = set(range(boundaries[-1][1] + 1)) - {b[1] for b in boundaries}
    inner8 = set(range(boundaries[-1][2] + 1)) - {b[2] for b in boundaries}
    for position in inner16:
        with pytest.raises(PositionError):
            utf16_to_utf8(text, position)
    for offset in inner8:
        with pytest.raises(PositionError):
            utf8_to_utf16(text, offset)
    for bad in (-1, boundaries[-1][1] + 1):
        with pytest.raises(PositionError):
            utf16_to_index(text, bad)
    with pytest.raises(PositionError):
        utf8_to_index(text, boundaries[-1][2] + 1)
    with pytest.raises(PositionError):
        index_to_utf8(text, len(text) + 1)


def test_the_stack_notes_example():
    text = "Préparer la séance 🙂 ensemble"
    assert (len(text), utf16_len(text), len(text.encode())) == (29, 30, 34)
    assert utf16_to_utf8(text, text.index("🙂") + 2) == text.encode().index(b" ens")


def test_editor_text_normalises_qt_breaks_and_lone_surrogates():
    assert editor_text("un\u2029deux\u2028trois") == "un\ndeux\ntrois"
    assert editor_text("a\ud83d") == "a\ufffd"  # half an emoji from a broken source
    assert utf16_len(editor_text("x\u2029\ud83dy")) == 4


@pytest.mark.parametrize(
    ("old", "qt", "expected"),
    [
        # A plain insert.
        ("abc", (1, 0, "X"), (1, 1, "X")),
        # Qt reports the whole block replaced for one letter typed: narrowed.
        ("séance\nsuite", (0, 6, "séancé"), (5, 6, "é")),
        # Removal past the end (Qt's final paragraph mark) is clamped.
        ("", (0, 1, "a"), (0, 0, "a")),
        ("ab", (0, 3, "ab!"), (2, 2, "!")),
        # An emoji after an emoji: positions count its two UTF-16 units.
        ("🙂🙂", (2, 0, "🎉"), (1, 1, "🎉")),
        # Deleting an emoji removes both of its units.
        ("a🙂b", (1, 2, ""), (1, 2, "")),
        # Nothing changed at all.
        ("abc", (0, 3, "abc"), (3, 3, "")),
        # Combining accent deleted alone.
        ("e\u0301", (1, 1, ""), (1, 2, "")),
    ],
)
def test_narrow_change(old, qt, expected):
    assert narrow_change(old, *qt) == expected


def test_delta_to_changes_follows_utf8_counts():
    old = "éé🙂 abc"
    delta = [
        {"retain": 2, "attributes": {"author": "z"}},
        {"retain": 6},
        {"insert": "X", "attributes": {"author": "a"}},
        {"retain": 2},
        {"delete": 1},
        {"insert": "Ü"},
    ]
    changes, new = delta_to_changes(old, delta)
    assert new == "éé🙂X aÜc"
    assert changes == [TextChange(4, 0, "X"), TextChange(7, 1, "Ü")]
    assert _apply(old, changes) == new


def test_delta_inside_a_character_is_refused():
    with pytest.raises(PositionError):
        delta_to_changes("é", [{"retain": 1}, {"delete": 1}])


def _apply(text: str, changes: list[TextChange]) -> str:
    """Apply changes the way Qt would, in UTF-16 units."""
    units = text.encode("utf-16-le")
    for change in changes:
        start = 2 * change.position
        units = (
            units[:start] + change.added.encode("utf-16-le") + units[start + 2 * change.removed :]
        )
    return units.decode("utf-16-le")


ALPHABET = ["a", "é", "🙂", "e\u0301", "\n", "\r\n", "œ", "👩\u200d🏫", " "]


def test_random_qt_edits_keep_the_crdt_equal_to_the_editor():
    """Edits as Qt reports them (UTF-16), on text full of multi-byte characters."""
    rng = random.Random(20261129)
    author = Author("a", "Awa")
    doc = NoteDoc()
    editor = ""
    for _step in range(400):
        boundaries = _boundaries(editor)
        start = rng.choice(boundaries)
        end = rng.choice([b for b in boundaries if b[0] >= start[0]][:4])
        added = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 3)))
        removed16 = end[1] - start[1]
        doc.apply_local_edit(start[1], removed16, added, author)
        editor = editor[: start[0]] + added + editor[end[0] :]
        assert doc.text == editor
