"""Open the app's window on a data directory, the largest lesson, then the journal; print RSS.

`python -m benchmarks.probes.resident DATA_DIR` prints `rss <kB>` (VmRSS of this process).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resident_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def main(data_dir: str) -> None:
    from team_desktop.core.paths import DataPaths
    from team_desktop.core.store.db import open_store
    from team_desktop.core.store.models import LessonRecord
    from team_desktop.ui.app import application
    from team_desktop.ui.main_window import MainWindow
    from team_desktop.ui.tasks import TaskRunner

    app = application()
    store = open_store(DataPaths(Path(data_dir)))
    window = MainWindow(store, TaskRunner())
    window.resize(1280, 800)
    window.show()
    largest = max(LessonRecord.select(), key=lambda row: len(row.body))
    window.open_lesson(largest.uid)
    for _ in range(3):
        app.processEvents()
    window.journal.show_latest()
    for _ in range(3):
        app.processEvents()
    print(f"rss {resident_kb()}", flush=True)
    window.lesson.leave()
    window.close()
    store.close()
    # Measured and closed: leave without the interpreter's final garbage collection, in which
    # PySide6 sometimes crashes ("none_dealloc") after a window this size.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1])
