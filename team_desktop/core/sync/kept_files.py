"""Tell the server which attachments this device's writing still uses, so the files the
learner removed everywhere can leave the server (docs/decisions/0024-transfers-and-removed-files.md).
"""

from __future__ import annotations

import hashlib
import json

from team_desktop.core.hashing import is_sha256
from team_desktop.core.store.models import database
from team_desktop.core.store.portfolio_models import AttachmentBlob, JournalEntry
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import MalformedReply, ServerRefused


def kept_here(me: str) -> list[str]:
    """Hashes the learner's own entries on this device cite, the bin and conflict copies
    included: any of them may still be restored or shared."""
    kept: set[str] = set()
    query = JournalEntry.select(JournalEntry.attachments_json).where(
        ~JournalEntry.deleted & (JournalEntry.author_id.is_null() | (JournalEntry.author_id == me))
    )
    for (listed,) in query.tuples():
        try:
            items = json.loads(listed or "[]")
        except ValueError:
            continue
        for item in items if isinstance(items, list) else []:
            digest = item.get("hash") if isinstance(item, dict) else None
            if is_sha256(digest):
                kept.add(digest)
    return sorted(kept)


def request_body(device_id: str, me: str) -> dict | None:
    """The body of PUT /kept-files, or None when this server already has this very list
    (the preview of what leaves counts the same bytes)."""
    body = {"device_id": device_id, "hashes": kept_here(me)}
    state = sync_state.load()
    if not body["hashes"] and not state.kept_declared:
        return None  # no declaration yet lists nothing, as an empty one would
    return None if _memo(state, body) == state.kept_declared else body


def _memo(state: sync_state.SyncState, body: dict) -> str:
    # The server keeps each device's last declaration and lets go only of files no
    # declaration lists: the same list sent again would change nothing, so it is not sent.
    said = json.dumps([state.server_id, state.user_id, body["device_id"], body["hashes"]])
    return hashlib.sha256(said.encode()).hexdigest()


def declare_kept(connection: Connection, device_id: str, me: str) -> int:
    """Send what this device keeps, if it changed since the server last heard it; returns
    how many files the server let go.

    The answer says which kept files the server holds for the learner: any other one is
    marked to be sent again (another device's agreement may have let it go meanwhile).
    """
    body = request_body(device_id, me)
    if body is None:
        return 0
    kept = body["hashes"]
    try:
        answer = connection.json("PUT", "/kept-files", body)
    except ServerRefused as error:
        if error.status in (404, 405):
            return 0  # an older server keeps every file: nothing to agree on
        raise
    held = answer.get("held") if isinstance(answer, dict) else None
    released = answer.get("released") if isinstance(answer, dict) else None
    if not isinstance(held, list) or not isinstance(released, int):
        raise MalformedReply("kept-files")
    missing = sorted(set(kept) - {digest for digest in held if isinstance(digest, str)})
    with database.atomic():
        if missing:
            AttachmentBlob.update(uploaded=False).where(
                AttachmentBlob.hash.in_(missing) & AttachmentBlob.uploaded
            ).execute()
        sync_state.save(kept_declared=_memo(sync_state.load(), body))
    return released
