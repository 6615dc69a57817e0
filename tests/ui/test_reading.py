"""A learner reads the course: open, mark done, quiz, bookmark, search, resume."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from team_desktop.core import bookmarks, progress, quiz
from team_desktop.core.store.models import LessonProgress
from team_desktop.ui.actions import Act
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.tasks import TaskRunner

FIRST = "test-mini/premiere"
SECOND = "test-mini/seconde"


def lesson_text(window: MainWindow) -> str:
    return window.lesson.browser.toPlainText()


def test_home_offers_to_start_then_opens_first_lesson(window, qtbot):
    assert window.stack.currentWidget() is window.home
    button = window.home.resume_button
    assert button.text() == "Commencer le cours"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.lesson
    assert "Préparer la séance ensemble" in lesson_text(window)
    assert window.navigator.current_uid() == FIRST


def test_navigator_lists_weeks_modules_lessons_with_progress(window):
    week = window.navigator.topLevelItem(0)
    assert week.text(0) == "Semaine 1"
    module = week.child(0)
    assert module.text(0) == "Module d'essai"
    assert [module.child(i).text(0) for i in range(module.childCount())] == [
        "○ Préparer la séance ensemble",
        "○ Partager et chercher ensemble",
    ]
    bar = window.navigator.itemWidget(module, 1)
    assert (bar.value(), bar.maximum()) == (0, 2)


def test_mark_done_updates_store_navigator_and_button(window, qtbot):
    window.open_lesson(FIRST)
    window.actions_[Act.TOGGLE_DONE].trigger()
    assert progress.is_completed(FIRST)
    assert window.lesson.done_button.isChecked()
    module = window.navigator.topLevelItem(0).child(0)
    assert module.child(0).text(0).startswith("✔")
    assert window.navigator.itemWidget(module, 1).value() == 1
    window.actions_[Act.TOGGLE_DONE].trigger()
    assert not progress.is_completed(FIRST)


def test_previous_next_follow_course_order(window):
    window.open_lesson(FIRST)
    assert not window.lesson.previous_button.isEnabled()
    window.actions_[Act.NEXT].trigger()
    assert window.lesson.current_uid == SECOND
    assert not window.lesson.next_button.isEnabled()
    window.actions_[Act.PREVIOUS].trigger()
    assert window.lesson.current_uid == FIRST


def test_lesson_link_opens_other_lesson(window):
    window.open_lesson(FIRST)
    window.lesson.browser.anchorClicked.emit(QUrl(f"team:lesson/{SECOND}"))
    assert window.lesson.current_uid == SECOND


def test_quiz_choose_submit_feedback_and_score_kept(window):
    window.open_lesson(FIRST)
    click = window.lesson.browser.anchorClicked.emit
    uid = "test-mini/mini-quiz"
    click(QUrl(f"team:quiz/{uid}/0/0"))  # right answer to question 1
    click(QUrl(f"team:quiz/{uid}/1/0"))  # question 2: only one of the two right answers
    assert "◉ Les deux formateurs" in lesson_text(window)
    click(QUrl(f"team:quiz-submit/{uid}"))
    text = lesson_text(window)
    assert "Votre score : 1 / 2" in text
    assert "Oui, ensemble." in text and "Sans importance." in text  # feedback on every choice
    assert quiz.best_scores("test-mini")[uid] == (1, 2)
    # Reopening the lesson shows the last answers with their feedback.
    window.open_lesson(SECOND)
    window.open_lesson(FIRST)
    assert "Votre score : 1 / 2" in lesson_text(window)
    click(QUrl(f"team:quiz-reset/{uid}"))
    assert "Valider mes réponses" in lesson_text(window)


def test_bookmark_from_lesson_listed_and_opened(window, qtbot):
    window.open_lesson(SECOND)
    window.actions_[Act.TOGGLE_BOOKMARK].trigger()
    assert bookmarks.is_bookmarked(SECOND)
    window.actions_[Act.BOOKMARKS].trigger()
    assert window.stack.currentWidget() is window.bookmarks
    listing = window.bookmarks.list
    assert listing.count() == 1 and listing.item(0).text().startswith(
        "Partager et chercher ensemble"
    )
    listing.itemActivated.emit(listing.item(0))
    assert window.lesson.current_uid == SECOND
    assert window.lesson.bookmark_button.isChecked()


def test_search_accent_insensitive_opens_lesson_at_hit(window, qtbot):
    window.actions_[Act.SEARCH].trigger()
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "ecoute")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.search_view
    assert len(window.search_view.hits) == 1
    assert "<b>écoute</b>" in window.search_view.hits[0].snippet_html
    window.search_view.anchorClicked.emit(QUrl("team:hit/0"))
    assert window.lesson.current_uid == SECOND
    cursor = window.lesson.browser.textCursor
    qtbot.waitUntil(lambda: cursor().selectedText().lower() == "écoute")


def test_reopens_last_lesson_at_same_position_after_restart(window, qtbot, store):
    window.resize(700, 400)  # small, so the lesson scrolls
    window.open_lesson(FIRST)
    bar = window.lesson.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    window.close()
    assert abs(progress.resume_point().scroll - 0.5) < 0.02

    runner = TaskRunner()
    again = MainWindow(store, runner)
    qtbot.addWidget(again)
    again.resize(700, 400)
    again.show()
    assert again.home.resume_button.text() == "Reprendre : Préparer la séance ensemble"
    qtbot.mouseClick(again.home.resume_button, Qt.MouseButton.LeftButton)
    new_bar = again.lesson.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: new_bar.maximum() > 0 and new_bar.value() > 0)
    assert abs(new_bar.value() / new_bar.maximum() - 0.5) < 0.05


def test_window_geometry_and_splitter_restored(window, qtbot, store):
    window.resize(720, 520)  # inside the offscreen screen (800×600), which clamps geometry
    window.splitter.setSizes([250, 470])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(store, TaskRunner())
    qtbot.addWidget(again)
    again.restore_state()
    again.show()
    assert (again.width(), again.height()) == (720, 520)
    assert again.splitter.sizes() == sizes


def test_a_result_arriving_after_its_window_is_gone_is_dropped(qtbot):
    import shiboken6
    from PySide6.QtCore import QObject, Signal

    class Listener(QObject):
        said = Signal(str)

        def done(self, value: str) -> None:
            self.said.emit(value)

    runner = TaskRunner()
    listener = Listener()
    runner.run(lambda _state: "trop tard", listener.done)
    runner.wait()
    shiboken6.delete(listener)  # the view is gone before its queued result is delivered
    qtbot.wait(50)
    assert not runner.busy


def test_leaving_a_lesson_and_opening_the_next_is_one_write_after_the_page(window, qtbot, store):
    window.resize(700, 400)  # small, so the lesson scrolls
    window.open_lesson(FIRST)
    bar = window.lesson.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and progress.resume_point() is not None)
    bar.setValue(bar.maximum() // 2)
    committed = []
    store.db.subscribe(committed.append)
    window.open_lesson(SECOND)
    assert committed == []  # the page is shown before anything is written
    qtbot.waitUntil(lambda: committed != [])
    qtbot.wait(20)
    assert len(committed) == 1  # the position left and the lesson opened: one commit
    assert progress.resume_point().uid == SECOND
    assert LessonProgress.get(LessonProgress.lesson_uid == FIRST).scroll > 0.4
