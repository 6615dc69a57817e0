"""Everything about sync and sharing in the window: menu, status, feed, pending changes."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from team_desktop.core import library
from team_desktop.core.content.archive import PackArchiveError
from team_desktop.core.store import changes
from team_desktop.core.sync import account, files, packs, preview, recovery
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.errors import SyncError
from team_desktop.core.sync.transfers import TransfersPaused
from team_desktop.ui.account_dialog import AccountDialog
from team_desktop.ui.actions import Act
from team_desktop.ui.groups_dialog import GroupsDialog
from team_desktop.ui.messages import Icon, ask, show_message
from team_desktop.ui.preferences import Preferences, files_limit
from team_desktop.ui.sync_files import SyncFilesController
from team_desktop.ui.sync_service import SyncService
from team_desktop.ui.task_failures import failure_handler

if TYPE_CHECKING:
    from team_desktop.ui.feed_view import FeedView
    from team_desktop.ui.pending_view import PendingView

OFFERS_EVERY_S = 6 * 3600


FEED_KINDS = (changes.ENTRIES, changes.NOTES, changes.COMMENTS, changes.GROUPS)


class SharingController(QObject):
    """Adds the sync status and two views to the main window; answers the "Partage" menu."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.service = SyncService(window.store, window.runner, self)
        self.status = QLabel()
        self.status.setObjectName("syncStatus")
        self.status.setAccessibleName(self.tr("État de la synchronisation"))
        window.statusBar().addPermanentWidget(self.status)
        actions = window.actions_
        actions[Act.SYNC_NOW].triggered.connect(self.service.sync_now)
        actions[Act.ACCOUNT].triggered.connect(self.show_account)
        actions[Act.GROUPS].triggered.connect(self.show_groups)
        actions[Act.FEED].triggered.connect(self.show_feed)
        actions[Act.PENDING].triggered.connect(self.show_pending)
        actions[Act.UPDATE_PACKS].triggered.connect(self.update_packs)
        actions[Act.UPDATE_PACKS].setEnabled(False)
        self.files = SyncFilesController(window)
        self.offers: list[packs.PackOffer] = []
        self._offers_checked = 0.0
        self.service.status_changed.connect(self._status)
        self.service.progress.connect(window.progress_panel.progress)
        self.service.synced.connect(self._synced)
        self.service.server_changed.connect(self._ask_about_new_server)
        window.changes.changed.connect(self.service.on_changes)
        window.changes.changed.connect(self._on_changes)

    # The two views are built when first shown, not before the window's first paint.

    @functools.cached_property
    def feed(self) -> FeedView:
        from team_desktop.ui.feed_view import FeedView

        feed = FeedView(self.window.store.paths)
        self.window.stack.addWidget(feed)
        feed.commented.connect(self.service.local_change)
        return feed

    @functools.cached_property
    def pending(self) -> PendingView:
        from team_desktop.ui.pending_view import PendingView

        pending = PendingView()
        self.window.stack.addWidget(pending)
        pending.retry_requested.connect(self.service.sync_now)
        transfers = pending.transfers
        transfers.set_paused(self.service.transfers.paused)
        transfers.pause_requested.connect(self.service.pause_transfers)
        transfers.resume_requested.connect(self.service.resume_transfers)
        self.service.transfers_paused.connect(transfers.set_paused)
        self.service.transfer.connect(transfers.show_progress)
        return pending

    def _shown(self, name: str) -> bool:
        """True when view `name` is built and is the one on screen."""
        view = self.__dict__.get(name)
        return view is not None and self.window.stack.currentWidget() is view

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
        self.window.leave_lesson()
        self.feed.reload()
        self.window.stack.setCurrentWidget(self.feed)
        self.feed.setFocus()

    def show_pending(self) -> None:
        self.window.leave_lesson()
        self.pending.reload()
        self._show_waiting_files()
        self.window.stack.setCurrentWidget(self.pending)
        self.preview_pending()

    def preview_pending(self) -> None:
        """Work out, off the GUI thread, what the next sync sends and what waits."""
        store = self.window.store
        max_file = files_limit(Preferences(store.paths.ui_state))

        def work(_task):
            seen = preview.what_leaves(store.paths, store.device_id, max_file)
            held = files.held_downloads(store.paths, max_file) if max_file is not None else {}
            return seen, held

        self.window.runner.run(
            work,
            lambda result: self.pending.show_what_leaves(*result, max_file),
            lambda _e, _d: None,  # only a preview: the sync itself says what went wrong
        )

    def _show_waiting_files(self) -> None:
        me = sync_state.load().user_id or ""
        self.pending.transfers.show_waiting(files.waiting(self.window.store.paths, me))

    def _status(self, state: str, text: str) -> None:
        self.status.setText(text)
        self.status.setProperty("state", state)

    def _check_offers(self) -> None:
        # Not at every sync: a sync with nothing to do must stay one small round trip.
        if time.monotonic() - self._offers_checked < OFFERS_EVERY_S and self._offers_checked:
            return
        connection = account.connect()
        if connection is None:
            return
        self._look_for_offers(connection, self._offers_found)

    def _look_for_offers(
        self,
        connection: account.Connection,
        found: Callable[[list], None],
        failed: Callable[[BaseException, str], None] = lambda _e, _d: None,
    ) -> None:
        self._offers_checked = time.monotonic()
        self.window.runner.run(lambda _t: packs.offers(connection), found, failed, network=True)

    def _offers_found(self, offers: list) -> None:
        self.offers = offers
        action = self.window.actions_[Act.UPDATE_PACKS]
        action.setEnabled(bool(offers))
        if offers:
            action.setText(self.tr("Mettre à &jour les modules ({n})…").format(n=len(offers)))
            self.window.statusBar().showMessage(
                self.tr(
                    "%n module(s) plus récent(s) disponible(s) : "
                    "Partage › Mettre à jour les modules.",
                    "",
                    len(offers),
                ),
                10000,
            )

    def update_packs(self) -> None:
        """Download and install every newer pack, one after the other, with progress."""
        connection = account.connect()
        if connection is None:
            return
        if not self.offers:
            # Asked before a sync looked for newer modules (just after the start, when the
            # menu built this controller): look now, then install what the server offers.
            self._look_for_offers(connection, self._offers_then_update, self._no_offers)
            return
        store, offers, control = self.window.store, list(self.offers), self.service.transfers
        panel = self.window.progress_panel

        def work(task):
            return [
                packs.download_and_install(store, connection, offer, task.progress, control)
                for offer in offers
            ]

        def done(results) -> None:
            self.window.progress_panel.finish()
            self._offers_found([])
            self.window.refresh()
            names = ", ".join(f"{r.title} {r.version}" for r in results)
            show_message(
                self.window,
                Icon.Information,
                self.tr("Modules mis à jour"),
                self.tr("Installé : {n}. Votre progression est conservée.").format(n=names),
            )

        # Core's errors say what happened and what to do (a cut download resumes).
        stopped = failure_handler(
            self.window,
            self.tr("Mise à jour interrompue"),
            self.tr(
                "Mise à jour annulée : ce qui a été téléchargé est gardé pour la prochaine fois."
            ),
            (SyncError, PackArchiveError, library.PackImportRefused),
            self.tr(
                "Les modules n'ont pas pu être écrits sur le disque ({e}). Vos données n'ont pas "
                "changé : relancez la mise à jour une fois de la place libérée."
            ),
        )

        def failed(error: BaseException, details: str) -> None:
            if isinstance(error, TransfersPaused):  # the learner's pause: figures kept, resumable
                panel.show_paused(
                    self.tr("Téléchargement des modules en pause"), self._resume_packs
                )
            else:
                stopped(error, details)

        state = self.window.runner.run(
            work, done, failed, self.window.progress_panel.progress, network=True
        )
        self.window.progress_panel.start(
            self.tr("Téléchargement des modules…"), state, in_bytes=True
        )
        panel.offer_pause(self.service.pause_transfers)

    def _offers_then_update(self, offers: list) -> None:
        self._offers_found(offers)
        if offers:
            self.update_packs()
        else:
            self.window.statusBar().showMessage(self.tr("Vos modules sont à jour."), 6000)

    def _no_offers(self, _error: BaseException, _details: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("Le serveur n'a pas pu être joint : réessayez une fois connecté."), 8000
        )

    def _resume_packs(self) -> None:
        self.service.resume_transfers()
        self.update_packs()

    def _ask_about_new_server(self) -> None:
        ask(
            self.window,
            self.tr("Le serveur a changé"),
            self.tr(
                "Le serveur à cette adresse n'est plus celui avec lequel cet appareil se "
                "synchronisait : sa base a été effacée, ou c'est un autre serveur. Rien n'a été "
                "supprimé sur cet appareil, et rien ne sera envoyé sans votre accord.\n\n"
                "Envoyer à ce serveur tout ce que vous avez écrit et fait ici ?"
            ),
            self.tr("Envoyer mes données à ce serveur"),
            self._adopt_new_server,
        )

    def _adopt_new_server(self) -> None:
        recovery.adopt_server()
        self.service.sync_now()

    def _synced(self, _report: object) -> None:
        self._check_offers()
        # What the sync pulled reaches the views through the change bus; the pending view
        # also shows the sync's own outcome (refused changes, last error).
        if self._shown("pending"):
            self.pending.reload()
            self.preview_pending()
        if "pending" in self.__dict__:  # built: its file list follows, shown or not
            self._show_waiting_files()

    def _on_changes(self, change_set: changes.ChangeSet) -> None:
        """The feed and the pending view refresh, when shown, on the kinds they show."""
        if self._shown("feed") and any(change_set.touches(kind) for kind in FEED_KINDS):
            self.feed.reload()
        elif self._shown("pending") and change_set.touches(changes.OUTBOX):
            self.pending.reload()
            self.preview_pending()
