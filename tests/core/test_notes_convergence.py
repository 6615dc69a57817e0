"""Regressions found by the CRDT fuzzer (tests/reliability/test_crdt_convergence.py)."""

from __future__ import annotations

from pycrdt import Doc, Text, get_state, get_update

from team_desktop.core import outbox
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.deletions import delete_set, merged_with_own_deletions
from team_desktop.core.notes.doc import Author, NoteDoc

JULIEN = Author("julien", "Julien")


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


def _renamed_apart() -> tuple[bytes, bytes]:
    """Two co-authors rename the note at once: merging drops one title here, a deletion
    no update carries (Yrs's formatting clean-up makes such deletions in the text too)."""
    base = NoteDoc()
    base.insert_template("Bonjour à tous\n")
    start = base.encode()
    mine, theirs = NoteDoc(start), NoteDoc(start)
    mine.set_title("Séance 1")
    theirs.set_title("Séance du lundi")
    return mine.encode(), theirs.encode()


def test_merges_that_delete_on_their_own_are_detected_and_plain_ones_are_not():
    mine, theirs = _renamed_apart()
    doc = NoteDoc(mine)
    doc.merge(theirs)
    merged = doc.encode(mine, theirs)
    assert merged_with_own_deletions(mine, theirs, merged)
    later = NoteDoc(theirs)
    later.apply_local_edit(0, 0, "À lire : ", JULIEN)
    follow_up = get_update(later.encode(), get_state(theirs))
    plain = NoteDoc(theirs)
    plain.merge(follow_up)
    assert not merged_with_own_deletions(theirs, follow_up, plain.encode(theirs, follow_up))
    assert delete_set(b"\x00\x00") == {}


def test_a_pulled_note_whose_merge_deleted_something_goes_back_out(store):
    """Bug: deletions made while merging stayed on the device that made them, so co-authors'
    copies showed different authors on the same words, forever (fuzzer seed 24)."""
    mine, theirs = _renamed_apart()
    notes.apply_remote_update("c" * 32, mine, visibility="private")
    assert outbox.count() == 0  # a plain pull does not travel back
    notes.apply_remote_update("c" * 32, theirs)
    assert [(row.kind, row.record_id) for row in outbox.pending()] == [("note", "c" * 32)]
