"""The server's merge rules as plain functions (no server process needed)."""

from __future__ import annotations

import pytest
from pycrdt import Doc, Text

from team_server import merge
from team_server.merge import Rejected


def progress(completed: bool, at: str) -> dict:
    return {"completed": completed, "changed_at": at}


@pytest.mark.parametrize(
    ("held", "pushed", "kept"),
    [
        (None, progress(False, "2026-01-01T10:00:00Z"), "pushed"),
        (progress(True, "2026-01-01T10:00:00Z"), progress(False, "2026-01-01T09:00:00Z"), "held"),
        (progress(True, "2026-01-01T10:00:00Z"), progress(False, "2026-01-01T11:00:00Z"), "pushed"),
        (progress(False, "2026-01-01T10:00:00Z"), progress(True, "2026-01-01T10:00:00Z"), "pushed"),
        (progress(True, "2026-01-01T10:00:00Z"), progress(False, "2026-01-01T10:00:00Z"), "held"),
        # Offsets are compared as instants: 11:30+02:00 is before 10:00Z.
        (
            progress(True, "2026-01-01T10:00:00Z"),
            progress(False, "2026-01-01T11:30:00+02:00"),
            "held",
        ),
    ],
)
def test_progress(held, pushed, kept):
    assert merge.merge_progress(held, pushed) == (pushed if kept == "pushed" else held)


def test_bookmark_tie_keeps_the_bookmark_whatever_the_order():
    on = {"bookmarked": True, "changed_at": "2026-01-01T10:00:00Z"}
    off = {"bookmarked": False, "changed_at": "2026-01-01T10:00:00Z"}
    assert merge.merge_bookmark(on, off) == on
    assert merge.merge_bookmark(off, on) == on


def test_time_keeps_the_maximum():
    assert merge.merge_time({"seconds": 50}, {"seconds": 40}) == {"seconds": 50}
    assert merge.merge_time({"seconds": 50}, {"seconds": 60}) == {"seconds": 60}


def test_immutable_kinds_keep_the_first_version():
    assert merge.keep_first({"score": 1}, {"score": 2}) == {"score": 1}
    assert merge.keep_first(None, {"score": 2}) == {"score": 2}


def test_a_tombstone_keeps_no_words():
    tombstone = merge.entry_kept(
        {"title": "t", "body": "secret", "visibility": "private", "deleted": True}
    )
    assert tombstone["body"] == "" and tombstone["title"] == "" and tombstone["deleted"] is True


def test_note_documents_merge_and_deltas_hold_only_what_is_missing():
    author = Doc()
    text = author.get("text", type=Text)
    text += "Début. " * 50
    first = author.get_update()
    document = merge.note_merge(None, first)
    reader_state = merge.note_state(document)
    before = author.get_state()
    text += "Suite."
    document = merge.note_merge(document, author.get_update(before))
    delta = merge.note_delta(document, reader_state)
    assert 0 < len(delta) < len(document) / 5
    reader = Doc()
    reader.apply_update(first)
    reader.apply_update(delta)
    assert str(reader.get("text", type=Text)) == str(text)
    # Merging the same update again changes nothing.
    assert merge.note_merge(document, first) == document
    # A device with nothing gets everything.
    assert merge.note_delta(document, b"") == document


def test_unreadable_crdt_bytes_are_rejected():
    with pytest.raises(Rejected, match="illisible"):
        merge.note_merge(None, b"\x05\x05\x05")
    with pytest.raises(Rejected, match="illisible"):
        merge.check_state_vector(b"\xff\xff")
    with pytest.raises(Rejected, match="base64"):
        merge.decode_b64("%%%", "update")


def test_a_note_may_not_grow_past_its_cap():
    """One member's huge note would cost every peer's pull its whole size."""
    doc = Doc()
    doc.get("body", type=Text).insert(0, "x" * (merge.MAX_NOTE_BYTES + 1))
    with pytest.raises(Rejected, match="trop volumineuse"):
        merge.note_merge(None, doc.get_update())
