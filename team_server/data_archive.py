""" "Mes données" as a zip streamed while it is made: no copy on disk, a few records in memory."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator

from team_server import blobstore
from team_server.db import database
from team_server.models import Record, User
from team_server.personal_data import (
    KIND_LABELS,
    attestations,
    cowritten_notes,
    file_hashes,
    file_names,
    iso,
    note_text,
    summary,
)

PAGE = 100  # records read per database round trip


class _Pipe:
    """A write-only, unseekable file: zipfile writes into it, the response takes what came."""

    def __init__(self) -> None:
        self._pieces: list[bytes] = []
        self._written = 0

    def write(self, data: bytes) -> int:
        self._pieces.append(bytes(data))
        self._written += len(data)
        return len(data)

    def tell(self) -> int:
        # zipfile asks where it is to write its directory; it never seeks back.
        return self._written

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._pieces)
        self._pieces.clear()
        return data


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def zip_pieces(user: User) -> Iterator[bytes]:
    """Everything the server holds about the learner as pieces of one zip: JSON files and
    their files, each under its original name (`fichiers/index.json` gives its SHA-256).

    Each piece is read with its own database connection: the pieces may be asked for from
    different threads, and a slow download holds no connection between them.
    """
    with database.connection_context():
        about = summary(user)
        hashes = file_hashes(user)
        names = file_names(user, hashes)
        cowritten = cowritten_notes(user)
        issued = attestations(user)
        sizes = {digest: blobstore.size_of(digest) or 0 for digest in hashes}
    pipe = _Pipe()
    # Data descriptors: each entry is written once, as it comes, and never revisited.
    with zipfile.ZipFile(pipe, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mes-donnees.json", _dump(about))
        yield pipe.take()
        for kind in KIND_LABELS:
            with archive.open(f"enregistrements/{kind}.json", "w") as handle:
                handle.write(b"[")
                for number, item in enumerate(_records(user, kind)):
                    handle.write(b",\n" if number else b"\n")
                    handle.write(_dump(item))
                    yield pipe.take()
                handle.write(b"\n]")
            yield pipe.take()
        archive.writestr("enregistrements/attestations.json", _dump(issued))
        archive.writestr("enregistrements/notes-co-ecrites.json", _dump(cowritten))
        index = [
            {"fichier": f"fichiers/{names[d]}", "sha256": d, "octets": sizes[d]} for d in hashes
        ]
        archive.writestr("fichiers/index.json", _dump(index))
        yield pipe.take()
        for digest in hashes:
            with archive.open(f"fichiers/{names[digest]}", "w") as handle:
                for piece in blobstore.read(digest, 0, max(sizes[digest] - 1, 0)):
                    handle.write(piece)
                    yield pipe.take()
    yield pipe.take()  # the central directory


def _records(user: User, kind: str) -> Iterator[dict]:
    """The learner's records of one kind, in order, a page per connection."""
    after = -1
    while True:
        with database.connection_context():
            page = list(
                Record.select()
                .where((Record.owner == user.id) & (Record.kind == kind) & (Record.seq > after))
                .order_by(Record.seq)
                .limit(PAGE)
            )
        for record in page:
            item = {
                "id": record.record_id,
                "visibility": record.visibility,
                "group_id": record.group_id,
                "updated_at": iso(record.updated_at),
                "data": json.loads(record.data),
            }
            if kind == "note":
                item.update(note_text(bytes(record.crdt) if record.crdt else None))
            yield item
        if len(page) < PAGE:
            return
        after = page[-1].seq
