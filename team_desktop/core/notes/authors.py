"""Who "I" am in co-preparation notes: one device-level author until accounts exist.

The name is the one the learner gives (asked once, offline) or their account's display name,
never the operating system's login. Logging in makes the account the author; the ids the
learner wrote under before are kept, so that writing is attributed to them (`claim_former`).
"""

from __future__ import annotations

import json
import uuid

from team_desktop.core.notes.doc import Author
from team_desktop.core.store.db import get_list_setting, get_setting, set_setting
from team_desktop.core.store.models import database

AUTHOR_ID_KEY = "note_author_id"
AUTHOR_NAME_KEY = "note_author_name"
FORMER_IDS_KEY = "note_author_former_ids"  # JSON list of ids used here before the account


def local_author() -> Author:
    """The author of local edits. The sync engine replaces this with the account once there is one."""
    author_id = get_setting(AUTHOR_ID_KEY)
    if not author_id:
        author_id = uuid.uuid4().hex
        with database.atomic():
            set_setting(AUTHOR_ID_KEY, author_id)
    return Author(author_id, get_setting(AUTHOR_NAME_KEY) or "")


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


def adopt_account(user_id: str, display_name: str) -> None:
    """Write as the account from now on; the device's former author id is remembered.

    Call inside the login's transaction.
    """
    former = get_setting(AUTHOR_ID_KEY)
    if former and former != user_id:
        ids = former_ids()
        if former not in ids:
            set_setting(FORMER_IDS_KEY, json.dumps([*ids, former]))
    set_setting(AUTHOR_ID_KEY, user_id)
    if display_name.strip():
        set_setting(AUTHOR_NAME_KEY, " ".join(display_name.split()))


def former_ids() -> list[str]:
    """The author ids this learner wrote under on this device before their account."""
    return [i for i in get_list_setting(FORMER_IDS_KEY) if isinstance(i, str)]
