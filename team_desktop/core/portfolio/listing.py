"""The portfolio view's queries: entries by date, module, tag and words; tags and months in use."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass

from peewee import fn

from team_desktop.core import search
from team_desktop.core.store.models import ActivityRecord, LessonRecord, PackRecord
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.sync import state as sync_state

NO_MODULE = ""  # filter value: entries linked to no lesson


@dataclass
class EntryFilter:
    """What the journal list shows; every criterion is optional."""

    month: tuple[int, int] | None = None  # (year, month)
    module: str | None = None  # a pack id, or NO_MODULE
    tag: str | None = None
    text: str = ""
    in_bin: bool = False


@dataclass
class EntrySummary:
    """One line of the journal list."""

    id: str
    title: str
    entry_date: dt.date
    tags: list[str]
    visibility: str
    module_id: str | None
    module_title: str | None
    lesson_title: str | None
    activity_title: str | None
    attachment_count: int
    updated_at: dt.datetime
    trashed_at: dt.datetime | None
    excerpt: str


def module_of(lesson_uid: str | None, activity_uid: str | None) -> str | None:
    """The pack id an entry belongs to, from the uid it is linked to."""
    uid = lesson_uid or activity_uid
    return uid.split("/", 1)[0] if uid else None


def _live(in_bin: bool = False):
    """The learner's own entries (peers' shared ones arrive by sync), in or out of the bin."""
    me = sync_state.load().user_id
    mine = JournalEntry.author_id.is_null() | (JournalEntry.author_id == me)
    trashed = JournalEntry.trashed_at.is_null(False)
    return mine & ~JournalEntry.deleted & (trashed if in_bin else ~trashed)


def list_entries(criteria: EntryFilter | None = None) -> list[EntrySummary]:
    """Entries matching `criteria`, newest date first."""
    criteria = criteria or EntryFilter()
    query = JournalEntry.select().where(_live(criteria.in_bin))
    if criteria.month:
        year, month = criteria.month
        first = dt.date(year, month, 1)
        after = dt.date(year + month // 12, month % 12 + 1, 1)
        query = query.where((JournalEntry.entry_date >= first) & (JournalEntry.entry_date < after))
    if criteria.module == NO_MODULE:
        query = query.where(JournalEntry.lesson_uid.is_null() & JournalEntry.activity_uid.is_null())
    elif criteria.module:
        prefix = criteria.module + "/"
        query = query.where(
            (fn.substr(JournalEntry.lesson_uid, 1, len(prefix)) == prefix)
            | (fn.substr(JournalEntry.activity_uid, 1, len(prefix)) == prefix)
        )
    if criteria.text.strip():
        if criteria.in_bin:
            # The bin is not indexed (its entries must not show in search): plain matching.
            like = f"%{criteria.text.strip()}%"
            query = query.where(JournalEntry.title**like | JournalEntry.body**like)
        else:
            hits = search.search(criteria.text, limit=10_000, kinds=("entry",))
            query = query.where(JournalEntry.id.in_([hit.ref for hit in hits]))
    rows = list(query.order_by(JournalEntry.entry_date.desc(), JournalEntry.updated_at.desc()))
    if criteria.tag:
        # In Python: SQLite's lower() folds ASCII only, and tags are French.
        wanted = criteria.tag.casefold()
        rows = [r for r in rows if wanted in (t.casefold() for t in json.loads(r.tags_json))]
    return _summaries(rows)


def entries_for_activity(activity_uid: str) -> list[EntrySummary]:
    """The learner's entries answering one activity (not those in the bin), newest first."""
    query = (
        JournalEntry.select()
        .where(_live() & (JournalEntry.activity_uid == activity_uid))
        .order_by(JournalEntry.entry_date.desc(), JournalEntry.updated_at.desc())
    )
    return _summaries(list(query))


def _summaries(rows: list[JournalEntry]) -> list[EntrySummary]:
    if not rows:
        return []  # most activities of a lesson page: three reads saved
    packs = dict(PackRecord.select(PackRecord.id, PackRecord.title).tuples())
    lesson_uids = {r.lesson_uid for r in rows if r.lesson_uid}
    activity_uids = {r.activity_uid for r in rows if r.activity_uid}
    lessons = dict(
        LessonRecord.select(LessonRecord.uid, LessonRecord.title)
        .where(LessonRecord.uid.in_(list(lesson_uids)))
        .tuples()
    )
    activities = dict(
        ActivityRecord.select(ActivityRecord.uid, ActivityRecord.title)
        .where(ActivityRecord.uid.in_(list(activity_uids)))
        .tuples()
    )
    result = []
    for row in rows:
        module = module_of(row.lesson_uid, row.activity_uid)
        result.append(
            EntrySummary(
                id=row.id,
                title=row.title,
                entry_date=row.entry_date,
                tags=json.loads(row.tags_json),
                visibility=row.visibility,
                module_id=module,
                module_title=packs.get(module) if module else None,
                lesson_title=lessons.get(row.lesson_uid),
                activity_title=activities.get(row.activity_uid),
                attachment_count=len(json.loads(row.attachments_json)),
                updated_at=row.updated_at,
                trashed_at=row.trashed_at,
                excerpt=excerpt(row.body),
            )
        )
    return result


def excerpt(body: str, length: int = 140) -> str:
    """The first words the learner wrote, without Markdown marks or the quoted prompt."""
    lines = [line for line in body[: length * 20].splitlines() if not line.startswith(">")]
    text = " ".join(search.MARKUP.sub(" ", " ".join(lines)).split())
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def tags_in_use() -> list[tuple[str, int]]:
    """Tags of entries outside the bin with how many entries carry each, most used first."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for (tags_json,) in JournalEntry.select(JournalEntry.tags_json).where(_live()).tuples():
        for tag in json.loads(tags_json):
            names.setdefault(tag.casefold(), tag)
            counts[tag.casefold()] += 1
    return sorted(((names[k], n) for k, n in counts.items()), key=lambda t: (-t[1], t[0].lower()))


def months_in_use() -> list[tuple[int, int]]:
    """(year, month) of every month holding an entry outside the bin, newest first."""
    dates = JournalEntry.select(JournalEntry.entry_date).where(_live()).tuples()
    return sorted({(d.year, d.month) for (d,) in dates}, reverse=True)


def modules_in_use() -> list[tuple[str, str]]:
    """(pack id, title) of every module an entry outside the bin is linked to, in course order."""
    used = set()
    for lesson_uid, activity_uid in (
        JournalEntry.select(JournalEntry.lesson_uid, JournalEntry.activity_uid)
        .where(_live())
        .tuples()
    ):
        module = module_of(lesson_uid, activity_uid)
        if module:
            used.add(module)
    packs = PackRecord.select(PackRecord.id, PackRecord.title).order_by(
        PackRecord.week, PackRecord.order, PackRecord.title
    )
    known = [(p.id, p.title) for p in packs if p.id in used]
    return known + sorted((m, m) for m in used - {p for p, _t in known})


def bin_count() -> int:
    return JournalEntry.select().where(_live(in_bin=True)).count()
