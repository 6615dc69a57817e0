"""Opening the local store: pragmas, schema migrations with a backup first, clear errors."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

from peewee import OperationalError

from team_desktop.core.i18n import _
from team_desktop.core.paths import DataPaths, keep_private
from team_desktop.core.store.migrations import MIGRATIONS, SCHEMA_VERSION
from team_desktop.core.store.models import MODELS as COURSE_MODELS
from team_desktop.core.store.models import Setting, database, utcnow
from team_desktop.core.store.portfolio_models import PORTFOLIO_MODELS
from team_desktop.core.store.research_models import RESEARCH_MODELS
from team_desktop.core.store.sync_models import SHARING_MODELS, SYNC_MODELS
from team_desktop.core.store.writer import StoreDatabase

MODELS = COURSE_MODELS + PORTFOLIO_MODELS + SYNC_MODELS + SHARING_MODELS + RESEARCH_MODELS

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL: a learner's words survive a power cut, not only an app crash.
    "synchronous": "full",
    "busy_timeout": 3000,
}


class StoreError(Exception):
    """The store cannot be used for a reason the learner can act on; the message says which."""


class Store:
    """The opened local store of one data directory."""

    def __init__(self, paths: DataPaths, db: StoreDatabase):
        self.paths = paths
        self.db = db

    @contextlib.contextmanager
    def bound(self) -> Iterator[Store]:
        """Make this the active store for a block, then restore the previous one.

        Models and `database.atomic()` both go through the proxy, so re-pointing it (rather
        than binding the models alone) keeps transactions on the same file as the writes.
        """
        previous = database.obj
        database.initialize(self.db)
        try:
            yield self
        finally:
            database.initialize(previous)

    def activate(self) -> None:
        """Point the models at this store for the rest of the process."""
        database.initialize(self.db)

    @property
    def device_id(self) -> str:
        return get_setting("device_id") or ""

    def close(self) -> None:
        self.db.close()


def open_store(paths: DataPaths) -> Store:
    """Open (creating or migrating) the store in `paths` and make it the active one."""
    paths.root.mkdir(parents=True, exist_ok=True)
    db = StoreDatabase(str(paths.database), pragmas=PRAGMAS)
    try:
        db.connect(reuse_if_open=True)
        version = db.execute_sql("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                _(
                    "Ces données ont été écrites par une version plus récente de TEAM Desktop "
                    "(schéma {found}, cette version connaît le schéma {known}). Mettez l'application à jour."
                ).format(found=version, known=SCHEMA_VERSION)
            )
        if 0 < version < SCHEMA_VERSION:
            backup_database(
                db, paths.backups / f"avant-migration-v{version}-{utcnow():%Y%m%d-%H%M%S}.sqlite3"
            )
        store = Store(paths, db)
        with store.bound():
            for number in range(version, SCHEMA_VERSION):
                with db.atomic():
                    MIGRATIONS[number](db)
                    db.execute_sql(f"PRAGMA user_version = {number + 1}")
            with db.atomic():
                # A write at start: a locked or read-only store is found now, not mid-session.
                Setting.insert(
                    key="device_id", value=uuid.uuid4().hex
                ).on_conflict_ignore().execute()
    except StoreError:
        db.close()
        raise
    except (OperationalError, sqlite3.OperationalError, sqlite3.DatabaseError) as error:
        db.close()
        raise StoreError(explain_sqlite_error(error, paths.database)) from error
    keep_private(paths.root)
    store.activate()
    return store


def sqlite_error_code(error: BaseException) -> int | None:
    """SQLite's primary result code behind `error`, or None.

    peewee wraps sqlite3's errors, and a failed rollback hides the real cause in its context
    (a full disk ends the transaction itself): a specific code anywhere in the chain wins over
    the generic SQLITE_ERROR.
    """
    seen: list[BaseException] = []
    codes: list[int] = []
    pending: list[object] = [error]
    while pending and len(seen) < 20:
        current = pending.pop(0)
        if not isinstance(current, BaseException) or any(current is s for s in seen):
            continue
        seen.append(current)
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int):
            codes.append(code & 0xFF)
        pending += [*current.args[:1], current.__cause__, current.__context__]
    specific = [code for code in codes if code != sqlite3.SQLITE_ERROR]
    return (specific or codes or [None])[0]


def explain_sqlite_error(error: BaseException, path: Path) -> str:
    """Turn an SQLite error from the environment into a French message saying what to do.

    Classified by SQLite's result code, never by the message's wording.
    """
    code = sqlite_error_code(error)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return _(
            "La base de données {path} est verrouillée par un autre programme "
            "(une autre fenêtre de TEAM Desktop ?). Fermez-le puis réessayez."
        ).format(path=path)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return _(
            "Impossible d'écrire dans {path} : le fichier ou son dossier est en lecture seule. "
            "Choisissez un dossier de données modifiable (option --data-dir)."
        ).format(path=path)
    if code == sqlite3.SQLITE_FULL:
        return _("Le disque est plein : libérez de la place puis réessayez. Rien n'a été perdu.")
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return _(
            "Le fichier {path} est endommagé. Restaurez une sauvegarde (dossier backups/)."
        ).format(path=path)
    return _("Erreur de la base de données {path} : {error}").format(path=path, error=error)


def backup_database(db: StoreDatabase, target: Path) -> Path:
    """Consistent copy of the open database through SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source = db.connection()
    with contextlib.closing(sqlite3.connect(str(target))) as copy:
        source.backup(copy)
    return target


def get_setting(key: str, default: str | None = None) -> str | None:
    """Value of a store setting, or `default`."""
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def get_list_setting(key: str) -> list:
    """A setting holding a JSON list; [] when absent, damaged or not a list (the caller
    checks each item)."""
    try:
        value = json.loads(get_setting(key) or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def set_setting(key: str, value: str) -> None:
    """Store a setting (insert or replace)."""
    Setting.replace(key=key, value=value).execute()
