"""The change bus on the screen: one QObject re-broadcasting the store's changes on the GUI thread."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from team_desktop.core.store.changes import ChangeSet
from team_desktop.core.store.db import Store


class ChangeBroadcaster(QObject):
    """Tells views what every committed write changed, always later, on the GUI thread.

    Views connect to `changed`, refresh only what they show and skip the writes they made
    themselves (`changes.initiator is self`). Delivery is always queued, even for a write
    made on the GUI thread, so a view never refreshes in the middle of its own save; the
    writes that arrived meanwhile are merged per initiator, so a burst (an import, a sync's
    page) makes one refresh, not one per write.

    Signals: changed(ChangeSet).
    """

    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._pending: list[ChangeSet] = []
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

        def relay(changes: ChangeSet) -> None:
            # Runs on the writing thread; the window may be gone by then.
            if shiboken6.isValid(self):
                self._arrived.emit(changes)

        self._relay = relay
        store.db.subscribe(relay)

    @Slot(object)
    def _deliver(self, changes: ChangeSet) -> None:
        self._pending.append(changes)
        if len(self._pending) == 1:
            QTimer.singleShot(0, self, self._flush)

    def _flush(self) -> None:
        merged: list[ChangeSet] = []
        for changes in self._pending:
            same = next((m for m in merged if m.initiator is changes.initiator), None)
            if same is None:
                merged.append(ChangeSet(initiator=changes.initiator))
                same = merged[-1]
            same.merge(changes)
        self._pending.clear()
        for changes in merged:
            self.changed.emit(changes)

    def close(self) -> None:
        """Stop listening to the store (the window closes)."""
        self._store.db.unsubscribe(self._relay)
