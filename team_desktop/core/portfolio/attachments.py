"""Attachments: files copied once into `attachments/<hash[:2]>/<hash>`, listed on their entry."""

from __future__ import annotations

import contextlib
import hashlib
import json
import mimetypes
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from team_desktop.core.hashing import is_sha256
from team_desktop.core.i18n import _
from team_desktop.core.paths import DataPaths
from team_desktop.core.portfolio import entries
from team_desktop.core.portfolio.entries import Attachment
from team_desktop.core.portfolio.errors import AttachmentMissing, PortfolioError, writing
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.portfolio_models import AttachmentBlob, JournalEntry

CHUNK = 1 << 20
# The server keeps files up to 200 MiB (team_server/settings.py): no larger one could travel.
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024

Progress = Callable[[int, int], None]


def blob_path(paths: DataPaths, digest: str) -> Path:
    """Where the file with SHA-256 `digest` is kept; ValueError for anything but a SHA-256.

    A digest comes from records a server or a peer sent: "../" or an absolute path must never
    name a file outside the attachment folder (it would be uploaded, or overwritten).
    """
    if not is_sha256(digest):
        raise ValueError(f"not a SHA-256 digest: {digest!r}")
    return paths.attachments / digest[:2] / digest


def add_attachment(
    paths: DataPaths, entry_id: str, source: Path, progress: Progress | None = None
) -> Attachment:
    """Copy `source` into the data directory (once per content) and list it on the entry."""
    source = Path(source)
    if not source.is_file():
        raise AttachmentMissing(
            _(
                "Le fichier « {f} » est introuvable : il a peut-être été déplacé ou supprimé."
            ).format(f=source)
        )
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise PortfolioError(
            _("« {f} » est trop volumineux ({n} Mo, {max} Mo au plus).").format(
                f=source.name, n=size // (1024 * 1024), max=MAX_ATTACHMENT_BYTES // (1024 * 1024)
            )
        )
    digest = _store_file(paths, source, size, progress)
    attachment = Attachment(
        hash=digest,
        name=source.name,
        size=size,
        mime=mimetypes.guess_type(source.name)[0] or "application/octet-stream",
    )
    with writing():
        row = _entry_row(entry_id)
        listed = json.loads(row.attachments_json)
        AttachmentBlob.insert(
            hash=digest, size=size, mime=attachment.mime, created_at=utcnow()
        ).on_conflict_ignore().execute()
        if not any(a["hash"] == digest for a in listed):
            listed.append(attachment.__dict__)
            row.attachments_json = json.dumps(listed, ensure_ascii=False)
            row.updated_at = utcnow()
            row.save()
            entries.after_change(row, reindex=False)
    return attachment


def _store_file(paths: DataPaths, source: Path, size: int, progress: Progress | None) -> str:
    """Hash while copying to a scratch file, then rename it into place (never half a file)."""
    paths.tmp.mkdir(parents=True, exist_ok=True)
    handle, scratch_name = tempfile.mkstemp(prefix="attachment-", dir=paths.tmp)
    scratch = Path(scratch_name)
    try:
        sha = hashlib.sha256()
        done = 0
        with open(handle, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                sha.update(chunk)
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, size)
            out.flush()
            os.fsync(out.fileno())
        digest = sha.hexdigest()
        target = blob_path(paths, digest)
        if target.is_file() and target.stat().st_size == done:
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(scratch, target)
        return digest
    except OSError as error:
        raise PortfolioError(
            _(
                "« {f} » n'a pas pu être copié dans vos données ({e}). L'entrée n'a pas changé."
            ).format(f=source.name, e=error.strerror or error)
        ) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            scratch.unlink()


def remove_attachment(entry_id: str, digest: str) -> None:
    """Take a file off an entry (its stored copy goes when no entry uses it any more)."""
    with writing():
        row = _entry_row(entry_id)
        listed = [a for a in json.loads(row.attachments_json) if a["hash"] != digest]
        row.attachments_json = json.dumps(listed, ensure_ascii=False)
        row.updated_at = utcnow()
        row.save()
        entries.after_change(row, reindex=False)


def stored_file(paths: DataPaths, attachment: Attachment) -> Path:
    """The stored file of an attachment; AttachmentMissing with a clear message if it is gone."""
    path = blob_path(paths, attachment.hash)
    if not path.is_file():
        raise AttachmentMissing(
            _(
                "La pièce jointe « {name} » est introuvable dans le dossier de données "
                "({path}) : elle a été supprimée ou déplacée hors de TEAM Desktop. "
                "Vous pouvez la retirer de l'entrée puis la joindre à nouveau."
            ).format(name=attachment.name, path=path)
        )
    return path


def openable_copy(paths: DataPaths, attachment: Attachment) -> Path:
    """A copy under its own name (so the system viewer knows its type); the store stays intact."""
    source = stored_file(paths, attachment)
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", attachment.name).strip(". ") or attachment.hash
    target = paths.tmp / "ouvertes" / attachment.hash[:16] / name
    if not (target.is_file() and target.stat().st_size == attachment.size):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return target


def prune_unused(paths: DataPaths) -> int:
    """Delete stored files that no entry lists any more; returns how many went."""
    used = {
        row[0]
        for row in database.execute_sql(
            "SELECT DISTINCT json_extract(value, '$.hash') "
            "FROM journal_entry, json_each(journal_entry.attachments_json)"
        ).fetchall()
    }
    unused = [b.hash for b in AttachmentBlob.select(AttachmentBlob.hash) if b.hash not in used]
    with writing():
        AttachmentBlob.delete().where(AttachmentBlob.hash.in_(unused)).execute()
    for digest in unused:
        with contextlib.suppress(FileNotFoundError):
            blob_path(paths, digest).unlink()
    return len(unused)


def _entry_row(entry_id: str) -> JournalEntry:
    row = JournalEntry.get_or_none((JournalEntry.id == entry_id) & ~JournalEntry.deleted)
    if row is None:
        raise PortfolioError(_("Cette entrée n'existe plus (sa corbeille a été vidée)."))
    return row
