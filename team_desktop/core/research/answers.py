"""Answers to research questionnaires: always kept here, sent only while consenting.

Each saving is a new record (append-only, like a quiz attempt); the dialog shows the latest.
Answers saved before the learner consented stay on this device: consenting is not
retroactive; saving the questionnaire again sends the answers then given.
"""

from __future__ import annotations

import json
import uuid

from team_desktop.core import outbox
from team_desktop.core.content.activities import likert_scale
from team_desktop.core.i18n import _
from team_desktop.core.research import consent, traces
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.research_models import QuestionnaireAnswer
from team_desktop.core.wire_time import iso, parse_time

MAX_OPEN_CHARS = 5000


class AnswerError(ValueError):
    """Answers that cannot be kept as they are; the message says why, in French."""


def check(items: list[dict], answers: dict[str, int | str]) -> dict[str, int | str]:
    """The answers to keep: Likert ranks within the item's scale, open texts trimmed.

    Unanswered items are left out: the learner may skip a question.
    """
    kept: dict[str, int | str] = {}
    by_id = {item["id"]: item for item in items}
    for item_id, value in answers.items():
        item = by_id.get(item_id)
        if item is None:
            raise AnswerError(_("Question inconnue : {id}.").format(id=item_id))
        if item["kind"] == "likert":
            size = len(likert_scale(item))
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= size:
                raise AnswerError(
                    _("Réponse hors de l'échelle pour « {q} ».").format(q=item["text"])
                )
            kept[item_id] = value
        else:
            text = str(value).strip()
            if len(text) > MAX_OPEN_CHARS:
                raise AnswerError(
                    _("Réponse trop longue ({n} caractères au plus) pour « {q} ».").format(
                        n=MAX_OPEN_CHARS, q=item["text"]
                    )
                )
            if text:
                kept[item_id] = text
    return kept


def save(activity_uid: str, items: list[dict], answers: dict[str, int | str]) -> str:
    """Keep a saving of the questionnaire; queued for the research only while consenting."""
    kept = check(items, answers)
    answer_id = uuid.uuid4().hex
    with database.atomic():
        shared = consent.consenting()
        QuestionnaireAnswer.create(
            id=answer_id,
            activity_uid=activity_uid,
            answers_json=json.dumps(kept, ensure_ascii=False),
            answered_at=utcnow(),
            shared=shared,
        )
        if shared:
            outbox.enqueue("answer", answer_id)
            traces.record("answered", activity_uid=activity_uid)
    return answer_id


def latest(activity_uid: str) -> QuestionnaireAnswer | None:
    """The learner's last saving of a questionnaire (from any of their devices)."""
    return (
        QuestionnaireAnswer.select()
        .where(QuestionnaireAnswer.activity_uid == activity_uid)
        .order_by(QuestionnaireAnswer.answered_at.desc())
        .first()
    )


def latest_answers(activity_uid: str) -> dict[str, int | str]:
    row = latest(activity_uid)
    return json.loads(row.answers_json) if row else {}


def answer_data(answer_id: str) -> dict | None:
    """The protocol's `data` of an answer; None for one never meant to leave."""
    row = QuestionnaireAnswer.get_or_none(QuestionnaireAnswer.id == answer_id)
    if row is None or not row.shared or not consent.consenting():
        return None
    return {
        "activity_uid": row.activity_uid,
        "answers": json.loads(row.answers_json),
        "answered_at": iso(row.answered_at),
    }


def apply_pulled(change: dict) -> None:
    """An answer saved on another of the learner's devices."""
    data = change["data"]
    QuestionnaireAnswer.insert(
        id=change["id"],
        activity_uid=data["activity_uid"],
        answers_json=json.dumps(data["answers"], ensure_ascii=False),
        answered_at=parse_time(data.get("answered_at")) or utcnow(),
        shared=True,
    ).on_conflict_ignore().execute()
