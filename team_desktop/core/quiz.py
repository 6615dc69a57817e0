"""Self-check quizzes: choosing, scoring, and the attempts kept with the learner's progress."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

from team_desktop.core import outbox, research
from team_desktop.core.store.models import QuizAttempt, database, utcnow


@dataclass
class QuizState:
    """Choices being made on one quiz; `submitted` once the learner asked for feedback."""

    selected: dict[int, set[int]] = field(default_factory=dict)
    submitted: bool = False


def toggle_choice(fields: dict, state: QuizState, question: int, choice: int) -> None:
    """Select or unselect a choice; a single-choice question keeps one selection."""
    if state.submitted:
        return
    questions = fields["questions"]
    if not (0 <= question < len(questions) and 0 <= choice < len(questions[question]["choices"])):
        return
    chosen = state.selected.setdefault(question, set())
    if questions[question].get("multiple", False):
        chosen ^= {choice}
    else:
        chosen.clear()
        chosen.add(choice)


def question_is_right(question: dict, chosen: set[int]) -> bool:
    """Right when exactly the correct choices are selected."""
    correct = {i for i, c in enumerate(question["choices"]) if c.get("correct", False)}
    return chosen == correct


def score(fields: dict, state: QuizState) -> tuple[int, int]:
    """(questions answered right, number of questions)."""
    questions = fields["questions"]
    right = sum(question_is_right(q, state.selected.get(i, set())) for i, q in enumerate(questions))
    return right, len(questions)


def submit(activity_uid: str, fields: dict, state: QuizState) -> tuple[int, int]:
    """Mark the quiz answered, keep the attempt in the store, return the score."""
    state.submitted = True
    right, total = score(fields, state)
    answers = {str(q): sorted(c) for q, c in state.selected.items()}
    attempt_id = uuid.uuid4().hex
    with database.atomic():
        QuizAttempt.create(
            id=attempt_id,
            activity_uid=activity_uid,
            answers_json=json.dumps(answers),
            score=right,
            max_score=total,
            answered_at=utcnow(),
        )
        outbox.enqueue("quiz", attempt_id)
        research.record("answered", activity_uid=activity_uid, score=(right, total))
    return right, total


def last_state(activity_uid: str) -> QuizState | None:
    """The learner's last submitted answers to a quiz, shown again with their feedback."""
    attempt = (
        QuizAttempt.select()
        .where(QuizAttempt.activity_uid == activity_uid)
        .order_by(QuizAttempt.answered_at.desc())
        .first()
    )
    if attempt is None:
        return None
    answers = json.loads(attempt.answers_json)
    return QuizState({int(q): set(c) for q, c in answers.items()}, submitted=True)


def best_scores(pack_id: str | None = None) -> dict[str, tuple[int, int]]:
    """Best score per quiz activity uid (optionally for one pack)."""
    query = QuizAttempt.select()
    if pack_id:
        query = query.where(QuizAttempt.activity_uid.startswith(f"{pack_id}/"))
    best: dict[str, tuple[int, int]] = {}
    for attempt in query:
        current = best.get(attempt.activity_uid)
        if current is None or attempt.score > current[0]:
            best[attempt.activity_uid] = (attempt.score, attempt.max_score)
    return best
