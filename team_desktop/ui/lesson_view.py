"""The lesson reader: the lesson page, its navigation bar, quizzes, time and position."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from peewee import OperationalError
from PySide6.QtCore import QElapsedTimer, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core import bookmarks, progress, quiz
from team_desktop.core.course import LessonPage
from team_desktop.core.quiz import QuizState
from team_desktop.core.render.links import parse_team_link
from team_desktop.core.store import changes
from team_desktop.core.store.db import Store, sqlite_error_code
from team_desktop.ui.lesson_browser import LessonBrowser

if TYPE_CHECKING:
    from team_desktop.core.render.lesson_page import ReadingPage

SAVE_POSITION_DELAY_MS = 800
FLUSH_TIME_EVERY_MS = 30_000


log = logging.getLogger(__name__)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when narrow, so that it never widens its window.

    The module's title beside the lesson's buttons set the lesson view's minimum width: on a
    1024-pixel screen the course plan was squeezed to a column of cut titles to make room.
    """

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's API)
        """Show `text`, elided to the label's width; the tooltip keeps it whole."""
        self._full = text
        self.setToolTip(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's API)
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(
            self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        )


class LessonView(QWidget):
    """Shows one lesson at a time.

    Signals: open_lesson(uid) to navigate; completion_changed(uid, done);
    bookmark_changed(uid, marked); activity_requested(action, activity uid).
    """

    open_lesson = Signal(str)
    completion_changed = Signal(str, bool)
    bookmark_changed = Signal(str, bool)
    activity_requested = Signal(str, str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.reading: ReadingPage | None = None
        # Quizzes being answered on this page (choices not submitted yet), by activity uid.
        self.quiz_states: dict[str, QuizState] = {}
        self._clock = QElapsedTimer()
        # Reading's writes not saved yet (a write and its arguments), see `_save_reading`.
        self._unsaved: list[tuple[Callable[..., None], tuple]] = []

        self.previous_button = QPushButton(self.tr("◀ Précédente"))
        self.previous_button.setAccessibleName(self.tr("Leçon précédente"))
        self.next_button = QPushButton(self.tr("Suivante ▶"))
        self.next_button.setAccessibleName(self.tr("Leçon suivante"))
        self.module_label = ElidedLabel()
        self.module_label.setObjectName("moduleLabel")
        self.bookmark_button = QPushButton()
        self.bookmark_button.setCheckable(True)
        self.done_button = QPushButton()
        self.done_button.setCheckable(True)
        self.done_button.setObjectName("doneButton")
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.module_label, 1)
        bar.addWidget(self.bookmark_button)
        bar.addWidget(self.done_button)

        # Parented by the layout, after the bar: Tab then follows the screen (bar, then text).
        self.browser = LessonBrowser()
        self.browser.setAccessibleName(self.tr("Texte de la leçon"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)

        self.previous_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        self.done_button.toggled.connect(self.set_completed)
        self.bookmark_button.toggled.connect(self._set_bookmark)
        self.browser.anchorClicked.connect(self._follow)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_POSITION_DELAY_MS)
        self._save_timer.timeout.connect(self.save_position)
        self.browser.verticalScrollBar().valueChanged.connect(lambda _v: self._save_timer.start())
        self._flush_timer = QTimer(self, interval=FLUSH_TIME_EVERY_MS)
        self._flush_timer.timeout.connect(self.flush_time)
        self._flush_timer.start()

    # -- showing a lesson -------------------------------------------------------------------

    def show_lesson(self, uid: str, find: str | None = None) -> bool:
        """Open lesson `uid` (at the saved position, or at the first hit of `find`)."""
        # Imported at the first lesson opened: the page's sources (notes, journal, answers)
        # are not needed before the window's first paint.
        from team_desktop.core.render.lesson_page import load_page

        reading = load_page(uid, self.store.paths.packs)
        if reading is None:
            return False
        self._note_leaving()
        self.reading = reading
        self.quiz_states = {}
        page = reading.lesson
        self.previous_button.setEnabled(reading.previous is not None)
        self.next_button.setEnabled(reading.next is not None)
        self.module_label.setText(page.pack_title)
        self._sync_buttons()
        self._render()
        # Written at the event loop's next turn, in one transaction with what leaving the last
        # lesson left to save: one wait for the disk where there were three.
        self._unsaved.append((progress.opened, (uid,)))
        QTimer.singleShot(0, self, self._save_reading)
        self._clock.start()
        if find:
            QTimer.singleShot(0, lambda: self._find(find))
        else:
            QTimer.singleShot(0, lambda: self._restore_scroll(page.scroll))
        return True

    def _render(self, keep_scroll: bool = False) -> None:
        from team_desktop.core.render.lesson_page import lesson_html

        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.show_html(lesson_html(self.reading, self.quiz_states), self.page.folder)
        if keep_scroll:
            bar.setValue(position)

    def on_changes(self, change_set: changes.ChangeSet) -> None:
        """Show again what a write changed under the open lesson: the learner's writing under
        its activities (those facts only are read again), and (after a pull) whether it is
        done or in the favourites."""
        if self.reading is None:
            return
        from team_desktop.core.render.lesson_page import FACT_KINDS

        uid = self.page.uid
        if change_set.from_sync and (
            change_set.touches(changes.PROGRESS, uid) or change_set.touches(changes.BOOKMARKS, uid)
        ):
            self.page.completed = progress.is_completed(uid)
            self._sync_buttons()
        # Here a quiz's attempt comes from this view's own submit, which shows it; from
        # elsewhere only by a pull. A quiz being answered keeps its choices (`quiz_states`).
        kinds = [
            kind
            for kind in FACT_KINDS
            if change_set.touches(kind) and (kind != changes.PROGRESS or change_set.from_sync)
        ]
        if self.reading.refresh(kinds):
            if changes.PROGRESS in kinds:
                # A quiz already submitted here shows the latest attempt, perhaps the other
                # device's; one being answered keeps its choices.
                self.quiz_states = {
                    quiz_uid: state
                    for quiz_uid, state in self.quiz_states.items()
                    if not state.submitted
                }
            self._render(keep_scroll=True)

    def _restore_scroll(self, fraction: float) -> None:
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    def _find(self, words: str) -> None:
        for word in words.split():
            if self.browser.find(word):
                return

    def _sync_buttons(self) -> None:
        for button, checked in (
            (self.done_button, self.page.completed),
            (self.bookmark_button, bookmarks.is_bookmarked(self.page.uid)),
        ):
            button.blockSignals(True)
            button.setChecked(checked)
            button.blockSignals(False)
        self.done_button.setText(
            self.tr("✔ Terminée") if self.page.completed else self.tr("Marquer comme terminée")
        )
        # Screen readers say the state in words, not the symbol.
        self.done_button.setAccessibleName(self.tr("Leçon terminée"))
        marked = self.bookmark_button.isChecked()
        self.bookmark_button.setText(
            self.tr("★ Dans mes favoris") if marked else self.tr("☆ Ajouter aux favoris")
        )
        self.bookmark_button.setAccessibleName(self.tr("Leçon dans mes favoris"))

    # -- actions ----------------------------------------------------------------------------

    def set_completed(self, done: bool) -> None:
        """Mark the current lesson done or not done."""
        if self.page is None:
            return
        progress.set_completed(self.page.uid, done)
        self.page.completed = done
        self.page.updated_since_completed = False
        self._sync_buttons()
        self._render(keep_scroll=True)
        self.completion_changed.emit(self.page.uid, done)

    def toggle_completed(self) -> None:
        if self.page is not None:
            self.set_completed(not self.page.completed)

    def _set_bookmark(self, marked: bool) -> None:
        if self.page is None:
            return
        if bookmarks.is_bookmarked(self.page.uid) != marked:
            bookmarks.toggle(self.page.uid)
        self._sync_buttons()
        self.bookmark_changed.emit(self.page.uid, marked)

    def toggle_bookmark(self) -> None:
        if self.page is not None:
            self.bookmark_button.toggle()

    def go_previous(self) -> None:
        if self.reading is not None:
            self._go(self.reading.previous)

    def go_next(self) -> None:
        if self.reading is not None:
            self._go(self.reading.next)

    def _go(self, uid: str | None) -> None:
        if uid:
            self.open_lesson.emit(uid)

    def _follow(self, url: QUrl) -> None:
        text = url.toString()
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        link = parse_team_link(text)
        if link is None:
            return
        if link.action == "lesson":
            self._go(link.uid)
        elif link.action in ("quiz", "quiz-submit", "quiz-reset") and self._is_quiz(link.uid):
            self._quiz_action(link.action, link.uid, link.args)
        else:
            self.activity_requested.emit(link.action, link.uid)

    def _is_quiz(self, uid: str) -> bool:
        facts = self.reading.facts.get(uid) if self.reading else None
        return facts is not None and facts.activity.kind == "quiz"

    def _quiz_action(self, action: str, uid: str, args: tuple[str, ...]) -> None:
        facts = self.reading.facts[uid]
        fields = facts.activity.fields
        # Answering starts from the last submitted answers, shown with their feedback.
        state = self.quiz_states.setdefault(uid, facts.quiz or QuizState())
        if action == "quiz" and len(args) == 2 and all(a.isdigit() for a in args):
            quiz.toggle_choice(fields, state, int(args[0]), int(args[1]))
        elif action == "quiz-submit":
            quiz.submit(uid, fields, state)
        elif action == "quiz-reset":
            self.quiz_states[uid] = QuizState()
        self._render(keep_scroll=True)

    # -- leaving ----------------------------------------------------------------------------

    def save_position(self) -> None:
        """Keep the reading position of the current lesson."""
        self._unsaved += self._position_write()
        self._save_reading()

    def flush_time(self) -> None:
        """Record reading time since the last flush, counted only while the window is in use."""
        self._unsaved += self._time_write()
        self._save_reading()

    def _position_write(self) -> list[tuple[Callable[..., None], tuple]]:
        if self.page is None:
            return []
        bar = self.browser.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.page.scroll = fraction
        return [(progress.save_position, (self.page.uid, fraction))]

    def _time_write(self) -> list[tuple[Callable[..., None], tuple]]:
        if self.page is None or not self._clock.isValid():
            return []
        seconds = self._clock.restart() // 1000
        if seconds <= 0 or not (self.isVisible() and self.window().isActiveWindow()):
            return []
        # A flush runs every interval, so more than that means the machine slept.
        seconds = int(min(seconds, FLUSH_TIME_EVERY_MS // 1000 + 5))
        return [(progress.add_time, (self.page.uid, self.store.device_id, seconds))]

    def _note_leaving(self) -> None:
        """Queue the position and time of the lesson being left (saved with the next write)."""
        if self.page is not None:
            self._save_timer.stop()
            self._unsaved += self._position_write() + self._time_write()
            self._clock.invalidate()

    def _save_reading(self) -> None:
        """Save reading's writes (lesson opened, position, time) in one transaction, named as
        the lesson's own on the change bus and never in the way of reading: a locked or
        read-only store is logged, not raised."""
        writes, self._unsaved = self._unsaved, []
        if not writes:
            return
        try:
            with changes.initiated_by(self):
                progress.record_reading(writes)
        except (OperationalError, sqlite3.OperationalError) as error:
            log.warning("reading bookkeeping not saved (SQLite code %s)", sqlite_error_code(error))

    def leave(self) -> None:
        """Save position and time of the lesson being left, and whatever reading left unsaved."""
        self._note_leaving()
        self._save_reading()

    @property
    def page(self) -> LessonPage | None:
        """The open lesson (its text, module, progress), None before the first."""
        return self.reading.lesson if self.reading else None

    @property
    def current_uid(self) -> str | None:
        return self.page.uid if self.page else None
