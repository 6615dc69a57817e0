""" "Mes données": what the server holds about a learner (team_server/data_archive.py zips it)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import PurePosixPath

from peewee import fn

from team_server import blobstore
from team_server import records as rec
from team_server.models import Blob, BlobGrant, IssuedCredential, Record, Token, User
from team_server.research import consent
from team_server.research.pseudonyms import pseudonym
from team_server.routes.accounts import public_user, user_groups

KIND_LABELS = {
    "progress": "Progression dans les leçons",
    "time": "Temps de lecture (par appareil)",
    "quiz": "Réponses aux quiz",
    "bookmark": "Favoris",
    "entry": "Entrées de journal",
    "note": "Notes de co-préparation (dont vous êtes l'auteur ; vos passages dans les notes "
    "des autres sont dans enregistrements/notes-co-ecrites.json)",
    "comment": "Commentaires",
    "evidence": "Preuves de compétences",
    "endorsement": "Appuis donnés aux preuves de vos pairs",
    "validation": "Compétences validées (en tant qu'animateur ou animatrice)",
    "answer": "Réponses aux questionnaires de recherche",
    "statement": "Traces d'apprentissage (xAPI)",
    "season": "Calendriers de saison (groupes que vous animez)",
    "announcement": "Annonces aux groupes que vous animez",
    "progress_share": "Vos choix de montrer votre progression à l'animation d'un groupe",
}


def iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")


def _devices(user: User) -> list[dict]:
    return [
        {
            "device_name": token.device_name,
            "logged_in_at": iso(token.created_at),
            "logged_out_at": iso(token.revoked_at),
        }
        for token in Token.select().where(Token.user == user.id).order_by(Token.created_at)
    ]


def file_hashes(user: User) -> list[str]:
    """Files the learner holds (uploaded, or cited while they could read them): a file their
    records merely cite is not theirs to download."""
    grants = BlobGrant.select(BlobGrant.blob).where(BlobGrant.user == user.id)
    return sorted(h for (h,) in grants.tuples() if blobstore.size_of(h) is not None)


def summary(user: User) -> dict:
    """What the server holds about the learner, counted by kind (`GET /me/data`)."""
    counts = dict(
        Record.select(Record.kind, fn.COUNT(Record.id))
        .where(Record.owner == user.id)
        .group_by(Record.kind)
        .tuples()
    )
    hashes = file_hashes(user)
    size = (
        Blob.select(fn.COALESCE(fn.SUM(Blob.size), 0)).where(Blob.hash.in_(hashes)).scalar()
        if hashes
        else 0
    )
    return {
        "account": {**public_user(user), "created_at": iso(user.created_at)},
        "groups": user_groups(user),
        "devices": _devices(user),
        "consent": {**consent.describe(user), "history": consent.history(user.id)},
        "research_pseudonym": pseudonym(user.id),
        "records": [
            {"kind": kind, "label": label, "count": counts.get(kind, 0)}
            for kind, label in KIND_LABELS.items()
        ],
        "files": {"count": len(hashes), "bytes": int(size)},
        "attestations": len(attestations(user)),
    }


def attestations(user: User) -> list[dict]:
    """The attestations issued to the learner, as signed (docs/decisions/0022)."""
    rows = IssuedCredential.select().where(IssuedCredential.user == user.id)
    return [
        {
            "id": row.id,
            "kind": row.kind,
            "uid": row.uid,
            "issued_at": iso(row.issued_at),
            "revoked_at": iso(row.revoked_at),
            "credential": row.token,
        }
        for row in rows.order_by(IssuedCredential.issued_at)
    ]


def note_text(document: bytes | None) -> dict:
    from team_desktop.core.notes.doc import NoteDoc

    if not document:
        return {"title": "", "text": ""}
    note = NoteDoc(document)
    return {"title": note.title, "text": note.text}


def cowritten_notes(user: User) -> list[dict]:
    """Notes others started in which the learner wrote: the title and the learner's own
    passages only (the co-authors' words are theirs)."""
    from team_desktop.core.notes.doc import NoteDoc

    found = []
    for record, document in rec.others_notes_with(user.id):
        try:
            note = NoteDoc(document)
        except ValueError:
            continue  # an unreadable document holds nothing we could give back
        passages = [span.text for span in note.spans() if span.author_id == user.id]
        if passages:
            found.append(
                {
                    "id": record.record_id,
                    "title": note.title,
                    "updated_at": iso(record.updated_at),
                    "my_passages": passages,
                }
            )
    return found


def file_names(user: User, hashes: list[str]) -> dict[str, str]:
    """A readable, unique name in the zip for each file: its original name where one of the
    learner's entries gives it (the hash otherwise)."""
    given: dict[str, str] = {}
    for record in Record.select().where((Record.owner == user.id) & (Record.kind == "entry")):
        for item in json.loads(record.data).get("attachments") or []:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                given.setdefault(str(item.get("hash")), item["name"])
    names: dict[str, str] = {}
    taken = {"index.json"}  # the index beside the files
    for digest in hashes:
        name = _safe_name(given.get(digest, "")) or digest
        stem, dot, extension = name.rpartition(".")
        if not dot or not stem:
            stem, dot, extension = name, "", ""
        candidate, number = name, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem} ({number}){dot}{extension}"
        taken.add(candidate.casefold())
        names[digest] = candidate
    return names


def _safe_name(name: str) -> str:
    """The last part of a file name, without control characters, at most 120 characters."""
    last = PurePosixPath(name.replace("\\", "/")).name
    cleaned = "".join(c for c in last if c.isprintable()).strip().lstrip(".")
    return cleaned[-120:]
