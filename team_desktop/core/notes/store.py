"""Co-preparation notes in the store: create, load, save, ready marks, bin, search, sync.

The store keeps each note's whole CRDT state (`Note.crdt_state`) plus caches of its title and
text. Local writes enqueue the note for sync (unless it stays on this device); writes made by
sync (`apply_remote_update`) do not.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from dataclasses import dataclass

from team_desktop.core import outbox, research, search
from team_desktop.core.i18n import _
from team_desktop.core.notes.authors import former_ids, local_author
from team_desktop.core.notes.deletions import merged_with_own_deletions
from team_desktop.core.notes.doc import NoteDoc
from team_desktop.core.notes.positions import TextChange
from team_desktop.core.notes.templates import activity_template, activity_title
from team_desktop.core.plans.summary import readable_text
from team_desktop.core.store import changes
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.portfolio_models import DEVICE, GROUP, PRIVATE, VISIBILITIES, Note

KIND = "note"


@functools.cache
def empty_state() -> bytes:
    """An empty note document, encoded (made at first use: pycrdt loads with the first note)."""
    return NoteDoc().encode()


class NoteNotFound(LookupError):
    """The note does not exist here (or was deleted for good)."""


@dataclass(frozen=True)
class NoteSummary:
    """A note as lists show it, without loading its CRDT."""

    id: str
    title: str
    activity_uid: str | None
    group_id: str | None
    visibility: str
    updated_at: dt.datetime
    trashed_at: dt.datetime | None
    kind: str = "note"


def display_title(title: str) -> str:
    """A note's title for lists and windows ("Note sans titre" when it has none)."""
    return title or _("Note sans titre")


def _summary(row: Note) -> NoteSummary:
    return NoteSummary(
        row.id,
        row.title_cache,
        row.activity_uid,
        row.group_id,
        row.visibility,
        row.updated_at,
        row.trashed_at,
        row.kind,
    )


def stored_row(note_id: str) -> Note:
    """The note's row (not deleted for good), or NoteNotFound."""
    row = Note.get_or_none((Note.id == note_id) & (Note.deleted == False))  # noqa: E712
    if row is None:
        raise NoteNotFound(note_id)
    return row


# -- creating and listing -------------------------------------------------------------------


def create(
    title: str = "",
    template: str | None = None,
    activity_uid: str | None = None,
    group_id: str | None = None,
    visibility: str = PRIVATE,
) -> str:
    """A new note, empty or starting from `template`; returns its id."""
    if visibility not in VISIBILITIES:
        raise ValueError(f"unknown visibility {visibility!r}")
    doc = NoteDoc()
    author = local_author()
    with doc.doc.transaction():
        doc.set_title(title)
        doc.sign(author)
        doc.insert_template(template or "")
    note_id = uuid.uuid4().hex
    with database.atomic():
        Note.create(
            id=note_id,
            activity_uid=activity_uid,
            group_id=group_id,
            visibility=visibility,
            crdt_state=doc.encode(),
        )
        write_row(Note.get_by_id(note_id), doc, local=True)
    return note_id


def create_for_activity(activity_uid: str) -> str:
    """A note for a copreparation activity, from its template, titled after it."""
    return create(
        activity_title(activity_uid) or "",
        activity_template(activity_uid),
        activity_uid=activity_uid,
    )


def list_notes(trashed: bool = False, activity_uid: str | None = None) -> list[NoteSummary]:
    """Notes in the bin or out of it (optionally those of one activity), latest first."""
    query = Note.select().where(Note.deleted == False)  # noqa: E712
    query = query.where(Note.trashed_at.is_null(not trashed))
    if activity_uid is not None:
        query = query.where(Note.activity_uid == activity_uid)
    return [_summary(row) for row in query.order_by(Note.updated_at.desc())]


def summary(note_id: str) -> NoteSummary:
    return _summary(stored_row(note_id))


def load(note_id: str) -> NoteDoc:
    """The note's CRDT document, to read or edit (then `save`)."""
    return NoteDoc(stored_row(note_id).crdt_state)


# -- saving ---------------------------------------------------------------------------------


def save(note_id: str, doc: NoteDoc) -> list[TextChange]:
    """Store an edited document, merged with whatever reached the store meanwhile.

    Returns the text changes the merge brought into `doc` (for an open editor to show).
    """
    with database.atomic():
        row = stored_row(note_id)
        changes = doc.merge(row.crdt_state)
        row.crdt_state = doc.encode(row.crdt_state)
        write_row(row, doc, local=True)
    return changes


def refresh(note_id: str, doc: NoteDoc) -> list[TextChange]:
    """Bring into `doc` what reached the store since it was loaded (an import, sync)."""
    return doc.merge(stored_row(note_id).crdt_state)


def write_row(row: Note, doc: NoteDoc, local: bool) -> None:
    """Caches, search index and outbox for a row whose `crdt_state` was just set."""
    row.title_cache = doc.title
    row.text_cache = readable_text(doc)
    row.kind = doc.kind
    row.updated_at = utcnow()
    row.save()
    changes.report(changes.NOTES, row.id)
    if row.trashed_at is None:
        search.index_document(KIND, row.id, display_title(row.title_cache), row.text_cache)
    if local and row.visibility != DEVICE:
        outbox.enqueue(KIND, row.id)


def claim_former_writing() -> int:
    """Attribute to the learner's account what they wrote here before having one.

    Each note that holds text (or a mark) under one of this device's former author ids gets
    an alias to the account's id, which travels with the note: co-authors see one writer.
    Returns how many notes changed.
    """
    former = set(former_ids())
    if not former:
        return 0
    me, changed = local_author(), 0
    for row in Note.select(Note.id).where(~Note.deleted):
        doc = load(row.id)
        claimed = [doc.alias(old, me) for old in former & doc.author_ids()]
        if any(claimed):
            save(row.id, doc)
            changed += 1
    return changed


def set_ready(note_id: str, ready: bool) -> None:
    """Mark or unmark the note as ready for the local author."""
    doc = load(note_id)
    if doc.set_ready(local_author(), ready):
        save(note_id, doc)


def set_sharing(note_id: str, visibility: str, group_id: str | None = None) -> None:
    """Who the note reaches: "private" (my devices), "group" with `group_id`, or "device"."""
    if visibility not in VISIBILITIES:
        raise ValueError(f"unknown visibility {visibility!r}")
    if visibility == GROUP and not group_id:
        raise ValueError("a note shared with a group needs that group's id")
    with database.atomic():
        row = stored_row(note_id)
        # The group is kept while the note is private, so sharing it again finds it.
        shared_now = visibility == GROUP and row.visibility != GROUP
        row.group_id = group_id or row.group_id
        row.visibility = visibility
        row.save()
        if shared_now:
            research.record("shared", activity_uid=row.activity_uid, fallback="notes")
        if visibility == DEVICE:
            outbox.drop(KIND, note_id)
        else:
            outbox.enqueue(KIND, note_id)


# -- the bin --------------------------------------------------------------------------------


def trash(note_id: str) -> None:
    """Put the note in the bin (restorable); it leaves search results."""
    _set_trashed(note_id, utcnow())


def restore(note_id: str) -> None:
    """Take the note out of the bin."""
    _set_trashed(note_id, None)


def _set_trashed(note_id: str, when: dt.datetime | None) -> None:
    with database.atomic():
        row = stored_row(note_id)
        row.trashed_at = when
        row.save()
        if when is None:
            search.index_document(KIND, row.id, display_title(row.title_cache), row.text_cache)
        else:
            search.remove_document(KIND, row.id)
        if row.visibility != DEVICE:
            outbox.enqueue(KIND, row.id)


def purge(note_id: str) -> None:
    """Delete a note for good: its text goes, a tombstone stays so the deletion syncs."""
    with database.atomic():
        row = stored_row(note_id)
        _bury(row, row.trashed_at or utcnow())
        if row.visibility != DEVICE:
            outbox.enqueue(KIND, row.id)


def _bury(row: Note, trashed_at: dt.datetime) -> None:
    row.deleted = True
    row.trashed_at = trashed_at
    row.crdt_state = empty_state()
    row.title_cache = row.text_cache = ""
    row.updated_at = utcnow()
    row.save()
    search.remove_document(KIND, row.id)


def empty_bin() -> int:
    """Delete for good every note in the bin; returns how many."""
    trashed = list_notes(trashed=True)
    for note in trashed:
        purge(note.id)
    return len(trashed)


# -- what the sync engine calls -------------------------------------------------------------


def state_vector(note_id: str) -> bytes:
    """The note's Yjs state vector (what this device has)."""
    from pycrdt import get_state  # the CRDT library loads with the first note used

    return get_state(stored_row(note_id).crdt_state)


def local_update_since(note_id: str, state_vector: bytes) -> bytes:
    """The Yjs update holding what a peer with `state_vector` lacks (b"\\x00" = nothing)."""
    from pycrdt import get_update

    return get_update(stored_row(note_id).crdt_state, state_vector)


def apply_remote_update(
    note_id: str,
    update: bytes,
    group_id: str | None = None,
    visibility: str | None = None,
    trashed_at: dt.datetime | None = None,
    deleted: bool = False,
) -> None:
    """Merge an update that came from sync; creates the note if it is new here.

    Does not enqueue the note (what sync wrote is already on the server) unless the merge
    deleted something of its own accord (a formatting mark, a title set at the same time),
    which the others need too. A note deleted here
    for good stays deleted. Raises ValueError when `update` is not a Yjs update (the store is
    unchanged then).
    """
    with database.atomic():
        row = Note.get_or_none(Note.id == note_id)
        if row is not None and row.deleted:
            return
        if deleted:
            if row is not None:
                _bury(row, trashed_at or row.trashed_at or utcnow())
            return
        if row is None:
            row = Note(id=note_id, crdt_state=empty_state(), visibility=visibility or PRIVATE)
            row.save(force_insert=True)
        before = row.crdt_state
        doc = NoteDoc(before)
        doc.merge(update)
        row.crdt_state = doc.encode(before, update)
        row.group_id = group_id if group_id is not None else row.group_id
        row.visibility = visibility or row.visibility
        row.trashed_at = trashed_at
        if trashed_at is not None:
            search.remove_document(KIND, row.id)
        # Yrs may delete formatting marks while merging: those deletions must travel too, or
        # this copy keeps showing other authors on some runs than its co-authors' copies do.
        write_row(row, doc, local=merged_with_own_deletions(before, update, row.crdt_state))
