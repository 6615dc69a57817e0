"""Each syncable kind: how a local record becomes a change, and how a pulled one is applied.

Applying never enqueues: writes made by sync itself must not travel back.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import re
import uuid
from collections.abc import Callable

from peewee import IntegrityError

from team_desktop.core import outbox, search
from team_desktop.core.i18n import _
from team_desktop.core.notes import store as notes
from team_desktop.core.research import answers as research_answers
from team_desktop.core.research import traces as research_traces
from team_desktop.core.store import changes
from team_desktop.core.store.models import (
    Bookmark,
    LessonProgress,
    LessonRecord,
    QuizAttempt,
    TimeSpent,
    database,
    utcnow,
)
from team_desktop.core.store.portfolio_models import DEVICE, JournalEntry, Note
from team_desktop.core.store.sync_models import Outbox, Person, SharedComment
from team_desktop.core.sync import competency_records, group_records, pulled, skipped
from team_desktop.core.wire_time import iso, parse_time

log = logging.getLogger(__name__)

# -- outgoing ------------------------------------------------------------------------------


def _progress_out(record_id: str) -> dict | None:
    row = LessonProgress.get_or_none(LessonProgress.lesson_uid == record_id)
    return {"completed": row.completed, "changed_at": iso(row.updated_at)} if row else None


def _time_out(record_id: str) -> dict | None:
    lesson_uid, _sep, device = record_id.partition("|")
    row = TimeSpent.get_or_none(
        (TimeSpent.lesson_uid == lesson_uid) & (TimeSpent.device_id == device)
    )
    return {"seconds": row.seconds} if row else None


def _quiz_out(record_id: str) -> dict | None:
    row = QuizAttempt.get_or_none(QuizAttempt.id == record_id)
    if row is None:
        return None
    return {
        "activity_uid": row.activity_uid,
        "answers": json.loads(row.answers_json),
        "score": row.score,
        "max_score": row.max_score,
        "answered_at": iso(row.answered_at),
    }


def _bookmark_out(record_id: str) -> dict | None:
    row = Bookmark.get_or_none(Bookmark.lesson_uid == record_id)
    return {"bookmarked": row.bookmarked, "changed_at": iso(row.changed_at)} if row else None


ENTRY_FIELDS = (
    "title",
    "body",
    "template_id",
    "lesson_uid",
    "activity_uid",
    "visibility",
    "group_id",
    "conflict_of",
)


def entry_data(row: JournalEntry) -> dict:
    """The protocol's `data` of a journal entry."""
    data = {field: getattr(row, field) for field in ENTRY_FIELDS}
    data.update(
        tags=json.loads(row.tags_json),
        attachments=json.loads(row.attachments_json),
        entry_date=iso(row.entry_date),
        trashed_at=iso(row.trashed_at),
        deleted=row.deleted,
        created_at=iso(row.created_at),
        updated_at=iso(row.updated_at),
    )
    return data


def _entry_out(record_id: str) -> dict | None:
    row = JournalEntry.get_or_none(JournalEntry.id == record_id)
    if row is None or row.visibility == DEVICE:
        return None
    return entry_data(row)


def _comment_out(record_id: str) -> dict | None:
    row = SharedComment.get_or_none(SharedComment.id == record_id)
    if row is None:
        return None
    return {
        "target_kind": row.target_kind,
        "target_id": row.target_id,
        "body": row.body,
        "created_at": iso(row.created_at),
    }


EMPTY_STATE_VECTOR = b"\x00"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str | None) -> bytes:
    return base64.b64decode(text) if text else b""


# The course activity a note prepares: `<pack id>/<activity id>`, as packs name them.
NOTE_ACTIVITY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$")


def _note_out(record_id: str) -> dict | None:
    row = Note.get_or_none(Note.id == record_id)
    if row is None or row.visibility == DEVICE:
        return None
    # Only what the server lacks since the last exchange, never the whole note when a delta will do.
    update = notes.local_update_since(record_id, row.server_state or EMPTY_STATE_VECTOR)
    return {
        "update": b64(update),
        "state": b64(notes.state_vector(record_id)),
        "group_id": row.group_id,
        "visibility": row.visibility,
        "activity_uid": row.activity_uid,
        "trashed_at": iso(row.trashed_at),
        "deleted": row.deleted,
    }


def note_acknowledged(note_id: str, server_state: str | None) -> None:
    """Remember the server's state vector after it took our update."""
    if server_state:
        Note.update(server_state=unb64(server_state)).where(Note.id == note_id).execute()


def base_rev(kind: str, record_id: str) -> int | None:
    """The server revision a local edit started from (entries only)."""
    if kind != "entry":
        return None
    row = JournalEntry.get_or_none(JournalEntry.id == record_id)
    return row.server_rev if row else None


# -- incoming ------------------------------------------------------------------------------


def _progress_in(change: dict) -> None:
    data, uid = change["data"], change["id"]
    pulled_at = parse_time(data.get("changed_at"))
    row = LessonProgress.get_or_none(LessonProgress.lesson_uid == uid)
    if row is not None and row.updated_at is not None and pulled_at is not None:
        if row.updated_at > pulled_at or (row.updated_at == pulled_at and row.completed):
            return
    lesson = LessonRecord.get_or_none(LessonRecord.uid == uid)
    completed = bool(data.get("completed"))
    LessonProgress.insert(
        lesson_uid=uid,
        completed=completed,
        completed_at=pulled_at if completed else None,
        completed_hash=lesson.content_hash if (completed and lesson) else None,
        updated_at=pulled_at or dt.datetime.now(dt.UTC),
    ).on_conflict(
        conflict_target=[LessonProgress.lesson_uid],
        update={
            LessonProgress.completed: completed,
            LessonProgress.completed_at: pulled_at if completed else None,
            LessonProgress.updated_at: pulled_at,
        },
    ).execute()


def _time_in(change: dict) -> None:
    # Each counter only grows on its own device: the larger value is the newer one.
    lesson_uid, _sep, device = change["id"].partition("|")
    seconds = int(change["data"].get("seconds", 0))
    where = (TimeSpent.lesson_uid == lesson_uid) & (TimeSpent.device_id == device)
    row = TimeSpent.get_or_none(where)
    if row is None:
        TimeSpent.create(lesson_uid=lesson_uid, device_id=device, seconds=seconds)
    elif seconds > row.seconds:
        TimeSpent.update(seconds=seconds).where(where).execute()


def _quiz_in(change: dict) -> None:
    data = change["data"]
    QuizAttempt.insert(
        id=change["id"],
        activity_uid=data["activity_uid"],
        answers_json=json.dumps(data["answers"]),
        score=int(data["score"]),
        max_score=int(data["max_score"]),
        answered_at=parse_time(data["answered_at"]),
    ).on_conflict_ignore().execute()


def _bookmark_in(change: dict) -> None:
    data, uid = change["data"], change["id"]
    pulled_at = parse_time(data.get("changed_at"))
    row = Bookmark.get_or_none(Bookmark.lesson_uid == uid)
    if row is not None and pulled_at is not None and row.changed_at >= pulled_at:
        return
    Bookmark.replace(
        lesson_uid=uid,
        bookmarked=bool(data.get("bookmarked")),
        changed_at=pulled_at,
        created_at=row.created_at if row else pulled_at,
    ).execute()


def _entry_in(change: dict, me: str) -> None:
    entry_id, data = change["id"], change["data"]
    if outbox.is_queued("entry", entry_id):
        return  # our own newer edit is waiting: the push will settle it (conflict copy if needed)
    values = {field: data.get(field) for field in ENTRY_FIELDS}
    values.update(
        title=data.get("title") or "",
        body=data.get("body") or "",
        tags_json=json.dumps(data.get("tags") or [], ensure_ascii=False),
        attachments_json=json.dumps(data.get("attachments") or [], ensure_ascii=False),
        entry_date=dt.date.fromisoformat(data["entry_date"][:10])
        if data.get("entry_date")
        else dt.date.today(),
        trashed_at=parse_time(data.get("trashed_at")),
        deleted=bool(data.get("deleted")),
        # Optional in the protocol (docs/sync-protocol.md), never empty in the store.
        created_at=parse_time(data.get("created_at")) or utcnow(),
        updated_at=parse_time(data.get("updated_at")) or utcnow(),
        author_id=change.get("owner"),
        server_rev=change.get("rev"),
    )
    JournalEntry.insert(id=entry_id, **values).on_conflict(
        conflict_target=[JournalEntry.id], update=values
    ).execute()
    kind = "entry" if change.get("owner") in (None, me) else "shared"
    if values["deleted"] or values["trashed_at"]:
        search.remove_document(kind, entry_id)
    else:
        search.index_document(kind, entry_id, values["title"], values["body"])


def _note_in(change: dict) -> None:
    data = change["data"]
    notes.apply_remote_update(
        change["id"],
        unb64(data.get("update")),
        group_id=data.get("group_id"),
        visibility=data.get("visibility"),
        trashed_at=parse_time(data.get("trashed_at")),
        deleted=bool(data.get("deleted")),
    )
    activity = data.get("activity_uid")
    if isinstance(activity, str) and NOTE_ACTIVITY.match(activity):
        Note.update(activity_uid=activity).where(Note.id == change["id"]).execute()
    note_acknowledged(change["id"], data.get("state"))


def _comment_in(change: dict) -> None:
    data = change["data"]
    SharedComment.insert(
        id=change["id"],
        target_kind=data["target_kind"],
        target_id=data["target_id"],
        author_id=change.get("owner"),
        body=data["body"],
        created_at=parse_time(data.get("created_at")),
    ).on_conflict_ignore().execute()


def set_server_rev(entry_id: str, rev: int | None) -> None:
    """Remember which server revision the local text of an entry is based on."""
    JournalEntry.update(server_rev=rev).where(JournalEntry.id == entry_id).execute()
    changes.report(changes.ENTRIES, entry_id)


def make_conflict_copy(entry_id: str) -> str | None:
    """Keep the local text of an entry the server changed meanwhile, as a new entry."""
    row = JournalEntry.get_or_none(JournalEntry.id == entry_id)
    if row is None:
        return None
    copy_id = uuid.uuid4().hex
    data = {field: getattr(row, field) for field in JournalEntry._meta.fields if field != "id"}
    data.update(conflict_of=entry_id, server_rev=None, title=f"{row.title} (copie en conflit)")
    JournalEntry.create(id=copy_id, **data)
    search.index_document("entry", copy_id, data["title"], row.body)
    changes.report(changes.ENTRIES, entry_id, copy_id)
    return copy_id


OUTGOING: dict[str, Callable[[str], dict | None]] = {
    "progress": _progress_out,
    "time": _time_out,
    "quiz": _quiz_out,
    "bookmark": _bookmark_out,
    "entry": _entry_out,
    "comment": _comment_out,
    "note": _note_out,
    "answer": research_answers.answer_data,
    "statement": research_traces.statement_data,
    **competency_records.OUTGOING,
    **group_records.OUTGOING,
}


def _withdraw(change: dict) -> None:
    """A shared record left the group: this device's copy goes, with its comments."""
    kind, record_id = change["kind"], change["id"]
    Outbox.delete().where((Outbox.kind == kind) & (Outbox.record_id == record_id)).execute()
    if kind == "entry":
        JournalEntry.delete().where(JournalEntry.id == record_id).execute()
        search.remove_document("shared", record_id)
        search.remove_document("entry", record_id)
    elif kind == "note":
        Note.delete().where(Note.id == record_id).execute()
        search.remove_document("note", record_id)
    elif kind == "comment":
        SharedComment.delete().where(SharedComment.id == record_id).execute()
    elif kind in competency_records.INCOMING:
        competency_records.withdraw(kind, record_id)
    elif kind in group_records.INCOMING:
        group_records.withdraw(kind, record_id)
    if kind in ("entry", "note"):
        SharedComment.delete().where(SharedComment.target_id == record_id).execute()


def forget_left_groups(groups: list[dict], me: str) -> int:
    """After a full resync: drop others' entries shared with groups the learner left (and
    those groups' seasons, announcements, peers' evidence and validations)."""
    current = [group["id"] for group in groups]
    group_records.forget_left_groups(current)
    competency_records.forget_left_groups(current, me)
    stale = JournalEntry.select(JournalEntry.id).where(
        JournalEntry.author_id.is_null(False)
        & (JournalEntry.author_id != me)
        & (JournalEntry.group_id.is_null() | JournalEntry.group_id.not_in(current))
    )
    ids = [row.id for row in stale]
    for entry_id in ids:
        _withdraw({"kind": "entry", "id": entry_id})
    return len(ids)


# The change bus's kind for each protocol kind.
BUS_KINDS = {
    "entry": changes.ENTRIES,
    "note": changes.NOTES,
    "comment": changes.COMMENTS,
    "progress": changes.PROGRESS,
    "time": changes.PROGRESS,
    "quiz": changes.PROGRESS,
    "bookmark": changes.BOOKMARKS,
    "answer": changes.ANSWERS,
    "statement": changes.RESEARCH,
    "evidence": changes.COMPETENCIES,
    "endorsement": changes.COMPETENCIES,
    "validation": changes.COMPETENCIES,
    "season": changes.SEASONS,
    "announcement": changes.ANNOUNCEMENTS,
    "progress_share": changes.PROGRESS_SHARING,
}


def apply_incoming(change: object, me: str) -> str | None:
    """Apply one pulled change (inside the caller's transaction); returns None once applied,
    or why it was skipped (in French, also kept for the learner: `skipped.listing`).

    One record that does not check or cannot apply is left alone; the others apply.
    """
    try:
        checked = pulled.check(change)
        with database.atomic():  # a savepoint: a record failing halfway leaves no trace
            _apply(checked, me)
    except (ValueError, TypeError, KeyError, IntegrityError) as error:
        # InvalidRecord is a ValueError; the others come from a record the checks let through.
        reason = str(error) if isinstance(error, pulled.InvalidRecord) else _("illisible")
        log.warning("pulled record skipped (%s): %r", reason, error)
        author = change.get("owner_name") if isinstance(change, dict) else None
        kind, record_id = (
            (change.get("kind"), change.get("id")) if isinstance(change, dict) else ("", "")
        )
        skipped.remember(kind, record_id, author, reason)
        return reason
    changes.report(BUS_KINDS.get(checked["kind"], checked["kind"]), checked["id"])
    skipped.forget(checked["kind"], checked["id"])
    return None


def _apply(change: dict, me: str) -> None:
    if change.get("gone"):
        _withdraw(change)
        return
    if change.get("owner") and change.get("owner_name"):
        Person.replace(id=change["owner"], display_name=change["owner_name"]).execute()
    kind = change["kind"]
    if kind == "entry":
        _entry_in(change, me)
    elif kind in INCOMING:
        INCOMING[kind](change)


INCOMING: dict[str, Callable[[dict], None]] = {
    "progress": _progress_in,
    "time": _time_in,
    "quiz": _quiz_in,
    "bookmark": _bookmark_in,
    "comment": _comment_in,
    "note": _note_in,
    "answer": research_answers.apply_pulled,
    **competency_records.INCOMING,
    **group_records.INCOMING,
}
