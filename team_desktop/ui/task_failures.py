"""What the learner is told when long background work fails: one handler for every such task."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from team_desktop.ui.messages import Icon, show_message
from team_desktop.ui.tasks import TaskCancelled

log = logging.getLogger(__name__)
Failure = Callable[[BaseException, str], None]


def failure_handler(
    window: QMainWindow,
    title: str,
    cancelled: str,
    expected: tuple[type[BaseException], ...] = (),
    disk: str | None = None,
) -> Failure:
    """A `TaskRunner` error callback that ends the progress display and says what happened.

    `cancelled` goes to the status bar when the learner cancelled; an `expected` error's own
    message already says what to do; `disk` (with `{e}`, the system's reason) is told for a
    file or disk error; anything else is a bug: logged with its traceback, told briefly.
    """

    def failed(error: BaseException, details: str) -> None:
        window.progress_panel.finish()
        if isinstance(error, TaskCancelled):
            window.statusBar().showMessage(cancelled, 6000)
        elif isinstance(error, expected):
            show_message(window, Icon.Warning, title, str(error))
        elif isinstance(error, OSError) and disk is not None:
            log.warning("a task failed on a file: %s", type(error).__name__)
            show_message(window, Icon.Critical, title, disk.format(e=error.strerror or error))
        else:
            log.error("a background task failed:\n%s", details)
            text = QCoreApplication.translate(
                "TaskFailures", "Erreur inattendue ; vos données n'ont pas changé."
            )
            show_message(window, Icon.Critical, title, text, details)

    return failed
