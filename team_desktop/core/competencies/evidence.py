"""Linking evidence to a competency, sharing it, endorsing a peer's, validating a member's.

Every write goes through the one writer and is queued for the next sync; nothing here needs a
connection. Rules the server enforces too (one never endorses one's own evidence, only a
facilitator validates) are checked here first, so the learner hears it at once.
"""

from __future__ import annotations

import uuid

from team_desktop.core import outbox
from team_desktop.core.i18n import _
from team_desktop.core.store.competency_models import CompetencyValidation, Endorsement, Evidence
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.portfolio_models import DEVICE, GROUP, PRIVATE, JournalEntry, Note
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import state as sync_state

MAX_STATEMENT = 5_000
MAX_ENDORSEMENT = 20_000
SOURCE_KINDS = ("entry", "note")


class CompetencyError(ValueError):
    """A request the rules refuse; `str(error)` is the French reason."""


def _text(value: str, limit: int, empty: str) -> str:
    value = value.strip()
    if not value:
        raise CompetencyError(empty)
    if len(value) > limit:
        raise CompetencyError(_("Le texte est trop long ({n} caractères au plus).").format(n=limit))
    return value


def source_title(source_kind: str, source_id: str) -> str:
    """The title of the entry or note a piece of evidence points to ("" if it is not here)."""
    if source_kind == "entry":
        row = JournalEntry.get_or_none(JournalEntry.id == source_id)
        return row.title if row else ""
    row = Note.get_or_none(Note.id == source_id)
    return row.title_cache if row else ""


def _me() -> str | None:
    return sync_state.load().user_id or None


def link(competency_uid: str, source_kind: str, source_id: str, statement: str) -> str:
    """Link one of the learner's entries or notes to a competency; private until shared."""
    if source_kind not in SOURCE_KINDS:
        raise CompetencyError(
            _("Seules une entrée du journal ou une note peuvent servir de preuve.")
        )
    model = JournalEntry if source_kind == "entry" else Note
    source = model.get_or_none(model.id == source_id)
    if source is None or source.deleted:
        raise CompetencyError(_("Cette entrée ou cette note n'existe plus."))
    if source.visibility == DEVICE:
        raise CompetencyError(
            _("Cet élément est réservé à cet appareil : il ne peut pas servir de preuve partagée.")
        )
    statement = _text(
        statement, MAX_STATEMENT, _("Dites en une phrase ce que cette preuve montre.")
    )
    evidence_id = uuid.uuid4().hex
    now = utcnow()
    with database.atomic():
        Evidence.create(
            id=evidence_id,
            competency_uid=competency_uid,
            source_kind=source_kind,
            source_id=source_id,
            source_title=source_title(source_kind, source_id),
            statement=statement,
            author_id=_me(),
            created_at=now,
            updated_at=now,
        )
        outbox.enqueue("evidence", evidence_id)
    return evidence_id


def _own(evidence_id: str) -> Evidence:
    row = Evidence.get_or_none(Evidence.id == evidence_id)
    if row is None or row.deleted or row.author_id not in (None, _me()):
        raise CompetencyError(_("Cette preuve n'est pas la vôtre ou n'existe plus."))
    return row


def share(evidence_id: str, group_id: str | None) -> None:
    """Share a piece of evidence with one of the learner's groups, or make it private again."""
    row = _own(evidence_id)
    if group_id is not None and GroupRecord.get_or_none(GroupRecord.id == group_id) is None:
        raise CompetencyError(_("Vous n'êtes pas membre de ce groupe."))
    with database.atomic():
        Evidence.update(
            visibility=GROUP if group_id else PRIVATE, group_id=group_id, updated_at=utcnow()
        ).where(Evidence.id == row.id).execute()
        outbox.enqueue("evidence", row.id)


def remove(evidence_id: str) -> None:
    """Unlink a piece of evidence: a tombstone travels so the group drops it too."""
    row = _own(evidence_id)
    with database.atomic():
        Evidence.update(
            deleted=True,
            statement="",
            source_title="",
            visibility=PRIVATE,
            group_id=None,
            updated_at=utcnow(),
        ).where(Evidence.id == row.id).execute()
        Endorsement.delete().where(Endorsement.evidence_id == row.id).execute()
        outbox.enqueue("evidence", row.id)


def endorse(evidence_id: str, body: str) -> str:
    """Endorse a peer's shared evidence ("J'ai observé…"); never one's own."""
    row = Evidence.get_or_none(Evidence.id == evidence_id)
    if row is None or row.deleted or row.visibility != GROUP:
        raise CompetencyError(_("On ne peut appuyer qu'une preuve partagée avec votre groupe."))
    if row.author_id in (None, _me()):
        raise CompetencyError(_("On ne peut pas appuyer sa propre preuve : seul un pair le peut."))
    body = _text(body, MAX_ENDORSEMENT, _("Dites ce que vous avez observé."))
    endorsement_id = uuid.uuid4().hex
    with database.atomic():
        Endorsement.create(
            id=endorsement_id, evidence_id=row.id, author_id=_me(), body=body, created_at=utcnow()
        )
        outbox.enqueue("endorsement", endorsement_id)
    return endorsement_id


def validate(
    competency_uid: str, learner_id: str, group_id: str, validated: bool = True, comment: str = ""
) -> str:
    """As the group's facilitator, validate a member's competency (or withdraw it)."""
    group = GroupRecord.get_or_none(GroupRecord.id == group_id)
    if group is None or group.role != "facilitator":
        raise CompetencyError(
            _("Seule une personne qui anime le groupe peut valider une compétence.")
        )
    me = _me()
    if learner_id == me:
        raise CompetencyError(_("On ne valide pas ses propres compétences."))
    comment = comment.strip()[:MAX_STATEMENT]
    existing = CompetencyValidation.get_or_none(
        (CompetencyValidation.competency_uid == competency_uid)
        & (CompetencyValidation.learner_id == learner_id)
        & (CompetencyValidation.group_id == group_id)
        & (CompetencyValidation.author_id == me)
    )
    validation_id = existing.id if existing else uuid.uuid4().hex
    values = {
        "competency_uid": competency_uid,
        "learner_id": learner_id,
        "group_id": group_id,
        "author_id": me,
        "validated": validated,
        "comment": comment,
        "decided_at": utcnow(),
    }
    with database.atomic():
        CompetencyValidation.insert(id=validation_id, **values).on_conflict(
            conflict_target=[CompetencyValidation.id], update=values
        ).execute()
        outbox.enqueue("validation", validation_id)
    return validation_id


def sources(limit: int = 300) -> list[tuple[str, str, str]]:
    """What the learner may link as evidence, newest first: (kind, id, label)."""
    me = _me()
    entries = (
        JournalEntry.select(JournalEntry.id, JournalEntry.title)
        .where(
            (JournalEntry.author_id.is_null() | (JournalEntry.author_id == me))
            & JournalEntry.trashed_at.is_null()
            & ~JournalEntry.deleted
            & (JournalEntry.visibility != DEVICE)
        )
        .order_by(JournalEntry.updated_at.desc())
        .limit(limit)
    )
    notes = (
        Note.select(Note.id, Note.title_cache, Note.kind)
        .where(Note.trashed_at.is_null() & ~Note.deleted & (Note.visibility != DEVICE))
        .order_by(Note.updated_at.desc())
        .limit(limit)
    )
    untitled = _("(sans titre)")
    found = [
        ("entry", row.id, _("Journal — {t}").format(t=row.title or untitled)) for row in entries
    ]
    for row in notes:
        label = _("Plan de séance — {t}") if row.kind == "plan" else _("Note — {t}")
        found.append(("note", row.id, label.format(t=row.title_cache or untitled)))
    return found
