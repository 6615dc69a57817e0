"""Research on the device: consent as stored, statements only while consenting, answers."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from xapi_checks import problems, tincan_problems

from team_desktop.core import feed, outbox, progress, quiz
from team_desktop.core.notes import store as notes
from team_desktop.core.portfolio.entries import create_entry, save_entry
from team_desktop.core.research import answers, consent, traces, xapi
from team_desktop.core.store.db import Store
from team_desktop.core.store.research_models import QuestionnaireAnswer, ResearchStatement
from team_desktop.core.store.sync_models import Outbox
from team_desktop.core.sync import records

LESSON, QUIZ = "test-mini/premiere", "test-mini/mini-quiz"
QUESTIONNAIRE = "test-mini/mini-questionnaire"


def statements() -> list[dict]:
    return [json.loads(row.data_json) for row in ResearchStatement.select()]


def queued(kind: str) -> list[str]:
    return [row.record_id for row in Outbox.select().where(Outbox.kind == kind)]


def questionnaire_items() -> list[dict]:
    from team_desktop.core.store.models import ActivityRecord

    return json.loads(ActivityRecord.get_by_id(QUESTIONNAIRE).fields_json)["items"]


def test_the_consent_text_is_data_with_a_version():
    text = consent.load_text()
    assert text.version == "1"
    assert "ERCAE" in text.markdown and "jamais" in text.markdown


def test_no_choice_or_another_version_asks_again(course: Store, tmp_path):
    assert consent.needs_asking()
    consent.decide(True, consent.load_text().version)
    assert not consent.needs_asking()
    newer = tmp_path / "v2.md"
    newer.write_text('+++\nversion = "2"\ntitle = "Nouveau"\n+++\nTexte.\n', encoding="utf-8")
    assert consent.needs_asking(consent.load_text(newer))
    stored = consent.decision()
    assert stored.consent and stored.version == "1" and not stored.synced


def test_nothing_is_recorded_without_consent(course: Store):
    progress.opened(LESSON)
    progress.set_completed(LESSON)
    quiz.submit(QUIZ, {"questions": [{"text": "?", "choices": []}]}, quiz.QuizState())
    answers.save(QUESTIONNAIRE, questionnaire_items(), {"confiance": 3})
    assert statements() == []
    assert queued("statement") == [] and queued("answer") == []
    # The answers stay on the device, for the learner.
    assert answers.latest_answers(QUESTIONNAIRE) == {"confiance": 3}


def test_consenting_records_valid_statements_where_things_happen(course: Store):
    consent.decide(True, "1")
    progress.opened(LESSON)
    progress.opened(LESSON)  # at most once a day per lesson
    progress.set_completed(LESSON)
    state = quiz.QuizState({0: {0}})
    fields = {"questions": [{"text": "?", "choices": [{"correct": True}, {}]}]}
    quiz.submit(QUIZ, fields, state)
    answers.save(QUESTIONNAIRE, questionnaire_items(), {"confiance": 4, "frein": "Le temps"})
    made = statements()
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in made]
    assert sorted(verbs) == ["answered", "answered", "completed", "experienced"]
    for statement in made:
        assert problems(statement) == [], statement
        assert tincan_problems(statement) == [], statement
        assert statement["actor"]["account"]["homePage"] == xapi.HOME_PAGE
    # One registration for the store, replaced by the server with the learner's own.
    assert len({s["context"]["registration"] for s in made}) == 1
    [scored] = [s for s in made if "result" in s]
    assert scored["result"]["score"] == {"raw": 1, "min": 0, "max": 1, "scaled": 1.0}
    assert scored["object"]["id"] == f"{xapi.HOME_PAGE}/xapi/activities/{QUIZ}"
    lesson = next(s for s in made if s["verb"]["id"].endswith("completed"))
    assert lesson["object"]["id"] == f"{xapi.HOME_PAGE}/xapi/lessons/{LESSON}"
    assert lesson["object"]["definition"]["type"].endswith("/lesson")
    assert sorted(queued("statement")) == sorted(s["id"] for s in made)
    assert len(queued("answer")) == 1
    assert records.OUTGOING["statement"](made[0]["id"]) == made[0]


def test_sharing_and_commenting_record_the_fact_never_the_text(course: Store):
    consent.decide(True, "1")
    entry = create_entry(course.paths.packs, title="Ma séance", activity_uid=None)
    save_entry(entry.id, body="Un texte personnel")
    assert statements() == []
    save_entry(entry.id, visibility="group", group_id="g1")
    note_id = notes.create(title="Préparer ensemble")
    notes.set_sharing(note_id, "group", "g1")
    feed.add_comment("entry", entry.id, "Un commentaire")
    made = statements()
    assert [s["verb"]["id"].rsplit("/", 1)[1] for s in made] == ["shared", "shared", "commented"]
    dumped = json.dumps(made, ensure_ascii=False)
    for words in ("Ma séance", "Un texte personnel", "Un commentaire", "Préparer ensemble"):
        assert words not in dumped
    assert all(problems(s) == [] for s in made)
    # The journal and the notes are named in French, like every course activity.
    assert all(tincan_problems(s) == [] for s in made)
    assert made[0]["object"]["definition"]["name"] == {"fr-FR": "Journal de formation"}


def test_timestamps_are_never_in_the_future():
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    made = xapi.statement("completed", f"{xapi.HOME_PAGE}/xapi/lessons/p/l", when=later)
    assert problems(made) == []


def test_withdrawing_drops_what_waits_and_records_nothing_more(course: Store):
    consent.decide(True, "1")
    progress.set_completed(LESSON)
    answers.save(QUESTIONNAIRE, questionnaire_items(), {"confiance": 2})
    assert queued("statement") and queued("answer")
    consent.decide(False, "1")
    assert queued("statement") == [] and queued("answer") == []
    assert ResearchStatement.select().count() == 0
    progress.set_completed("test-mini/seconde")
    assert statements() == []
    # The learner's own answers are kept; saved before consenting again, they never leave.
    [kept] = QuestionnaireAnswer.select()
    consent.decide(True, "1")
    assert records.OUTGOING["answer"](kept.id) is None


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"confiance": 9}, "hors de l'échelle"),
        ({"confiance": True}, "hors de l'échelle"),
        ({"inconnue": 1}, "Question inconnue"),
        ({"frein": "x" * 5001}, "trop longue"),
    ],
)
def test_bad_answers_are_refused_in_french_and_nothing_is_kept(course: Store, given, message):
    with pytest.raises(answers.AnswerError, match=message):
        answers.save(QUESTIONNAIRE, questionnaire_items(), given)
    assert QuestionnaireAnswer.select().count() == 0


def test_skipped_questions_are_left_out(course: Store):
    answers.save(QUESTIONNAIRE, questionnaire_items(), {"confiance": 1, "frein": "   "})
    assert answers.latest_answers(QUESTIONNAIRE) == {"confiance": 1}


def test_an_answer_from_another_device_is_kept_once(course: Store):
    change = {
        "id": "a" * 32,
        "data": {
            "activity_uid": QUESTIONNAIRE,
            "answers": {"confiance": 5},
            "answered_at": "2026-11-29T08:00:00Z",
        },
    }
    records.INCOMING["answer"](change)
    records.INCOMING["answer"](change)
    assert QuestionnaireAnswer.select().count() == 1
    assert answers.latest_answers(QUESTIONNAIRE) == {"confiance": 5}
    assert outbox.count() == 0


def test_statements_the_server_took_are_forgotten_after_their_day(course: Store):
    consent.decide(True, "1")
    progress.set_completed(LESSON)
    progress.set_completed("test-mini/seconde")
    sent, waiting = [row.id for row in ResearchStatement.select()]
    Outbox.delete().where(Outbox.record_id == sent).execute()  # acknowledged by the server
    assert traces.forget_sent() == 0  # today's stay: they keep "once a day" true
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1, hours=1)
    ResearchStatement.update(created_at=yesterday).execute()
    assert traces.forget_sent() == 1
    assert [row.id for row in ResearchStatement.select()] == [waiting]
