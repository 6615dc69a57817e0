"""Research pseudonyms: an HMAC of the account id keyed by a secret kept in the database.

The same learner always gets the same pseudonym (in every export and every forwarded
statement), and nobody without the secret can link a pseudonym back to an account. Once an
account is deleted, nothing links its pseudonym to anyone, even with the secret.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable

from team_server.models import ServerMeta

SECRET_KEY = "research_secret"
# The actor's `account.homePage` in xAPI statements: the course's home page, an identifier
# that need not resolve. A deployment for another course sets TEAM_COURSE_HOME_PAGE.
ENV_HOME_PAGE = "TEAM_COURSE_HOME_PAGE"
DEFAULT_HOME_PAGE = "https://mooc-team.fr"


def home_page() -> str:
    """The course's home page IRI, used for every pseudonymous xAPI actor."""
    return os.environ.get(ENV_HOME_PAGE) or DEFAULT_HOME_PAGE


def _secret() -> bytes:
    return bytes.fromhex(ServerMeta.get(ServerMeta.key == SECRET_KEY).value)


def pseudonym(user_id: str, secret: bytes | None = None) -> str:
    """The learner's stable research pseudonym (32 hex digits)."""
    key = secret if secret is not None else _secret()
    return hmac.new(key, user_id.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def pseudonymiser() -> Callable[[str], str]:
    """A function user id -> pseudonym that reads the secret once (for a whole export)."""
    key = _secret()
    return lambda user_id: pseudonym(user_id, key)


def actor(user_id: str) -> dict:
    """The xAPI actor of a learner: an account on the course's home page, never an e-mail."""
    return {"objectType": "Agent", "account": {"homePage": home_page(), "name": pseudonym(user_id)}}
