"""The learner's attestations: asked for online, kept and verified offline, revocation shown.

Each attestation is kept as the server signed it, with the server's public keys at that time,
so that it verifies on this device with no connection. A copy modified anywhere (a name, a
date, a criterion) no longer verifies and is refused. When online, the revocation list is
read (and verified) again and a revoked attestation says so.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from team_desktop.core.credentials import jws, status_list
from team_desktop.core.i18n import _
from team_desktop.core.store.competency_models import Attestation
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.sync.connection import Connection

TYP = "vc+jwt"
MAX_KEYS = 20


class AttestationError(ValueError):
    """An attestation that does not verify; `str(error)` says why, in French."""


@dataclass
class Verified:
    """What a verified attestation says."""

    id: str
    name: str
    description: str
    holder: str
    issuer: str
    issuer_url: str
    valid_from: str
    achievement_type: str
    criteria: str
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (name, narrative)
    status_url: str = ""
    status_index: int | None = None


def _keys(issuer_keys: str) -> list[dict]:
    try:
        keys = json.loads(issuer_keys).get("keys", [])
    except (ValueError, AttributeError):
        keys = []
    return [key for key in keys if isinstance(key, dict)][:MAX_KEYS]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def verify(token: str, issuer_keys: str) -> Verified:
    """The attestation's content if the issuer's keys verify it; AttestationError if not."""
    try:
        claims = jws.verify(token, _keys(issuer_keys), TYP)
    except jws.JwsError as error:
        raise AttestationError(
            _(
                "Attestation refusée : sa signature ne correspond pas (copie modifiée ou "
                "émetteur inconnu)."
            )
        ) from error
    types = claims.get("type")
    if not isinstance(types, list) or "OpenBadgeCredential" not in types:
        raise AttestationError(_("Ce fichier n'est pas une attestation Open Badges."))
    issuer = claims.get("issuer") if isinstance(claims.get("issuer"), dict) else {}
    subject = claims.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    achievement = subject.get("achievement") if isinstance(subject.get("achievement"), dict) else {}
    names = [
        _text(item.get("identityHash"))
        for item in subject.get("identifier", [])
        if isinstance(item, dict) and item.get("identityType") == "name"
    ]
    criteria = achievement.get("criteria") if isinstance(achievement.get("criteria"), dict) else {}
    evidence = [
        (_text(item.get("name")), _text(item.get("narrative")))
        for item in claims.get("evidence", [])
        if isinstance(item, dict)
    ]
    status = (
        claims.get("credentialStatus") if isinstance(claims.get("credentialStatus"), dict) else {}
    )
    index = status.get("statusListIndex")
    return Verified(
        id=_text(claims.get("id")),
        name=_text(claims.get("name")) or _text(achievement.get("name")),
        description=_text(achievement.get("description")),
        holder=names[0] if names else "",
        issuer=_text(issuer.get("name")),
        issuer_url=_text(issuer.get("url")) or _text(issuer.get("id")),
        valid_from=_text(claims.get("validFrom")),
        achievement_type=_text(achievement.get("achievementType")),
        criteria=_text(criteria.get("narrative")),
        evidence=evidence,
        status_url=_text(status.get("statusListCredential")),
        status_index=int(index) if isinstance(index, str) and index.isdigit() else None,
    )


def ask(
    connection: Connection, kind: str, uid: str, evidence_ids: list[str] | None = None
) -> tuple[dict, str]:
    """Ask the server for the attestation of a module or a validated competency (network
    only, no store): (its answer, the issuer's keys). ServerRefused (409) carries the
    server's French reason when it is not earned yet."""
    answer = connection.json(
        "POST", "/attestations", {"kind": kind, "uid": uid, "evidence_ids": evidence_ids or []}
    )
    return answer, json.dumps(connection.json("GET", "/issuer/keys"))


def request(
    connection: Connection, kind: str, uid: str, evidence_ids: list[str] | None = None
) -> Attestation:
    """`ask`, then `keep` what was issued."""
    return keep(*ask(connection, kind, uid, evidence_ids))


def keep(answer: dict, issuer_keys: str) -> Attestation:
    """Store an attestation the server answered, once it verifies with `issuer_keys`."""
    token = answer.get("credential") if isinstance(answer, dict) else None
    verified = verify(token, issuer_keys)
    values = {
        "achievement_kind": _text(answer.get("kind")),
        "achievement_uid": _text(answer.get("uid")),
        "title": verified.name,
        "token": token,
        "issuer_keys": issuer_keys,
        "issued_at": _when(verified.valid_from),
        "revoked": bool(answer.get("revoked")),
    }
    with database.atomic():
        Attestation.insert(id=verified.id, **values).on_conflict(
            conflict_target=[Attestation.id], update=values
        ).execute()
    return Attestation.get_by_id(verified.id)


def _when(value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return utcnow()


@dataclass
class ServerState:
    """What the server says of the learner's attestations (read online, applied offline)."""

    answers: list[dict]
    keys: str
    revocation_list: str


def fetch_state(connection: Connection) -> ServerState:
    """The learner's attestations (from other devices too) and the signed revocation list."""
    return ServerState(
        answers=connection.json("GET", "/attestations"),
        keys=json.dumps(connection.json("GET", "/issuer/keys")),
        revocation_list=connection.request("GET", "/status/revocation").text,
    )


def apply_state(state: ServerState) -> int:
    """Keep the attestations that verify and mark the revoked ones; returns how many are."""
    for answer in state.answers if isinstance(state.answers, list) else []:
        try:
            keep(answer, state.keys)
        except AttestationError:
            continue  # one the keys do not verify is not kept; the others are
    revoked = 0
    for row in Attestation.select():
        try:
            verified = verify(row.token, row.issuer_keys)
        except AttestationError:
            continue  # shown as not verifying (`listing`); nothing to ask about it
        if verified.status_index is None:
            continue
        now_revoked = is_revoked(state.revocation_list, row.issuer_keys, verified.status_index)
        revoked += now_revoked
        Attestation.update(revoked=now_revoked, status_checked_at=utcnow()).where(
            Attestation.id == row.id
        ).execute()
    return revoked


def refresh(connection: Connection) -> int:
    """`fetch_state`, then `apply_state`."""
    return apply_state(fetch_state(connection))


def is_revoked(status_token: str, issuer_keys: str, index: int) -> bool:
    """Whether bit `index` is set in a revocation list the issuer signed."""
    try:
        listed = jws.verify(status_token, _keys(issuer_keys), TYP)
        subject = listed["credentialSubject"]
        if subject.get("statusPurpose") != "revocation":
            raise jws.JwsError("liste d'un autre usage")
        return status_list.is_set(subject["encodedList"], index)
    except (jws.JwsError, KeyError, TypeError, AttributeError) as error:
        raise AttestationError(_("La liste de révocation du serveur est illisible.")) from error


def listing() -> list[tuple[Attestation, Verified | None]]:
    """The attestations kept here, newest first, each verified again (None: it no longer
    verifies, shown as such)."""
    result = []
    for row in Attestation.select().order_by(Attestation.issued_at.desc()):
        try:
            result.append((row, verify(row.token, row.issuer_keys)))
        except AttestationError:
            result.append((row, None))
    return result


def of_group(connection: Connection, group_id: str) -> list[dict]:
    """For a facilitator: the attestations of the group's members (network only)."""
    rows = connection.json("GET", f"/groups/{group_id}/attestations")
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def revoke(connection: Connection, group_id: str, attestation_id: str) -> dict:
    """For a facilitator: revoke a member's attestation; the revocation list shows it."""
    return connection.json("POST", f"/groups/{group_id}/attestations/{attestation_id}/revoke")
