"""How each kind of record merges on the server: plain functions over plain data.

Pushed data arrives checked against its kind's schema (team_server/schemas.py); what only the
server's state can refuse raises `Rejected` with the French reason the learner will read. Merge
functions take the server's current `data` (or None) and the pushed one, and return the data
to keep.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt

import pycrdt

MAX_NOTE_BYTES = 4 * 2**20  # a note's whole document, as the server keeps it


class Rejected(Exception):
    """A change the server refuses; `str(error)` is the French reason."""


# -- validation ----------------------------------------------------------------------------


def parse_time(value: object, field: str) -> dt.datetime:
    """An ISO 8601 time (UTC if no offset), or Rejected."""
    if not isinstance(value, str):
        raise Rejected(f"Date « {field} » manquante ou invalide.")
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise Rejected(f"Date « {field} » invalide : {value}.") from error
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def decode_b64(value: object, field: str) -> bytes:
    """Bytes of a base64 field ("" is empty)."""
    if not isinstance(value, str):
        raise Rejected(f"Champ « {field} » invalide (base64 attendu).")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as error:
        raise Rejected(f"Champ « {field} » : base64 illisible.") from error


def encode_b64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def entry_kept(data: dict) -> dict:
    """A journal entry's data as kept: the text of a tombstone emptied."""
    if data.get("deleted") is True:
        # An emptied bin keeps no words on the server either.
        return {**data, "title": "", "body": "", "tags": [], "attachments": [], "deleted": True}
    return dict(data)


# -- merge rules ---------------------------------------------------------------------------


def merge_progress(current: dict | None, pushed: dict) -> dict:
    """Latest `changed_at` wins; on a tie a completion wins, so it is never lost."""
    completed = pushed["completed"]
    when = parse_time(pushed.get("changed_at"), "changed_at")
    incoming = {"completed": completed, "changed_at": pushed["changed_at"]}
    if current is None:
        return incoming
    held = parse_time(current["changed_at"], "changed_at")
    if when > held or (when == held and completed and not current["completed"]):
        return incoming
    return current


def merge_bookmark(current: dict | None, pushed: dict) -> dict:
    """Latest `changed_at` wins; on a tie `bookmarked: true` wins."""
    bookmarked = pushed["bookmarked"]
    when = parse_time(pushed.get("changed_at"), "changed_at")
    incoming = {"bookmarked": bookmarked, "changed_at": pushed["changed_at"]}
    if current is None:
        return incoming
    held = parse_time(current["changed_at"], "changed_at")
    if when > held or (when == held and bookmarked and not current["bookmarked"]):
        return incoming
    return current


def merge_time(current: dict | None, pushed: dict) -> dict:
    """A device's own counter only grows: keep the maximum."""
    seconds = pushed["seconds"]
    if current is None or seconds > current["seconds"]:
        return {"seconds": seconds}
    return current


def keep_first(current: dict | None, pushed: dict) -> dict:
    """Immutable records: the first version received is the one kept."""
    return pushed if current is None else current


# -- co-preparation notes (Yjs updates) ----------------------------------------------------


def _crdt(call, *args) -> bytes:
    try:
        return call(*args)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # pycrdt may raise a PanicException (a BaseException)
        raise Rejected("Mise à jour de note illisible.") from error


def note_merge(document: bytes | None, update: bytes) -> bytes:
    """The note's document with `update` merged in; updates whose predecessors are missing
    are kept too, so nothing waits lost until they arrive. A document may not grow past
    MAX_NOTE_BYTES: each member pulls it whole at least once."""
    if not update:
        return document or b""
    if not document:
        _crdt(pycrdt.get_state, update)  # refuse bytes that are not a Yjs update
        merged = update
    else:
        merged = _crdt(pycrdt.merge_updates, document, update)
    if len(merged) > MAX_NOTE_BYTES:
        raise Rejected(
            f"Note trop volumineuse (au plus {MAX_NOTE_BYTES // 2**20} Mo) : "
            "la modification reste sur votre appareil."
        )
    return merged


def note_state(document: bytes | None) -> bytes:
    """The state vector of the server's document."""
    return pycrdt.get_state(document) if document else b"\x00"


def note_delta(document: bytes | None, device_state: bytes | None) -> bytes:
    """What a device with `device_state` lacks; the whole document if it has nothing."""
    if not document:
        return b""
    if not device_state:
        return document
    try:
        return pycrdt.get_update(document, device_state)
    except ValueError:
        return document


def check_state_vector(state: bytes) -> None:
    if state:
        _crdt(pycrdt.get_update, b"\x00\x00", state)
