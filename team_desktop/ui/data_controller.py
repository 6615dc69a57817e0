"""Exports, backup and restore in the window: "Fichier" menu items, dialogs, background work.

A restore needs the store closed, so it is verified and copied now, then done at the next start
(`core.restore.apply_pending_restore`, called before the store opens): nothing can be lost
midway, and the current data is kept in `backups/avant-restauration-…`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from team_desktop.core import restore
from team_desktop.core.backup import BackupError, create_backup, default_name
from team_desktop.core.export import html, leap2a, markdown, notes
from team_desktop.core.export.labels import human_size
from team_desktop.core.export.output import ExportError
from team_desktop.core.export.selection import (
    ExportResult,
    Selection,
    all_tags,
    learner_name,
    select_entries,
)
from team_desktop.core.restore import BackupInfo, RestoreError, RestoreResult
from team_desktop.ui.actions import Act
from team_desktop.ui.export_dialog import ExportChoice, ExportDialog
from team_desktop.ui.messages import Icon, show_message, show_written
from team_desktop.ui.pdf_export import write_pdf
from team_desktop.ui.task_failures import Failure, failure_handler
from team_desktop.ui.tasks import TaskState

SUFFIXES = {"html": ".html", "pdf": ".pdf", "leap2a": ".zip"}


class DataController(QObject):
    """Answers export, backup and restore of the "Fichier" menu and runs them in the TaskRunner."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        actions = window.actions_
        actions[Act.EXPORT_JOURNAL].triggered.connect(self.choose_export)
        actions[Act.BACKUP].triggered.connect(self.choose_backup)
        actions[Act.RESTORE].triggered.connect(self.choose_restore)

    # -- export ---------------------------------------------------------------------------------

    def choose_export(self) -> ExportDialog:
        dialog = ExportDialog(all_tags(), self.window, learner_name())
        dialog.accepted.connect(lambda: self._choose_target(dialog.choice()))
        dialog.open()
        return dialog

    def _choose_target(self, choice: ExportChoice) -> None:
        stem = f"{'notes' if choice.notes else 'journal'}-team-{dt.date.today():%Y-%m-%d}"
        if choice.format == "markdown":
            parent = QFileDialog.getExistingDirectory(
                self.window, self.tr("Dossier où créer l'export"), str(Path.home())
            )
            if parent:
                self.export(choice, _free_path(Path(parent) / stem))
            return
        suffix = SUFFIXES[choice.format]
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Exporter vers"),
            str(Path.home() / f"{stem}{suffix}"),
            f"*{suffix}",
        )
        if path:
            self.export(choice, Path(path))

    def export(self, choice: ExportChoice, output: Path) -> TaskState:
        """Write the export off the GUI thread, its progress in the status bar."""
        paths = self.window.store.paths

        def work(state: TaskState) -> ExportResult:
            if choice.notes:
                chosen = notes.select_notes()
                if choice.format == "pdf":
                    write_pdf(
                        notes.notes_html(chosen), output, self.tr("Mes notes"), learner_name()
                    )
                    return ExportResult(output, len(chosen))
                return notes.export_notes_markdown(chosen, output, state.progress)
            tags = (choice.tag,) if choice.tag else ()
            entries = select_entries(
                paths, Selection(tags=tags, include_peers=choice.include_peers)
            )
            if choice.format == "markdown":
                return markdown.export_markdown(entries, output, state.progress)
            if choice.format == "html":
                return html.export_html(entries, output, state.progress)
            if choice.format == "leap2a":
                return leap2a.export_leap2a(entries, output, choice.author, state.progress)
            result = ExportResult(output, len(entries))
            document = html.journal_html(entries, state.progress, result)
            write_pdf(document, output, self.tr("Mon journal de formation"), learner_name())
            return result

        def done(result: ExportResult) -> None:
            self.window.progress_panel.finish()
            if choice.notes:
                text = self.tr("%n note(s) exportée(s) dans :\n{p}", "", result.entries)
            else:
                text = self.tr("%n entrée(s) exportée(s) dans :\n{p}", "", result.entries)
            text = text.format(p=result.path)
            if result.missing_attachments:
                text += "\n\n" + self.tr("Pièces jointes introuvables : {f}").format(
                    f=", ".join(result.missing_attachments)
                )
            self.window.statusBar().showMessage(self.tr("Export terminé."), 6000)
            self.written = show_written(self.window, self.tr("Export terminé"), text, result.path)

        state = self.window.runner.run(
            work,
            done,
            self._failed(
                self.tr("Export non fait"), self.tr("Export annulé : rien n'a été écrit.")
            ),
            self.window.progress_panel.progress,
        )
        self.window.progress_panel.start(self.tr("Export vers {f}…").format(f=output.name), state)
        return state

    # -- backup ---------------------------------------------------------------------------------

    def choose_backup(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Sauvegarder mes données"),
            str(Path.home() / default_name()),
            self.tr("Sauvegardes TEAM (*.teambackup)"),
        )
        if path:
            self.backup(Path(path))

    def backup(self, output: Path) -> TaskState:
        """Write a full backup off the GUI thread; the app stays usable meanwhile."""
        paths = self.window.store.paths

        def done(result) -> None:
            self.window.progress_panel.finish()
            text = self.tr(
                "Sauvegarde écrite ({s}) : {e}, {n}, {a}.\n"
                "{p}\n\nGardez-en une copie ailleurs (clé USB, autre disque)."
            ).format(
                s=human_size(result.size),
                e=self._entries(result.counts.get("entries", 0)),
                n=self._notes(result.counts.get("notes", 0)),
                a=self.tr("%n pièce(s) jointe(s)", "", result.counts.get("attachments", 0)),
                p=result.path,
            )
            show_message(self.window, Icon.Information, self.tr("Sauvegarde terminée"), text)

        state = self.window.runner.run(
            lambda state: create_backup(paths, output, state.progress),
            done,
            self._failed(
                self.tr("Sauvegarde non faite"),
                self.tr("Sauvegarde annulée : aucun fichier n'a été écrit."),
            ),
            self.window.progress_panel.progress,
        )
        self.window.progress_panel.start(self.tr("Sauvegarde…"), state)
        return state

    # -- restore --------------------------------------------------------------------------------

    def choose_restore(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restaurer une sauvegarde"),
            str(Path.home()),
            self.tr("Sauvegardes TEAM (*.teambackup)"),
        )
        if path:
            self.schedule_restore(Path(path))

    def schedule_restore(self, backup: Path) -> TaskState:
        """Verify the backup and keep it for the next start; then say so and offer to quit."""
        paths = self.window.store.paths
        state = self.window.runner.run(
            lambda state: restore.schedule_restore(backup, paths, state.progress),
            self._restore_scheduled,
            self._failed(
                self.tr("Restauration refusée"),
                self.tr("Vérification annulée : rien n'a changé."),
            ),
            self.window.progress_panel.progress,
        )
        self.window.progress_panel.start(self.tr("Vérification de la sauvegarde…"), state)
        return state

    def _restore_scheduled(self, info: BackupInfo) -> QMessageBox:
        self.window.progress_panel.finish()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restauration prête"),
            self.tr(
                "La sauvegarde du {d} est complète et intacte ({e}, {n}).\n\n"
                "Elle remplacera vos données au prochain démarrage de TEAM Desktop. Rien n'est "
                "effacé : vos données actuelles seront gardées dans le dossier « backups » de "
                "vos données (avant-restauration-…).\n\nQuittez maintenant, puis relancez "
                "TEAM Desktop pour terminer."
            ).format(
                d=info.created_label,
                e=self._entries(info.counts.get("entries", 0)),
                n=self._notes(info.counts.get("notes", 0)),
            ),
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        quit_now = box.addButton(self.tr("Quitter maintenant"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Plus tard"), QMessageBox.ButtonRole.RejectRole)
        cancel = box.addButton(self.tr("Ne pas restaurer"), QMessageBox.ButtonRole.DestructiveRole)
        box.setObjectName("restoreScheduled")

        def chosen(button) -> None:
            if button is quit_now:
                self.window.close()
            elif button is cancel:
                pending = restore.pending_restore(self.window.store.paths)
                if pending:
                    pending.unlink()
                self.window.statusBar().showMessage(self.tr("Restauration annulée."), 6000)

        box.buttonClicked.connect(chosen)
        box.open()
        return box

    def show_restored(self, result: RestoreResult) -> None:
        """After a start that restored a backup: say what happened and where the old data is."""
        text = self.tr("La sauvegarde du {d} a été restaurée.").format(d=result.info.created_label)
        if result.previous:
            text += "\n\n" + self.tr("Vos données d'avant sont gardées dans :\n{p}").format(
                p=result.previous
            )
        show_message(self.window, Icon.Information, self.tr("Restauration terminée"), text)

    # -- shared ---------------------------------------------------------------------------------

    def _entries(self, count: int) -> str:
        return self.tr("%n entrée(s)", "", count)

    def _notes(self, count: int) -> str:
        return self.tr("%n note(s)", "", count)

    def _failed(self, title: str, cancelled: str) -> Failure:
        return failure_handler(
            self.window,
            title,
            cancelled,
            (ExportError, BackupError, RestoreError),
            self.tr("Le fichier n'a pas pu être lu ou écrit ({e}). Vos données n'ont pas changé."),
        )


def _free_path(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`... whichever does not exist yet."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate
