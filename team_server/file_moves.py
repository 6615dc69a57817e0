"""`team-server move-files --to s3://…`: files kept in database chunks move to object storage.

One file at a time: its object is written (and checked against its hash) before its row
points at it and its chunks go, in one transaction. Interrupted anywhere, the next run takes
up the files still in the database, and skips writing an object already there whole; run
again after the end, it has nothing to do. Servers keep serving meanwhile: each blob row
says where its bytes are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from team_server import objectstore
from team_server.blobstore import pieces
from team_server.db import database
from team_server.models import Blob, Chunk


@dataclass
class Moved:
    """What a run did: files moved, bytes moved, objects found already written, files refused."""

    files: int = 0
    bytes: int = 0
    found: int = 0
    damaged: list[str] = field(default_factory=list)

    def summary(self, to: objectstore.Location) -> str:
        lines = [
            f"Fichiers déplacés vers {to.url} : {self.files} ({self.bytes} octets), "
            f"dont {self.found} déjà écrits par une exécution interrompue."
        ]
        for digest in self.damaged:
            lines.append(
                f"Fichier {digest} laissé dans la base : ses octets ne correspondent pas à "
                "son empreinte."
            )
        return "\n".join(lines)


def move_files(to: objectstore.Location) -> Moved:
    """Move every file still in the database to `to`; see the module docstring."""
    moved = Moved()
    with database.connection_context():
        waiting = list(
            Blob.select(Blob.hash, Blob.size)
            .where(Blob.location.is_null())
            .order_by(Blob.hash)
            .tuples()
        )
    for digest, size in waiting:
        with database.connection_context():
            if objectstore.stored_size(to, digest) == size:
                moved.found += 1
            else:
                try:
                    objectstore.put(to, digest, pieces(Chunk.blob == digest))
                except objectstore.HashMismatch:
                    moved.damaged.append(digest)  # one damaged file never blocks the rest
                    continue
            with database.atomic():
                pointed = (
                    Blob.update(location=to.url)
                    .where((Blob.hash == digest) & Blob.location.is_null())
                    .execute()
                )
                if pointed:
                    Chunk.delete().where(Chunk.blob == digest).execute()
        moved.files += 1
        moved.bytes += size
    return moved
