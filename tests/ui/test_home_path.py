"""The home page shows where the learner is in the weeks, and a proper favourites list."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

from team_desktop.core import bookmarks, progress
from team_desktop.ui.week_path import WeekPath

LESSON = "test-mini/premiere"


def test_home_shows_the_current_week_and_opens_a_module(window, qtbot):
    window.open_lesson(LESSON)  # the lesson being read sets the current week
    window.show_home()
    path = window.home.findChild(WeekPath)
    marks = {m.property("state") for m in path.findChildren(QLabel, "weekMark")}
    assert "current" in marks
    headline = window.home.findChild(QLabel, "homeWhere").text()
    assert headline.startswith("Vous en êtes à la semaine 1")
    # The count stands beside a thin bar, never printed over its fill.
    assert path.findChildren(QLabel, "weekCount")[0].text() == "0/2 leçons"
    assert not any(bar.isTextVisible() for bar in path.findChildren(QProgressBar))
    link = path.findChildren(QLabel, "moduleLink")[0]
    with qtbot.waitSignal(window.home.module_chosen) as chosen:
        link.linkActivated.emit("test-mini")
    assert chosen.args == ["test-mini"]


def test_favourites_say_week_module_and_completion(window):
    bookmarks.toggle(LESSON)
    progress.set_completed(LESSON)
    window.show_bookmarks()
    item = window.bookmarks.list.item(0)
    title, details = item.text().split("\n")
    assert details.startswith("Semaine 1 · ") and details.endswith("✔ terminée")
    assert window.bookmarks.open_button.isEnabled()
    window.bookmarks.open_button.click()
    assert window.lesson.current_uid == LESSON
