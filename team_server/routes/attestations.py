"""Attestations: issued at the learner's request, revoked by a facilitator, verifiable by anyone.

The issuer's profile, its public keys (`/.well-known/jwks.json`) and the revocation list are
public: a verifier needs no account and no protocol header.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from team_server.attestations import credentials
from team_server.attestations.achievements import NotEarned
from team_server.attestations.keys import jwks
from team_server.auth import CurrentUser
from team_server.db import connected, database
from team_server.models import IssuedCredential, Membership, User, utcnow
from team_server.routes.groups import _facilitated
from team_server.schemas import Uuid

router = APIRouter()  # under /api/v1
well_known = APIRouter()  # at the root
VC_JWT = "application/vc+jwt"
NOT_FOUND = "Attestation introuvable."
# A pack id, or a competency uid `<pack id>/<competency id>`.
ACHIEVEMENT_UID = r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$"


def base_url(request: Request) -> str:
    """The server's public address: `--public-url`, else the address the request came to."""
    configured = request.app.state.settings.public_url
    return (configured or str(request.base_url)).rstrip("/")


class AttestationIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    kind: Literal["module", "competency"]
    uid: Annotated[str, StringConstraints(max_length=200, pattern=ACHIEVEMENT_UID)]
    evidence_ids: list[Uuid] = Field(default=[], max_length=credentials.MAX_EVIDENCE)

    @model_validator(mode="after")
    def _uid_of_its_kind(self) -> AttestationIn:
        if ("/" in self.uid) != (self.kind == "competency"):
            raise ValueError(
                "« uid » : un module se nomme par son pack, une compétence par pack/compétence"
            )
        return self


def _answer(row: IssuedCredential) -> dict:
    return {
        "id": row.id,
        "kind": row.kind,
        "uid": row.uid,
        "credential": row.token,
        "issued_at": row.issued_at.isoformat() + "Z",
        "revoked": row.revoked_at is not None,
    }


@router.post("/attestations", status_code=201)
@connected
def request_attestation(body: AttestationIn, request: Request, user: CurrentUser) -> dict:
    """Issue (or give back) the learner's attestation of a module or a validated competency."""
    try:
        row = credentials.issue(user, body.kind, body.uid, body.evidence_ids, base_url(request))
    except NotEarned as error:
        raise HTTPException(409, str(error)) from error
    return _answer(row)


@router.get("/attestations")
@connected
def my_attestations(user: CurrentUser) -> list[dict]:
    """Every attestation issued to the learner, revoked ones included (shown as such)."""
    rows = IssuedCredential.select().where(IssuedCredential.user == user.id)
    return [_answer(row) for row in rows.order_by(IssuedCredential.issued_at)]


@router.get("/groups/{group_id}/attestations")
@connected
def group_attestations(group_id: str, user: CurrentUser) -> list[dict]:
    """For a facilitator: the attestations of the group's members."""
    _facilitated(user, group_id)
    members = Membership.select(Membership.user).where(Membership.group == group_id)
    rows = (
        IssuedCredential.select(IssuedCredential, User.display_name)
        .join(User)
        .where(IssuedCredential.user.in_(members))
        .order_by(IssuedCredential.issued_at)
    )
    return [_answer(row) | {"holder": row.user.display_name} for row in rows]


@router.post("/groups/{group_id}/attestations/{attestation_id}/revoke")
@connected
def revoke(group_id: str, attestation_id: str, user: CurrentUser) -> dict:
    """A facilitator revokes a member's attestation: the revocation list shows it at once."""
    _facilitated(user, group_id)
    row = IssuedCredential.get_or_none(IssuedCredential.id == attestation_id)
    holder_here = row is not None and (
        Membership.select()
        .where((Membership.group == group_id) & (Membership.user == row.user_id))
        .exists()
    )
    if not holder_here:
        raise HTTPException(404, NOT_FOUND)
    with database.atomic():
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            row.revoked_by = user.id
            row.save()
    return _answer(row)


@router.get("/issuer")
@connected
def issuer(request: Request) -> dict:
    """The issuer's Open Badges profile."""
    return credentials.issuer_profile(base_url(request))


@router.get(
    "/status/revocation",
    response_class=Response,
    responses={200: {"description": "Liste de révocation signée", "content": {VC_JWT: {}}}},
)
@connected
def revocation_list(request: Request) -> Response:
    """The revocation list: a signed Bitstring Status List credential."""
    return Response(credentials.revocation_list(base_url(request)), media_type=VC_JWT)


@well_known.get("/.well-known/jwks.json")
@router.get("/issuer/keys")
@connected
def public_keys() -> dict:
    """The public keys that verify this server's attestations (the app reads them under
    /api/v1, verifiers at the well-known address)."""
    return jwks()
