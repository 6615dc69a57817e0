"""Newer course packs from the server: find them, download them resumably, install them."""

from __future__ import annotations

from dataclasses import dataclass

from team_desktop.core import library
from team_desktop.core.content.archive import MAX_TOTAL_BYTES
from team_desktop.core.content.pack_meta import version_key
from team_desktop.core.hashing import sha256_file
from team_desktop.core.i18n import _
from team_desktop.core.store.db import Store
from team_desktop.core.store.models import PackRecord
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import MalformedReply, OfflineError, SyncError
from team_desktop.core.sync.transfers import DOWN, TransferControl, TransferProgress

CHUNK = 256 * 1024


class DownloadCut(OfflineError):
    """The connection went during a pack's download; what arrived is kept for the next try."""

    def __init__(self, detail: str = ""):
        SyncError.__init__(
            self,
            _(
                "La connexion a été coupée pendant le téléchargement des modules. Ce qui a été "
                "téléchargé est gardé : la mise à jour reprendra là où elle s'est arrêtée."
            ),
        )
        self.detail = detail


class PackDamaged(SyncError):
    """A downloaded pack does not match the checksum the server announced."""

    def __init__(self) -> None:
        super().__init__(
            _("Le module téléchargé est incomplet ou abîmé ; il sera téléchargé à nouveau.")
        )


@dataclass
class PackOffer:
    """A pack the server has in a newer version than this device (or not installed here)."""

    id: str
    title: str
    version: str
    installed: str | None
    sha256: str
    size: int


def offers(connection: Connection) -> list[PackOffer]:
    """Packs in the server's catalogue that are newer than (or missing from) this device."""
    catalogue = connection.json("GET", "/packs")
    if not isinstance(catalogue, list):
        raise MalformedReply("packs")
    installed = dict(PackRecord.select(PackRecord.id, PackRecord.version).tuples())
    result = []
    for item in catalogue:
        try:
            newer = item["id"] not in installed or version_key(item["version"]) > version_key(
                installed[item["id"]]
            )
        except (KeyError, ValueError, TypeError):
            continue  # an entry we cannot read is ignored, not fatal
        if not isinstance(item.get("size"), int) or not 0 < item["size"] <= MAX_TOTAL_BYTES:
            continue  # no pack is larger than an import accepts: the download is bounded by it
        if newer:
            result.append(
                PackOffer(
                    item["id"],
                    item.get("title", item["id"]),
                    item["version"],
                    installed.get(item["id"]),
                    item["sha256"],
                    int(item["size"]),
                )
            )
    return result


def download_and_install(
    store: Store,
    connection: Connection,
    offer: PackOffer,
    progress=None,
    control: TransferControl | None = None,
) -> library.InstallResult:
    """Fetch the pack (resuming a partial file after a cut), check it, install it.

    `control` may pause the download (TransfersPaused): the partial file is kept, and the
    next call goes on from its last byte.
    """
    control = control or TransferControl()
    control.checkpoint()
    partial = store.paths.tmp / f"pack-{offer.id}-{offer.version}.teampack.part"
    partial.parent.mkdir(parents=True, exist_ok=True)
    offset = partial.stat().st_size if partial.exists() else 0
    if offset < offer.size:
        with partial.open("ab") as out:
            url = f"/packs/{offer.id}/{offer.version}"
            try:
                for chunk in connection.iter_download(url, offset, offer.size - offset):
                    out.write(chunk)
                    offset += len(chunk)
                    if progress:
                        progress(offset, offer.size)
                    control.moved(TransferProgress(DOWN, offer.title, offset, offer.size))
            except OfflineError as error:
                raise DownloadCut(getattr(error, "detail", "")) from error
    if sha256_file(partial) != offer.sha256:
        partial.unlink()
        raise PackDamaged()
    try:
        return library.import_pack_file(store, partial)
    finally:
        partial.unlink(missing_ok=True)
