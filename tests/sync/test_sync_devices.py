"""One learner, several devices: progress, time, quizzes, bookmarks and entries converge."""

from __future__ import annotations

import itertools

from clients import unique, write_entry

from team_desktop.core import bookmarks, outbox, progress, quiz
from team_desktop.core.portfolio.entries import save_entry
from team_desktop.core.quiz import QuizState
from team_desktop.core.store.models import QuizAttempt
from team_desktop.core.store.portfolio_models import JournalEntry

LESSON_1, LESSON_2 = "test-mini/premiere", "test-mini/seconde"


def test_second_device_gets_everything_and_nothing_waits(make_client):
    user = unique("awa")
    laptop = make_client("portable").sign_up(user, "Awa")
    with laptop:
        progress.set_completed(LESSON_1)
        progress.add_time(LESSON_1, laptop.store.device_id, 300)
        bookmarks.toggle(LESSON_2)
        state = QuizState({0: {0}, 1: {0, 1}})
        quiz.submit("test-mini/mini-quiz", _quiz_fields(), state)
        entry_id = write_entry(laptop, "Séance à deux", "Préparée ensemble 🙂")
        assert outbox.count() == 5
    report = laptop.sync()
    assert report.pushed == 5 and not report.rejected
    with laptop:
        assert outbox.count() == 0

    desktop = make_client("bureau").log_in(user)
    desktop.sync()
    with desktop:
        assert progress.is_completed(LESSON_1)
        assert progress.time_spent(LESSON_1) == 300
        assert bookmarks.is_bookmarked(LESSON_2)
        assert QuizAttempt.select().count() == 1
        entry = JournalEntry.get_by_id(entry_id)
        assert (entry.title, entry.body) == ("Séance à deux", "Préparée ensemble 🙂")
        assert outbox.count() == 0  # what sync wrote does not travel back


def test_offline_edits_on_both_devices_converge_in_every_order(make_client):
    for order in itertools.permutations(range(3)):
        user = unique("ben")
        devices = [make_client(f"{order}-{i}") for i in range(3)]
        devices[0].sign_up(user, "Ben")
        for device in devices[1:]:
            device.log_in(user)
        for index, device in enumerate(devices):
            with device:
                progress.add_time(LESSON_1, device.store.device_id, 60 * (index + 1))
        with devices[0]:
            progress.set_completed(LESSON_1)
        with devices[1]:
            bookmarks.toggle(LESSON_2)
        with devices[2]:
            write_entry(devices[2], f"Entrée {order}", "écrite hors ligne")
        for index in order:
            devices[index].sync()
        for device in devices:  # a second round lets everyone pull the others' changes
            device.sync()
        snapshots = []
        for device in devices:
            with device:
                snapshots.append(
                    (
                        progress.is_completed(LESSON_1),
                        progress.time_spent(LESSON_1),
                        bookmarks.is_bookmarked(LESSON_2),
                        sorted(e.title for e in JournalEntry.select()),
                    )
                )
        assert snapshots[0] == (True, 60 + 120 + 180, True, [f"Entrée {order}"])
        assert snapshots.count(snapshots[0]) == 3, snapshots


def test_unmarking_a_lesson_travels_and_latest_choice_wins(make_client):
    user = unique("chloe")
    first = make_client("a").sign_up(user, "Chloé")
    second = make_client("b").log_in(user)
    with first:
        progress.set_completed(LESSON_1)
    first.sync()
    second.sync()
    with second:
        assert progress.is_completed(LESSON_1)
        progress.set_completed(LESSON_1, False)
    second.sync()
    first.sync()
    with first:
        assert not progress.is_completed(LESSON_1)


def test_concurrent_edits_of_one_entry_keep_both_texts(make_client):
    user = unique("dina")
    phone = make_client("tel").sign_up(user, "Dina")
    tablet = make_client("tab").log_in(user)
    with phone:
        entry_id = write_entry(phone, "Bilan", "version commune")
    phone.sync()
    tablet.sync()
    with phone:
        save_entry(entry_id, body="version du téléphone")
    with tablet:
        save_entry(entry_id, body="version de la tablette")
    phone.sync()
    report = tablet.sync()
    assert len(report.conflicts) == 1
    phone.sync()
    tablet.sync()
    for device in (phone, tablet):
        with device:
            bodies = sorted(e.body for e in JournalEntry.select())
            assert bodies == ["version de la tablette", "version du téléphone"]
            copy = JournalEntry.get(JournalEntry.conflict_of == entry_id)
            assert copy.title == "Bilan (copie en conflit)"
            assert outbox.count() == 0


def test_device_only_entry_never_leaves(make_client):
    user = unique("eli")
    one = make_client("un").sign_up(user, "Éli")
    two = make_client("deux").log_in(user)
    with one:
        secret = write_entry(one, "Pour moi seul", "brouillon", visibility="device")
        assert outbox.count() == 0
    one.sync()
    two.sync()
    with two:
        assert JournalEntry.get_or_none(JournalEntry.id == secret) is None


def _quiz_fields() -> dict:
    return {
        "questions": [
            {
                "text": "q1",
                "choices": [
                    {"text": "a", "correct": True, "feedback": "f"},
                    {"text": "b", "feedback": "f"},
                ],
            },
            {
                "text": "q2",
                "multiple": True,
                "choices": [
                    {"text": "a", "correct": True, "feedback": "f"},
                    {"text": "b", "correct": True, "feedback": "f"},
                ],
            },
        ]
    }
