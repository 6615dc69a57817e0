"""Passwords (Argon2id), device tokens (stored only hashed) and login throttling (in the database)."""

from __future__ import annotations

import hashlib
import math
import secrets
import time
from typing import Annotated

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Header, HTTPException
from peewee import fn

from team_server.db import connected, write_transaction
from team_server.models import LoginFailure, Token, User, utcnow
from team_server.prepared import Prepared

# OWASP's minimum for Argon2id: 19 MiB, two passes, one lane.
HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, type=Type.ID)
# Verified when the username is unknown, so both answers take as long.
_DUMMY_HASH = HASHER.hash("le mot de passe de personne")

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


# Every authenticated request runs it: compiled once (team_server/prepared.py).
_TOKEN_USER = Prepared(
    lambda digest: (
        User.select()
        .join(Token)
        .where((Token.token_hash == digest) & Token.revoked_at.is_null())
        .limit(1)
    ),
    parameters=1,
)


@connected
def current_user(authorization: str | None = Header(default=None)) -> User:
    """FastAPI dependency: the user of a valid, unrevoked token, or 401."""
    token = bearer_token(authorization)
    user = next(iter(_TOKEN_USER.run(token_digest(token))), None)
    if user is None:
        raise HTTPException(401, UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"})
    return user


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
