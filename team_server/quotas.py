"""Storage quotas per account: the bytes of the files it holds and of the records it owns."""

from __future__ import annotations

from peewee import Select, fn

from team_server.db import database, is_postgresql
from team_server.models import Blob, BlobGrant, Record, Upload, User
from team_server.prepared import Prepared

FULL = (
    "Espace de stockage de votre compte plein sur le serveur ({used} utilisés sur {quota}) : "
    "ce changement reste sur cet appareil. Libérez de la place (videz la corbeille, retirez "
    "des pièces jointes) ou demandez plus d'espace à l'administrateur du serveur."
)


class QuotaExceeded(Exception):
    """Storing this would take the account past its quota; `str()` says so in French."""

    def __init__(self, used: int, quota: int):
        super().__init__(FULL.format(used=megabytes(used), quota=megabytes(quota)))


def quota_of(user: User, default: int) -> int:
    """The bytes `user` may store: their own quota if an administrator set one, else `default`
    (0: no limit)."""
    return default if user.quota_bytes is None else user.quota_bytes


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} Mo".replace(".", ",")


def record_size(record: Record | None) -> int:
    """Bytes a record takes: its JSON data and its note document."""
    if record is None:
        return 0
    return len(record.data.encode("utf-8")) + len(bytes(record.crdt or b""))


def _octets(column) -> fn:
    # LENGTH counts characters of a text: bytes are what the disk holds.
    if is_postgresql():
        return fn.OCTET_LENGTH(column)
    return fn.LENGTH(column.cast("BLOB"))


def usage_columns(user_id: str, except_upload: str) -> list[Select]:
    """What the account stores, in three parts: files it holds, uploads it started but
    `except_upload`, its records (subqueries, to select or to sum)."""
    files = (
        Blob.select(fn.COALESCE(fn.SUM(Blob.size), 0))
        .join(BlobGrant, on=BlobGrant.blob == Blob.hash)
        .where(BlobGrant.user == user_id)
    )
    uploads = Upload.select(fn.COALESCE(fn.SUM(Upload.total_size), 0)).where(
        (Upload.user == user_id) & (Upload.hash != except_upload)
    )
    records = Record.select(
        fn.COALESCE(fn.SUM(_octets(Record.data) + fn.COALESCE(fn.LENGTH(Record.crdt), 0)), 0)
    ).where(Record.owner == user_id)
    return [files, uploads, records]


# Each upload reads it: one statement, compiled once (team_server/prepared.py). A pushed
# batch reads it with what else it reads first (applied_changes.read_batch).
_USAGE = Prepared(lambda *where: Select(columns=usage_columns(*where)).bind(database), 2)


def used_bytes(user_id: str, except_upload: str | None = None) -> int:
    """What the account stores: files it holds, uploads it started (their announced size,
    but for `except_upload`, a hash), and its records."""
    return sum(int(part) for part in _USAGE.execute(user_id, except_upload or "").fetchone())


class Tracker:
    """An account's usage through one pushed batch: read at the first change that makes it
    grow (a push that stores nothing more reads nothing), then counted by each change's growth.
    """

    def __init__(self, user_id: str, quota: int):
        self.user_id = user_id
        self.quota = quota
        self._used: int | None = None
        self._primed: int | None = None

    def prime(self, used: int) -> None:
        """The usage as the batch starts, read with its other reads: the first `grow` uses it
        (nothing of the batch is written before it) instead of reading it again."""
        self._primed = used

    def grow(self, delta: int) -> None:
        """Count `delta` more bytes; QuotaExceeded (nothing counted) if they do not fit.

        A change that shrinks or keeps the size always passes: emptying the bin must work on
        a full account. Call it before writing: the first read counts what is written so far.
        """
        if not self.quota:
            return
        primed, self._primed = self._primed, None  # stale once anything is written
        if delta > 0 and self._used is None:
            self._used = used_bytes(self.user_id) if primed is None else primed
        if self._used is None:
            return
        if delta > 0 and self._used + delta > self.quota:
            raise QuotaExceeded(self._used, self.quota)
        self._used += delta


def check_upload(user_id: str, digest: str, size: int, quota: int) -> None:
    """QuotaExceeded if a new upload of `size` bytes does not fit in the account's quota."""
    if quota:
        used = used_bytes(user_id, except_upload=digest)
        if used + size > quota:
            raise QuotaExceeded(used, quota)
