"""Health, accounts, login and logout, who am I, research consent."""

from __future__ import annotations

import time

from fastapi import APIRouter, Header, HTTPException, Request, Response
from pydantic import BaseModel, Field

from team_server import PROTOCOL, auth, registration, signups
from team_server.db import connected, database
from team_server.merge import Rejected
from team_server.models import Group, Membership, ServerMeta, User
from team_server.prepared import Prepared
from team_server.research import consent as research_consent

router = APIRouter()

BAD_LOGIN = "Identifiant ou mot de passe incorrect."
# Kept whole: a cut version would differ from the app's and make it ask again.
MAX_CONSENT_VERSION = 200
MAX_LOGIN_NAME = 200  # usernames are 3 to 64 characters (registration.py), spaces around
MAX_PASSWORD = registration.MAX_PASSWORD


class AccountIn(BaseModel):
    username: str = Field(max_length=MAX_LOGIN_NAME)
    password: str = Field(max_length=MAX_PASSWORD)
    display_name: str = Field(max_length=MAX_LOGIN_NAME)


class LoginIn(BaseModel):
    username: str = Field(max_length=MAX_LOGIN_NAME)  # longer names exist nowhere: no work
    password: str = Field(max_length=MAX_PASSWORD)
    device_name: str = Field("", max_length=200)


class ConsentIn(BaseModel):
    consent: bool
    version: str = Field("", max_length=MAX_CONSENT_VERSION)  # of the text the learner read
    decided_at: str | None = None  # when they chose (default: now)


# Each sync and health check runs these: compiled once (team_server/prepared.py).
_META = Prepared(
    lambda key: ServerMeta.select(ServerMeta.value).where(ServerMeta.key == key), 1, tuples=True
)
_GROUPS = Prepared(
    lambda user_id: (
        Membership.select(Group.id, Group.name, Membership.role, Group.invite_code)
        .join(Group)
        .where(Membership.user == user_id)
        .order_by(Group.name, Group.id)
    ),
    1,
    tuples=True,
)


def server_id() -> str:
    return _META.run("server_id")[0][0]


def public_user(user: User) -> dict:
    return {"id": user.id, "username": user.username, "display_name": user.display_name}


def user_groups(user: User, invite_codes: bool = False) -> list[dict]:
    """The user's groups with their role, by name (with their invite codes if asked)."""
    groups = []
    for group_id, name, role, invite_code in _GROUPS.run(user.id):
        group = {"id": group_id, "name": name, "role": role}
        if invite_codes:
            group["invite_code"] = invite_code
        groups.append(group)
    return groups


def me_answer(user: User) -> dict:
    fresh = User.get_by_id(user.id)
    return {
        **public_user(fresh),
        "membership_version": fresh.membership_version,
        **research_consent.describe(fresh),
        "researcher": fresh.researcher,
        # With the codes, so that a new device (or a facilitator whose group was made on the
        # server's command line) can show them; sync answers leave them out, every byte counts.
        "groups": user_groups(fresh, invite_codes=True),
    }


@router.get("/health")
@connected
def health() -> dict:
    """Whether the server and its database answer, which database it is, and its protocol."""
    return {"status": "ok", "server_id": server_id(), "protocol": PROTOCOL}


@router.post("/accounts", status_code=201)
@connected
def create_account(body: AccountIn, request: Request) -> dict:
    """Create an account (usernames are case-insensitive); an address that asked for too many
    names already taken waits (429), so accounts cannot be listed by trying names."""
    attempt, wait = signups.admit(request.client.host if request.client else "")
    if wait is not None:
        raise HTTPException(
            429,
            f"Trop de tentatives de création de compte : réessayez dans {wait} secondes.",
            headers={"Retry-After": str(wait)},
        )
    try:
        user = registration.create_user(body.username, body.display_name, body.password)
    except registration.RegistrationError as error:
        if error.status != 409:
            signups.told_nothing(attempt)
        raise HTTPException(error.status, str(error)) from error
    signups.told_nothing(attempt)
    return public_user(user)


@router.post("/login")
def login(body: LoginIn, request: Request) -> dict:
    """A new token for this device; slowed down, then refused (429) after repeated failures."""
    username = body.username.strip().lower()
    address = request.client.host if request.client else ""
    with database.connection_context():
        wait = auth.admit(username, address)
        if wait is not None:
            raise auth.too_many_tries(wait)
        user = User.get_or_none(User.username == username)
        if auth.check_password(user, body.password):
            with database.atomic():
                auth.clear_failures(username, address)
                token = auth.issue_token(user, body.device_name.strip())
            return {"token": token, "user": public_user(user)}
        delay = auth.slowdown(username)
    time.sleep(delay)  # outside the connection: a slowed answer holds no database connection
    raise HTTPException(401, BAD_LOGIN)


@router.post("/logout", status_code=204)
@connected
def logout(user: auth.CurrentUser, authorization: str | None = Header(default=None)) -> Response:
    """Revoke the token of this request."""
    auth.revoke_token(auth.bearer_token(authorization))
    return Response(status_code=204)


@router.get("/me")
@connected
def me(user: auth.CurrentUser) -> dict:
    """The account, its membership version and its groups."""
    return me_answer(user)


@router.put("/me/research-consent")
@connected
def put_research_consent(body: ConsentIn, user: auth.CurrentUser) -> dict:
    """Give or withdraw consent (the latest decision wins); withdrawing deletes the answers
    and statements kept so far."""
    try:
        research_consent.decide(user, body.consent, body.version, body.decided_at)
    except Rejected as error:
        raise HTTPException(422, str(error)) from error
    return me_answer(user)
