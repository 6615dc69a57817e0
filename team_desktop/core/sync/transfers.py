"""Long file transfers (attachments, course packs): progress in bytes, and a pause the learner
controls.

A pause stops the transfer between two pieces; what arrived is kept (uploads and downloads
resume at the byte where they stopped), and the writing itself keeps syncing meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from team_desktop.core.i18n import _
from team_desktop.core.sync.errors import SyncError

UP, DOWN = "up", "down"


class TransfersPaused(SyncError):
    """A transfer stopped because the learner paused transfers."""

    def __init__(self) -> None:
        super().__init__(_("Transferts de fichiers en pause : ce qui est déjà passé est gardé."))


@dataclass(frozen=True)
class TransferProgress:
    """Where one file's transfer is: `done` of `total` bytes, file `number` of `count`."""

    direction: str  # UP or DOWN
    name: str
    done: int
    total: int
    number: int = 1
    count: int = 1

    @property
    def percent(self) -> int:
        return 100 if self.total <= 0 else min(100, self.done * 100 // self.total)


Listener = Callable[[TransferProgress], None]


class TransferControl:
    """Shared by the window (pause, resume) and the thread moving the bytes (checkpoint)."""

    def __init__(self, listener: Listener | None = None) -> None:
        self._paused = threading.Event()
        self.listener = listener

    def reporting_to(self, listener: Listener) -> TransferControl:
        """The same pause, telling `listener` of every piece (one view per running transfer)."""
        view = TransferControl(listener)
        view._paused = self._paused
        return view

    def pause(self) -> None:
        self._paused.set()

    def resume(self) -> None:
        self._paused.clear()

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    def moved(self, progress: TransferProgress) -> None:
        """Called after each piece: tells the listener, then stops here if paused."""
        if self.listener is not None:
            self.listener(progress)
        self.checkpoint()

    def checkpoint(self) -> None:
        """Raises TransfersPaused when the learner paused transfers."""
        if self._paused.is_set():
            raise TransfersPaused()
