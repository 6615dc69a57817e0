"""Regressions found by the CRDT fuzzer (tests/reliability/test_crdt_convergence.py)."""

from __future__ import annotations

from pycrdt import Doc, Text

from team_desktop.core.note_doc import NoteDoc


def _two_updates() -> tuple[bytes, bytes]:
    """A co-author's two edits: the second cannot be applied without the first."""
    source = Doc()
    text = source.get("body", type=Text)
    text.insert(0, "un ", {"author": "co"})
    first = source.get_update()
    state = source.get_state()
    text.insert(3, "deux 🙂", {"author": "co"})
    return first, source.get_update(state)


def test_a_waiting_update_survives_deletions_made_here():
    """Bug: `encode` compared sizes to spot a waiting update, and the document's own
    deletions (larger than the waiting update) made it drop that update for good."""
    local = NoteDoc()
    local.body.insert(0, "Préparer la séance 🙂 " * 40, {"author": "awa"})
    stored = local.encode()
    first, second = _two_updates()
    doc = NoteDoc(stored)
    doc.merge(second)  # waits for `first`
    # Deletions of this document's own, scattered (Yrs's clean-up makes such): the first
    # letter of each sentence, from the last one back so that offsets stay right.
    sentence = len("Préparer la séance 🙂 ".encode())
    for number in reversed(range(40)):
        del doc.body[number * sentence : number * sentence + 1]
    stored = doc.encode(stored, second)
    later = NoteDoc(stored)
    later.merge(first)
    assert "un deux 🙂" in later.text


def test_a_deletion_waiting_for_its_item_is_kept():
    first, second = _two_updates()
    source = Doc()
    source.apply_update(first)
    source.apply_update(second)
    state = source.get_state()
    del source.get("body", type=Text)[0:3]
    deletion = source.get_update(state)  # no new item: only deletes "un "
    doc = NoteDoc()
    doc.merge(deletion)  # "un " is not here yet
    stored = doc.encode(NoteDoc().encode(), deletion)
    later = NoteDoc(stored)
    later.merge(first)
    later.merge(second)
    assert later.text == "deux 🙂"
