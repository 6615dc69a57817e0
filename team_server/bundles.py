"""`team-server deliver-bundle`: apply a device's `.teamsync` request as POST /sync would, write the answer.

The push goes through the very same exchange (`routes.sync.answer_sync`: idempotency, per-kind
schemas, per-change refusals); the answer holds the pages of pull the device would have
received, signed with the device's key. Each request is delivered once, in order: its number is
remembered among the account's applied change ids (`teamsync:<device>:<number>`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import HTTPException
from pydantic import ValidationError

from team_desktop.core.sync import bundle_file
from team_desktop.core.sync.bundle_file import BundleError
from team_server import bundle_files
from team_server.db import write_transaction
from team_server.models import AppliedChange, Token, User
from team_server.routes.accounts import server_id
from team_server.routes.sync import SyncIn, answer_sync
from team_server.settings import Settings

MAX_ANSWER_CHANGES = 20_000  # pulled records in one answer; the next request goes on from there
WRONG_SERVER = (
    "Ce fichier a été écrit pour un autre serveur TEAM (ou pour une base de données remise à "
    "zéro depuis) : rien n'a été modifié."
)
TWICE = "Ce fichier de synchronisation a déjà été transmis : rien n'a été modifié."
OUT_OF_ORDER = (
    "Un fichier plus récent de cet appareil a déjà été transmis : celui-ci est dépassé (ce qu'il "
    "contient était aussi dans le plus récent). Rien n'a été modifié."
)


def deliver(request: Path, answer: Path, settings: Settings) -> str:
    """Apply the request file and write the answer file; returns the answer's summary."""
    bundle = bundle_file.read(request, "request")
    body = bundle.body
    number, device_id = body.get("number"), body.get("device_id")
    if not (isinstance(number, int) and number > 0 and isinstance(device_id, str)):
        raise bundle_file.damaged()
    ours = server_id()
    if body.get("server_id") not in (None, ours):
        raise BundleError(WRONG_SERVER)
    user = User.get_or_none(User.id == str(body.get("user_id")))
    if user is None:
        raise BundleError(WRONG_SERVER)  # accounts are made by their server: not this one
    key = _device_key(user, bundle)
    try:
        first = SyncIn.model_validate(body.get("sync"))
    except ValidationError as error:
        raise bundle_file.damaged() from error
    if first.device_id != device_id:
        raise bundle_file.damaged()
    with write_transaction():
        _check_order(user, device_id, number)
        pages = _exchange(user, first, settings)
        AppliedChange.create(user=user.id, change_id=f"teamsync:{device_id}:{number}")
    # Files after the records that cite them, as a network sync sends them; one that fails
    # stays unsent on the device and goes with its next sync.
    stored = bundle_files.store_carried(user, bundle, settings)
    sent = bundle_files.for_answer(user, body, pages, settings)
    reply = {
        "format": bundle_file.FORMAT,
        "version": bundle_file.VERSION,
        "kind": "answer",
        "request": number,
        "user_id": user.id,
        "device_id": device_id,
        "server_id": ours,
        "request_cursor": first.cursor,
        "request_membership_version": first.membership_version,
        "written_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "pages": pages,
        "stored": stored,
        "files": [{"hash": digest, "size": size} for digest, size in sent.items()],
    }
    # Written after the commit: an answer must never acknowledge what was rolled back. If the
    # disk fails now, the device's next request carries the same changes (acked "duplicate").
    summary = _summary(user, number, pages, len(stored), sent)
    bundle_file.write(answer, reply, summary, key, bundle_files.pieces(sent))
    return summary


def _device_key(user: User, bundle: bundle_file.Bundle) -> bytes:
    """The key of the session (not logged out) that signed the file, or BundleError."""
    for (digest,) in (
        Token.select(Token.token_hash)
        .where((Token.user == user.id) & Token.revoked_at.is_null())
        .tuples()
    ):
        key = bundle_file.signing_key(digest)
        if bundle.signed_by(key):
            return key
    raise bundle_file.tampered()


def _check_order(user: User, device_id: str, number: int) -> None:
    prefix = f"teamsync:{device_id}:"
    delivered = [
        int(change_id[len(prefix) :])
        for (change_id,) in AppliedChange.select(AppliedChange.change_id)
        .where((AppliedChange.user == user.id) & AppliedChange.change_id.startswith(prefix))
        .tuples()
    ]
    if number in delivered:
        raise BundleError(TWICE)
    if delivered and number < max(delivered):
        raise BundleError(OUT_OF_ORDER)


def _exchange(user: User, first: SyncIn, settings: Settings) -> list[dict]:
    """The push, then pull pages as the device would ask for them, up to MAX_ANSWER_CHANGES."""
    try:
        pages = [answer_sync(user, first, settings)]
        pulled = len(pages[0]["changes"])
        while pages[-1]["more"] and pulled < MAX_ANSWER_CHANGES:
            last = pages[-1]
            following = SyncIn(
                protocol=first.protocol,
                device_id=first.device_id,
                server_id=last["server_id"],
                cursor=last["cursor"],
                membership_version=last["membership_version"],
                limit=first.limit,
            )
            pages.append(answer_sync(user, following, settings))
            pulled += len(pages[-1]["changes"])
    except HTTPException as error:  # too many changes, another protocol: as POST /sync says
        raise BundleError(f"{error.detail} Rien n'a été modifié.") from error
    return pages


def _summary(user: User, number: int, pages: list[dict], stored: int, sent: dict) -> str:
    acks = pages[0]["acks"]
    refused = sum(ack.get("status") == "rejected" for ack in acks)
    pulled = sum(len(page["changes"]) for page in pages)
    lines = [
        f"Réponse de synchronisation TEAM pour {user.display_name}, fichier n° {number}.",
        f"Modifications reçues de l'appareil : {len(acks)}, dont {refused} refusée(s).",
        f"Pièces jointes reçues de l'appareil : {stored}.",
        f"Éléments renvoyés à l'appareil : {pulled}, et {len(sent)} pièce(s) jointe(s).",
        "À importer dans TEAM Desktop sur l'appareil qui a écrit la demande "
        "(Partage › Importer une réponse de synchronisation…).",
    ]
    if pages[-1]["more"]:
        lines.append("D'autres éléments attendent : écrivez une nouvelle demande après l'import.")
    return "\n".join(lines) + "\n"
