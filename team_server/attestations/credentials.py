"""Issuing an attestation: an Open Badges 3.0 credential (VC 2.0), signed as a `vc+jwt`.

Only at the learner's request, once per achievement (asked again, the same credential comes
back). Evidence appears only when the learner chose it, and only their own. A facilitator of
one of the holder's groups may revoke it: its bit in the revocation list is then set.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from peewee import fn

from team_desktop.core.credentials import jws, status_list
from team_server.attestations import achievements
from team_server.attestations.keys import signing_key
from team_server.db import write_transaction
from team_server.models import IssuedCredential, Record, User, utcnow

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
TYP = "vc+jwt"
ISSUER_NAME = (
    "MOOC TEAM — Travaillons Ensemble à la Mutualisation de nos pratiques d’enseignement et "
    "de formation"
)
MAX_EVIDENCE = 20


def urls(base: str) -> dict[str, str]:
    """Where this server publishes its profile, keys and revocation list."""
    base = base.rstrip("/")
    return {
        "base": base,
        "issuer": f"{base}/api/v1/issuer",
        "jwks": f"{base}/.well-known/jwks.json",
        "status": f"{base}/api/v1/status/revocation",
    }


def issuer_profile(base: str) -> dict:
    """The issuer's Open Badges profile (`GET /api/v1/issuer`)."""
    where = urls(base)
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": where["issuer"],
        "type": ["Profile"],
        "name": ISSUER_NAME,
        "url": where["base"],
        "description": "Serveur de parcours TEAM Desktop : il atteste les modules suivis et "
        "les compétences validées, à la demande de l'apprenant·e.",
    }


def _iso(value: dt.datetime) -> str:
    return value.replace(tzinfo=dt.UTC, microsecond=0).isoformat().replace("+00:00", "Z")


def _evidence(user: User, competency_uid: str, evidence_ids: list[str]) -> list[dict]:
    """The learner's own evidence they chose to show, for this competency only."""
    chosen = []
    for record in Record.select().where(
        (Record.kind == "evidence")
        & (Record.owner == user.id)
        & Record.record_id.in_(evidence_ids[:MAX_EVIDENCE] or [""])
    ):
        data = json.loads(record.data)
        if data.get("deleted") or data.get("competency_uid") != competency_uid:
            continue
        item = {"id": f"urn:uuid:{uuid.UUID(record.record_id)}", "type": ["Evidence"]}
        item["name"] = data.get("source_title") or "Preuve"
        if data.get("statement"):
            item["narrative"] = data["statement"]
        chosen.append(item)
    return chosen


def build(
    achievement: achievements.Achievement,
    user: User,
    credential_id: str,
    index: int,
    base: str,
    now: dt.datetime,
    evidence: list[dict],
) -> dict:
    """The credential, unsigned."""
    where = urls(base)
    credential = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{credential_id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement.name,
        "description": achievement.description,
        "issuer": {k: v for k, v in issuer_profile(base).items() if k != "@context"},
        "validFrom": _iso(now),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "hashed": False,
                    "identityHash": user.display_name,
                    "identityType": "name",
                }
            ],
            "achievement": {
                "id": f"{where['base']}/api/v1/achievements/{achievement.kind}/{achievement.uid}",
                "type": ["Achievement"],
                "achievementType": "Course" if achievement.kind == "module" else "Competency",
                "name": achievement.name,
                "description": achievement.description,
                "criteria": {"narrative": achievement.criteria},
                "inLanguage": "fr",
                "tag": ["TEAM", achievement.pack_title],
            },
        },
        "credentialStatus": {
            "id": f"{where['status']}#{index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(index),
            "statusListCredential": where["status"],
        },
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if evidence:
        credential["evidence"] = evidence
    return credential


def issue(user: User, kind: str, uid: str, evidence_ids: list[str], base: str) -> IssuedCredential:
    """The learner's attestation of a module or a competency (NotEarned if not earned)."""
    existing = IssuedCredential.get_or_none(
        (IssuedCredential.user == user.id)
        & (IssuedCredential.kind == kind)
        & (IssuedCredential.uid == uid)
        & IssuedCredential.revoked_at.is_null()
    )
    if existing is not None:
        return existing
    earned = (
        achievements.module(user, uid) if kind == "module" else achievements.competency(user, uid)
    )
    evidence = _evidence(user, uid, evidence_ids) if kind == "competency" else []
    credential_id = str(uuid.uuid4())
    with write_transaction():  # one index per credential, whatever instance issues it
        index = (IssuedCredential.select(fn.MAX(IssuedCredential.status_index)).scalar() or 0) + 1
        now = utcnow()
        payload = build(earned, user, credential_id, index, base, now, evidence)
        claims = {"iss": payload["issuer"]["id"], "jti": payload["id"], "iat": int(now.timestamp())}
        token = jws.sign(payload | claims, signing_key(), TYP)
        return IssuedCredential.create(
            id=credential_id,
            user=user.id,
            kind=kind,
            uid=uid,
            status_index=index,
            token=token,
            issued_at=now,
        )


def revocation_list(base: str) -> str:
    """The signed Bitstring Status List credential of every revoked attestation."""
    where = urls(base)
    revoked = {
        row.status_index
        for row in IssuedCredential.select(IssuedCredential.status_index).where(
            IssuedCredential.revoked_at.is_null(False)
        )
    }
    now = utcnow()
    payload = {
        "@context": [VC_CONTEXT],
        "id": where["status"],
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": where["issuer"],
        "validFrom": _iso(now),
        "credentialSubject": {
            "id": f"{where['status']}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": status_list.encode(revoked),
        },
    }
    claims = {"iss": where["issuer"], "iat": int(now.timestamp())}
    return jws.sign(payload | claims, signing_key(), TYP)
