"""The `.teamsync` file: a sync request or answer that travels on a USB stick, checksummed and signed.

A zip holding `contenu.json` (the signed body), `signature.json` (its SHA-256, the key's id and
an HMAC-SHA256 of the body) and `LISEZMOI.txt` (what it holds, in French, for whoever finds the
stick). Shared by the app and `team-server deliver-bundle`; docs/sync-protocol.md describes it.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from team_desktop.core.i18n import _
from team_desktop.core.sync.errors import SyncError

FORMAT = "teamsync"
VERSION = 1
SUFFIX = ".teamsync"
BODY, SIGNATURE, README = "contenu.json", "signature.json", "LISEZMOI.txt"
MAX_FILE_BYTES = 256 * 2**20  # a stick's file, attachments aside
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

    def signed_by(self, key: bytes) -> bool:
        """Whether `key` signed this body (compared in constant time)."""
        expected = hmac.new(key, self.raw, hashlib.sha256).hexdigest()
        return key_id(key) == self.key_id and hmac.compare_digest(expected, self.mac)


def write(path: Path, body: dict, summary: str, key: bytes) -> Path:
    """Write `body` signed with `key`, with its readable summary; atomically (a temporary file)."""
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    signature = {
        "format": FORMAT,
        "version": VERSION,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "key_id": key_id(key),
        "hmac": hmac.new(key, raw, hashlib.sha256).hexdigest(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(README, summary)
        archive.writestr(SIGNATURE, json.dumps(signature, indent=1))
        archive.writestr(BODY, raw)
    path = Path(path)
    partial = path.with_name(path.name + ".partiel")
    with open(partial, "wb") as out:
        out.write(buffer.getvalue())
        out.flush()
        os.fsync(out.fileno())
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
    return Bundle(body, raw, str(signature.get("key_id")), str(signature.get("hmac")))


def _member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, read no further than `limit` (the zip's stated size may lie)."""
    with archive.open(name) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"{name} is larger than {limit} bytes")
    return data
