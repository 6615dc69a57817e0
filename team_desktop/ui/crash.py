"""Unexpected errors: logged with their traceback, told in a short French message, not fatal."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("team_desktop.crash")


class CrashReporter(QObject):
    """Catches what nothing else caught (on any thread) and tells the learner once per kind.

    Signals: caught(text) on the GUI thread with the traceback's text (tests listen to it).
    """

    caught = Signal(str)
    _arrived = Signal(str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._told: set[str] = set()
        self._arrived.connect(self._tell)
        self.interactive = True

    def install(self) -> None:
        """Become the handler of uncaught exceptions, on the GUI thread and in threads."""
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value, args.exc_traceback
        )

    def handle(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None):
        """Log the error with its traceback; the message box follows on the GUI thread."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        log.critical("unexpected error: %s", text)
        self._arrived.emit(kind.__name__, text)

    @Slot(str, str)
    def _tell(self, kind: str, text: str) -> None:
        self.caught.emit(text)
        app = QApplication.instance()
        if not self.interactive or app is None or QThread.currentThread() != app.thread():
            return
        if kind in self._told:
            return  # the same problem again: logged, not shown once more
        self._told.add(kind)
        translate = QCoreApplication.translate
        QMessageBox.warning(
            app.activeWindow(),
            translate("Crash", "Erreur inattendue"),
            translate(
                "Crash",
                "Une erreur inattendue s'est produite. Ce qui était enregistré est intact ; "
                "vous pouvez continuer. Si cela se reproduit, envoyez le dossier des journaux "
                "techniques (Aide › Ouvrir le dossier des journaux techniques) à votre "
                "formateur.",
            ),
        )
