"""Start a window as a fresh process and print the wall-clock time of its first paint, then quit.

`python -m benchmarks.probes.first_paint bare` shows a bare PySide6 QMainWindow;
`python -m benchmarks.probes.first_paint app DATA_DIR` starts the real app through
`team-desktop`'s entry point and waits for its home view to paint. The parent process notes
the time before it starts this one: the difference is launch-to-first-paint.
"""

from __future__ import annotations

import os
import sys
import time

PAINT_MARK = "first paint"


def _watch_first_paint(widget) -> None:
    """Print the time and quit at the first Paint event of `widget` or of a widget inside it.

    Offscreen, Qt paints the whole window at once; under a real X server (xvfb-run) only the
    widgets that draw something get a Paint event, here the page inside the home view: the
    watch is on `widget` and every widget inside it. Not on the application: PySide6 would
    then build the Python class of every kind of object that gets an event, which the probe
    would add to the start it measures.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's API)
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                # The CPU time too: on a machine shared with other work it moves less.
                print(f"painted {time.time():.6f} cpu {time.process_time():.6f}", flush=True)
                # Where `python -X importtime` (on stderr) passes the first paint.
                print(PAINT_MARK, file=sys.stderr, flush=True)
                loaded = sorted(name for name, module in sys.modules.items() if module)
                print("modules " + " ".join(loaded), flush=True)
                QTimer.singleShot(0, QApplication.instance().quit)
            return False

    watch = FirstPaint(widget)
    for watched in (widget, *widget.findChildren(QWidget)):
        watched.installEventFilter(watch)


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("TEAM Desktop")
    window.resize(1280, 800)
    _watch_first_paint(window)
    window.show()
    return app.exec()


def app(data_dir: str) -> int:
    # The app's own entry point, with the probe hooked onto its main window's home view.
    from team_desktop import cli
    from team_desktop.ui import app as app_module

    class ProbedWindow(app_module.MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            _watch_first_paint(self.home)

    app_module.MainWindow = ProbedWindow
    return cli.main(["--data-dir", data_dir])


if __name__ == "__main__":
    code = bare() if sys.argv[1] == "bare" else app(sys.argv[2])
    sys.stdout.flush()
    # Measured: leave without the interpreter's final garbage collection, in which PySide6
    # sometimes crashes ("none_dealloc"), which would fail the run for nothing.
    os._exit(code)
