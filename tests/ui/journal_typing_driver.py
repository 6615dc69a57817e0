"""Test-only entry point: the real window, a new journal entry, and typing at a steady pace.

Run as `python journal_typing_driver.py DATA_DIR`; prints `entry <id>`, then one
`typed <count> <monotonic time>` line per character, until it is killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import open_store
from team_desktop.ui.app import application
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.tasks import TaskRunner

TEXT = "Le binôme a préparé la séance ; les élèves ont coopéré. " * 40
INTERVAL_MS = 25


def main(data_dir: str) -> int:
    app = application()
    store = open_store(DataPaths(Path(data_dir)))
    window = MainWindow(store, TaskRunner())
    window.resize(1000, 700)
    window.show()
    window.journal.show()
    entry_id = window.journal.view.start_entry("libre")
    print(f"entry {entry_id}", flush=True)
    editor = window.journal.view.editor.text
    typed = 0

    def type_one() -> None:
        nonlocal typed
        char = TEXT[typed % len(TEXT)]
        # Key and text given explicitly: QTest maps only ASCII characters to keys by itself.
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, editor, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )
        typed += 1
        print(f"typed {typed} {time.monotonic():.6f}", flush=True)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(INTERVAL_MS)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
