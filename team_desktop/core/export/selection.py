"""Which journal entries an export holds, read from the store with their course context."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from team_desktop.core.hashing import is_sha256
from team_desktop.core.i18n import _
from team_desktop.core.notes.authors import AUTHOR_NAME_KEY
from team_desktop.core.paths import DataPaths
from team_desktop.core.portfolio.attachments import blob_path
from team_desktop.core.store.db import get_setting
from team_desktop.core.store.models import ActivityRecord, LessonRecord, PackRecord
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.store.sync_models import Person
from team_desktop.core.sync import state as sync_state


@dataclass(frozen=True)
class Selection:
    """All entries, or some: by id, by tag (any of), by module (pack id), by date range.

    Only the learner's own entries, unless `include_peers`: then the entries their groups
    shared too, each with its author's name."""

    entry_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    module: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    include_peers: bool = False


@dataclass(frozen=True)
class Attachment:
    """A file attached to an entry, stored once under `attachments/<hash[:2]>/<hash>`."""

    hash: str
    name: str
    size: int
    mime: str
    path: Path

    @property
    def present(self) -> bool:
        return self.path.is_file()

    @property
    def is_image(self) -> bool:
        # Only raster formats are embedded: an SVG can carry script.
        return self.mime in {"image/png", "image/jpeg", "image/gif", "image/webp"}


@dataclass(frozen=True)
class CourseLink:
    """A lesson or activity an entry is about, with its title when the pack is installed."""

    uid: str
    title: str
    module: str = ""


@dataclass
class ExportEntry:
    """One journal entry as every export format sees it."""

    id: str
    title: str
    body: str
    date: dt.date
    tags: list[str]
    visibility: str
    created_at: dt.datetime
    updated_at: dt.datetime
    lesson: CourseLink | None = None
    activity: CourseLink | None = None
    conflict_of: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    author: str = ""  # a peer's name; "" for the learner's own entry


def attachment_path(paths: DataPaths, digest: str) -> Path:
    """Where the journal keeps the blob of this SHA-256."""
    return blob_path(paths, digest)


def select_entries(paths: DataPaths, selection: Selection | None = None) -> list[ExportEntry]:
    """Entries of the active store matching `selection`, oldest first; bin and tombstones left out."""
    selection = selection or Selection()
    query = JournalEntry.select().where(
        JournalEntry.trashed_at.is_null() & (JournalEntry.deleted == False)  # noqa: E712
    )
    mine = _my_account_ids()
    if not selection.include_peers:
        query = query.where(JournalEntry.author_id.is_null() | JournalEntry.author_id.in_(mine))
    peers = dict(Person.select(Person.id, Person.display_name).tuples())
    if selection.entry_ids:
        query = query.where(JournalEntry.id.in_(list(selection.entry_ids)))
    if selection.since:
        query = query.where(JournalEntry.entry_date >= selection.since)
    if selection.until:
        query = query.where(JournalEntry.entry_date <= selection.until)
    wanted_tags = {t.casefold() for t in selection.tags}
    context = _CourseContext()
    result = []
    for row in query.order_by(JournalEntry.entry_date, JournalEntry.created_at, JournalEntry.id):
        tags = [str(t) for t in _json_list(row.tags_json)]
        if wanted_tags and not wanted_tags & {t.casefold() for t in tags}:
            continue
        if selection.module and not _in_module(row, selection.module):
            continue
        result.append(
            ExportEntry(
                id=row.id,
                title=row.title,
                body=row.body,
                date=as_date(row.entry_date),
                tags=tags,
                visibility=row.visibility,
                created_at=as_datetime(row.created_at),
                updated_at=as_datetime(row.updated_at),
                lesson=context.lesson(row.lesson_uid),
                activity=context.activity(row.activity_uid),
                conflict_of=row.conflict_of,
                attachments=_attachments(paths, row.attachments_json),
                author=""
                if row.author_id is None or row.author_id in mine
                else peers.get(row.author_id) or _("un·e pair"),
            )
        )
    return result


def _my_account_ids() -> list[str]:
    """The learner's account ids, this one and any this device had before."""
    state = sync_state.load()
    return [i for i in (state.user_id, *sync_state.former_user_ids()) if i]


def learner_name() -> str:
    """The learner's name as they show it: their account's, or the one co-authors see."""
    state = sync_state.load()
    return (state.display_name or get_setting(AUTHOR_NAME_KEY) or "").strip()


def all_tags() -> list[str]:
    """Every tag used by one of the learner's exportable entries, sorted, for choosing."""
    tags: set[str] = set()
    query = JournalEntry.select(JournalEntry.tags_json).where(
        JournalEntry.trashed_at.is_null()
        & (JournalEntry.deleted == False)  # noqa: E712
        & (JournalEntry.author_id.is_null() | JournalEntry.author_id.in_(_my_account_ids()))
    )
    for row in query:
        tags.update(str(t) for t in _json_list(row.tags_json))
    return sorted(tags, key=str.casefold)


def _in_module(row: JournalEntry, pack_id: str) -> bool:
    return any(uid and uid.startswith(f"{pack_id}/") for uid in (row.lesson_uid, row.activity_uid))


def _attachments(paths: DataPaths, raw: str) -> list[Attachment]:
    found = []
    for item in _json_list(raw):
        if not isinstance(item, dict) or not is_sha256(item.get("hash")):
            continue  # never a path: an export must embed no file from outside the journal
        digest = item["hash"]
        found.append(
            Attachment(
                hash=digest,
                name=str(item.get("name") or digest),
                size=int(item.get("size") or 0),
                mime=str(item.get("mime") or "application/octet-stream"),
                path=attachment_path(paths, digest),
            )
        )
    return found


def _json_list(raw: str | None) -> list:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def as_datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        moment = value
    else:
        moment = dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class _CourseContext:
    """Titles of lessons, activities and modules, looked up once each."""

    def __init__(self) -> None:
        self._modules = {p.id: p.title for p in PackRecord.select(PackRecord.id, PackRecord.title)}

    def _module_of(self, uid: str) -> str:
        return self._modules.get(uid.split("/", 1)[0], "")

    def lesson(self, uid: str | None) -> CourseLink | None:
        if not uid:
            return None
        row = LessonRecord.get_or_none(LessonRecord.uid == uid)
        return CourseLink(uid, row.title if row else uid, self._module_of(uid))

    def activity(self, uid: str | None) -> CourseLink | None:
        if not uid:
            return None
        row = ActivityRecord.get_or_none(ActivityRecord.uid == uid)
        return CourseLink(uid, row.title if row else uid, self._module_of(uid))


@dataclass
class ExportResult:
    """What an export wrote, for the summary shown to the learner."""

    path: Path
    entries: int
    attachments: int = 0
    missing_attachments: list[str] = field(default_factory=list)
