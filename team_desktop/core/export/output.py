"""Writing an export so that a failed or cancelled one leaves nothing half-written behind."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from team_desktop.core.i18n import _


class ExportError(Exception):
    """An export that cannot be written; the message says why in plain French."""


@contextlib.contextmanager
def staged_file(target: Path) -> Iterator[Path]:
    """Yield a scratch path beside `target`; it replaces `target` only if the block succeeds."""
    target = Path(target)
    _check_parent(target)
    handle, scratch = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    os.close(handle)
    try:
        yield Path(scratch)
        os.replace(scratch, target)
    finally:
        Path(scratch).unlink(missing_ok=True)


@contextlib.contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield a scratch folder that becomes `target` (absent or empty) if the block succeeds."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ExportError(
            _(
                "Le dossier {path} existe déjà et n'est pas vide : choisissez un dossier vide "
                "ou un nouveau nom (rien n'a été écrit)."
            ).format(path=target)
        )
    _check_parent(target)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        yield scratch
        if target.exists():
            target.rmdir()
        scratch.rename(target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _check_parent(target: Path) -> None:
    if not target.parent.is_dir():
        raise ExportError(
            _("Le dossier {path} n'existe pas : choisissez un autre emplacement.").format(
                path=target.parent
            )
        )
