"""A facilitated group from the window, against a real server: the season, announcements,
the progress choice asked on joining, the facilitator's progress view and CSV, taking a
learner out and changing the invite code; the issue's test season with three learners."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from team_desktop.core import progress, quiz
from team_desktop.core.facilitation import announcements, report, season, sharing
from team_desktop.core.store.group_models import GroupProgressReport
from team_desktop.core.store.models import ActivityRecord
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.core.sync.errors import ServerRefused
from team_desktop.ui.actions import Act
from team_desktop.ui.announcements_dialog import AnnouncementsDialog
from team_desktop.ui.group_progress_view import GroupProgressDialog
from team_desktop.ui.groups_dialog import GroupsDialog
from team_desktop.ui.season_dialog import SeasonDialog
from team_desktop.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from clients import PASSWORD, Client, unique, write_entry  # noqa: E402

QUIZ = "test-mini/mini-quiz"


def _dialog(kind):
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert dialogs, f"no {kind.__name__} open"
    return dialogs[-1]


def _accept_question(qtbot, parent, label: str) -> None:
    [box] = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    [button] = [b for b in box.buttons() if b.text() == label]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _sync(window, qtbot) -> None:
    with qtbot.waitSignal(window.sharing.service.synced, timeout=20000):
        window.actions_[Act.SYNC_NOW].trigger()


def _idle(window, qtbot) -> None:
    """No sync of the window's store running or about to: other devices may use the binding."""
    service = window.sharing.service
    qtbot.waitUntil(
        lambda: not window.runner.busy and not service._debounce.isActive(), timeout=20000
    )


def _answer_quiz() -> None:
    fields = ActivityRecord.get_by_id(QUIZ).fields_json
    import json

    state = quiz.QuizState({}, submitted=False)
    quiz.toggle_choice(json.loads(fields), state, 0, 0)
    quiz.submit(QUIZ, json.loads(fields), state)


def test_the_issue_season_three_learners_one_refusing(window, qtbot, server, store, tmp_path):
    account.log_in(server.url, unique("awa"), PASSWORD, "portable", "Awa", create=True)
    window.actions_[Act.GROUPS].trigger()
    groups = _dialog(GroupsDialog)
    qtbot.waitUntil(groups.create_button.isEnabled, timeout=10000)
    groups.new_name.setText("SPOC TEAM saison 2")
    qtbot.mouseClick(groups.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Code d'invitation" in groups.status.text(), timeout=10000)
    group = GroupRecord.get()
    assert groups.tools.isVisible() and not groups.ask_frame.isVisible()

    # The season: starts in two weeks, a week apart, week 2 at one's own pace.
    qtbot.mouseClick(groups.tools.season_button, Qt.MouseButton.LeftButton)
    editor = _dialog(SeasonDialog)
    start = dt.date.today() + dt.timedelta(days=14)
    editor.start.setDate(QDate(start.year, start.month, start.day))
    editor.spread()
    editor.save()
    assert season.season_of(group.id).weeks == {1: start}
    # An announcement to the group.
    qtbot.mouseClick(groups.tools.announce_button, Qt.MouseButton.LeftButton)
    board = _dialog(AnnouncementsDialog)
    board.title.setText("Bienvenue dans la saison 2")
    board.body.setPlainText("Première classe virtuelle jeudi à 17 h.")
    qtbot.mouseClick(board.publish_button, Qt.MouseButton.LeftButton)
    assert board.published.count() == 1
    board.reject()
    _sync(window, qtbot)

    # Three learners join, choose, work offline, then sync; Marc refuses to show his progress.
    learners = {}
    _idle(window, qtbot)
    with store.bound():
        for name, shares in (("Léa", True), ("Marc", False), ("Noor", True)):
            learner = Client(tmp_path / name, server.url).sign_up(unique("l"), name)
            with learner:
                account.join_group(learner.connection, group.invite_code)
                sharing.set_share(group.id, shares)
                progress.set_completed("test-mini/premiere")
                _answer_quiz()
                write_entry(learner, f"Ma séance, {name}", "Ce qui a marché.", "group", group.id)
            learner.sync()
            with learner:
                # Offline from here: the season and the announcement are on the device.
                assert season.openings(dt.date.today())[1] == season.opening_text(
                    1, start, dt.date.today()
                )
                assert season.openings(dt.date.today())[1].startswith("Semaine 1 — ouvre le ")
                [news] = announcements.listing()
                assert news.title == "Bienvenue dans la saison 2" and news.read_at is None
            learners[name] = learner

    # The facilitator sees exactly what consent allows.
    groups.refresh_members()
    qtbot.mouseClick(groups.tools.progress_button, Qt.MouseButton.LeftButton)
    view = _dialog(GroupProgressDialog)
    qtbot.waitUntil(lambda: view.table.rowCount() == 4, timeout=15000)
    cells = {view.table.item(row, 0).text(): view.table.item(row, 1).text() for row in range(3)}
    assert cells == {"Léa": "1", "Marc": "n'a pas partagé sa progression", "Noor": "1"}
    assert view.table.columnSpan(1, 1) == view.table.columnCount() - 1
    assert view.table.item(0, 3).text() == "1"  # one entry shared with the group
    assert view.table.item(0, 4).text() == "1/2 · 0,3 h"
    assert "3 participant·e(s) ; 2 montre(nt)" in view.summary.text()
    # The group, per module: of the two who show their progress, both started, none finished.
    assert view.table.item(3, 0).text() == "Ensemble du groupe"
    assert view.table.item(3, 4).text() == "✔ 0 terminé · ▶ 2"
    target = tmp_path / "progression.csv"
    view.export_csv(target)
    table = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    marc = [row for row in table if row[0] == "Marc"]
    assert marc == [["Marc", "non", "n'a pas partagé sa progression"] + [""] * 8]
    lea_total = next(row for row in table if row[0] == "Léa" and row[2] == "Total")
    assert lea_total[4:6] == ["1", "2"] and lea_total[9] == "0,3"
    for box in view.findChildren(QMessageBox):
        box.close()
    view.reject()
    # Opened again: the last answer shows at once, dated, while the server is asked again.
    qtbot.mouseClick(groups.tools.progress_button, Qt.MouseButton.LeftButton)
    view = _dialog(GroupProgressDialog)
    assert view.table.rowCount() == 4 and view.table.item(1, 0).text() == "Marc"
    assert "Progression reçue le" in view.summary.text()
    qtbot.waitUntil(lambda: "reçue le" not in view.summary.text(), timeout=15000)
    view.reject()

    # Marc changes his mind from his device: the view shows his progress after his sync.
    _idle(window, qtbot)
    with store.bound():
        with learners["Marc"]:
            sharing.set_share(group.id, True)
        learners["Marc"].sync()
    qtbot.mouseClick(groups.tools.progress_button, Qt.MouseButton.LeftButton)
    view = _dialog(GroupProgressDialog)
    qtbot.waitUntil(lambda: "3 montre(nt)" in view.summary.text(), timeout=15000)
    view.reject()

    # Noor leaves the group by the facilitator's hand; the code changes.
    qtbot.waitUntil(lambda: groups.members.count() == 4, timeout=10000)
    noor_row = next(
        row
        for row in range(groups.members.count())
        if groups.members.item(row).text().startswith("Noor")
    )
    groups.members.setCurrentRow(noor_row)
    qtbot.mouseClick(groups.tools.remove_button, Qt.MouseButton.LeftButton)
    _accept_question(qtbot, groups, "Retirer")
    qtbot.waitUntil(lambda: "ne fait plus partie" in groups.status.text(), timeout=10000)
    qtbot.waitUntil(lambda: groups.members.count() == 3, timeout=10000)
    old_code = group.invite_code
    qtbot.mouseClick(groups.tools.rotate_button, Qt.MouseButton.LeftButton)
    _accept_question(qtbot, groups, "Changer le code")
    qtbot.waitUntil(lambda: "Nouveau code" in groups.status.text(), timeout=10000)
    new_code = GroupRecord.get_by_id(group.id).invite_code
    assert new_code != old_code and new_code in groups.status.text()
    _idle(window, qtbot)
    with store.bound():
        with learners["Noor"]:
            with pytest.raises(ServerRefused):
                account.join_group(learners["Noor"].connection, old_code)
        learners["Noor"].sync()
        with learners["Noor"]:
            assert announcements.listing() == [] and season.current_season() is None
        for learner in learners.values():
            learner.close()
    groups.reject()


def test_a_learner_is_asked_on_joining_and_reads_the_group_offline(
    window, qtbot, server, store, tmp_path
):
    with store.bound():
        awa = Client(tmp_path / "awa", server.url).sign_up(unique("awa"), "Awa")
        with awa:
            made = account.create_group(awa.connection, "CFA du Cher")
            start = dt.date.today() - dt.timedelta(days=7)
            season.set_season(made.id, start, ["test-mini"], {1: start + dt.timedelta(days=21)})
            announcements.publish(made.id, "Semaine 1 décalée", "On commence plus tard.")
        awa.sync()
        awa.close()
    account.log_in(server.url, unique("ben"), PASSWORD, "portable", "Ben", create=True)
    window.actions_[Act.GROUPS].trigger()
    groups = _dialog(GroupsDialog)
    qtbot.waitUntil(groups.join_button.isEnabled, timeout=10000)
    groups.code.setText(made.invite_code)
    qtbot.mouseClick(groups.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(groups.ask_frame.isVisible, timeout=10000)
    assert "CFA du Cher" in groups.ask_label.text() and not groups.tools.isVisible()
    qtbot.mouseClick(groups.share_no, Qt.MouseButton.LeftButton)
    assert sharing.shares(made.id) is False
    assert groups.share_box.isVisible() and not groups.share_box.isChecked()
    groups.share_box.setChecked(True)  # revocable both ways, from the same place
    assert sharing.shares(made.id) is True
    groups.reject()
    _sync(window, qtbot)

    window.show_home()
    home = window.home
    qtbot.waitUntil(lambda: home.announcements.isVisible(), timeout=10000)
    texts = [label.text() for label in home.widget().findChildren(type(groups.status))]
    opens_on = start + dt.timedelta(days=21)
    assert season.opening_phrase(opens_on, dt.date.today()) in texts  # under the week's name
    opening = season.opening_text(1, opens_on, dt.date.today())
    assert opening.startswith("Semaine 1 — ouvre le ")
    assert any(text.startswith("● Nouveau — Semaine 1 décalée") for text in texts)
    assert "On commence plus tard." in texts
    week = window.navigator.topLevelItem(0).text(0)
    assert week == opening
    qtbot.mouseClick(home.announcements.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not home.announcements.unread, timeout=10000)
    texts = [label.text() for label in home.widget().findChildren(type(groups.status))]
    assert "Semaine 1 décalée" in texts


def test_the_progress_view_says_when_the_server_cannot_answer(window, qtbot, server, store):
    account.log_in(server.url, unique("awa"), PASSWORD, "portable", "Awa", create=True)
    group = account.create_group(account.connect(), "Atelier du jeudi")
    server.stop()  # the facilitator is offline now
    view = GroupProgressDialog(window.runner, group, window)
    view.open()
    qtbot.waitUntil(lambda: "n'a pas pu être obtenue" in view.summary.text(), timeout=20000)
    assert view.table.rowCount() == 0 and not view.export_button.isEnabled()
    assert view.refresh_button.isEnabled()  # try again once connected
    view.reject()


def test_a_facilitator_corrects_an_announcement_without_losing_a_draft(qtbot, store):
    group = GroupRecord.create(
        id="a" * 32, name="SPOC saison 2", role="facilitator", invite_code="ABCD2345"
    )
    made = announcements.publish(group.id, "Classe virtuele jeudi", "À 17 h.")
    board = AnnouncementsDialog(group)
    qtbot.addWidget(board)
    board.show()
    board.published.setCurrentRow(0)
    board.title.setText("Un brouillon")  # words not published yet: never overwritten
    qtbot.mouseClick(board.edit_button, Qt.MouseButton.LeftButton)
    assert board.editing is None and board.title.text() == "Un brouillon"
    assert "Publiez ou effacez" in board.status.text()
    board.title.clear()
    qtbot.mouseClick(board.edit_button, Qt.MouseButton.LeftButton)
    assert board.editing == made and board.title.text() == "Classe virtuele jeudi"
    assert board.publish_button.text() == "Enregistrer la correction"
    board.title.setText("Classe virtuelle jeudi")
    qtbot.mouseClick(board.publish_button, Qt.MouseButton.LeftButton)
    [row] = announcements.listing(group.id)
    assert row.id == made and row.title == "Classe virtuelle jeudi" and row.body == "À 17 h."
    assert board.editing is None and board.publish_button.text() == "Publier"
    assert board.published.item(0).text().endswith("Classe virtuelle jeudi")
    assert "corrigée" in board.status.text()


def test_offline_the_facilitator_reads_the_progress_last_received(qtbot, store):
    group = GroupRecord.create(
        id="a" * 32, name="SPOC saison 2", role="facilitator", invite_code="ABCD2345"
    )
    answer = {
        "learners": [
            {
                "id": "b" * 32,
                "display_name": "Léa",
                "shared": True,
                "lessons_done": ["test-mini/premiere"],
                "activities": [],
                "shared_items": 2,
            },
            {"id": "c" * 32, "display_name": "Marc", "shared": False},
            {"id": "d" * 32, "display_name": "", "shared": True},  # unreadable: left out
        ]
    }
    received = dt.datetime(2027, 1, 12, 9, 30, tzinfo=dt.UTC)
    GroupProgressReport.create(
        group_id=group.id, answer_json=json.dumps(answer), fetched_at=received
    )
    view = GroupProgressDialog(TaskRunner(), group)  # not signed in: no connection
    qtbot.addWidget(view)
    assert [view.table.item(row, 0).text() for row in range(2)] == ["Léa", "Marc"]
    assert view.table.item(0, 1).text() == "1" and view.export_button.isEnabled()
    text = view.summary.text()
    assert "1 réponse(s) illisible(s)" in text and "Progression reçue le" in text
    assert "Hors connexion" in text
    # No longer its facilitator (the server's list of groups says so): the copy goes.
    account.remember_groups([{"id": group.id, "name": group.name, "role": "member"}])
    assert GroupProgressReport.select().count() == 0
    assert report.last_received(group.id) is None
