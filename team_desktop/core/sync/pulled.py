"""Every pulled record is checked here, field by field, before it may touch the store.

A server (or a peer through it) is not trusted: a record that does not have exactly the shape
an honest client sends is refused with a French reason, and the engine skips it alone.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import math
import re
from collections.abc import Callable

from team_desktop.core.hashing import is_sha256
from team_desktop.core.i18n import _

# Generous bounds: far above what the app writes, low enough that no record can exhaust memory.
MAX_ID = 200
MAX_NAME = 200
MAX_LINE = 1_000  # a title, a tag, a file name, a lesson or activity uid
MAX_TEXT = 2_000_000  # an entry's body or a comment, in characters
MAX_ITEMS = 1_000  # tags, attachments
MAX_NOTE_BYTES = 20 * 1024 * 1024  # a note's base64 update (as a `.teamnote` file)
MAX_SECONDS = 10**9
MAX_ANNOUNCEMENT = 100_000  # ten times what the server keeps

ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.:|/@-]*")
UUID = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
VISIBILITIES = ("private", "group")


class InvalidRecord(ValueError):
    """A pulled record this device will not apply; `str(error)` says why, in French."""


def _invalid(field: str) -> InvalidRecord:
    return InvalidRecord(_("champ « {field} » invalide").format(field=field))


# -- one value -----------------------------------------------------------------------------


def text(value: object, field: str, limit: int = MAX_LINE, *, optional: bool = False) -> None:
    """A string of at most `limit` characters that SQLite can store (no NUL, no lone surrogate)."""
    if value is None and optional:
        return
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise _invalid(field)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise _invalid(field) from error


def identifier(value: object, field: str, pattern: re.Pattern = ID, *, optional: bool = False):
    if value is None and optional:
        return
    if not isinstance(value, str) or len(value) > MAX_ID or not pattern.fullmatch(value):
        raise _invalid(field)


def boolean(value: object, field: str) -> None:
    # A string "false" is not false: taken as true, it would empty an entry on every device.
    if not isinstance(value, bool):
        raise _invalid(field)


def integer(value: object, field: str, low: int = 0, high: int = MAX_SECONDS) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _invalid(field)


def number(value: object, field: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _invalid(field)
    if abs(value) > MAX_SECONDS:
        raise _invalid(field)


def moment(value: object, field: str, *, optional: bool = False) -> None:
    """An ISO 8601 time, as `records.parse_time` reads it."""
    if value is None and optional:
        return
    if not isinstance(value, str) or len(value) > 40:
        raise _invalid(field)
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise _invalid(field) from error
    if not 1900 <= parsed.year <= 9000:  # far years overflow once moved to UTC
        raise _invalid(field)


def day(value: object, field: str) -> None:
    """A calendar date, YYYY-MM-DD."""
    if not isinstance(value, str) or not DATE.fullmatch(value):
        raise _invalid(field)
    try:
        dt.date.fromisoformat(value)
    except ValueError as error:
        raise _invalid(field) from error


def base64_text(value: object, field: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str) or len(value) > MAX_NOTE_BYTES:
        raise _invalid(field)
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as error:
        raise _invalid(field) from error


def json_value(value: object, field: str, depth: int = 0) -> None:
    """Plain JSON data (answers to a quiz), bounded in depth and size."""
    if depth > 20:
        raise _invalid(field)
    if isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            raise _invalid(field)
        for key, item in value.items():
            text(key, field)
            json_value(item, field, depth + 1)
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            raise _invalid(field)
        for item in value:
            json_value(item, field, depth + 1)
    elif isinstance(value, str):
        text(value, field, MAX_TEXT)
    elif value is not None and not isinstance(value, bool | int | float):
        raise _invalid(field)


def keys(data: dict, allowed: set[str], required: set[str]) -> None:
    """Only known fields, and every required one."""
    unknown = set(data) - allowed
    if unknown:
        raise _invalid(sorted(map(str, unknown))[0])
    missing = required - set(data)
    if missing:
        raise InvalidRecord(_("champ « {field} » manquant").format(field=sorted(missing)[0]))


# -- one record kind -----------------------------------------------------------------------


def _progress(data: dict) -> None:
    keys(data, {"completed", "changed_at"}, {"completed", "changed_at"})
    boolean(data["completed"], "completed")
    moment(data["changed_at"], "changed_at")


def _bookmark(data: dict) -> None:
    keys(data, {"bookmarked", "changed_at"}, {"bookmarked", "changed_at"})
    boolean(data["bookmarked"], "bookmarked")
    moment(data["changed_at"], "changed_at")


def _time(data: dict) -> None:
    keys(data, {"seconds"}, {"seconds"})
    integer(data["seconds"], "seconds")


def _quiz(data: dict) -> None:
    fields = {"activity_uid", "answers", "score", "max_score", "answered_at"}
    keys(data, fields, fields)
    text(data["activity_uid"], "activity_uid")
    json_value(data["answers"], "answers")
    number(data["score"], "score")
    number(data["max_score"], "max_score")
    moment(data["answered_at"], "answered_at")


def _answer(data: dict) -> None:
    keys(data, {"activity_uid", "answers", "answered_at"}, {"activity_uid", "answers"})
    text(data["activity_uid"], "activity_uid")
    if not isinstance(data["answers"], dict):
        raise _invalid("answers")
    json_value(data["answers"], "answers")
    moment(data.get("answered_at"), "answered_at", optional=True)


def _shared(data: dict) -> None:
    """Who may see an entry or a note: never "device", which must never leave one."""
    visibility = data.get("visibility", "private")
    if visibility not in VISIBILITIES:
        raise _invalid("visibility")
    identifier(data.get("group_id"), "group_id", optional=True)
    moment(data.get("trashed_at"), "trashed_at", optional=True)
    if "deleted" in data:
        boolean(data["deleted"], "deleted")


ENTRY_KEYS = {
    *("title", "body", "template_id", "lesson_uid", "activity_uid", "visibility", "group_id"),
    *("conflict_of", "tags", "attachments", "entry_date", "trashed_at", "deleted"),
    *("created_at", "updated_at"),
}
ATTACHMENT_KEYS = {"hash", "name", "size", "mime"}


def _entry(data: dict) -> None:
    keys(data, ENTRY_KEYS, set())
    _shared(data)
    text(data.get("title"), "title", optional=True)
    text(data.get("body"), "body", MAX_TEXT, optional=True)
    for field in ("template_id", "lesson_uid", "activity_uid"):
        text(data.get(field), field, optional=True)
    identifier(data.get("conflict_of"), "conflict_of", UUID, optional=True)
    tags = data.get("tags") or []
    if not isinstance(tags, list) or len(tags) > MAX_ITEMS:
        raise _invalid("tags")
    for tag in tags:
        text(tag, "tags")
    attachments(data.get("attachments") or [])
    if data.get("entry_date") is not None:
        moment(data["entry_date"], "entry_date")
        day(data["entry_date"][:10], "entry_date")
    moment(data.get("created_at"), "created_at", optional=True)
    moment(data.get("updated_at"), "updated_at", optional=True)


def attachments(items: object) -> None:
    """An entry's list of attached files, as `portfolio.attachments` writes it."""
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        raise _invalid("attachments")
    for item in items:
        if not isinstance(item, dict) or not {"hash", "name", "size"} <= set(item):
            raise _invalid("attachments")
        if set(item) - ATTACHMENT_KEYS or not is_sha256(item["hash"]):
            raise _invalid("attachments")
        text(item["name"], "attachments")
        text(item.get("mime"), "attachments", optional=True)
        integer(item["size"], "attachments", high=2**53)


# The server keeps a note's sharing beside its document (team_server/exchange.py NOTE_FIELDS).
NOTE_KEYS = {"update", "state", "group_id", "visibility", "activity_uid", "trashed_at"}
NOTE_KEYS |= {"deleted", "created_at"}


def _note(data: dict) -> None:
    keys(data, NOTE_KEYS, set())
    _shared(data)
    text(data.get("activity_uid"), "activity_uid", optional=True)
    moment(data.get("created_at"), "created_at", optional=True)
    base64_text(data.get("update"), "update", optional=True)
    base64_text(data.get("state"), "state", optional=True)


def _comment(data: dict) -> None:
    fields = {"target_kind", "target_id", "body", "created_at"}
    keys(data, fields, fields)
    if data["target_kind"] not in ("entry", "note"):
        raise _invalid("target_kind")
    identifier(data["target_id"], "target_id")
    text(data["body"], "body", MAX_TEXT)
    moment(data["created_at"], "created_at")


COMPETENCY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*")
EVIDENCE_KEYS = {"competency_uid", "source_kind", "source_id", "source_title", "statement"}
EVIDENCE_KEYS |= {"visibility", "group_id", "deleted", "created_at", "updated_at"}


def _evidence(data: dict) -> None:
    keys(data, EVIDENCE_KEYS, {"competency_uid", "source_kind", "source_id"})
    _shared(data)
    identifier(data["competency_uid"], "competency_uid", COMPETENCY)
    if data["source_kind"] not in ("entry", "note"):
        raise _invalid("source_kind")
    identifier(data["source_id"], "source_id", UUID)
    text(data.get("source_title"), "source_title", optional=True)
    text(data.get("statement"), "statement", MAX_TEXT, optional=True)
    moment(data.get("created_at"), "created_at", optional=True)
    moment(data.get("updated_at"), "updated_at", optional=True)


def _endorsement(data: dict) -> None:
    fields = {"evidence_id", "body", "created_at"}
    keys(data, fields, fields)
    identifier(data["evidence_id"], "evidence_id", UUID)
    text(data["body"], "body", MAX_TEXT)
    moment(data["created_at"], "created_at")


def _validation(data: dict) -> None:
    fields = {"competency_uid", "learner_id", "group_id", "validated", "comment", "decided_at"}
    keys(data, fields, fields - {"comment"})
    identifier(data["competency_uid"], "competency_uid", COMPETENCY)
    identifier(data["learner_id"], "learner_id", UUID)
    identifier(data["group_id"], "group_id")
    boolean(data["validated"], "validated")
    text(data.get("comment"), "comment", MAX_TEXT, optional=True)
    moment(data["decided_at"], "decided_at")


MAX_WEEKS = 60


def _season(data: dict) -> None:
    fields = {"start_date", "packs", "weeks", "changed_at"}
    keys(data, fields, {"start_date", "changed_at"})
    day(data["start_date"], "start_date")
    moment(data["changed_at"], "changed_at")
    packs = data.get("packs", [])
    if not isinstance(packs, list) or len(packs) > MAX_ITEMS:
        raise _invalid("packs")
    for pack in packs:
        identifier(pack, "packs")
    weeks = data.get("weeks", [])
    if not isinstance(weeks, list) or len(weeks) > MAX_WEEKS:
        raise _invalid("weeks")
    for week in weeks:
        if not isinstance(week, dict) or set(week) - {"week", "opens_on"} or "week" not in week:
            raise _invalid("weeks")
        integer(week["week"], "weeks", low=1, high=MAX_WEEKS)
        if week.get("opens_on") is not None:
            day(week["opens_on"], "weeks")
    if len({week["week"] for week in weeks}) != len(weeks):
        raise _invalid("weeks")


def _announcement(data: dict) -> None:
    fields = {"group_id", "title", "body", "published_at", "changed_at", "deleted"}
    keys(data, fields, {"group_id", "published_at", "changed_at"})
    identifier(data["group_id"], "group_id", UUID)
    text(data.get("title", ""), "title", MAX_NAME)
    text(data.get("body", ""), "body", MAX_ANNOUNCEMENT)
    moment(data["published_at"], "published_at")
    moment(data["changed_at"], "changed_at")
    if "deleted" in data:
        boolean(data["deleted"], "deleted")


def _progress_share(data: dict) -> None:
    keys(data, {"share", "decided_at"}, {"share", "decided_at"})
    boolean(data["share"], "share")
    moment(data["decided_at"], "decided_at")


# Kinds whose ids are UUIDs made on a device (a season's and a progress choice's: the group's).
UUID_KINDS = ("entry", "note", "comment", "evidence", "endorsement", "validation")
UUID_KINDS += ("season", "announcement", "progress_share")

KINDS: dict[str, Callable[[dict], None]] = {
    "progress": _progress,
    "time": _time,
    "quiz": _quiz,
    "bookmark": _bookmark,
    "entry": _entry,
    "note": _note,
    "comment": _comment,
    "answer": _answer,
    "evidence": _evidence,
    "endorsement": _endorsement,
    "validation": _validation,
    "season": _season,
    "announcement": _announcement,
    "progress_share": _progress_share,
}


def check(change: object) -> dict:
    """`change` if it is a record this device can apply; InvalidRecord (French reason) if not.

    Kinds this version does not know are returned unchecked: the engine ignores them.
    """
    if not isinstance(change, dict):
        raise InvalidRecord(_("élément illisible"))
    kind = change.get("kind")
    if not isinstance(kind, str) or len(kind) > MAX_ID:
        raise _invalid("kind")
    identifier(change.get("id"), "id", UUID if kind in UUID_KINDS else ID)
    if kind == "time" and "|" not in change["id"]:
        raise _invalid("id")
    identifier(change.get("owner"), "owner", optional=True)
    text(change.get("owner_name"), "owner_name", MAX_NAME, optional=True)
    identifier(change.get("group_id"), "group_id", optional=True)
    if change.get("rev") is not None:
        integer(change["rev"], "rev", high=2**63)
    if not isinstance(change.get("data"), dict):
        raise _invalid("data")
    if "gone" in change:
        boolean(change["gone"], "gone")
        if change["gone"]:
            return change  # a withdrawal carries no data to check
    if kind in KINDS:
        KINDS[kind](change["data"])
    return change
