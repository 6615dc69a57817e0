"""Learning records: one call where something happens, a statement only while consenting.

`record()` is called inside the transaction of the event it describes (a lesson completed, a
quiz answered, ...). It does nothing unless the learner takes part in the research; otherwise
it keeps an xAPI statement here and queues it for the next sync (kind "statement").
"""

from __future__ import annotations

import datetime as dt
import json

from team_desktop.core import outbox
from team_desktop.core.research import consent, xapi
from team_desktop.core.store.models import ActivityRecord, LessonRecord, database, utcnow
from team_desktop.core.store.research_models import ResearchStatement
from team_desktop.core.store.sync_models import Outbox

# What a shared entry or a comment is about when it answers no activity of the course; the
# names are the statement's French, whatever the app's language.
GENERIC = {
    "journal": (f"{xapi.HOME_PAGE}/xapi/activities/journal", "Journal de formation"),
    "notes": (f"{xapi.HOME_PAGE}/xapi/activities/notes", "Notes de co-préparation"),
}


def _target(lesson_uid: str | None, activity_uid: str | None, fallback: str) -> dict:
    if activity_uid:
        row = ActivityRecord.get_or_none(ActivityRecord.uid == activity_uid)
        return {
            "object_iri": xapi.activity_iri(activity_uid),
            "name": row.title if row else activity_uid,
            "kind": row.kind if row else None,
            "pack_id": activity_uid.split("/", 1)[0],
        }
    if lesson_uid:
        row = LessonRecord.get_or_none(LessonRecord.uid == lesson_uid)
        return {
            "object_iri": xapi.lesson_iri(lesson_uid),
            "name": row.title if row else lesson_uid,
            "kind": "lesson",
            "pack_id": lesson_uid.split("/", 1)[0],
        }
    iri, name = GENERIC[fallback]
    return {"object_iri": iri, "name": name}


def _start_of_today() -> dt.datetime:
    return dt.datetime.combine(dt.date.today(), dt.time()).astimezone(dt.UTC)


def _recorded_today(verb: str, object_iri: str) -> bool:
    start = _start_of_today()
    return (
        ResearchStatement.select()
        .where(
            (ResearchStatement.verb == verb)
            & (ResearchStatement.object_id == object_iri)
            & (ResearchStatement.created_at >= start)
        )
        .exists()
    )


def record(
    verb: str,
    *,
    lesson_uid: str | None = None,
    activity_uid: str | None = None,
    score: tuple[int, int] | None = None,
    fallback: str = "journal",
    once_a_day: bool = False,
) -> str | None:
    """Keep and queue a statement when the learner consents; returns its id (else None)."""
    if not consent.consenting():
        return None
    target = _target(lesson_uid, activity_uid, fallback)
    if once_a_day and _recorded_today(verb, target["object_iri"]):
        return None
    result = xapi.score_result(*score) if score else None
    made = xapi.statement(verb, result=result, **target)
    ResearchStatement.create(
        id=made["id"],
        verb=verb,
        object_id=target["object_iri"],
        data_json=json.dumps(made, ensure_ascii=False),
        created_at=utcnow(),
    )
    outbox.enqueue("statement", made["id"])
    return made["id"]


def forget_sent() -> int:
    """Drop statements the server acknowledged (no longer in the outbox) made before today."""
    waiting = Outbox.select(Outbox.record_id).where(Outbox.kind == "statement")
    with database.atomic():
        return (
            ResearchStatement.delete()
            .where(
                (ResearchStatement.created_at < _start_of_today())
                & ResearchStatement.id.not_in(waiting)
            )
            .execute()
        )


def statement_data(statement_id: str) -> dict | None:
    """The protocol's `data` of a statement waiting to leave (None once it is gone)."""
    row = ResearchStatement.get_or_none(ResearchStatement.id == statement_id)
    return json.loads(row.data_json) if row else None
