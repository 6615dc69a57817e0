"""Files a learner's devices still keep: when none of them does, and no record of the
learner cites a file any more, the learner's hold on it goes (the file too, if nobody else
holds it). docs/decisions/0024-transfers-and-removed-files.md says why devices must agree.
"""

from __future__ import annotations

import json

from team_server import blobstore
from team_server.db import write_transaction
from team_server.models import BlobGrant, DeviceFiles, Record, RecordBlob, User, utcnow

MAX_KEPT = 20_000  # hashes in one declaration: far above a year of attachments


def declare(user: User, device_id: str, kept: list[str]) -> dict:
    """Record what `device_id` keeps, release the files none of the learner's devices keeps.

    Returns `held`: the kept files the server holds for the learner (the device sends the
    others again), and `released`: how many files this declaration let go.
    """
    with write_transaction():
        DeviceFiles.insert(
            user=user.id,
            device_id=device_id,
            hashes=json.dumps(sorted(set(kept))),
            declared_at=utcnow(),
        ).on_conflict(
            conflict_target=[DeviceFiles.user, DeviceFiles.device_id],
            update={
                DeviceFiles.hashes: json.dumps(sorted(set(kept))),
                DeviceFiles.declared_at: utcnow(),
            },
        ).execute()
        held = {
            digest
            for (digest,) in BlobGrant.select(BlobGrant.blob)
            .where(BlobGrant.user == user.id)
            .tuples()
        }
        released = held - _cited_by(user) - _kept_by_devices(user)
        if released:
            BlobGrant.delete().where(
                (BlobGrant.user == user.id) & BlobGrant.blob.in_(sorted(released))
            ).execute()
            blobstore.drop_unheld(sorted(released))
    return {"held": sorted((held - released) & set(kept)), "released": len(released)}


def _cited_by(user: User) -> set[str]:
    """Files a record of the learner cites (entries not yet emptied from the bin included)."""
    query = RecordBlob.select(RecordBlob.hash).join(Record).where(Record.owner == user.id).tuples()
    return {digest for (digest,) in query}


def _kept_by_devices(user: User) -> set[str]:
    kept: set[str] = set()
    for (hashes,) in (
        DeviceFiles.select(DeviceFiles.hashes).where(DeviceFiles.user == user.id).tuples()
    ):
        kept.update(json.loads(hashes))
    return kept
