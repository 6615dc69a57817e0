"""The server's tables (docs/decisions/0007-server-storage.md explains the choices)."""

from __future__ import annotations

import datetime as dt
import uuid

from peewee import (
    BigAutoField,
    BigIntegerField,
    BlobField,
    BooleanField,
    CompositeKey,
    DateTimeField,
    DoubleField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from team_server.db import database

FACILITATOR, MEMBER = "facilitator", "member"
PRIVATE, GROUP = "private", "group"


def utcnow() -> dt.datetime:
    """Naive UTC now: the same wall clock on SQLite and PostgreSQL columns."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_id() -> str:
    return uuid.uuid4().hex


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class ServerMeta(BaseModel):
    """Facts about this database, such as `server_id` (made when the database was created)."""

    key = TextField(primary_key=True)
    value = TextField()


class Counter(BaseModel):
    """The global `seq`: bumped inside the write lock, so it grows in commit order."""

    name = TextField(primary_key=True)
    value = BigIntegerField(default=0)


class User(BaseModel):
    id = TextField(primary_key=True, default=new_id)
    username = TextField(unique=True)  # lowercased
    display_name = TextField()
    password_hash = TextField()
    membership_version = IntegerField(default=1)
    research_consent = BooleanField(default=False)
    researcher = BooleanField(default=False)  # may download the research export
    created_at = DateTimeField(default=utcnow)
    # Set by an administrator (`team-server set-quota`); null: the server's `--quota-mo`.
    quota_bytes = BigIntegerField(null=True)


class Token(BaseModel):
    """A device's bearer token, kept only as its SHA-256."""

    user = ForeignKeyField(User, backref="tokens", on_delete="CASCADE")
    token_hash = TextField(unique=True)
    device_name = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    revoked_at = DateTimeField(null=True)
    # Renewed on use (at most hourly): a token unused for `Settings.session_days` expires.
    last_used_at = DateTimeField(null=True, default=utcnow)


class LoginFailure(BaseModel):
    """A failed login, in the database so every instance counts the same failures."""

    username = TextField(index=True)
    address = TextField(index=True)
    at = DoubleField(index=True)  # epoch seconds


class SignupAttempt(BaseModel):
    """An attempt to create an account, per address: how many names one address may probe."""

    address = TextField(index=True)
    taken = BooleanField()  # the name asked for was someone's (the answer said so)
    at = DoubleField(index=True)  # epoch seconds


class Group(BaseModel):
    id = TextField(primary_key=True, default=new_id)
    name = TextField()
    invite_code = TextField(unique=True)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "team_group"  # GROUP is a reserved word in SQL


class Membership(BaseModel):
    group = ForeignKeyField(Group, backref="memberships", on_delete="CASCADE")
    user = ForeignKeyField(User, backref="memberships", on_delete="CASCADE")
    role = TextField(default=MEMBER)
    joined_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("group", "user"), True),)


class Record(BaseModel):
    """The current state of one synced record of any kind, with the `seq` of its last change.

    `scope` is the owner's id for kinds keyed per user (progress by lesson uid, ...) and empty
    for kinds with global UUIDs (entry, note, comment), so (kind, scope, record_id) is unique.
    """

    id = BigAutoField()
    kind = TextField()
    scope = TextField()
    record_id = TextField()
    owner = ForeignKeyField(User, backref="records", on_delete="CASCADE")
    visibility = TextField(default=PRIVATE)
    group_id = TextField(null=True, index=True)
    rev = IntegerField(default=1)
    seq = BigIntegerField(unique=True)
    data = TextField()  # JSON
    crdt = BlobField(null=True)  # notes: the whole document as one Yjs update
    target = TextField(null=True, index=True)  # comments: "<kind>:<id>" of what they discuss
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("kind", "scope", "record_id"), True),)


class Withdrawal(BaseModel):
    """A record taken out of a group: members who no longer see it are told to drop it."""

    seq = BigIntegerField(unique=True)
    kind = TextField()
    record_id = TextField()
    owner = ForeignKeyField(User, on_delete="CASCADE")
    group_id = TextField(index=True)

    class Meta:
        indexes = ((("kind", "record_id", "group_id"), True),)


class AppliedChange(BaseModel):
    """A change id already applied for this user: sent again, it changes nothing."""

    user = ForeignKeyField(User, on_delete="CASCADE")
    change_id = TextField()
    record = ForeignKeyField(Record, null=True, on_delete="SET NULL")
    applied_at = DateTimeField(default=utcnow)

    class Meta:
        primary_key = CompositeKey("user", "change_id")


class NoteDeviceState(BaseModel):
    """What one device of a user has of a note (a Yjs state vector): pulls send only the rest."""

    record = ForeignKeyField(Record, on_delete="CASCADE")
    user = ForeignKeyField(User, on_delete="CASCADE")
    device_id = TextField()
    state = BlobField()

    class Meta:
        indexes = ((("record", "user", "device_id"), True),)


class RecordBlob(BaseModel):
    """A record refers to a file: who may see the record may download the file."""

    record = ForeignKeyField(Record, on_delete="CASCADE")
    hash = TextField(index=True)

    class Meta:
        indexes = ((("record", "hash"), True),)


class Blob(BaseModel):
    """A complete file, stored once by SHA-256 (attachments and packs alike): in chunks, or
    in object storage at `location` (s3://bucket/prefix, decision 0023)."""

    hash = TextField(primary_key=True)
    size = BigIntegerField()
    created_at = DateTimeField(default=utcnow)
    location = TextField(null=True)


class Upload(BaseModel):
    """An upload in progress, per user and file, resumable at `received`."""

    user = ForeignKeyField(User, on_delete="CASCADE")
    hash = TextField()
    total_size = BigIntegerField()
    received = BigIntegerField(default=0)
    started_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "hash"), True),)


class Chunk(BaseModel):
    """A piece of a file: first of an upload, then of the blob it became (no copy)."""

    upload = ForeignKeyField(Upload, null=True, on_delete="CASCADE")
    blob = ForeignKeyField(Blob, null=True, on_delete="CASCADE")
    offset = BigIntegerField()
    length = IntegerField()
    data = BlobField()

    class Meta:
        indexes = ((("blob", "offset"), False), (("upload", "offset"), False))


class BlobGrant(BaseModel):
    """This user uploaded the whole file, so they may read it back."""

    blob = ForeignKeyField(Blob, on_delete="CASCADE")
    user = ForeignKeyField(User, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("blob", "user")


class DeviceFiles(BaseModel):
    """The files one device of a user still keeps (its last declaration, JSON list of hashes)."""

    user = ForeignKeyField(User, on_delete="CASCADE")
    device_id = TextField()
    hashes = TextField(default="[]")
    declared_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "device_id"), True),)


class ConsentEvent(BaseModel):
    """One research consent decision of a user: the history of their choices."""

    user = ForeignKeyField(User, backref="consent_events", on_delete="CASCADE")
    consent = BooleanField()
    text_version = TextField(default="")  # the version of the text the learner read
    decided_at = DateTimeField()  # when the learner chose (never later than recorded_at)
    recorded_at = DateTimeField(default=utcnow)


class StatementForward(BaseModel):
    """An xAPI statement on its way to the external Learning Record Store.

    Deleted with its record (a withdrawal), so a statement of a learner who withdrew is never
    sent afterwards. `lease_until` keeps a batch to the instance sending it.
    """

    record = ForeignKeyField(Record, unique=True, on_delete="CASCADE")
    queued_at = DateTimeField(default=utcnow)
    attempts = IntegerField(default=0)
    lease_until = DateTimeField(null=True)
    sent_at = DateTimeField(null=True, index=True)
    refused = BooleanField(
        default=False
    )  # the LRS said the statement is invalid: kept, not retried
    last_error = TextField(null=True)


class Pack(BaseModel):
    """A published version of a course pack; the file is a Blob."""

    pack_id = TextField()
    version = TextField()
    title = TextField()
    week = IntegerField(null=True)
    blob = ForeignKeyField(Blob)
    published_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("pack_id", "version"), True),)


MODELS = [
    ServerMeta,
    Counter,
    User,
    Token,
    LoginFailure,
    SignupAttempt,
    Group,
    Membership,
    Record,
    Withdrawal,
    AppliedChange,
    NoteDeviceState,
    RecordBlob,
    Blob,
    Upload,
    Chunk,
    BlobGrant,
    DeviceFiles,
    Pack,
    ConsentEvent,
    StatementForward,
]

# Owner of the shared contributions a deleted account chose to leave, anonymised, with its
# groups (and of the withdrawals telling members to drop the others). Nobody can log in as it:
# its username is not a valid one and its password hash is not a hash.
GHOST_ID = "0" * 32
GHOST_USERNAME = "~anonyme"
GHOST_NAME = "Participant·e anonyme"


class IssuedCredential(BaseModel):
    """An attestation issued to a learner at their request; `status_index` is its bit in the
    revocation list (docs/decisions/0022-competencies-and-attestations.md)."""

    id = TextField(primary_key=True, default=new_id)
    user = ForeignKeyField(User, on_delete="CASCADE")
    kind = TextField()  # "module" or "competency"
    uid = TextField()  # a pack id or a competency uid
    status_index = IntegerField(unique=True)
    token = TextField()  # the signed credential (vc+jwt)
    issued_at = DateTimeField(default=utcnow)
    revoked_at = DateTimeField(null=True)
    revoked_by = TextField(null=True)

    class Meta:
        indexes = ((("user", "kind", "uid"), False),)
