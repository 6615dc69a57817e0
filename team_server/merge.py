"""How each kind of record merges on the server: plain functions over plain data.

Validation raises `Rejected` with the French reason the learner will read; merge functions take
the server's current `data` (or None) and the pushed one, and return the data to keep.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re

import pycrdt

VISIBILITIES = ("private", "group")
HASH = re.compile(r"^[0-9a-f]{64}$")


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


def require(data: dict, field: str, kind: type | tuple[type, ...], label: str) -> object:
    """`data[field]` if it has the expected type (booleans are not integers here)."""
    value = data.get(field)
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _types(kind)):
        raise Rejected(f"Champ « {field} » manquant ou invalide ({label} attendu).")
    return value


def _types(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def optional_text(data: dict, *fields: str) -> None:
    for field in fields:
        if data.get(field) is not None and not isinstance(data[field], str):
            raise Rejected(f"Champ « {field} » invalide (texte attendu).")


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


def check_visibility(data: dict) -> str:
    """The record's visibility; "device" records must never reach the server."""
    visibility = data.get("visibility", "private")
    if visibility == "device":
        raise Rejected(
            "Cet élément est réservé à cet appareil : il ne doit pas être envoyé au serveur."
        )
    if visibility not in VISIBILITIES:
        raise Rejected(f"Visibilité inconnue : {visibility!r}.")
    if visibility == "group" and not isinstance(data.get("group_id"), str):
        raise Rejected("Un élément partagé doit indiquer son groupe (group_id).")
    return visibility


def check_attachments(data: dict) -> list[str]:
    """Hashes of the files an entry refers to."""
    attachments = data.get("attachments") or []
    if not isinstance(attachments, list):
        raise Rejected("Champ « attachments » invalide (liste attendue).")
    hashes = []
    for item in attachments:
        if not isinstance(item, dict) or not HASH.match(str(item.get("hash", ""))):
            raise Rejected("Pièce jointe invalide : une empreinte SHA-256 est attendue.")
        hashes.append(item["hash"])
    return hashes


def check_entry(data: dict) -> dict:
    """A journal entry's data, with the text of a tombstone emptied."""
    check_visibility(data)
    optional_text(data, "title", "body", "template_id", "lesson_uid", "activity_uid")
    tags = data.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise Rejected("Champ « tags » invalide (liste de textes attendue).")
    check_attachments(data)
    if data.get("trashed_at") is not None:
        parse_time(data["trashed_at"], "trashed_at")
    if data.get("deleted"):
        # An emptied bin keeps no words on the server either.
        return {**data, "title": "", "body": "", "tags": [], "attachments": [], "deleted": True}
    return dict(data)


def check_comment(data: dict) -> dict:
    if data.get("target_kind") not in ("entry", "note"):
        raise Rejected("Un commentaire porte sur une entrée ou une note.")
    require(data, "target_id", str, "identifiant")
    body = require(data, "body", str, "texte")
    if not body.strip():
        raise Rejected("Un commentaire ne peut pas être vide.")
    parse_time(data.get("created_at"), "created_at")
    return dict(data)


# -- merge rules ---------------------------------------------------------------------------


def merge_progress(current: dict | None, pushed: dict) -> dict:
    """Latest `changed_at` wins; on a tie a completion wins, so it is never lost."""
    completed = require(pushed, "completed", bool, "booléen")
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
    bookmarked = require(pushed, "bookmarked", bool, "booléen")
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
    seconds = require(pushed, "seconds", int, "nombre entier")
    if seconds < 0:
        raise Rejected("Un temps passé ne peut pas être négatif.")
    if current is None or seconds > current["seconds"]:
        return {"seconds": seconds}
    return current


def keep_first(current: dict | None, pushed: dict) -> dict:
    """Immutable records: the first version received is the one kept."""
    return pushed if current is None else current


def check_quiz(data: dict) -> dict:
    require(data, "activity_uid", str, "texte")
    require(data, "score", (int, float), "nombre")
    require(data, "max_score", (int, float), "nombre")
    parse_time(data.get("answered_at"), "answered_at")
    return dict(data)


def check_answer(data: dict) -> dict:
    require(data, "activity_uid", str, "texte")
    require(data, "answers", dict, "objet")
    parse_time(data.get("answered_at"), "answered_at")
    return dict(data)


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
    are kept too, so nothing waits lost until they arrive."""
    if not update:
        return document or b""
    if not document:
        _crdt(pycrdt.get_state, update)  # refuse bytes that are not a Yjs update
        return update
    return _crdt(pycrdt.merge_updates, document, update)


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
