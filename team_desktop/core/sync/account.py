"""Signing up, logging in and out, and the learner's groups, as seen from this device."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from team_desktop.core.facilitation import report
from team_desktop.core.i18n import _
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import store as notes_store
from team_desktop.core.store.models import PackRecord, database
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import credentials
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import (
    AuthError,
    MalformedReply,
    OfflineError,
    SyncError,
    Unreachable,
    WrongPassword,
)


class AccountMismatch(SyncError):
    """This data directory already belongs to another account."""

    def __init__(self, username: str):
        super().__init__(
            _(
                "Ce dossier de données est déjà lié au compte « {u} ». Pour utiliser un autre compte, "
                "ouvrez TEAM Desktop avec un autre dossier de données (--data-dir)."
            ).format(u=username)
        )


def normalise_url(url: str) -> str:
    """The address as typed, with `https://` added when no scheme was given (never http)."""
    url = url.strip().rstrip("/")
    if url and "://" not in url:
        url = "https://" + url
    return url


def unencrypted(url: str) -> bool:
    """Whether a password and writing sent to `url` would cross the network unencrypted.

    http:// to this very computer (a server for trying things out) never leaves it.
    """
    parts = urlsplit(normalise_url(url))
    return parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1")


def valid_url(url: str) -> bool:
    """Whether `url` can be a server's address (http or https, a host, no spaces)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url


def suggested_server() -> str:
    """The address to offer: the saved one, else the one an installed course pack names."""
    saved = sync_state.load().server_url
    if saved:
        return saved
    for row in PackRecord.select().order_by(PackRecord.week, PackRecord.order):
        try:
            server = json.loads(row.meta_json).get("server")
        except ValueError:
            continue
        if isinstance(server, str) and valid_url(server):
            return server
    return ""


def connect() -> Connection | None:
    """A connection for the saved account, or None when there is none or no token this session."""
    state = sync_state.load()
    if not state.configured:
        return None
    token = credentials.load_token(state.server_url, state.username)
    return Connection(state.server_url, token) if token else None


@dataclass
class Login:
    """A logged-in connection, and whether its token survives a restart (system keyring)."""

    connection: Connection
    kept: bool


def log_in(
    url: str,
    username: str,
    password: str,
    device_name: str,
    display_name: str | None = None,
    create: bool = False,
) -> Login:
    """Create the account if asked, log in and remember it on this device."""
    url = normalise_url(url)
    if not valid_url(url):
        raise Unreachable(url)
    state = sync_state.load()
    if state.user_id and state.username and state.username != username:
        raise AccountMismatch(state.username)
    connection = Connection(url)
    try:
        if create:
            connection.create_account(username, password, display_name or username)
        answer = connection.login(username, password, device_name)
    except AuthError as error:
        # On a login, 401 means these credentials, not a session the server forgot.
        raise WrongPassword() from error
    except OfflineError as error:
        raise Unreachable(url, error.detail) from error
    user = answer.get("user") or {}
    kept = credentials.store_token(url, username, connection.token or "")
    with database.atomic():
        sync_state.remember_user(user.get("id", ""))
        sync_state.save(
            server_url=url,
            username=username,
            display_name=user.get("display_name", display_name or username),
            device_name=device_name,
        )
        # Notes name their authors by account from now on, so co-authors see who wrote what.
        if user.get("id"):
            note_authors.adopt_account(
                user["id"], user.get("display_name") or display_name or username
            )
    if user.get("id"):
        # What was written here before the account is the learner's, not a ghost author's.
        notes_store.claim_former_writing()
    refresh_groups(connection)
    return Login(connection, kept)


def log_out() -> None:
    """Revoke this device's token on the server (when reachable) and forget it here."""
    state = sync_state.load()
    connection = connect()
    if connection is not None:
        try:
            connection.logout()
        except (AuthError, SyncError):
            pass  # the token is forgotten here anyway
    credentials.forget_token(state.server_url, state.username)


def refresh_groups(connection: Connection) -> list[GroupRecord]:
    """Ask the server who we are and which groups we are in; keep it for offline display."""
    me = connection.me()
    with database.atomic():
        remember_groups(me.get("groups", []))
        sync_state.save(display_name=me.get("display_name", ""))
    return list(GroupRecord.select().order_by(GroupRecord.name))


def remember_groups(groups: list[dict]) -> None:
    """Replace the cached groups with the server's list (invite codes we knew are kept)."""
    codes = dict(GroupRecord.select(GroupRecord.id, GroupRecord.invite_code).tuples())
    GroupRecord.delete().execute()
    for group in groups:
        GroupRecord.create(
            id=group["id"],
            name=group["name"],
            role=group.get("role", "member"),
            invite_code=group.get("invite_code") or codes.get(group["id"]),
        )
    report.forget_reports()


def create_group(connection: Connection, name: str) -> GroupRecord:
    """Create a group (the learner becomes its facilitator) and keep it with its invite code."""
    return _remember_one(connection.create_group(name), "facilitator")


def join_group(connection: Connection, code: str) -> GroupRecord:
    """Join a group by its invite code."""
    return _remember_one(connection.join_group(code), "member")


def _remember_one(answer: dict, role: str) -> GroupRecord:
    # From the answer itself, not a fresh /me: a refresh running alongside could not know it yet.
    with database.atomic():
        GroupRecord.replace(
            id=answer["id"],
            name=answer["name"],
            role=answer.get("role", role),
            invite_code=answer.get("invite_code"),
        ).execute()
    return GroupRecord.get_by_id(answer["id"])


INVITE_CODE = re.compile(r"[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}")


def rotate_invite_code(connection: Connection, group_id: str) -> str:
    """Give a group the learner facilitates a new invite code (the old one lets nobody in)."""
    answer = connection.rotate_invite_code(group_id)
    code = answer.get("invite_code") if isinstance(answer, dict) else None
    if not isinstance(code, str) or not INVITE_CODE.fullmatch(code):
        raise MalformedReply("invite-code")
    with database.atomic():
        GroupRecord.update(invite_code=code).where(GroupRecord.id == group_id).execute()
    return code


def remove_member(connection: Connection, group_id: str, member_id: str) -> None:
    """Take a learner out of a group the learner facilitates."""
    connection.remove_member(group_id, member_id)
