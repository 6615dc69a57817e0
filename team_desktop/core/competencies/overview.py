"""What the competencies view shows: each competency with its evidence, endorsements, validation."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from team_desktop.core.content.competencies import Competency, competencies
from team_desktop.core.feed import display_names
from team_desktop.core.i18n import _
from team_desktop.core.store.competency_models import CompetencyValidation, Endorsement, Evidence
from team_desktop.core.store.models import LessonRecord, PackRecord
from team_desktop.core.store.portfolio_models import GROUP
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import state as sync_state


@dataclass
class EndorsementItem:
    author: str
    body: str
    created_at: dt.datetime


@dataclass
class EvidenceItem:
    """A piece of evidence as the learner (or a peer) sees it."""

    id: str
    competency_uid: str
    source_kind: str
    source_id: str
    source_title: str
    statement: str
    author: str
    author_id: str | None
    mine: bool
    group: str  # the group's name when shared, "" when private
    group_id: str | None
    updated_at: dt.datetime
    endorsements: list[EndorsementItem] = field(default_factory=list)


@dataclass
class ValidationItem:
    validated: bool
    by: str
    comment: str
    decided_at: dt.datetime


@dataclass
class CompetencyItem:
    """One competency of an installed module, with what the learner showed of it."""

    competency: Competency
    pack_title: str
    lessons: list[str]  # the titles of the lessons that serve it
    evidence: list[EvidenceItem] = field(default_factory=list)
    validation: ValidationItem | None = None

    @property
    def validated(self) -> bool:
        return self.validation is not None and self.validation.validated


def framework() -> list[tuple[Competency, str]]:
    """Every installed module's competencies, in course order, with the module's title."""
    result = []
    packs = PackRecord.select().order_by(PackRecord.week, PackRecord.order)
    for pack in packs:
        result += [(item, pack.title) for item in competencies(json.loads(pack.meta_json))]
    return result


def evidence_items(learner_id: str | None = None) -> list[EvidenceItem]:
    """Evidence of one learner (None: this device's learner), endorsements oldest first."""
    me = sync_state.load().user_id or None
    names = display_names()
    groups = dict(GroupRecord.select(GroupRecord.id, GroupRecord.name).tuples())
    query = Evidence.select().where(~Evidence.deleted)
    if learner_id is None or learner_id == me:
        query = query.where(Evidence.author_id.is_null() | (Evidence.author_id == me))
    else:
        query = query.where(Evidence.author_id == learner_id)
    items = []
    for row in query.order_by(Evidence.created_at):
        mine = row.author_id in (None, me)
        items.append(
            EvidenceItem(
                id=row.id,
                competency_uid=row.competency_uid,
                source_kind=row.source_kind,
                source_id=row.source_id,
                source_title=row.source_title or _("(sans titre)"),
                statement=row.statement,
                author=_("Vous") if mine else names.get(row.author_id, _("un·e pair")),
                author_id=row.author_id,
                mine=mine,
                group=groups.get(row.group_id, "") if row.visibility == GROUP else "",
                group_id=row.group_id if row.visibility == GROUP else None,
                updated_at=row.updated_at,
            )
        )
    by_id = {item.id: item for item in items}
    endorsements = Endorsement.select().where(Endorsement.evidence_id.in_(list(by_id) or [""]))
    for row in endorsements.order_by(Endorsement.created_at):
        author = _("Vous") if row.author_id == me else names.get(row.author_id, _("un·e pair"))
        by_id[row.evidence_id].endorsements.append(
            EndorsementItem(author, row.body, row.created_at)
        )
    return items


def latest_validation(competency_uid: str, learner_id: str | None) -> ValidationItem | None:
    """The newest facilitator decision on this learner's competency, in any of their groups."""
    if not learner_id:
        return None
    row = (
        CompetencyValidation.select()
        .where(
            (CompetencyValidation.competency_uid == competency_uid)
            & (CompetencyValidation.learner_id == learner_id)
        )
        .order_by(CompetencyValidation.decided_at.desc())
        .first()
    )
    if row is None:
        return None
    by = display_names().get(row.author_id, _("l'animateur ou l'animatrice"))
    return ValidationItem(row.validated, by, row.comment, row.decided_at)


def overview(learner_id: str | None = None) -> list[CompetencyItem]:
    """Every competency of the installed modules with one learner's evidence and validation."""
    learner = learner_id or sync_state.load().user_id or None
    evidence = evidence_items(learner_id)
    titles = dict(LessonRecord.select(LessonRecord.uid, LessonRecord.title).tuples())
    items = []
    for competency, pack_title in framework():
        items.append(
            CompetencyItem(
                competency,
                pack_title,
                [
                    titles.get(f"{competency.pack_id}/{lesson}", lesson)
                    for lesson in competency.lessons
                ],
                [item for item in evidence if item.competency_uid == competency.uid],
                latest_validation(competency.uid, learner),
            )
        )
    return items


def peers_evidence() -> list[EvidenceItem]:
    """Evidence peers shared with the learner's groups, newest first: what one may endorse."""
    me = sync_state.load().user_id or None
    authors = {
        row.author_id
        for row in Evidence.select(Evidence.author_id).where(
            (Evidence.visibility == GROUP) & ~Evidence.deleted & Evidence.author_id.is_null(False)
        )
        if row.author_id != me
    }
    items = [item for author in authors for item in evidence_items(author)]
    return sorted(items, key=lambda item: item.updated_at, reverse=True)


def facilitates(group_id: str | None) -> bool:
    """Whether this device's learner facilitates the group (and so may validate in it)."""
    if not group_id:
        return False
    group = GroupRecord.get_or_none(GroupRecord.id == group_id)
    return group is not None and group.role == "facilitator"


def modules() -> list[tuple[str, str]]:
    """The installed modules, in course order: (pack id, title)."""
    packs = PackRecord.select(PackRecord.id, PackRecord.title)
    return [(pack.id, pack.title) for pack in packs.order_by(PackRecord.week, PackRecord.order)]


def facilitated_groups() -> list[tuple[str, str]]:
    """The groups this device's learner facilitates: (id, name)."""
    rows = GroupRecord.select().where(GroupRecord.role == "facilitator").order_by(GroupRecord.name)
    return [(row.id, row.name) for row in rows]
