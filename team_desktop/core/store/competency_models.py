"""Tables of competencies made visible: evidence, peers' endorsements, validations, attestations."""

from __future__ import annotations

from peewee import BooleanField, DateTimeField, TextField

from team_desktop.core.store.models import BaseModel, utcnow


class Evidence(BaseModel):
    """An entry or a note a learner links to a pack's competency, with what it shows.

    Private until its author shares it with a group (`visibility`, as for entries).
    """

    id = TextField(primary_key=True)
    competency_uid = TextField(index=True)  # "<pack id>/<competency id>"
    source_kind = TextField()  # "entry" or "note"
    source_id = TextField()
    source_title = TextField(default="")
    statement = TextField(default="")
    visibility = TextField(default="private")
    group_id = TextField(null=True)
    author_id = TextField(null=True)  # null: written here, before any account
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    deleted = BooleanField(default=False)


class Endorsement(BaseModel):
    """A peer's endorsement of shared evidence ("J'ai observé…"); append-only."""

    id = TextField(primary_key=True)
    evidence_id = TextField(index=True)
    author_id = TextField(null=True)
    body = TextField()
    created_at = DateTimeField(default=utcnow)


class CompetencyValidation(BaseModel):
    """A facilitator's decision on a learner's competency; the latest one counts."""

    id = TextField(primary_key=True)
    competency_uid = TextField(index=True)
    learner_id = TextField()
    group_id = TextField()
    author_id = TextField(null=True)
    validated = BooleanField()
    comment = TextField(default="")
    decided_at = DateTimeField(default=utcnow)


class Attestation(BaseModel):
    """An Open Badges 3.0 credential the server issued to this learner, kept as received."""

    id = TextField(primary_key=True)  # the credential's id (urn:uuid:…)
    achievement_kind = TextField()  # "module" or "competency"
    achievement_uid = TextField()  # a pack id or a competency uid
    title = TextField()
    token = TextField()  # the signed credential (compact JWS, `vc+jwt`)
    issuer_keys = TextField()  # the issuer's JWK set, kept to verify offline
    issued_at = DateTimeField(default=utcnow)
    revoked = BooleanField(default=False)
    status_checked_at = DateTimeField(null=True)


COMPETENCY_MODELS = [Evidence, Endorsement, CompetencyValidation, Attestation]
