"""Sync by file in the window: write a request, deliver someone's request, import the answer.

The three "Partage" actions; each long step runs in the task runner with its progress in the
status bar, and every refusal (twice, out of order, wrong server, damaged, tampered, another
learner) is the French message the core or the server wrote.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from team_desktop.core.sync import account, by_file, courier, preview
from team_desktop.core.sync.errors import SyncError
from team_desktop.ui.actions import Act
from team_desktop.ui.messages import Icon, show_message, show_written
from team_desktop.ui.sync_file_dialog import SyncFileDialog
from team_desktop.ui.task_failures import Failure, failure_handler
from team_desktop.ui.tasks import TaskState

ACTS = (Act.SYNC_BY_FILE, Act.DELIVER_FILE, Act.IMPORT_ANSWER)


class SyncFilesController(QObject):
    """Connects the three actions of sync by file; the window's runner does the work."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        actions = window.actions_
        actions[Act.SYNC_BY_FILE].triggered.connect(self.choose_request)
        actions[Act.DELIVER_FILE].triggered.connect(self.choose_delivery)
        actions[Act.IMPORT_ANSWER].triggered.connect(self.choose_answer)
        self.dialog: SyncFileDialog | None = None

    # -- writing a request ----------------------------------------------------------------

    def choose_request(self) -> SyncFileDialog:
        """Open the dialog; what the file would hold is computed meanwhile, off the GUI thread."""
        dialog = SyncFileDialog(self.window)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.write_request(*dialog.choice()))
        dialog.max_mb.valueChanged.connect(lambda _v: self._preview(dialog))
        dialog.include_files.toggled.connect(lambda _c: self._preview(dialog))
        dialog.open()
        self._preview(dialog)
        return dialog

    def _preview(self, dialog: SyncFileDialog) -> None:
        store, files_max = self.window.store, dialog.files_max()
        self.window.runner.run(
            lambda _state: preview.what_leaves(store.paths, store.device_id, files_max),
            dialog.show_preview,
            lambda _e, _d: None,  # only a preview: the writing itself says what went wrong
        )

    def write_request(self, path: Path, files_max: int) -> TaskState:
        """Write the request file; then show its summary and where it is."""
        store = self.window.store

        def done(summary: str) -> None:
            self.window.progress_panel.finish()
            text = self.tr("{s}\nFichier écrit : {p}").format(s=summary, p=path)
            show_written(self.window, self.tr("Fichier de synchronisation écrit"), text, path)

        state = self.window.runner.run(
            lambda task: by_file.write_request(store, path, files_max, task.progress),
            done,
            self._failed(self.tr("Fichier non écrit"), self.tr("Écriture annulée.")),
            self.window.progress_panel.progress,
        )
        self.window.progress_panel.start(
            self.tr("Écriture de {f}…").format(f=path.name), state, in_bytes=True
        )
        return state

    # -- delivering someone's request --------------------------------------------------------

    def choose_delivery(self) -> None:
        path = self._open(self.tr("Transmettre un fichier de synchronisation"))
        if path:
            self.deliver(path)

    def deliver(self, path: Path) -> TaskState | None:
        """Send a request file to the server; the answer is written beside it."""
        connection = account.connect()
        if connection is None:
            show_message(
                self.window,
                Icon.Warning,
                self.tr("Fichier non transmis"),
                self.tr(
                    "Pour transmettre un fichier, cet appareil doit être connecté au serveur "
                    "(Partage › Compte et serveur)."
                ),
            )
            return None

        def done(result: tuple[Path, str]) -> None:
            self.window.progress_panel.finish()
            answer, summary = result
            text = self.tr(
                "La réponse est écrite à côté de la demande :\n{p}\n\nRendez-la à la personne "
                "qui vous a confié le fichier.\n\n{s}"
            ).format(p=answer, s=summary)
            show_written(self.window, self.tr("Fichier transmis"), text, answer)

        state = self.window.runner.run(
            lambda _task: courier.deliver(connection, path),
            done,
            self._failed(self.tr("Fichier non transmis"), self.tr("Transmission annulée.")),
            network=True,
        )
        self.window.progress_panel.start(self.tr("Transmission de {f}…").format(f=path.name))
        return state

    # -- importing the answer ----------------------------------------------------------------

    def choose_answer(self) -> None:
        path = self._open(self.tr("Importer la réponse"))
        if path:
            self.import_answer(path)

    def import_answer(self, path: Path) -> TaskState:
        """Apply an answer file as a sync would; the views follow through the change bus."""
        store = self.window.store

        def done(report) -> None:
            self.window.progress_panel.finish()
            sent = report.files.uploaded if report.files else 0
            received = report.files.downloaded if report.files else 0
            text = self.tr(
                "Réponse importée. Changements envoyés : {p} ; éléments reçus : {r} ; pièces "
                "jointes envoyées : {u}, reçues : {d}."
            ).format(p=report.pushed, r=report.pulled, u=sent, d=received)
            if report.rejected:
                text += "\n" + self.tr(
                    "%n changement(s) refusé(s) : voir Partage › En attente d'envoi.",
                    "",
                    len(report.rejected),
                )
            self.window.statusBar().showMessage(self.tr("Réponse importée."), 8000)
            show_message(self.window, Icon.Information, self.tr("Réponse importée"), text)

        state = self.window.runner.run(
            lambda task: by_file.import_answer(store, path, task.progress),
            done,
            self._failed(self.tr("Réponse non importée"), self.tr("Import annulé.")),
            self.window.progress_panel.progress,
        )
        self.window.progress_panel.start(self.tr("Import de {f}…").format(f=path.name), state)
        return state

    # -- shared -------------------------------------------------------------------------------

    def _open(self, title: str) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            title,
            str(Path.home()),
            self.tr("Fichiers de synchronisation TEAM (*.teamsync)"),
        )
        return Path(path) if path else None

    def _failed(self, title: str, cancelled: str) -> Failure:
        return failure_handler(
            self.window,
            title,
            cancelled,
            (SyncError,),
            self.tr(
                "Le fichier n'a pas pu être lu ou écrit ({e}) : clé USB retirée ou pleine ? "
                "Rien n'a été modifié."
            ),
        )
