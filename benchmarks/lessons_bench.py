"""Opening and switching lessons: the course's largest lesson, rendered and painted."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks import portfolio
from benchmarks.report import Row, ratio_row
from team_desktop.core.store.models import LessonRecord

LIMIT_MS = 50


def _largest(count: int) -> list[str]:
    lessons = sorted(LessonRecord.select(), key=lambda row: len(row.body), reverse=True)
    return [row.uid for row in lessons[:count]]


def run(tmp: Path, smoke: bool) -> tuple[list[Row], list[str]]:
    from team_desktop.ui.app import application
    from team_desktop.ui.main_window import MainWindow
    from team_desktop.ui.tasks import TaskRunner

    app = application()
    store = portfolio.course_store(tmp / "lesson-store")
    window = MainWindow(store, TaskRunner())
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    largest, second = _largest(2)
    size = len(LessonRecord.get(LessonRecord.uid == largest).body)

    def shown(uid: str) -> float:
        started = time.perf_counter()
        assert window.open_lesson(uid)
        app.processEvents()
        window.lesson.browser.viewport().repaint()  # painted, not only laid out
        return (time.perf_counter() - started) * 1000

    runs = 3 if smoke else 15
    opening, switching = [], []
    for _ in range(runs):
        window.show_home()
        app.processEvents()
        opening.append(shown(largest))
        switching.append(shown(second))
        switching.append(shown(largest))
    # Qt's own part: the largest lesson's page set, laid out and painted again, nothing read.
    from team_desktop.core.render.lesson_page import lesson_html

    browser, page = window.lesson.browser, lesson_html(window.lesson.reading)
    relaid = []
    for _ in range(runs):
        started = time.perf_counter()
        browser.show_html(page, window.lesson.page.folder)
        app.processEvents()
        browser.viewport().repaint()
        relaid.append((time.perf_counter() - started) * 1000)
    window.lesson.leave()
    window.close()
    app.processEvents()
    store.close()
    note = f"{largest}, {size:,} characters of Markdown".replace(",", " ")
    opened = ratio_row(
        "Open the largest lesson (median)", statistics.median(opening), LIMIT_MS, "ms", note
    )
    if not opened.met:
        opened.explain(
            f"of which {statistics.median(relaid):.0f} ms are Qt setting the page's HTML, laying "
            "it out and painting it (the same page shown again, nothing read); the rest is "
            "reading the lesson and the learner's facts under its activities, its HTML, and the "
            "window switching from the home view to the reader. Reading's writes (lesson opened, "
            "position and time of the one left) are one transaction, made once the page is set"
        )
    return [
        opened,
        ratio_row(
            "Switch between the two largest lessons (median)",
            statistics.median(switching),
            LIMIT_MS,
            "ms",
            f"{second} and {largest}",
        ),
    ], []
