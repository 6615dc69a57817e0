"""Files in S3-compatible object storage (`--file-storage s3://bucket/prefix`).

A finished file is one object named by its SHA-256 under the prefix; an upload in progress
stays in database chunks until its hash checks (resumable at any byte, which S3's 5 MiB
multipart parts are not). Each blob row records where its bytes are, so files moved by
`team-server move-files` and files still in the database are both served. boto3 is imported
only by a server that uses object storage.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

DATABASE = "database"
PART = 8 * 2**20  # a multipart part: S3 wants at least 5 MiB but for the last
READ = 2**20  # a download is streamed in pieces of this size
LOCATION = re.compile(r"^s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(.*))?$")


class StorageError(ValueError):
    """The file storage setting names a storage the server cannot use (French message)."""


class HashMismatch(Exception):
    """The bytes given do not have the announced SHA-256: nothing was stored."""


@dataclass(frozen=True)
class Location:
    """A bucket and a key prefix: `s3://bucket/prefix`."""

    bucket: str
    prefix: str

    @property
    def url(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}".rstrip("/")

    def key(self, digest: str) -> str:
        return f"{self.prefix}/{digest}" if self.prefix else digest


def parse(url: str) -> Location | None:
    """The object storage an `--file-storage` value names; None for the database."""
    if url in ("", DATABASE):
        return None
    match = LOCATION.match(url)
    if not match:
        raise StorageError(
            f"Stockage des fichiers non pris en charge : « {url} » (utilisez « database » "
            "ou s3://seau/prefixe)."
        )
    return Location(match.group(1), (match.group(2) or "").strip("/"))


_endpoint: str | None = None
_target: Location | None = None


def configure(file_storage: str, endpoint: str | None) -> None:
    """Where this process stores new files, and its S3 endpoint (None: AWS itself).

    Credentials come from the usual AWS variables or files, read by boto3.
    """
    global _endpoint, _target
    _target = parse(file_storage)
    _endpoint = endpoint or None


def target() -> Location | None:
    """The object storage new files go to; None when they go to the database."""
    return _target


def check(location: Location) -> None:
    """Raise StorageError (in French) unless the bucket answers with these credentials."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        client().head_bucket(Bucket=location.bucket)
    except (BotoCoreError, ClientError) as error:
        raise StorageError(
            f"Stockage des fichiers inaccessible : {location.url} ({error})."
        ) from error


@functools.lru_cache(maxsize=4)
def _client(endpoint: str | None):
    import boto3
    from botocore.config import Config

    # Clients are thread-safe; sessions are not, hence one session made here per client.
    config = Config(retries={"max_attempts": 5, "mode": "standard"}, max_pool_connections=32)
    return boto3.session.Session().client("s3", endpoint_url=endpoint, config=config)


def client():
    return _client(_endpoint)


def stored_size(location: Location, digest: str) -> int | None:
    """Size of the object holding this file when it is there whole, else None."""
    from botocore.exceptions import ClientError

    try:
        head = client().head_object(Bucket=location.bucket, Key=location.key(digest))
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return None
        raise
    if head.get("Metadata", {}).get("sha256") != digest:
        return None  # not written by us, or by an older layout: write it again
    return head["ContentLength"]


def put(location: Location, digest: str, pieces: Iterable[bytes]) -> int:
    """Store the file made of `pieces` if its SHA-256 is `digest`; returns its size.

    The object appears only once every byte has checked: a part upload is completed after the
    hash, a small file is sent in one request after it. Raises HashMismatch otherwise.
    """
    s3, key = client(), location.key(digest)
    sha, size, buffer, parts, upload_id = hashlib.sha256(), 0, bytearray(), [], None
    try:
        for piece in pieces:
            sha.update(piece)
            size += len(piece)
            buffer += piece
            if len(buffer) >= PART:
                if upload_id is None:
                    upload_id = s3.create_multipart_upload(
                        Bucket=location.bucket, Key=key, Metadata={"sha256": digest}
                    )["UploadId"]
                parts.append(_part(location, key, upload_id, len(parts) + 1, bytes(buffer)))
                buffer.clear()
        if sha.hexdigest() != digest:
            raise HashMismatch(digest)
        if upload_id is None:
            s3.put_object(
                Bucket=location.bucket, Key=key, Body=bytes(buffer), Metadata={"sha256": digest}
            )
            return size
        if buffer:
            parts.append(_part(location, key, upload_id, len(parts) + 1, bytes(buffer)))
        s3.complete_multipart_upload(
            Bucket=location.bucket, Key=key, UploadId=upload_id, MultipartUpload={"Parts": parts}
        )
        upload_id = None
        return size
    finally:
        if upload_id is not None:  # failed half-way: leave no parts behind
            s3.abort_multipart_upload(Bucket=location.bucket, Key=key, UploadId=upload_id)


def _part(location: Location, key: str, upload_id: str, number: int, data: bytes) -> dict:
    answer = client().upload_part(
        Bucket=location.bucket, Key=key, UploadId=upload_id, PartNumber=number, Body=data
    )
    return {"PartNumber": number, "ETag": answer["ETag"]}


class Unavailable(Exception):
    """The object storage did not answer (down, unreachable, refused our credentials)."""


def read(location: Location, digest: str, start: int, end: int) -> Iterator[bytes]:
    """Bytes `start`..`end` (inclusive) of a stored file, streamed in pieces.

    The object is asked for now, so that a storage that does not answer is known (Unavailable)
    before any answer to the client has begun.
    """
    from botocore.exceptions import BotoCoreError, ClientError

    if end < start:
        return iter(())
    try:
        answer = client().get_object(
            Bucket=location.bucket, Key=location.key(digest), Range=f"bytes={start}-{end}"
        )
    except (BotoCoreError, ClientError) as error:
        raise Unavailable(f"{location.url}: {error}") from error
    return _streamed(answer["Body"])


def _streamed(body) -> Iterator[bytes]:
    try:
        yield from body.iter_chunks(READ)
    finally:
        body.close()


def delete(location: Location, digest: str) -> None:
    """Remove a file's object (nothing happens when it is already gone)."""
    client().delete_object(Bucket=location.bucket, Key=location.key(digest))
