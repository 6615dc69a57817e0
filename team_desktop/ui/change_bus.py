"""The change bus on the screen: one QObject re-broadcasting the store's changes on the GUI thread."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from team_desktop.core.store.changes import ChangeSet
from team_desktop.core.store.db import Store


class ChangeBroadcaster(QObject):
    """Tells views what every committed write changed, always later, on the GUI thread.

    Views connect to `changed`, refresh only what they show and skip the writes they made
    themselves (`changes.initiator is self`). Delivery is always queued, even for a write
    made on the GUI thread, so a view never refreshes in the middle of its own save.

    Signals: changed(ChangeSet).
    """

    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

        def relay(changes: ChangeSet) -> None:
            # Runs on the writing thread; the window may be gone by then.
            if shiboken6.isValid(self):
                self._arrived.emit(changes)

        self._relay = relay
        store.db.subscribe(relay)

    @Slot(object)
    def _deliver(self, changes: ChangeSet) -> None:
        self.changed.emit(changes)

    def close(self) -> None:
        """Stop listening to the store (the window closes)."""
        self._store.db.unsubscribe(self._relay)
