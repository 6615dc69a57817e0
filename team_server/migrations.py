"""Ordered, versioned schema migrations, the same on SQLite and PostgreSQL (`team-server migrate`)."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable

from peewee import BigIntegerField, BooleanField, Database, DateTimeField, TextField
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_operations

from team_server import models as m
from team_server.attestations.keys import KEY_NAME, new_key_value
from team_server.db import database, lock_writes

VERSION_TABLE = "schema_version"


class SchemaError(Exception):
    """The database is not at the schema this server expects; the message says what to do."""


def _v1_initial(db: Database) -> None:
    db.create_tables(m.MODELS)
    m.ServerMeta.create(key="server_id", value=uuid.uuid4().hex)
    m.Counter.create(name="seq", value=0)


def _v2_research(db: Database) -> None:
    """Consent history, the LRS queue, the researcher role, the pseudonym secret, the ghost."""
    db.create_tables([m.ConsentEvent, m.StatementForward])
    present = {column.name for column in db.get_columns("user")}
    if "researcher" not in present:  # a database made by step 1 before this column existed
        migrator = SchemaMigrator.from_database(db)
        run_operations(migrator.add_column("user", "researcher", BooleanField(default=False)))
    # The key of the research pseudonyms: in the database, so every instance uses the same.
    m.ServerMeta.insert(
        key="research_secret", value=secrets.token_hex(32)
    ).on_conflict_ignore().execute()
    m.User.insert(
        id=m.GHOST_ID,
        username=m.GHOST_USERNAME,
        display_name=m.GHOST_NAME,
        password_hash="!",
    ).on_conflict_ignore().execute()


def _v3_file_storage(db: Database) -> None:
    """Where a file's bytes are: null for database chunks, else its object storage."""
    if "location" not in {column.name for column in db.get_columns("blob")}:
        migrator = SchemaMigrator.from_database(db)
        run_operations(migrator.add_column("blob", "location", TextField(null=True)))


def _v4_attestations(db: Database) -> None:
    """Attestations issued, and the key that signs them (shared by every instance)."""
    db.create_tables([m.IssuedCredential])
    m.ServerMeta.insert(key=KEY_NAME, value=new_key_value()).on_conflict_ignore().execute()


def _v5_device_files(db: Database) -> None:
    """What each device still keeps, so removed attachments can leave the server."""
    db.create_tables([m.DeviceFiles])


def _v6_account_controls(db: Database) -> None:
    """Tokens expire when unused (renewed on use); account creations are counted per address."""
    db.create_tables([m.SignupAttempt])
    present = {column.name for column in db.get_columns("token")}
    if "last_used_at" not in present:  # a database made before this column existed
        migrator = SchemaMigrator.from_database(db)
        run_operations(migrator.add_column("token", "last_used_at", DateTimeField(null=True)))
    # Existing sessions start their idle time now rather than expiring at once.
    m.Token.update(last_used_at=m.utcnow()).where(m.Token.last_used_at.is_null()).execute()


def _v7_account_quota(db: Database) -> None:
    """An account's own storage quota, set by an administrator (null: the server's)."""
    if "quota_bytes" not in {column.name for column in db.get_columns("user")}:
        migrator = SchemaMigrator.from_database(db)
        run_operations(migrator.add_column("user", "quota_bytes", BigIntegerField(null=True)))


# Append new steps; never edit or reorder a released one.
MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_initial,
    _v2_research,
    _v3_file_storage,
    _v4_attestations,
    _v5_device_files,
    _v6_account_controls,
    _v7_account_quota,
]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(db: Database) -> int:
    """The schema version of `db`; 0 for a database the server never touched."""
    if not db.table_exists(VERSION_TABLE):
        return 0
    row = db.execute_sql(f"SELECT MAX(version) FROM {VERSION_TABLE}").fetchone()
    return int(row[0] or 0)


def is_fresh(db: Database) -> bool:
    """True for a database without any table (a new file or an empty schema)."""
    return not db.get_tables()


def migrate(db: Database) -> tuple[int, int]:
    """Bring `db` to SCHEMA_VERSION, one step per transaction; returns (before, after)."""
    database.initialize(db)
    with db.connection_context():
        with db.atomic():
            # Two instances migrating at once: the second waits, then finds nothing to do.
            lock_writes()
            db.execute_sql(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
        before = current_version(db)
        _refuse_newer(before)
        for number in range(before, SCHEMA_VERSION):
            with db.atomic():
                lock_writes()
                if current_version(db) > number:
                    continue
                MIGRATIONS[number](db)
                db.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES ({number + 1})")
        return before, current_version(db)


def check_schema(db: Database) -> None:
    """Raise SchemaError unless `db` is exactly at SCHEMA_VERSION."""
    with db.connection_context():
        version = current_version(db)
    _refuse_newer(version)
    if version < SCHEMA_VERSION:
        raise SchemaError(
            f"La base de données est au schéma {version}, ce serveur attend le schéma "
            f"{SCHEMA_VERSION} : lancez d'abord « team-server migrate » avec la même base."
        )


def _refuse_newer(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"La base de données est au schéma {version}, plus récent que celui de ce serveur "
            f"({SCHEMA_VERSION}) : mettez team-server à jour."
        )
