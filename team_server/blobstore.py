"""Files stored once by SHA-256, in chunks in the database every instance shares, or in
S3-compatible object storage (team_server/objectstore.py, decision 0023).

Uploads resume at the byte where they stopped, in database chunks; a finished upload is
checked against its hash before its chunks become the blob's (re-pointed, not copied) or its
object is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from peewee import IntegrityError

from team_server import objectstore, quotas
from team_server import records as rec
from team_server.db import database
from team_server.models import (
    Blob,
    BlobGrant,
    Chunk,
    Pack,
    Record,
    RecordBlob,
    Upload,
    User,
    utcnow,
)

CHUNK = 2**20
ABANDONED = dt.timedelta(days=7)  # an upload started this long ago and never finished
HASH = re.compile(r"^[0-9a-f]{64}$")


class UploadError(Exception):
    """An upload step refused: HTTP status, French message, and the bytes kept so far."""

    def __init__(self, status: int, message: str, received: int = 0):
        super().__init__(message)
        self.status = status
        self.received = received


def is_hash(value: str) -> bool:
    return bool(HASH.match(value))


def size_of(digest: str) -> int | None:
    """Size of a complete blob, or None."""
    blob = Blob.get_or_none(Blob.hash == digest)
    return blob.size if blob else None


def may_read(user: User, digest: str) -> bool:
    """The user holds the file (they uploaded it, or cited it while they could read it), or a
    record they may see cites it and that record's author holds it."""
    if _holds(user.id, digest):
        return True
    held_by_author = (BlobGrant.blob == RecordBlob.hash) & (BlobGrant.user == Record.owner)
    referring = (
        Record.select()
        .join(RecordBlob)
        .join(BlobGrant, on=held_by_author)
        .where((RecordBlob.hash == digest) & rec.visible_to(user, rec.group_ids(user)))
    )
    return referring.exists()


def _holds(user_id: str, digest: str) -> bool:
    return (
        BlobGrant.select().where((BlobGrant.blob == digest) & (BlobGrant.user == user_id)).exists()
    )


def set_citations(author: User, record: Record, hashes: list[str]) -> None:
    """The files a record cites (docs/decisions/0010-trust-boundary.md).

    A newly cited file its author may already read becomes theirs to hold (as if uploaded:
    their device has it); any other citation grants nothing to anyone, and says nothing of
    whether the file exists, until the author uploads the file.
    """
    before = {
        digest
        for (digest,) in RecordBlob.select(RecordBlob.hash)
        .where(RecordBlob.record == record.id)
        .tuples()
    }
    for digest in sorted(set(hashes) - before):
        if may_read(author, digest):
            BlobGrant.insert(blob=digest, user=author.id).on_conflict_ignore().execute()
    RecordBlob.delete().where(RecordBlob.record == record.id).execute()
    for digest in sorted(set(hashes)):
        RecordBlob.create(record=record.id, hash=digest)


def hand_over(author_id: str, heir_id: str, record: Record) -> None:
    """A record given to another owner (an account deleted, its sharing kept): the files the
    author held for it are the heir's to hold."""
    for (digest,) in (
        RecordBlob.select(RecordBlob.hash).where(RecordBlob.record == record.id).tuples()
    ):
        if _holds(author_id, digest):
            BlobGrant.insert(blob=digest, user=heir_id).on_conflict_ignore().execute()


def drop_unheld(candidates: Iterable[str]) -> None:
    """Files nobody holds any more (and no pack is): a citation alone keeps no file alive."""
    for digest in candidates:
        used = (
            BlobGrant.select().where(BlobGrant.blob == digest).exists()
            or Pack.select().where(Pack.blob == digest).exists()
        )
        blob = Blob.get_or_none(Blob.hash == digest)
        if not used and blob is not None:
            blob.delete_instance()  # its chunks go with it
            if blob.location:
                _delete_object(objectstore.parse(blob.location), digest)


def _delete_object(location: objectstore.Location, digest: str) -> None:
    objectstore.delete(location, digest)
    # The same bytes uploaded again in the meantime lost their object with this one: forget
    # that blob too, so its holders' devices see the file missing and send it again.
    again = Blob.get_or_none((Blob.hash == digest) & (Blob.location == location.url))
    if again is not None and objectstore.stored_size(location, digest) is None:
        again.delete_instance()


def received(user: User, digest: str) -> int:
    """Bytes of this user's interrupted upload of the file already kept."""
    upload = Upload.get_or_none((Upload.user == user.id) & (Upload.hash == digest))
    return upload.received if upload else 0


def append(
    user: User, digest: str, offset: int, total: int, data: bytes, quota: int = 0
) -> tuple[int, bool]:
    """Add `data` at `offset` to the user's upload; returns (received, complete).

    An upload starting (offset 0) must fit in the account's `quota` bytes (0: no quota).
    """
    # Uploads nobody finished go, with their chunks: storage is not kept for them forever.
    Upload.delete().where(Upload.started_at < utcnow() - ABANDONED).execute()
    if offset == 0:
        try:
            quotas.check_upload(user.id, digest, total, quota)
        except quotas.QuotaExceeded as error:
            raise UploadError(413, str(error), received(user, digest)) from error
    with database.atomic():
        upload, _created = Upload.get_or_create(
            user=user.id, hash=digest, defaults={"total_size": total}
        )
        if upload.total_size != total and offset == 0:
            # The same file announced with another size: start again.
            Chunk.delete().where(Chunk.upload == upload.id).execute()
            upload.total_size, upload.received = total, 0
            upload.save()
        refusal = _refusal(upload, offset, total, data)
        if refusal is None:
            moved = (
                Upload.update(received=Upload.received + len(data))
                .where((Upload.id == upload.id) & (Upload.received == offset))
                .execute()
            )
            if moved:
                _write_chunks(offset, data, upload=upload.id)
            else:  # another request of this user appended meanwhile
                refusal = UploadError(409, "Envoi concurrent du même fichier : reprenez.")
        elif refusal.status == 422:
            upload.delete_instance(recursive=True)
    if refusal is not None:
        refusal.received = received(user, digest)
        raise refusal
    done = offset + len(data)
    if done < total:
        return done, False
    _finish(user, upload, digest)
    return done, True


def _refusal(upload: Upload, offset: int, total: int, data: bytes) -> UploadError | None:
    if upload.total_size != total:
        return UploadError(409, "La taille annoncée a changé : reprenez l'envoi à 0.")
    if offset != upload.received:
        return UploadError(
            409, f"Reprise au mauvais endroit : {upload.received} octets déjà reçus."
        )
    if offset + len(data) > total:
        return UploadError(422, "Le fichier dépasse la taille annoncée : envoi annulé.")
    return None


def _write_chunks(offset: int, data: bytes, **owner) -> None:
    for start in range(0, len(data), CHUNK):
        piece = data[start : start + CHUNK]
        Chunk.create(offset=offset + start, length=len(piece), data=piece, **owner)


def _finish(user: User, upload: Upload, digest: str) -> None:
    """Check the whole upload against its hash, then make it the blob (or drop a duplicate)."""
    target = objectstore.target()
    received_bytes = pieces(Chunk.upload == upload.id)
    try:
        if target is None or size_of(digest) is not None:
            _check(received_bytes, digest)
        else:
            objectstore.put(target, digest, received_bytes)  # only once every byte has checked
    except objectstore.HashMismatch:
        with database.atomic():
            upload.delete_instance(recursive=True)
        raise UploadError(
            422, "Le fichier reçu ne correspond pas à son empreinte : envoi annulé."
        ) from None
    try:
        with database.atomic():
            Blob.create(hash=digest, size=upload.total_size, location=target and target.url)
            if target is None:
                Chunk.update(blob=digest, upload=None).where(Chunk.upload == upload.id).execute()
    except IntegrityError:
        pass  # someone else's copy of the same file arrived first: keep theirs
    with database.atomic():
        upload.delete_instance(recursive=True)
        BlobGrant.insert(blob=digest, user=user.id).on_conflict_ignore().execute()


def store_file(path: Path) -> tuple[str, int]:
    """Store a server-side file (a pack) as a blob; returns (sha256, size)."""
    sha = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            sha.update(block)
            size += len(block)
    digest = sha.hexdigest()
    target = objectstore.target()
    if target is not None and size_of(digest) is None:
        with path.open("rb") as handle:
            objectstore.put(target, digest, iter(lambda: handle.read(CHUNK), b""))
    with database.atomic():
        if Blob.get_or_none(Blob.hash == digest) is None:
            Blob.create(hash=digest, size=size, location=target and target.url)
            if target is None:
                with path.open("rb") as handle:
                    for offset in range(0, size or 1, CHUNK):
                        _write_chunks(offset, handle.read(CHUNK), blob=digest)
    return digest, size


def store_upload(user: User, path: Path) -> str:
    """A whole file received at once (carried in a sync file), held by `user` as an upload is."""
    digest, _size = store_file(path)
    with database.atomic():
        BlobGrant.insert(blob=digest, user=user.id).on_conflict_ignore().execute()
    return digest


def read(digest: str, start: int, end: int) -> Iterator[bytes]:
    """Bytes `start`..`end` (inclusive) of a blob, one piece at a time. From the database,
    each chunk with its own connection so a slow download holds none between chunks; from
    object storage, asked for at once (objectstore.Unavailable if it does not answer)."""
    with database.connection_context():
        location = Blob.select(Blob.location).where(Blob.hash == digest).scalar()
    if location:
        return objectstore.read(objectstore.parse(location), digest, start, end)
    return _read_chunks(digest, start, end)


def _read_chunks(digest: str, start: int, end: int) -> Iterator[bytes]:
    with database.connection_context():
        index = list(
            Chunk.select(Chunk.id, Chunk.offset, Chunk.length)
            .where((Chunk.blob == digest) & (Chunk.offset + Chunk.length > start))
            .where(Chunk.offset <= end)
            .order_by(Chunk.offset)
            .tuples()
        )
    for chunk_id, offset, _length in index:
        with database.connection_context():
            chunk = Chunk.get_or_none(Chunk.id == chunk_id)
        if chunk is None:  # moved to object storage meanwhile (move-files): go on from there
            yield from read(digest, max(start, offset), end)
            return
        yield bytes(chunk.data)[max(start - offset, 0) : end - offset + 1]


def _check(pieces: Iterable[bytes], digest: str) -> None:
    sha = hashlib.sha256()
    for piece in pieces:
        sha.update(piece)
    if sha.hexdigest() != digest:
        raise objectstore.HashMismatch(digest)


def pieces(where) -> Iterator[bytes]:
    """Chunk contents in order, fetched one at a time (a file may not fit in memory twice)."""
    ids = [row for (row,) in Chunk.select(Chunk.id).where(where).order_by(Chunk.offset).tuples()]
    for chunk_id in ids:
        yield bytes(Chunk.get_by_id(chunk_id).data)
