"""Creating accounts and groups: the rules the API and the admin command line share."""

from __future__ import annotations

import re
import secrets

from peewee import IntegrityError

from team_server import auth
from team_server.db import database
from team_server.models import FACILITATOR, Group, Membership, User

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{2,63}$")
# No look-alikes (0/O, 1/I/L): codes are read aloud and copied by hand.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
CODE_ATTEMPTS = 5
MIN_PASSWORD, MAX_PASSWORD = 8, 1024


class RegistrationError(Exception):
    """A refused account or group; the message says why in French, `status` is the HTTP code."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


def create_user(username: str, display_name: str, password: str) -> User:
    """A new account (usernames are lowercased, display names' spaces collapsed)."""
    username = username.strip().lower()
    display_name = " ".join(display_name.split())
    if not USERNAME.match(username):
        raise RegistrationError(
            "Identifiant invalide : 3 à 64 caractères, lettres sans accent, chiffres et . _ @ + -"
        )
    if not 1 <= len(display_name) <= 80:
        raise RegistrationError("Le nom affiché doit faire entre 1 et 80 caractères.")
    check_password_rules(password)
    password_hash = auth.hash_password(password)
    try:
        with database.atomic():
            return User.create(
                username=username, display_name=display_name, password_hash=password_hash
            )
    except IntegrityError as error:
        raise RegistrationError(f"L'identifiant « {username} » est déjà pris.", 409) from error


def check_password_rules(password: str) -> None:
    """RegistrationError unless the password is long enough (and not absurdly long)."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise RegistrationError(f"Le mot de passe doit faire au moins {MIN_PASSWORD} caractères.")


def new_invite_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def bump_membership(user_id: str) -> None:
    """Tell the user's devices that their groups changed (they refresh at the next sync)."""
    User.update(membership_version=User.membership_version + 1).where(User.id == user_id).execute()


def create_group(user_id: str, name: str) -> Group:
    """A new group with a fresh invite code; `user_id` is its facilitator."""
    name = " ".join(name.split())
    if not 1 <= len(name) <= 100:
        raise RegistrationError("Le nom du groupe doit faire entre 1 et 100 caractères.")
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with database.atomic():
                group = Group.create(name=name, invite_code=new_invite_code())
                Membership.create(group=group.id, user=user_id, role=FACILITATOR)
                bump_membership(user_id)
            return group
        except IntegrityError:
            continue  # an invite code already taken: draw another
    raise RegistrationError("Impossible de créer un code d'invitation : réessayez.", 503)
