"""Who "I" am in co-preparation notes: one device-level author until accounts exist."""

from __future__ import annotations

import getpass
import uuid

from team_desktop.core.notes.doc import Author
from team_desktop.core.store.db import get_setting, set_setting
from team_desktop.core.store.models import database

AUTHOR_ID_KEY = "note_author_id"
AUTHOR_NAME_KEY = "note_author_name"


def local_author() -> Author:
    """The author of local edits. The sync engine replaces this with the account once there is one."""
    author_id = get_setting(AUTHOR_ID_KEY)
    if not author_id:
        author_id = uuid.uuid4().hex
        with database.atomic():
            set_setting(AUTHOR_ID_KEY, author_id)
    return Author(author_id, get_setting(AUTHOR_NAME_KEY) or default_name())


def default_name() -> str:
    """The operating system's user name, as a first guess at the learner's name."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        name = ""
    return name.strip() or "?"


def has_chosen_name() -> bool:
    """Whether the learner has told us the name co-authors should see."""
    return bool(get_setting(AUTHOR_NAME_KEY))


def set_name(name: str) -> None:
    """Keep the name co-authors will see (it is written into notes the learner edits)."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("empty author name")
    with database.atomic():
        set_setting(AUTHOR_NAME_KEY, name)
