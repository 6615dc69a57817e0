"""The app's one task runner: background work off the GUI thread, results back on it."""

from __future__ import annotations

import functools
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskCancelled(Exception):
    """Raised inside a task that noticed it was asked to stop."""


class TaskState:
    """Handed to a background function: report progress, check for cancel."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._report: Callable[[int, int], None] = lambda done, total: None
        self._note: Callable[[object], None] = lambda payload: None

    def progress(self, done: int, total: int) -> None:
        """Report progress; raises TaskCancelled when the task was cancelled."""
        if self._cancel.is_set():
            raise TaskCancelled()
        self._report(done, total)

    def note(self, payload: object) -> None:
        """Report something richer than a count (a file's transfer, say) to the GUI thread."""
        self._note(payload)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Carries a task's outcome to the GUI thread.

    Signals: progress(done, total), noted(payload), finished(result), failed(exception,
    traceback text).
    """

    progress = Signal(int, int)
    noted = Signal(object)
    finished = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any], state: TaskState, relay: _Relay):
        super().__init__()
        self.fn, self.state, self.relay = fn, state, relay

    def run(self) -> None:
        try:
            result = self.fn(self.state)
        except BaseException as error:  # noqa: BLE001 (pycrdt panics are BaseException)
            self._deliver("failed", error, traceback.format_exc())
        else:
            self._deliver("finished", result)

    def _deliver(self, signal: str, *args: Any) -> None:
        # When the app (or a test process) exits while a task still waits on the network,
        # Python deletes the relay before the task ends: its outcome has no one to go to.
        try:
            getattr(self.relay, signal).emit(*args)
        except RuntimeError:
            if shiboken6.isValid(self.relay):
                raise


def _qobjects_of(callback: Callable, depth: int = 0) -> list[QObject]:
    """The Qt objects a callback would touch: its bound object, what its closure captured."""
    found: list[QObject] = []
    if depth > 2:
        return found
    owner = getattr(callback, "__self__", None)
    captured = [owner] if owner is not None else []
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            captured.append(cell.cell_contents)
        except ValueError:  # a cell not filled yet
            continue
    if isinstance(callback, functools.partial):
        captured += [callback.func, *callback.args, *callback.keywords.values()]
    for value in captured:
        if isinstance(value, QObject):
            found.append(value)
        elif callable(value) and value is not callback:
            found += _qobjects_of(value, depth + 1)
    return found


def _owner_gone(callback: Callable) -> bool:
    """True when a Qt object the callback is bound to or captured has been deleted."""
    return any(not shiboken6.isValid(obj) for obj in _qobjects_of(callback))


class TaskRunner(QObject):
    """Runs `fn(state)` in the background; database work one task at a time (one writer).

    Signals: busy_changed(bool) when the first task starts or the last one ends.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, synchronous: bool = False):
        super().__init__(parent)
        self.synchronous = synchronous
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._net_pool = QThreadPool(self)
        self._net_pool.setMaxThreadCount(4)
        self._running: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[TaskState], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        network: bool = False,
        on_note: Callable[[object], None] | None = None,
    ) -> TaskState:
        """Start `fn`; callbacks run on the GUI thread. Returns the state, to cancel it."""
        state = TaskState()
        relay = _Relay()
        if on_progress:
            # Reports queued by a task can arrive after the window that asked was deleted
            # (in the next test's event loop, too): drop them like late results.
            relay.progress.connect(
                lambda done, total: None if _owner_gone(on_progress) else on_progress(done, total)
            )
            state._report = relay.progress.emit
        if on_note:
            relay.noted.connect(lambda payload: None if _owner_gone(on_note) else on_note(payload))
            state._note = relay.noted.emit
        relay.finished.connect(lambda result: self._end(relay, on_done, result))
        relay.failed.connect(lambda error, text: self._end(relay, on_error, error, text))
        self._running.add(relay)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        job = _Job(fn, state, relay)
        if self.synchronous:
            job.run()
        else:
            (self._net_pool if network else self._db_pool).start(job)
        return state

    def _end(self, relay: _Relay, callback: Callable | None, *args: Any) -> None:
        self._running.discard(relay)
        if not self._running:
            self.busy_changed.emit(False)
        if callback is not None and _owner_gone(callback):
            return  # the window or view that asked is gone: its result has no one to go to
        if callback:
            callback(*args)
        elif len(args) == 2 and isinstance(args[0], BaseException):
            raise args[0]

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work ends (at shutdown and in tests)."""
        return self._db_pool.waitForDone(msecs) and self._net_pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)
