"""Research pseudonyms: an HMAC of the account id keyed by a secret kept in the database.

The same learner always gets the same pseudonym (in every export and every forwarded
statement), and nobody without the secret can link a pseudonym back to an account. Once an
account is deleted, nothing links its pseudonym to anyone, even with the secret. The same
secret derives the learner's xAPI registration for the course season and the number of days
the research export shifts their dates by (docs/privacy.md, "Ce que reçoit la recherche").
"""

from __future__ import annotations

import hashlib
import hmac
import os
import uuid

from team_server.models import ServerMeta

SECRET_KEY = "research_secret"
# The actor's `account.homePage` in xAPI statements: the course's home page, an identifier
# that need not resolve. A deployment for another course sets TEAM_COURSE_HOME_PAGE.
ENV_HOME_PAGE = "TEAM_COURSE_HOME_PAGE"
DEFAULT_HOME_PAGE = "https://mooc-team.fr"
# One xAPI registration per learner and course season: a new season (a new run of the MOOC)
# sets TEAM_COURSE_SEASON, so the same learner's two runs are told apart.
ENV_SEASON = "TEAM_COURSE_SEASON"
DEFAULT_SEASON = "1"
# The research export moves each learner's dates back by a fixed 0 to MAX_DAY_SHIFT days: never
# forward, so no date of the export lies after the moment it was made.
MAX_DAY_SHIFT = 6


def home_page() -> str:
    """The course's home page IRI, used for every pseudonymous xAPI actor."""
    return os.environ.get(ENV_HOME_PAGE) or DEFAULT_HOME_PAGE


def season() -> str:
    """The course season (run of the MOOC) statements are registered under."""
    return os.environ.get(ENV_SEASON) or DEFAULT_SEASON


def secret() -> bytes:
    """The server's research key, made at its first start and never shown."""
    return bytes.fromhex(ServerMeta.get(ServerMeta.key == SECRET_KEY).value)


def pseudonym(user_id: str, key: bytes | None = None) -> str:
    """The learner's stable research pseudonym (32 hex digits)."""
    key = key if key is not None else secret()
    return hmac.new(key, user_id.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def _digest(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def registration(user_id: str, key: bytes | None = None) -> str:
    """The learner's xAPI `context.registration` for this season (a UUID, stable)."""
    key = key if key is not None else secret()
    return str(uuid.UUID(bytes=_digest(key, f"registration|{season()}|{user_id}")[:16], version=4))


def day_shift(user_id: str, key: bytes) -> int:
    """Days (from -MAX_DAY_SHIFT to 0) the export moves this learner's dates by."""
    span = MAX_DAY_SHIFT + 1
    return -(int.from_bytes(_digest(key, f"day-shift|{user_id}")[:8], "big") % span)


def actor(user_id: str) -> dict:
    """The xAPI actor of a learner: an account on the course's home page, never an e-mail."""
    return {"objectType": "Agent", "account": {"homePage": home_page(), "name": pseudonym(user_id)}}
