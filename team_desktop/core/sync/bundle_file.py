"""The `.teamsync` file: a sync request or answer that travels on a USB stick, checksummed and signed.

A zip holding `contenu.json` (the signed body), `signature.json` (its SHA-256, the key's id and
an HMAC-SHA256 of the body), `LISEZMOI.txt` (what it holds, in French, for whoever finds the
stick) and attachments as `fichiers/<sha256>` (each named in the signed body and checked
against its hash). Shared by the app and the server; docs/sync-protocol.md describes it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from team_desktop.core.hashing import is_sha256
from team_desktop.core.i18n import _
from team_desktop.core.sync.errors import SyncError

FORMAT = "teamsync"
VERSION = 1
SUFFIX = ".teamsync"
BODY, SIGNATURE, README = "contenu.json", "signature.json", "LISEZMOI.txt"
FILES = "fichiers/"
MAX_FILE_BYTES = 4 * 2**30  # a stick's file with its attachments (FAT32 stops there too)
PIECE = 2**20
MAX_BODY_BYTES = 256 * 2**20  # inflated: a small zip must not fill the memory
MAX_SIDE_BYTES = 64 * 2**10  # signature and readme


class BundleError(SyncError):
    """A sync file refused; `str(error)` says why, in French. Nothing was changed."""


def damaged() -> BundleError:
    return BundleError(
        _(
            "Ce fichier de synchronisation est endommagé ou incomplet (copie interrompue, clé USB "
            "abîmée ?) : rien n'a été modifié. Recopiez-le, ou écrivez-en un nouveau."
        )
    )


def tampered() -> BundleError:
    return BundleError(
        _(
            "Ce fichier de synchronisation a été modifié depuis qu'il a été écrit, ou il n'a pas "
            "été signé pour ce compte : rien n'a été modifié."
        )
    )


def signing_key(token_hash: str) -> bytes:
    """The key that signs a device's files: derived from its session, as the server stores it.

    `token_hash` is the SHA-256 (hex) of the device's token, which the server keeps; the token
    itself stays on the device (decision 0018 says what this trusts).
    """
    return hmac.new(token_hash.encode("ascii"), b"teamsync v1", hashlib.sha256).digest()


def token_hash(token: str) -> str:
    """The SHA-256 (hex) of a session token, as the server stores it."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def key_id(key: bytes) -> str:
    """A short name for a key that says nothing of it: the server finds the session by it."""
    return hashlib.sha256(b"teamsync key id" + key).hexdigest()[:32]


@dataclass
class Bundle:
    """A read file: its body, checksum verified; `signed_by` must still be checked."""

    body: dict
    raw: bytes
    key_id: str
    mac: str
    path: Path | None = None

    def signed_by(self, key: bytes) -> bool:
        """Whether `key` signed this body (compared in constant time)."""
        expected = hmac.new(key, self.raw, hashlib.sha256).hexdigest()
        return key_id(key) == self.key_id and hmac.compare_digest(expected, self.mac)

    def listed_files(self) -> dict[str, int]:
        """The attachments the signed body names (hash -> size); malformed entries are left out."""
        listed = self.body.get("files")
        found = {}
        for item in listed if isinstance(listed, list) else []:
            if isinstance(item, dict) and is_sha256(item.get("hash")):
                size = item.get("size")
                if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
                    found[item["hash"]] = size
        return found

    def copy_file(self, digest: str, size: int, target: Path) -> bool:
        """Copy the attachment `digest` to `target` if the file holds it whole and intact.

        Only a file named in the signed body is asked for; its bytes are checked against the
        hash, so nothing unsigned ever lands. False (and nothing written) otherwise.
        """
        partial = target.with_name(target.name + ".partiel")
        sha, written = hashlib.sha256(), 0
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(FILES + digest) as member:
                with open(partial, "wb") as out:
                    for piece in iter(lambda: member.read(PIECE), b""):
                        written += len(piece)
                        if written > size:
                            break
                        sha.update(piece)
                        out.write(piece)
        except (OSError, zipfile.BadZipFile, zlib.error, KeyError, EOFError):
            partial.unlink(missing_ok=True)
            return False
        if written != size or sha.hexdigest() != digest:
            partial.unlink(missing_ok=True)
            return False
        os.replace(partial, target)
        return True


def file_pieces(path: Path) -> Iterable[bytes]:
    """A file's bytes piece by piece, for `write`'s attachments."""
    with open(path, "rb") as handle:
        yield from iter(lambda: handle.read(PIECE), b"")


def write(
    path: Path,
    body: dict,
    summary: str,
    key: bytes,
    files: Iterable[tuple[str, Iterable[bytes]]] = (),
) -> Path:
    """Write `body` signed with `key`, its readable summary and `files` (hash, pieces); atomically.

    Attachments are stored, not deflated: photos and PDFs are compressed already.
    """
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    signature = {
        "format": FORMAT,
        "version": VERSION,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "key_id": key_id(key),
        "hmac": hmac.new(key, raw, hashlib.sha256).hexdigest(),
    }
    path = Path(path)
    partial = path.with_name(path.name + ".partiel")
    try:
        with open(partial, "wb") as out:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(README, summary)
                archive.writestr(SIGNATURE, json.dumps(signature, indent=1))
                archive.writestr(BODY, raw)
                for digest, pieces in files:
                    info = zipfile.ZipInfo(FILES + digest)
                    info.compress_type = zipfile.ZIP_STORED
                    with archive.open(info, "w", force_zip64=True) as member:
                        for piece in pieces:
                            member.write(piece)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)  # a full stick leaves no half file behind
        raise
    os.replace(partial, path)
    return path


def read(path: Path, kind: str) -> Bundle:
    """Read and check a file of `kind` ("request" or "answer"); BundleError if it is not one."""
    try:
        if Path(path).stat().st_size > MAX_FILE_BYTES:
            raise damaged()
        with zipfile.ZipFile(path) as archive:
            raw = _member(archive, BODY, MAX_BODY_BYTES)
            signature = json.loads(_member(archive, SIGNATURE, MAX_SIDE_BYTES))
        body = json.loads(raw)
    except (OSError, zipfile.BadZipFile, zlib.error, ValueError, KeyError, EOFError) as error:
        raise damaged() from error
    if not (
        isinstance(signature, dict)
        and signature.get("format") == FORMAT
        and isinstance(body, dict)
        and body.get("format") == FORMAT
    ):
        raise BundleError(_("Ce fichier n'est pas un fichier de synchronisation TEAM."))
    if signature.get("version") != VERSION or body.get("version") != VERSION:
        raise BundleError(
            _(
                "Ce fichier de synchronisation vient d'une version plus récente de TEAM : mettez-la à jour."
            )
        )
    if not hmac.compare_digest(str(signature.get("sha256")), hashlib.sha256(raw).hexdigest()):
        raise damaged()
    if body.get("kind") != kind:
        raise BundleError(
            _("Ce fichier est une demande de synchronisation, pas une réponse.")
            if kind == "answer"
            else _("Ce fichier est une réponse de synchronisation, pas une demande.")
        )
    return Bundle(body, raw, str(signature.get("key_id")), str(signature.get("hmac")), Path(path))


def _member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, read no further than `limit` (the zip's stated size may lie)."""
    with archive.open(name) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"{name} is larger than {limit} bytes")
    return data
