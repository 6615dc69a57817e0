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
    window.lesson.leave()
    window.close()
    app.processEvents()
    store.close()
    note = f"{largest}, {size:,} characters of Markdown".replace(",", " ")
    return [
        ratio_row(
            "Open the largest lesson (median)", statistics.median(opening), LIMIT_MS, "ms", note
        ),
        ratio_row(
            "Switch between the two largest lessons (median)",
            statistics.median(switching),
            LIMIT_MS,
            "ms",
            f"{second} and {largest}",
        ),
    ], []
