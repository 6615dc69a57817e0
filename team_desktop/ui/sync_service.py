"""Runs sync in the background: at start, after local changes, on a timer and on demand.

Local changes are learned from the change bus (a local write that queued something to send),
never by polling.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from team_desktop.core import outbox
from team_desktop.core.store import changes
from team_desktop.core.store.db import Store
from team_desktop.core.store.models import database
from team_desktop.core.sync import account, my_account
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.engine import SyncReport, run_sync
from team_desktop.core.sync.errors import AuthError, OfflineError, ServerChanged, SyncError
from team_desktop.core.sync.transfers import TransferControl
from team_desktop.ui.language import format_time
from team_desktop.ui.preferences import Preferences, files_limit
from team_desktop.ui.tasks import TaskRunner

DEBOUNCE_MS = 4_000
PERIOD_MS = 5 * 60_000

log = logging.getLogger(__name__)


class SyncService(QObject):
    """Owns when to sync; never syncs on the GUI thread.

    Signals: status_changed(state, text) with state one of "unconfigured", "offline", "syncing",
    "ok", "error", "login", "server_changed"; progress(done, total); synced(report) after a
    successful sync; server_changed() when the server is not the one this device knew;
    transfer(TransferProgress) after each piece of a file; transfers_paused(bool) when the
    learner pauses or resumes file transfers (`transfers`, shared with pack downloads).
    """

    status_changed = Signal(str, str)
    progress = Signal(int, int)
    transfer = Signal(object)
    transfers_paused = Signal(bool)
    synced = Signal(object)
    server_changed = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.running = False
        self._again = False
        self.state = "unconfigured"
        self.text = ""
        self.transfers = TransferControl()
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.sync_now)
        self._period = QTimer(self, interval=PERIOD_MS)
        self._period.timeout.connect(self.sync_now)

    def start(self) -> None:
        """Sync once now (if configured) and then periodically."""
        self._period.start()
        self.sync_now()

    def on_changes(self, change_set: changes.ChangeSet) -> None:
        """From the change bus: a local write queued something to send."""
        if change_set.touches(changes.OUTBOX) and not change_set.from_sync:
            self.local_change()

    def local_change(self) -> None:
        """Something was written locally: sync soon, once typing has settled."""
        self._debounce.start()

    def sync_now(self) -> None:
        """Start a sync unless one is running (then another follows it)."""
        if self.running:
            self._again = True
            return
        connection = account.connect()
        if connection is None:
            saved = sync_state.load()
            if not saved.server_url:
                self._set("unconfigured", self.tr("Synchronisation non configurée"))
            elif self.state != "login":  # "your session expired" stays until the next login
                self._set(
                    "login",
                    self.tr("Connectez-vous pour synchroniser (Partage › Compte et serveur)"),
                )
            return
        self.running = True
        self._set("syncing", self.tr("Synchronisation…"))
        store, control = self.store, self.transfers
        max_file = files_limit(Preferences(store.paths.ui_state))
        self.runner.run(
            lambda task: run_sync(
                store, connection, task.progress, control.reporting_to(task.note), max_file
            ),
            self._done,
            self._failed,
            self._progress,
            network=True,
            on_note=self._transfer,
        )

    def pause_transfers(self) -> None:
        """Stop moving files after the current piece; the writing keeps syncing."""
        self.transfers.pause()
        self.transfers_paused.emit(True)

    def resume_transfers(self) -> None:
        """Move files again, from where each one stopped."""
        self.transfers.resume()
        self.transfers_paused.emit(False)
        self.sync_now()

    def _progress(self, done: int, total: int) -> None:
        # A method, not `self.progress.emit`: the runner drops a report whose service is gone.
        self.progress.emit(done, total)

    def _transfer(self, progress: object) -> None:
        self.transfer.emit(progress)

    def _done(self, report: SyncReport) -> None:
        self.running = False
        now = format_time()
        waiting = outbox.count()
        text = self.tr("À jour ({t})").format(t=now)
        if report.rejected:
            text = self.tr(
                "À jour ({t}) — %n changement(s) refusé(s), voir « En attente »",
                "",
                len(report.rejected),
            ).format(t=now)
        elif report.skipped:
            text = self.tr(
                "À jour ({t}) — %n élément(s) reçu(s) laissé(s) de côté, voir « En attente »",
                "",
                len(report.skipped),
            ).format(t=now)
        elif report.files is not None and report.files.paused:
            text = self.tr("À jour ({t}) — transferts de fichiers en pause").format(t=now)
        elif waiting:
            text = self.tr("Synchronisé à {t} — %n en attente", "", waiting).format(t=now)
        elif report.files and report.files.held:
            text = self.tr(
                "À jour ({t}) — connexion limitée : %n fichier(s) attendent, voir « En attente »",
                "",
                len(report.files.held),
            ).format(t=now)
        self._set("ok", text)
        self.synced.emit(report)
        self._follow_up()

    def _failed(self, error: BaseException, details: str) -> None:
        self.running = False
        if isinstance(error, SyncError):
            log.warning("sync stopped: %s", type(error).__name__)
        else:
            log.error("sync failed unexpectedly:\n%s", details)
        if isinstance(error, OfflineError):
            self._set("offline", self.tr("Hors ligne — vos changements attendent la connexion"))
        elif isinstance(error, AuthError):
            # The token is dead: forgotten, so no sync retries it; the queue stays as it is.
            my_account.session_ended()
            self._set("login", str(error))
        elif isinstance(error, ServerChanged):
            self._set("server_changed", str(error))
            self.server_changed.emit()
        elif isinstance(error, SyncError):
            self._set("error", str(error))
        else:
            self._set(
                "error",
                self.tr("Erreur inattendue pendant la synchronisation ; rien n'a été perdu."),
            )
        with database.atomic():
            sync_state.save(last_error=str(error) or details[-500:])
        self._follow_up()

    def _follow_up(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()

    def _set(self, state: str, text: str) -> None:
        self.state, self.text = state, text
        self.status_changed.emit(state, text)
