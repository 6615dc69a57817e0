"""The issue's test season on both databases: a facilitator sets the season and writes to the
group offline; three learners (one refusing to show their progress) work offline and sync;
the facilitator sees exactly what consent allows and exports the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json

from clients import unique, write_entry

from team_desktop.core import outbox, progress, quiz
from team_desktop.core.facilitation import announcements, report, season, sharing
from team_desktop.core.store.models import ActivityRecord
from team_desktop.core.sync import account

QUIZ = "test-mini/mini-quiz"


def _answer_quiz() -> None:
    fields = json.loads(ActivityRecord.get_by_id(QUIZ).fields_json)
    state = quiz.QuizState({}, submitted=False)
    quiz.toggle_choice(fields, state, 0, 0)
    quiz.submit(QUIZ, fields, state)


def test_a_season_three_learners_and_what_consent_allows(make_client, tmp_path):
    awa = make_client("awa").sign_up(unique("awa"), "Awa")
    with awa:
        group = account.create_group(awa.connection, "SPOC TEAM saison 2")
        start = dt.date(2027, 1, 6)
        weeks = season.weekly_dates(start, [1]) | {2: None}
        season.set_season(group.id, start, ["test-mini"], weeks)
        announcements.publish(group.id, "Bienvenue", "Classe virtuelle jeudi à 17 h.")
    awa.sync()

    learners = {}
    for name, shares in (("Léa", True), ("Marc", False), ("Noor", True)):
        learner = make_client(name).sign_up(unique("l"), name)
        with learner:
            account.join_group(learner.connection, group.invite_code)
            sharing.set_share(group.id, shares)
            # Offline work: lessons, a quiz, an entry shared with the group, a private one.
            progress.set_completed("test-mini/premiere")
            if name == "Noor":
                progress.set_completed("test-mini/seconde")
            _answer_quiz()
            write_entry(learner, f"Séance de {name}", "Ce qui a marché.", "group", group.id)
            write_entry(learner, "Mes doutes", "privé")
        learner.sync()
        with learner:
            assert outbox.count() == 0
            before = dt.date(2027, 1, 1)
            assert season.openings(before) == {
                1: "Semaine 1 — ouvre le 6 janvier",
                2: "Semaine 2 — à votre rythme",
            }
            [news] = announcements.listing()
            assert (news.title, news.body) == ("Bienvenue", "Classe virtuelle jeudi à 17 h.")
        learners[name] = learner

    with awa:
        learners_seen, unreadable = report.fetch(awa.connection, group.id)
        assert unreadable == 0
        seen = {lr.name: lr for lr in learners_seen}
        assert [lr.name for lr in learners_seen] == ["Léa", "Marc", "Noor"]
        assert seen["Marc"].shared is False and seen["Marc"].lessons_done == set()
        assert seen["Léa"].lessons_done == {"test-mini/premiere"}
        assert seen["Noor"].lessons_done == {"test-mini/premiere", "test-mini/seconde"}
        assert seen["Léa"].activities == {QUIZ} and seen["Léa"].shared_items == 1
        target = tmp_path / "progression.csv"
        report.write_csv(target, learners_seen, report.modules(["test-mini"]))
    table = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    totals = {row[0]: row for row in table if row[2] == "Total"}
    assert totals["Noor"][9] == "0,5" and totals["Léa"][9] == "0,3"
    assert [row for row in table if row[0] == "Marc"] == [
        ["Marc", "non", "n'a pas partagé sa progression"] + [""] * 8
    ]

    # Léa withdraws her consent offline: after her sync the facilitator sees nothing of hers.
    with learners["Léa"]:
        sharing.set_share(group.id, False)
    learners["Léa"].sync()
    with awa:
        learners_seen, _unreadable = report.fetch(awa.connection, group.id)
        assert [lr.shared for lr in learners_seen] == [False, False, True]

    # The facilitator withdraws the announcement: it leaves every learner's device.
    with awa:
        announcements.delete(announcements.listing()[0].id)
    awa.sync()
    learners["Noor"].sync()
    with learners["Noor"]:
        assert announcements.listing() == []


def test_a_learner_taken_out_of_the_group_forgets_its_season(make_client):
    awa = make_client("awa").sign_up(unique("awa"), "Awa")
    ben = make_client("ben").sign_up(unique("ben"), "Ben")
    with awa:
        group = account.create_group(awa.connection, "CFA du Cher")
        season.set_season(group.id, dt.date(2027, 1, 6), [], {1: dt.date(2027, 1, 6)})
        announcements.publish(group.id, "Bienvenue", "")
    awa.sync()
    with ben:
        account.join_group(ben.connection, group.invite_code)
    ben.sync()
    with ben:
        assert season.current_season() is not None and len(announcements.listing()) == 1
    with awa:
        account.remove_member(awa.connection, group.id, ben.connection.me()["id"])
        old_code = group.invite_code
        assert account.rotate_invite_code(awa.connection, group.id) != old_code
    ben.sync()
    with ben:
        assert season.current_season() is None and announcements.listing() == []
