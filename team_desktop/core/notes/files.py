"""`.teamnote` files: a co-preparation note that travels by e-mail or USB stick, and merges back.

A `.teamnote` is UTF-8 JSON (docs/decisions/0005-note-crdt.md):
{"format": "teamnote", "version": 1, "note_id", "title", "group_id", "activity_uid",
 "exported_at", "update": base64 of the note's whole Yjs state, "sha256": of those bytes}
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from team_desktop.core.i18n import _
from team_desktop.core.notes.doc import NoteDoc
from team_desktop.core.notes.store import NoteNotFound, display_title, stored_row, write_row
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.portfolio_models import Note

SUFFIX = ".teamnote"
FORMAT, VERSION = "teamnote", 1
MAX_BYTES = 20 * 1024 * 1024
NOTE_ID = re.compile(r"^[0-9a-f]{32}$")


class NoteFileError(Exception):
    """A `.teamnote` cannot be used; the message, in French, says why and what to do."""


class NoteFileMismatch(NoteFileError):
    """The file holds another note than the one the learner chose to merge into."""


@dataclass(frozen=True)
class NoteFile:
    """What a `.teamnote` holds, checked."""

    note_id: str
    title: str
    group_id: str | None
    activity_uid: str | None
    update: bytes


@dataclass(frozen=True)
class ImportResult:
    note_id: str
    title: str
    created: bool  # a note new on this device
    changed: bool  # the merge brought something new


def export_note(note_id: str, path: Path) -> Path:
    """Write the note's whole state to `path` (replaced atomically)."""
    row = stored_row(note_id)
    envelope = {
        "format": FORMAT,
        "version": VERSION,
        "note_id": row.id,
        "title": row.title_cache,
        "group_id": row.group_id,
        "activity_uid": row.activity_uid,
        "exported_at": utcnow().isoformat(timespec="seconds"),
        "update": base64.b64encode(row.crdt_state).decode("ascii"),
        "sha256": hashlib.sha256(row.crdt_state).hexdigest(),
    }
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(envelope, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(partial, path)
    return path


def read_note_file(path: Path) -> NoteFile:
    """Read and check a `.teamnote`; raises NoteFileError with a French message."""
    path = Path(path)
    not_a_note = _(
        "« {name} » n'est pas une note de co-préparation TEAM (.teamnote), ou le fichier est "
        "endommagé. Demandez à votre co-auteur de l'exporter à nouveau."
    ).format(name=path.name)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise NoteFileError(not_a_note)
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NoteFileError(not_a_note) from error
    except OSError as error:
        raise NoteFileError(
            _("Impossible de lire « {name} » : {error}").format(name=path.name, error=error)
        ) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NoteFileError(not_a_note)
    version = data.get("version")
    if isinstance(version, int) and version > VERSION:
        raise NoteFileError(
            _(
                "« {name} » vient d'une version plus récente de TEAM Desktop. "
                "Mettez l'application à jour pour l'importer."
            ).format(name=path.name)
        )
    note_id, encoded = data.get("note_id"), data.get("update")
    if version != VERSION or not isinstance(note_id, str) or not NOTE_ID.match(note_id):
        raise NoteFileError(not_a_note)
    try:
        update = base64.b64decode(encoded, validate=True)
    except (TypeError, ValueError, binascii.Error) as error:
        raise NoteFileError(not_a_note) from error
    if hashlib.sha256(update).hexdigest() != data.get("sha256"):
        raise NoteFileError(
            _(
                "« {name} » a été abîmé en route (son contenu ne correspond plus à sa somme de "
                "contrôle). Demandez à votre co-auteur de l'exporter à nouveau."
            ).format(name=path.name)
        )
    try:
        flat = _flat(NoteDoc(update))
    except ValueError as error:
        raise NoteFileError(not_a_note) from error
    if not flat:
        raise NoteFileError(not_a_note)
    return NoteFile(
        note_id,
        _text(data.get("title")),
        _text(data.get("group_id")) or None,
        _text(data.get("activity_uid")) or None,
        update,
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def import_note(path: Path, into: str | None = None) -> ImportResult:
    """Merge a `.teamnote` into the note it holds, creating that note if it is new here.

    With `into` (the learner chose "merge into this note"), a file holding another note is
    refused with NoteFileMismatch and nothing changes.
    """
    note = read_note_file(path)
    if into is not None and note.note_id != into:
        try:
            current = display_title(stored_row(into).title_cache)
        except NoteNotFound:
            current = into
        raise NoteFileMismatch(
            _(
                "Ce fichier contient une autre note (« {theirs} ») que la note ouverte "
                "(« {ours} ») : rien n'a été fusionné. Pour l'ajouter comme une note à part, "
                "utilisez « Importer une note… » dans la liste des notes."
            ).format(theirs=display_title(note.title), ours=current)
        )
    with database.atomic():
        row = Note.get_or_none(Note.id == note.note_id)
        created = row is None or row.deleted
        if row is None:
            row = Note(id=note.note_id, crdt_state=note.update)
            row.save(force_insert=True)
        if created:
            # New here, or deleted for good earlier and now brought back on purpose.
            row.crdt_state, row.deleted, row.trashed_at = note.update, False, None
            row.group_id, row.activity_uid = note.group_id, note.activity_uid
            doc, changed = NoteDoc(note.update), True
        else:
            doc = NoteDoc(row.crdt_state)
            before = _snapshot(doc)
            doc.merge(note.update)
            changed = _snapshot(doc) != before
            row.crdt_state = doc.encode(row.crdt_state, note.update)
        if changed or row.trashed_at is not None:
            row.trashed_at = None  # imported on purpose: out of the bin
            write_row(row, doc, local=True)
    return ImportResult(row.id, doc.title, created, changed)


def _snapshot(doc: NoteDoc) -> bytes:
    # The whole encoded state: deletions too (they add nothing to the state vector), read
    # without recursing into whatever a file nested (to_py() did, and overflowed the stack).
    return doc.doc.get_update()


def _flat(doc: NoteDoc) -> bool:
    """Whether the note's names, title and ready marks are plain values, as this app writes
    them (docs/decisions/0005-note-crdt.md); a nested map there is no note of ours."""
    return all(
        isinstance(shared.get(key), str | bool | int | float | None)
        for shared in (doc.meta, doc.ready)
        for key in shared.keys()
    )
