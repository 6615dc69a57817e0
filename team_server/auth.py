"""Passwords (Argon2id), device tokens (stored only hashed) and login throttling (in the database)."""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import hashlib
import math
import secrets
import time
from typing import Annotated

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Header, HTTPException, Request
from peewee import Node, Select, fn

from team_server.db import connected, write_transaction
from team_server.models import LoginFailure, Token, User, utcnow
from team_server.prepared import Prepared

# OWASP's minimum for Argon2id: 19 MiB, two passes, one lane.
HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, type=Type.ID)
# Verified when the username is unknown, so both answers take as long.
_DUMMY_HASH = HASHER.hash("le mot de passe de personne")
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter


def return_hash_buffers() -> None:
    """Have freed password-hashing buffers go back to the system (glibc; elsewhere nothing).

    After a large buffer is freed glibc raises its mmap threshold, and each thread's arena
    then keeps Argon2's 19 MiB buffers: a worker grew from 83 to 198 MB after 24 sign-ups
    and logins from six clients. With a fixed 1 MiB threshold it stayed at 85 MB.
    """
    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c")).mallopt
    except (OSError, AttributeError, TypeError):
        return  # a C library without mallopt: nothing to tune
    mallopt(_M_MMAP_THRESHOLD, 1 << 20)


WINDOW = 60.0  # seconds over which failures count
# Per account from one address: a stranger elsewhere cannot lock the learner out.
MAX_PER_ACCOUNT_AND_ADDRESS = 5
# A training centre may share one address: it gets more tries than one account.
MAX_PER_ADDRESS = 30
# Guesses at one account spread over many addresses.
MAX_PER_ACCOUNT = 50
SLOWDOWN_STEP = 0.1  # seconds added to a failed answer per recent failure
SLOWDOWN_MAX = 1.0

UNAUTHORIZED = "Session absente ou expirée : reconnectez-vous."
EXPIRED = "Votre session a expiré, reconnectez-vous."
# RFC 6750: the client tells an expired session from a refused one without reading French.
EXPIRED_CHALLENGE = 'Bearer error="invalid_token", error_description="expired"'
# A token's last use is written at most this often: a sync with nothing to do writes nothing.
RENEW_EVERY = dt.timedelta(hours=1)


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def check_password(user: User | None, password: str) -> bool:
    """True if `password` is the user's; upgrades the stored hash when parameters changed."""
    try:
        HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    if user is None:
        return False
    if HASHER.check_needs_rehash(user.password_hash):
        User.update(password_hash=HASHER.hash(password)).where(User.id == user.id).execute()
    return True


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(user: User, device_name: str) -> str:
    """A new random token for one device; only its SHA-256 is kept."""
    token = secrets.token_urlsafe(32)
    Token.create(user=user, token_hash=token_digest(token), device_name=device_name[:200])
    return token


def revoke_token(token: str) -> None:
    Token.update(revoked_at=utcnow()).where(
        (Token.token_hash == token_digest(token)) & Token.revoked_at.is_null()
    ).execute()


def bearer_token(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer` header, or 401."""
    scheme, _sep, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"})
    return token.strip()


def token_query(digest: str, *more: Node) -> Select:
    """The user of the unrevoked token with this digest, with the token's id and last use,
    and `more` columns read in the same statement."""
    return (
        User.select(
            User, Token.id.alias("token_id"), Token.last_used_at.alias("token_used_at"), *more
        )
        .join(Token)
        .where((Token.token_hash == digest) & Token.revoked_at.is_null())
        .limit(1)
    )


# Every authenticated request runs it: compiled once (team_server/prepared.py).
TOKEN_USER = Prepared(token_query, parameters=1)


def _as_time(value: object) -> dt.datetime:
    # Raw SQLite rows give the text the column holds.
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def token_user(
    authorization: str | None, session_days: float, lookup: Prepared = TOKEN_USER
) -> User:
    """The user of the `Authorization` header's valid, unrevoked, unexpired token, or 401
    (with a connection: the caller's); `lookup` may be a `token_query` reading more columns.

    Using a token renews it: only a token unused for `session_days` expires.
    """
    token = bearer_token(authorization)
    user = next(iter(lookup.run(token_digest(token))), None)
    if user is None:
        raise HTTPException(401, UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"})
    now = utcnow()
    used = _as_time(user.token_used_at) if user.token_used_at else now
    if used < now - dt.timedelta(days=session_days):
        raise HTTPException(401, EXPIRED, headers={"WWW-Authenticate": EXPIRED_CHALLENGE})
    if used < now - RENEW_EVERY:
        Token.update(last_used_at=now).where(Token.id == user.token_id).execute()
    return user


@connected
def current_user(request: Request, authorization: str | None = Header(default=None)) -> User:
    """FastAPI dependency: the user of a valid token (`token_user`), or 401."""
    return token_user(authorization, request.app.state.settings.session_days)


def expiry_cutoff(request: Request) -> dt.datetime:
    """Tokens last used before this have expired."""
    return utcnow() - dt.timedelta(days=request.app.state.settings.session_days)


CurrentUser = Annotated[User, Depends(current_user)]


def retry_after(username: str, address: str, now: float | None = None) -> int | None:
    """Seconds to wait before this password may be tried, or None if it may be tried now."""
    now = time.time() if now is None else now
    waits = []
    for where, limit in (
        (
            (LoginFailure.username == username) & (LoginFailure.address == address),
            MAX_PER_ACCOUNT_AND_ADDRESS,
        ),
        (LoginFailure.address == address, MAX_PER_ADDRESS),
        (LoginFailure.username == username, MAX_PER_ACCOUNT),
    ):
        recent = (
            LoginFailure.select(LoginFailure.at)
            .where(where & (LoginFailure.at > now - WINDOW))
            .order_by(LoginFailure.at.desc())
            .limit(limit)
        )
        times = [row.at for row in recent]
        if len(times) >= limit:
            # Refused until the oldest of the last `limit` failures leaves the window.
            waits.append(times[-1] + WINDOW - now)
    return max(1, math.ceil(max(waits))) if waits else None


def too_many_tries(wait: int) -> HTTPException:
    """The 429 for a password check refused by the throttle."""
    return HTTPException(
        429,
        f"Trop d'essais de mot de passe : réessayez dans {wait} secondes.",
        headers={"Retry-After": str(wait)},
    )


def admit(username: str, address: str) -> int | None:
    """Count a password check as a failure *before* it is made, under the write lock, so
    parallel guesses cannot all slip under the limit; returns the seconds to wait instead
    when a limit is reached (then the password is not checked)."""
    now = time.time()
    with write_transaction():
        wait = retry_after(username, address, now)
        if wait is None:
            LoginFailure.delete().where(LoginFailure.at < now - WINDOW).execute()
            LoginFailure.create(username=username, address=address, at=now)
    return wait


def slowdown(username: str) -> float:
    """How long to hold back a failed answer (seconds), growing with the account's failures."""
    recent = (
        LoginFailure.select(fn.COUNT(LoginFailure.id))
        .where((LoginFailure.username == username) & (LoginFailure.at > time.time() - WINDOW))
        .scalar()
    )
    return min(SLOWDOWN_STEP * (recent - 1), SLOWDOWN_MAX)


def clear_failures(username: str, address: str) -> None:
    """A right password forgives the account's failures from this address (not the others')."""
    LoginFailure.delete().where(
        (LoginFailure.username == username) & (LoginFailure.address == address)
    ).execute()


def confirm_password(user: User, password: str) -> bool:
    """A password check by a token holder (changing the password, deleting the account),
    throttled per account apart from the address's logins (a school's shared address must not
    lose its logins to them); 429 when too many were wrong."""
    tries = f"token:{user.id}"
    wait = admit(tries, "")
    if wait is not None:
        raise too_many_tries(wait)
    if not check_password(user, password):
        return False
    clear_failures(tries, "")
    return True
