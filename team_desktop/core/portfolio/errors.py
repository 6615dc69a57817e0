"""Errors of the portfolio that the learner can act on; each message says what to do."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from peewee import OperationalError

from team_desktop.core.i18n import _
from team_desktop.core.store.db import explain_sqlite_error, sqlite_error_code
from team_desktop.core.store.models import database

log = logging.getLogger(__name__)


class PortfolioError(Exception):
    """Something the learner can fix (disk full, missing file...); nothing was changed."""


class AttachmentMissing(PortfolioError):
    """An attachment's stored file, or the file being attached, cannot be found."""


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """One transaction; errors from the environment become a PortfolioError, all rolled back."""
    try:
        with database.atomic():
            yield
    except (OperationalError, sqlite3.OperationalError) as error:
        log.warning("a save failed (SQLite code %s)", sqlite_error_code(error))
        raise PortfolioError(explain_write_error(error)) from error


def explain_write_error(error: Exception) -> str:
    """French message for a failed save: the previous version is intact, the text still shown."""
    # A full disk makes SQLite roll back by itself, so peewee's own rollback then fails:
    # the cause is further down the chain, where the result code is found.
    if sqlite_error_code(error) == sqlite3.SQLITE_FULL:
        return _(
            "Enregistrement impossible : le disque est plein. La dernière version enregistrée "
            "est intacte et votre texte reste dans l'éditeur : libérez de la place, "
            "l'enregistrement reprendra automatiquement."
        )
    path = Path(getattr(database.obj, "database", "") or "team.sqlite3")
    return _("Enregistrement impossible. {why} Votre texte reste dans l'éditeur.").format(
        why=explain_sqlite_error(error, path)
    )
