"""Everything about sync and sharing in the window: menu, status, feed, pending changes."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from team_desktop.ui.account_dialog import AccountDialog
from team_desktop.ui.actions import Act
from team_desktop.ui.feed_view import FeedView
from team_desktop.ui.groups_dialog import GroupsDialog
from team_desktop.ui.pending_view import PendingView
from team_desktop.ui.sync_service import SyncService


class SharingController(QObject):
    """Adds the "Partage" menu, the sync status and two views to the main window."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.service = SyncService(window.store, window.runner, self)
        self.feed = FeedView()
        self.pending = PendingView()
        window.stack.addWidget(self.feed)
        window.stack.addWidget(self.pending)
        self.status = QLabel()
        self.status.setObjectName("syncStatus")
        self.status.setAccessibleName(self.tr("État de la synchronisation"))
        window.statusBar().addPermanentWidget(self.status)
        actions = window.actions_
        menu = window.menuBar().addMenu(self.tr("&Partage"))
        for act in (Act.SYNC_NOW, Act.FEED, Act.PENDING, None, Act.GROUPS, Act.ACCOUNT):
            menu.addSeparator() if act is None else menu.addAction(actions[act])
        actions[Act.SYNC_NOW].triggered.connect(self.service.sync_now)
        actions[Act.ACCOUNT].triggered.connect(self.show_account)
        actions[Act.GROUPS].triggered.connect(self.show_groups)
        actions[Act.FEED].triggered.connect(self.show_feed)
        actions[Act.PENDING].triggered.connect(self.show_pending)
        self.service.status_changed.connect(self._status)
        self.service.progress.connect(window.progress_panel.progress)
        self.service.synced.connect(self._synced)
        self.pending.retry_requested.connect(self.service.sync_now)
        self.feed.commented.connect(self.service.local_change)

    def start(self) -> None:
        self.service.start()

    def show_account(self) -> None:
        dialog = AccountDialog(self.window.runner, self.window)
        dialog.accepted.connect(self.service.sync_now)
        dialog.open()

    def show_groups(self) -> None:
        dialog = GroupsDialog(self.window.runner, self.window)
        dialog.finished.connect(lambda _r: self.service.sync_now())
        dialog.open()

    def show_feed(self) -> None:
        self.window.lesson.leave()
        self.feed.reload()
        self.window.stack.setCurrentWidget(self.feed)
        self.feed.setFocus()

    def show_pending(self) -> None:
        self.window.lesson.leave()
        self.pending.reload()
        self.window.stack.setCurrentWidget(self.pending)

    def _status(self, state: str, text: str) -> None:
        self.status.setText(text)
        self.status.setProperty("state", state)

    def _synced(self, _report: object) -> None:
        # Pulled changes may touch anything on screen: refresh what shows the store.
        self.window.navigator.reload()
        current = self.window.stack.currentWidget()
        if current is self.feed:
            self.feed.reload()
        elif current is self.pending:
            self.pending.reload()
