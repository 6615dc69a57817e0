"""The facilitator's view of a group's progress, from what the server shares, and its CSV.

The server sends, per learner, only what that learner agreed to show
(team_server/facilitation.py); this device checks every field (a server is not trusted), puts
it against the installed packs (module titles, lesson and activity counts, declared hours)
and writes the CSV a training organisation asks for. Hours per module are the pack's
declared workload times the share of its lessons done, to the tenth of an hour (half up).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from team_desktop.core.csv_cells import write_rows
from team_desktop.core.i18n import _, format_number
from team_desktop.core.store.group_models import GroupProgressReport
from team_desktop.core.store.models import (
    ActivityRecord,
    LessonRecord,
    PackRecord,
    database,
    utcnow,
)
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync.connection import Connection

MAX_LEARNERS = 5_000
MAX_UIDS = 10_000
UID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.:|/@-]{0,199}")
HEX = re.compile(r"[0-9a-f]{32}")


class ReportError(ValueError):
    """An answer this device cannot read; `str(error)` says so in French."""


@dataclass
class LearnerProgress:
    """One learner of the group; `shared` False means nothing else is known."""

    id: str
    name: str
    shared: bool
    lessons_done: set[str] = field(default_factory=set)
    activities: set[str] = field(default_factory=set)
    shared_items: int = 0


@dataclass(frozen=True)
class ModuleInfo:
    """An installed module, as the report counts it."""

    pack_id: str
    title: str
    week: int
    hours: float
    lessons: frozenset[str]
    activities: frozenset[str]


@dataclass(frozen=True)
class ModuleProgress:
    """One learner's progress in one module."""

    module: ModuleInfo
    lessons_done: int
    activities_done: int

    @property
    def hours(self) -> float:
        """The declared workload times the share of lessons done."""
        if not self.module.lessons:
            return 0.0
        hours = Decimal(str(self.module.hours)) * self.lessons_done / len(self.module.lessons)
        # Half up, as a training organisation counts: 0.25 h is 0.3 h, not 0.2 h.
        return float(hours.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _uids(value: object) -> set[str]:
    if not isinstance(value, list) or len(value) > MAX_UIDS:
        raise ValueError
    if not all(isinstance(uid, str) and UID.fullmatch(uid) for uid in value):
        raise ValueError
    return set(value)


def _learner(raw: object) -> LearnerProgress:
    if not isinstance(raw, dict) or not isinstance(raw.get("shared"), bool):
        raise ValueError
    learner_id, name = raw.get("id"), raw.get("display_name")
    if not isinstance(learner_id, str) or not HEX.fullmatch(learner_id):
        raise ValueError
    if not isinstance(name, str) or not 0 < len(name) <= 200 or "\x00" in name:
        raise ValueError
    if not raw["shared"]:
        return LearnerProgress(learner_id, name, False)
    items = raw.get("shared_items")
    if isinstance(items, bool) or not isinstance(items, int) or not 0 <= items <= 10**6:
        raise ValueError
    return LearnerProgress(
        learner_id, name, True, _uids(raw.get("lessons_done")), _uids(raw.get("activities")), items
    )


def parse(answer: object) -> tuple[list[LearnerProgress], int]:
    """The learners of a `GET /groups/{id}/progress` answer, and how many were unreadable
    (left out: one bad learner never hides the others)."""
    learners = answer.get("learners") if isinstance(answer, dict) else None
    if not isinstance(learners, list) or len(learners) > MAX_LEARNERS:
        raise ReportError(_("Le serveur a envoyé une réponse illisible."))
    kept, unreadable = [], 0
    for raw in learners:
        try:
            kept.append(_learner(raw))
        except ValueError:
            unreadable += 1
    return kept, unreadable


def fetch(connection: Connection, group_id: str) -> tuple[list[LearnerProgress], int]:
    """Ask the server for the group's progress (facilitators only), check it, and keep it to
    be read offline."""
    answer = connection.group_progress(group_id)
    found = parse(answer)
    with database.atomic():
        GroupProgressReport.replace(
            group_id=group_id, answer_json=json.dumps(answer), fetched_at=utcnow()
        ).execute()
    return found


def last_received(group_id: str) -> tuple[list[LearnerProgress], int, dt.datetime] | None:
    """The group's progress as last received, and when; None if never, or if this account
    does not facilitate the group."""
    row = (
        GroupProgressReport.select()
        .join(GroupRecord, on=GroupRecord.id == GroupProgressReport.group_id)
        .where((GroupProgressReport.group_id == group_id) & (GroupRecord.role == "facilitator"))
        .first()
    )
    if row is None:
        return None
    try:
        learners, unreadable = parse(json.loads(row.answer_json))
    except ValueError:  # ReportError included
        return None  # checked when received; a damaged copy is only not shown
    return learners, unreadable, row.fetched_at


def forget_reports() -> None:
    """Reports of groups this account no longer facilitates go (what learners showed a
    facilitator is not kept by a former one)."""
    facilitated = GroupRecord.select(GroupRecord.id).where(GroupRecord.role == "facilitator")
    GroupProgressReport.delete().where(GroupProgressReport.group_id.not_in(facilitated)).execute()


def modules(pack_ids: list[str] | None = None) -> list[ModuleInfo]:
    """The installed modules (those of `pack_ids` when the season names them), in course order."""
    query = PackRecord.select().order_by(PackRecord.week, PackRecord.order, PackRecord.title)
    found = []
    for pack in query:
        if pack_ids and pack.id not in pack_ids:
            continue
        hours = json.loads(pack.meta_json).get("hours", 0)
        lessons = frozenset(
            row.uid
            for row in LessonRecord.select(LessonRecord.uid).where(LessonRecord.pack == pack.id)
        )
        activities = frozenset(
            row.uid
            for row in ActivityRecord.select(ActivityRecord.uid).where(
                ActivityRecord.pack == pack.id
            )
        )
        found.append(ModuleInfo(pack.id, pack.title, pack.week, float(hours), lessons, activities))
    return found


def by_module(learner: LearnerProgress, infos: list[ModuleInfo]) -> list[ModuleProgress]:
    """The learner's progress in each module (empty when they do not share it)."""
    if not learner.shared:
        return []
    return [
        ModuleProgress(
            info,
            len(learner.lessons_done & info.lessons),
            len(learner.activities & info.activities),
        )
        for info in infos
    ]


@dataclass(frozen=True)
class ModuleSummary:
    """One module across the learners who share their progress."""

    module: ModuleInfo
    finished: int  # learners who completed every lesson of it
    started: int  # learners who completed some of its lessons, not all
    sharing: int  # learners who share their progress


def summary(learners: list[LearnerProgress], infos: list[ModuleInfo]) -> list[ModuleSummary]:
    """Per module, how many of the learners who share their progress finished or started it."""
    sharing = [learner for learner in learners if learner.shared]
    found = []
    for info in infos:
        done = [len(learner.lessons_done & info.lessons) for learner in sharing]
        total = len(info.lessons)
        finished = sum(1 for count in done if total and count == total)
        started = sum(1 for count in done if 0 < count < total)
        found.append(ModuleSummary(info, finished, started, len(sharing)))
    return found


def csv_columns() -> list[str]:
    """The CSV's header, in the interface's language."""
    return [
        _("Participant·e"),
        _("Progression partagée"),
        _("Module"),
        _("Semaine"),
        _("Leçons terminées"),
        _("Leçons du module"),
        _("Activités faites"),
        _("Activités du module"),
        _("Charge déclarée (h)"),
        _("Heures réalisées (h)"),
        _("Éléments partagés avec le groupe"),
    ]


def csv_rows(learners: list[LearnerProgress], infos: list[ModuleInfo]) -> list[list]:
    """One row per learner and module, then the learner's total; one row for a learner who
    did not share their progress, saying so."""
    rows = []
    for learner in learners:
        if not learner.shared:
            rows.append([learner.name, _("non"), _("n'a pas partagé sa progression")] + [""] * 8)
            continue
        parts = by_module(learner, infos)
        for part in parts:
            rows.append(
                [
                    learner.name,
                    _("oui"),
                    part.module.title,
                    part.module.week,
                    part.lessons_done,
                    len(part.module.lessons),
                    part.activities_done,
                    len(part.module.activities),
                    format_number(part.module.hours),
                    format_number(part.hours),
                    "",
                ]
            )
        rows.append(
            [
                learner.name,
                _("oui"),
                _("Total"),
                "",
                sum(p.lessons_done for p in parts),
                sum(len(p.module.lessons) for p in parts),
                sum(p.activities_done for p in parts),
                sum(len(p.module.activities) for p in parts),
                format_number(sum(p.module.hours for p in parts)),
                format_number(sum(p.hours for p in parts)),
                learner.shared_items,
            ]
        )
    return rows


def write_csv(path: Path, learners: list[LearnerProgress], infos: list[ModuleInfo]) -> int:
    """Write the group's progress as a CSV for a spreadsheet (semicolons and a byte-order
    mark, as French spreadsheets expect); returns the number of rows."""
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        return write_rows(handle, csv_columns(), csv_rows(learners, infos), delimiter=";")
