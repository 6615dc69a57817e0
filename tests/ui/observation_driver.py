"""Test-only entry point: the real window in observation mode, tapping keys 1 to 5 steadily.

Run as `python observation_driver.py DATA_DIR PLAN_ID TAPS [end]`; starts (or resumes) the
observation of the plan, prints `tap <count> <seconds on the run's clock>` after each tap the
view has stored, moves to the next phase every 8 taps, and after TAPS taps ends the run (with
`end`) and quits, or keeps waiting to be killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import open_store
from team_desktop.ui.app import application
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.tasks import TaskRunner

INTERVAL_MS = 30


def main(data_dir: str, plan_id: str, taps: int, end: bool) -> int:
    app = application()
    store = open_store(DataPaths(Path(data_dir)))
    window = MainWindow(store, TaskRunner())
    window.resize(1000, 700)
    window.show()
    window.plans.show(plan_id)
    view = window.plans.view
    view.tabs.setCurrentWidget(view.observation)
    observing = view.observation
    if not observing.running:
        observing.start_button.click()
    app.processEvents()
    print(f"run {observing.observer.run.id} {len(observing.observer.run.taps)}", flush=True)
    count = 0

    def tap() -> None:
        nonlocal count
        if count >= taps:
            timer.stop()
            if end:
                observing.end_button.click()
                app.quit()
            return
        before = len(observing.observer.run.taps)
        QTest.keyClick(observing, getattr(Qt.Key, f"Key_{count % 5 + 1}"))
        if len(observing.observer.run.taps) != before + 1:
            return  # the key reached no shortcut (focus not settled yet): try again
        count += 1
        print(f"tap {count} {observing.observer.seconds():.1f}", flush=True)
        if count % 8 == 0:
            observing.next_button.click()

    timer = QTimer()
    timer.timeout.connect(tap)
    timer.start(INTERVAL_MS)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:] == ["end"]))
