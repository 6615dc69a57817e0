"""`team-server create-user` and `set-quota`: an administrator creates an account (and the
group it leads), or gives one account more (or less) room than the others."""

from __future__ import annotations

import argparse
import getpass
import sys

from team_server import registration
from team_server.db import database
from team_server.models import User
from team_server.quotas import megabytes, used_bytes


def read_password(from_stdin: bool) -> str | None:
    """The new password: one line of standard input, or typed twice at the terminal."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        print(
            "team-server : pas de terminal pour demander le mot de passe : "
            "utilisez --password-stdin.",
            file=sys.stderr,
        )
        return None
    first = getpass.getpass("Mot de passe : ")
    if getpass.getpass("Le même, encore une fois : ") != first:
        print("team-server : les deux mots de passe diffèrent ; rien n'est créé.", file=sys.stderr)
        return None
    return first


def create_user(options: argparse.Namespace) -> int:
    """Create the account, and with `--group` a group it facilitates; both or neither."""
    password = read_password(options.password_stdin)
    if password is None:
        return 1
    try:
        with database.connection_context(), database.atomic():
            user = registration.create_user(options.username, options.display_name, password)
            group = registration.create_group(user.id, options.group) if options.group else None
    except registration.RegistrationError as error:
        print(f"team-server : {error} Rien n'est créé.", file=sys.stderr)
        return 1
    print(f"Compte créé : {user.username} ({user.display_name}).")
    if group is not None:
        print(f"Groupe créé : {group.name}, animé par {user.username}.")
        print(f"Code d'invitation : {group.invite_code}")
    return 0


def set_quota(options: argparse.Namespace) -> int:
    """Set the account's own quota (`--mo`, 0 for none) or give it back the server's."""
    if options.mo is not None and not 0 <= options.mo <= 2**33:
        print("team-server : --mo attend un nombre de Mo positif ou nul.", file=sys.stderr)
        return 2
    quota = None if options.default else int(options.mo * 2**20)
    with database.connection_context():
        changed = (
            User.update(quota_bytes=quota)
            .where(User.username == options.username.strip().lower())
            .execute()
        )
        if not changed:
            print(f"team-server : aucun compte « {options.username} ».", file=sys.stderr)
            return 1
        user = User.get(User.username == options.username.strip().lower())
        used = megabytes(used_bytes(user.id))
    if quota is None:
        # The serving processes' --quota-mo is theirs: this command does not know it.
        room = "celui du serveur (--quota-mo)"
    else:
        room = f"{megabytes(quota) if quota else 'sans limite'} (propre à ce compte)"
    print(f"Espace de {user.username} : {room} ; {used} utilisés.")
    return 0
