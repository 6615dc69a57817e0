"""Publishing course packs: each `.teampack` is verified exactly as the app verifies it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from team_desktop.core.content.archive import PackArchiveError, extract_archive
from team_desktop.core.content.pack_meta import version_key
from team_server import blobstore
from team_server.db import database
from team_server.models import Blob, Pack


class PublishError(Exception):
    """A pack the server refuses to publish; the message says why, in French."""


def publish(path: Path) -> tuple[dict, bool]:
    """Verify and publish a pack file; returns (catalogue entry, True if it was new)."""
    if not path.is_file():
        raise PublishError(f"Fichier introuvable : {path}")
    with tempfile.TemporaryDirectory(prefix="team-server-pack-") as scratch:
        dest = Path(scratch) / "pack"
        dest.mkdir()
        try:
            pack = extract_archive(path, dest)
        except PackArchiveError as error:
            raise PublishError(str(error)) from error
    with database.connection_context():
        existing = Pack.get_or_none((Pack.pack_id == pack.id) & (Pack.version == pack.version))
        digest, _size = blobstore.store_file(path)
        if existing is not None:
            if existing.blob_id != digest:
                raise PublishError(
                    f"La version {pack.version} du pack « {pack.id} » est déjà publiée avec un "
                    "autre contenu : changez le numéro de version du pack."
                )
            return entry(existing), False
        with database.atomic():
            row = Pack.create(
                pack_id=pack.id,
                version=pack.version,
                title=pack.title,
                week=pack.meta.get("week"),
                blob=digest,
            )
        return entry(Pack.get_by_id(row.id)), True


def entry(pack: Pack) -> dict:
    """A pack as the catalogue lists it."""
    blob = Blob.get_by_id(pack.blob_id)
    return {
        "id": pack.pack_id,
        "version": pack.version,
        "title": pack.title,
        "week": pack.week,
        "sha256": blob.hash,
        "size": blob.size,
    }


def catalogue() -> list[dict]:
    """Every published version of every pack, by pack id then version."""
    packs = sorted(Pack.select(), key=lambda p: (p.pack_id, _sortable(p.version)))
    return [entry(pack) for pack in packs]


def newest_versions() -> list[Pack]:
    """The newest published version of each pack, by pack id."""
    newest: dict[str, Pack] = {}
    for pack in sorted(Pack.select(), key=lambda p: (p.pack_id, _sortable(p.version))):
        newest[pack.pack_id] = pack
    return list(newest.values())


def _sortable(version: str) -> tuple:
    try:
        return (0, version_key(version), version)
    except ValueError:
        return (1, (0, 0, 0), version)
