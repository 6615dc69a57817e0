"""Evidence, endorsements and validations: how each becomes a change, and how a pulled one applies.

Applying never enqueues: writes made by sync itself must not travel back.
"""

from __future__ import annotations

from collections.abc import Callable

from team_desktop.core import outbox
from team_desktop.core.i18n import _
from team_desktop.core.store.competency_models import CompetencyValidation, Endorsement, Evidence
from team_desktop.core.store.models import utcnow
from team_desktop.core.store.portfolio_models import GROUP, PRIVATE
from team_desktop.core.sync.pulled import InvalidRecord
from team_desktop.core.wire_time import iso, parse_time

# -- outgoing ------------------------------------------------------------------------------


def evidence_data(row: Evidence) -> dict:
    """The protocol's `data` of a piece of evidence."""
    data = {
        "competency_uid": row.competency_uid,
        "source_kind": row.source_kind,
        "source_id": row.source_id,
        "source_title": row.source_title,
        "statement": row.statement,
        "visibility": row.visibility,
        "group_id": row.group_id if row.visibility == GROUP else None,
        "deleted": row.deleted,
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }
    return data


def _evidence_out(record_id: str) -> dict | None:
    row = Evidence.get_or_none(Evidence.id == record_id)
    return evidence_data(row) if row else None


def _endorsement_out(record_id: str) -> dict | None:
    row = Endorsement.get_or_none(Endorsement.id == record_id)
    if row is None:
        return None
    return {"evidence_id": row.evidence_id, "body": row.body, "created_at": iso(row.created_at)}


def _validation_out(record_id: str) -> dict | None:
    row = CompetencyValidation.get_or_none(CompetencyValidation.id == record_id)
    if row is None:
        return None
    return {
        "competency_uid": row.competency_uid,
        "learner_id": row.learner_id,
        "group_id": row.group_id,
        "validated": row.validated,
        "comment": row.comment,
        "decided_at": iso(row.decided_at),
    }


# -- incoming ------------------------------------------------------------------------------


def _evidence_in(change: dict) -> None:
    if outbox.is_queued("evidence", change["id"]):
        return  # our own newer edit is waiting: its author's latest version wins
    data = change["data"]
    values = {
        "competency_uid": data["competency_uid"],
        "source_kind": data["source_kind"],
        "source_id": data["source_id"],
        "source_title": data.get("source_title") or "",
        "statement": data.get("statement") or "",
        "visibility": data.get("visibility") or PRIVATE,
        "group_id": data.get("group_id"),
        "author_id": change.get("owner"),
        "created_at": parse_time(data.get("created_at")) or utcnow(),
        "updated_at": parse_time(data.get("updated_at")) or utcnow(),
        "deleted": bool(data.get("deleted")),
    }
    Evidence.insert(id=change["id"], **values).on_conflict(
        conflict_target=[Evidence.id], update=values
    ).execute()


def _endorsement_in(change: dict) -> None:
    data = change["data"]
    evidence = Evidence.get_or_none(Evidence.id == data["evidence_id"])
    if evidence is not None and evidence.author_id and evidence.author_id == change.get("owner"):
        # The server refuses these; a hostile one could still send it.
        raise InvalidRecord(_("un appui ne peut pas venir de l'auteur de la preuve"))
    Endorsement.insert(
        id=change["id"],
        evidence_id=data["evidence_id"],
        author_id=change.get("owner"),
        body=data["body"],
        created_at=parse_time(data["created_at"]),
    ).on_conflict_ignore().execute()


def _validation_in(change: dict) -> None:
    data = change["data"]
    values = {
        "competency_uid": data["competency_uid"],
        "learner_id": data["learner_id"],
        "group_id": data["group_id"],
        "author_id": change.get("owner"),
        "validated": data["validated"],
        "comment": data.get("comment") or "",
        "decided_at": parse_time(data["decided_at"]),
    }
    CompetencyValidation.insert(id=change["id"], **values).on_conflict(
        conflict_target=[CompetencyValidation.id], update=values
    ).execute()


def withdraw(kind: str, record_id: str) -> None:
    """A record left the group: this device's copy goes (evidence with its endorsements)."""
    if kind == "evidence":
        Evidence.delete().where(Evidence.id == record_id).execute()
        Endorsement.delete().where(Endorsement.evidence_id == record_id).execute()
    elif kind == "endorsement":
        Endorsement.delete().where(Endorsement.id == record_id).execute()
    elif kind == "validation":
        CompetencyValidation.delete().where(CompetencyValidation.id == record_id).execute()


def forget_left_groups(current: list[str], me: str) -> None:
    """After a full resync: others' evidence shared with groups the learner left goes, with
    its endorsements, and the validations made in those groups."""
    left = Evidence.author_id.is_null(False) & (Evidence.author_id != me)
    left &= Evidence.group_id.is_null() | Evidence.group_id.not_in(current or [""])
    stale = [row.id for row in Evidence.select(Evidence.id).where(left)]
    Endorsement.delete().where(Endorsement.evidence_id.in_(stale or [""])).execute()
    Evidence.delete().where(Evidence.id.in_(stale or [""])).execute()
    CompetencyValidation.delete().where(
        CompetencyValidation.group_id.not_in(current or [""])
    ).execute()


OUTGOING: dict[str, Callable[[str], dict | None]] = {
    "evidence": _evidence_out,
    "endorsement": _endorsement_out,
    "validation": _validation_out,
}
INCOMING: dict[str, Callable[[dict], None]] = {
    "evidence": _evidence_in,
    "endorsement": _endorsement_in,
    "validation": _validation_in,
}
