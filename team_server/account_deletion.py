"""Deleting an account: the learner's data goes, their tokens with it; what they shared with a
group is removed or left there anonymised, as they chose.

Removing a shared record withdraws it from its group (members' devices drop their copy).
Keeping it anonymised gives it to the ghost account ("Participant·e anonyme"). In co-written
notes the learner's words are deleted, or re-attributed to the ghost, by an ordinary CRDT edit
that every co-author's device merges. Withdrawals the learner caused are kept (re-owned by the
ghost) so that members still offline drop those records too.
"""

from __future__ import annotations

import json

from pycrdt import Doc, Map, Text

from team_server import blobstore
from team_server import records as rec
from team_server.db import write_transaction
from team_server.models import (
    FACILITATOR,
    GHOST_ID,
    GHOST_NAME,
    GROUP,
    PRIVATE,
    BlobGrant,
    LoginFailure,
    Membership,
    Record,
    RecordBlob,
    User,
    Withdrawal,
)

REMOVE, ANONYMISE = "remove", "anonymise"
AUTHOR_PREFIX = "author:"  # the note document's layout (docs/decisions/0005-note-crdt.md)


def rewrite_note(document: bytes, author_id: str, keep: bool) -> tuple[bytes, str]:
    """The note without `author_id`'s name, and without their words (or with them given to
    the ghost when `keep`); returns (new document, remaining text)."""
    doc = Doc()
    body, meta, ready = (
        doc.get("body", type=Text),
        doc.get("meta", type=Map),
        doc.get("ready", type=Map),
    )
    doc.apply_update(document)
    runs, position = [], 0
    for chunk, attrs in body.diff():
        size = len(chunk.encode("utf-8"))  # pycrdt positions are UTF-8 byte offsets
        if (attrs or {}).get("author") == author_id:
            runs.append((position, size))
        position += size
    with doc.transaction():
        for start, size in reversed(runs):
            if keep:
                body.format(start, start + size, {"author": GHOST_ID})
            else:
                del body[start : start + size]
        if AUTHOR_PREFIX + author_id in meta:
            del meta[AUTHOR_PREFIX + author_id]
        if keep and runs:
            meta[AUTHOR_PREFIX + GHOST_ID] = GHOST_NAME
        if author_id in ready:
            del ready[author_id]
    # A fresh encoding drops the content of deleted items (the old name, removed words).
    return doc.get_update(), str(body)


def _hand_over_groups(user: User) -> None:
    """A facilitator leaving: the longest-standing member takes the role, as on leaving."""
    for row in Membership.select().where(
        (Membership.user == user.id) & (Membership.role == FACILITATOR)
    ):
        others = Membership.select().where(
            (Membership.group == row.group_id) & (Membership.user != user.id)
        )
        if others.where(Membership.role == FACILITATOR).exists():
            continue
        heir = others.order_by(Membership.joined_at, Membership.id).first()
        if heir is not None:
            heir.role = FACILITATOR
            heir.save()


def _shared_record(record: Record, keep: bool, author_id: str) -> None:
    data = json.loads(record.data)
    crdt = bytes(record.crdt) if record.crdt else None
    if record.kind == "note" and crdt:
        crdt, remaining = rewrite_note(crdt, author_id, keep)
        # Co-authors' words stay with them even when the learner removes their own.
        keep = keep or bool(remaining.strip())
    if keep:
        blobstore.hand_over(record.owner_id, GHOST_ID, record)
        record.owner = GHOST_ID
        rec.save(record, data, visibility=GROUP, group_id=record.group_id, crdt=crdt)
    else:
        rec.save(record, data, visibility=PRIVATE, crdt=crdt)  # withdrawn from the group
        rec.rescope_comments(record)


def _others_notes(user: User, keep: bool) -> None:
    """Notes of others in which the learner wrote or signed."""
    for record, document in rec.others_notes_with(user.id):
        new, _remaining = rewrite_note(document, user.id, keep)
        rec.save(
            record,
            json.loads(record.data),
            visibility=record.visibility,
            group_id=record.group_id,
            crdt=new,
        )


def _files_of(user: User) -> set[str]:
    owned = RecordBlob.select(RecordBlob.hash).join(Record).where(Record.owner == user.id).tuples()
    granted = BlobGrant.select(BlobGrant.blob).where(BlobGrant.user == user.id).tuples()
    return {digest for (digest,) in owned} | {digest for (digest,) in granted}


def _validations_of(user: User) -> None:
    """Facilitators' decisions about the learner go with the account: they name them."""
    for record in Record.select().where(
        (Record.kind == "validation") & Record.data.contains(user.id)
    ):
        if json.loads(record.data).get("learner_id") == user.id:
            rec.withdraw_if_leaving(record, PRIVATE, None)
            record.delete_instance()


def delete_account(user: User, shared: str) -> None:
    """Delete the account and everything of it; `shared` is REMOVE or ANONYMISE."""
    if shared not in (REMOVE, ANONYMISE):
        raise ValueError(shared)
    keep = shared == ANONYMISE
    with write_transaction():
        files = _files_of(user)
        for record in Record.select().where(
            (Record.owner == user.id) & (Record.visibility == GROUP)
        ):
            _shared_record(record, keep, user.id)
        _others_notes(user, keep)
        _validations_of(user)
        Withdrawal.update(owner=GHOST_ID).where(Withdrawal.owner == user.id).execute()
        _hand_over_groups(user)
        LoginFailure.delete().where(LoginFailure.username == user.username).execute()
        # Everything else refers to the user and goes with it: tokens, memberships, records
        # (and their file references, note states, LRS queue), consent history, uploads.
        User.delete().where(User.id == user.id).execute()
        blobstore.drop_unheld(files)
