"""Self-check quizzes: choosing, scoring, attempts kept in the store."""

from __future__ import annotations

import pytest

from team_desktop.core import quiz
from team_desktop.core.quiz import QuizState
from team_desktop.core.store.models import QuizAttempt


@pytest.fixture
def fields(pack) -> dict:
    """The fixture pack's quiz: a single-choice question, then a multiple-choice one."""
    activity = next(a for a in pack.load().activities() if a.kind == "quiz")
    questions = activity.fields["questions"]
    assert not questions[0].get("multiple", False) and questions[1].get("multiple") is True
    return activity.fields


def _correct(question: dict) -> set[int]:
    return {i for i, choice in enumerate(question["choices"]) if choice.get("correct")}


def _wrong(question: dict) -> set[int]:
    return set(range(len(question["choices"]))) - _correct(question)


def test_single_choice_keeps_one_selection(fields):
    state = QuizState()

    quiz.toggle_choice(fields, state, 0, 0)
    quiz.toggle_choice(fields, state, 0, 1)
    assert state.selected[0] == {1}
    quiz.toggle_choice(fields, state, 0, 1)  # clicking it again keeps it
    assert state.selected[0] == {1}


def test_multiple_choice_toggles(fields):
    state = QuizState()

    quiz.toggle_choice(fields, state, 1, 0)
    quiz.toggle_choice(fields, state, 1, 2)
    assert state.selected[1] == {0, 2}
    quiz.toggle_choice(fields, state, 1, 0)
    assert state.selected[1] == {2}


@pytest.mark.parametrize("question, choice", [(2, 0), (-1, 0), (0, 99), (0, -1), (1, 3)])
def test_out_of_range_choices_are_ignored(fields, question, choice):
    state = QuizState()

    quiz.toggle_choice(fields, state, question, choice)

    assert all(not chosen for chosen in state.selected.values())


def test_no_change_after_submission(fields):
    state = QuizState({0: {0}}, submitted=True)

    quiz.toggle_choice(fields, state, 0, 1)
    quiz.toggle_choice(fields, state, 1, 0)

    assert state.selected == {0: {0}}


def test_score(fields):
    questions = fields["questions"]
    total = len(questions)
    all_right = QuizState({i: _correct(q) for i, q in enumerate(questions)})
    all_wrong = QuizState({i: _wrong(q) for i, q in enumerate(questions)})
    partial = QuizState({0: _correct(questions[0]), 1: set(list(_correct(questions[1]))[:1])})
    too_many = QuizState({1: _correct(questions[1]) | _wrong(questions[1])})

    assert quiz.score(fields, all_right) == (total, total)
    assert quiz.score(fields, all_wrong) == (0, total)
    assert quiz.score(fields, QuizState()) == (0, total)
    assert quiz.score(fields, partial) == (1, total)  # half of a multiple answer is not right
    assert quiz.score(fields, too_many) == (0, total)


def test_submit_records_an_attempt(store, fields):
    state = QuizState()
    for index, question in enumerate(fields["questions"]):
        for choice in sorted(_correct(question)):
            quiz.toggle_choice(fields, state, index, choice)

    result = quiz.submit("test-mini/mini-quiz", fields, state)

    total = len(fields["questions"])
    assert result == (total, total)
    assert state.submitted
    (attempt,) = QuizAttempt.select()
    assert (attempt.activity_uid, attempt.score, attempt.max_score) == (
        "test-mini/mini-quiz",
        total,
        total,
    )


def test_last_state_restores_the_latest_attempt(store, fields):
    assert quiz.last_state("test-mini/mini-quiz") is None
    first = QuizState({0: {0}, 1: {0, 1}})
    quiz.submit("test-mini/mini-quiz", fields, first)
    second = QuizState({0: {1}, 1: {2}})
    quiz.submit("test-mini/mini-quiz", fields, second)
    quiz.submit("other-pack/mini-quiz", fields, QuizState({0: {0}}))

    restored = quiz.last_state("test-mini/mini-quiz")

    assert restored is not None
    assert restored.submitted
    assert restored.selected == {0: {1}, 1: {2}}


def test_best_scores(store, fields):
    total = len(fields["questions"])
    right = {i: _correct(q) for i, q in enumerate(fields["questions"])}
    quiz.submit("test-mini/mini-quiz", fields, QuizState({0: right[0]}))  # 1
    quiz.submit("test-mini/mini-quiz", fields, QuizState(dict(right)))  # all
    quiz.submit("test-mini/mini-quiz", fields, QuizState())  # 0, later but worse
    quiz.submit("test-mini/other-quiz", fields, QuizState({1: right[1]}))  # 1
    quiz.submit("test-minibis/mini-quiz", fields, QuizState())  # another pack, 0

    best = quiz.best_scores()

    assert best == {
        "test-mini/mini-quiz": (total, total),
        "test-mini/other-quiz": (1, total),
        "test-minibis/mini-quiz": (0, total),
    }
    assert quiz.best_scores("test-mini") == {
        "test-mini/mini-quiz": (total, total),
        "test-mini/other-quiz": (1, total),
    }
    assert quiz.best_scores("absent") == {}
