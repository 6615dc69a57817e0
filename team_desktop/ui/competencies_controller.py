"""Competencies in the window: the menu entry, the dialogs, the writes, the network calls.

Writes go through core (`competencies.evidence`), network calls run in the task runner and
their results are stored on the GUI thread; a refusal is shown in plain French.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
)

from team_desktop.core.competencies import evidence, overview
from team_desktop.core.credentials import attestations, printable
from team_desktop.core.export.output import ExportError
from team_desktop.core.store import changes
from team_desktop.core.store.competency_models import Attestation
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.core.sync.errors import SyncError
from team_desktop.ui.actions import Act
from team_desktop.ui.competencies_view import CompetenciesView
from team_desktop.ui.group_attestations_dialog import GroupAttestationsDialog
from team_desktop.ui.messages import Icon, show_message
from team_desktop.ui.pdf_export import write_pdf

WATCHED = (changes.COMPETENCIES, changes.ATTESTATIONS, changes.GROUPS, changes.PACKS)


class LinkDialog(QDialog):
    """Choose an entry, a note or a plan, and say what it shows."""

    def __init__(self, parent, sources: list[tuple[str, str, str]]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lier une preuve"))
        self.source = QComboBox()
        for kind, source_id, label in sources:
            self.source.addItem(label, (kind, source_id))
        self.statement = QPlainTextEdit()
        self.statement.setPlaceholderText(
            self.tr("Ce que cette preuve montre, en une phrase ou deux")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Élément :"), self.source)
        form.addRow(self.tr("Ce qu'il montre :"), self.statement)
        form.addRow(buttons)


class CompetenciesController(QObject):
    """Adds the competencies view to the window and answers what it asks for."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.view = CompetenciesView()
        window.stack.addWidget(self.view)
        window.actions_[Act.COMPETENCIES].triggered.connect(self.show)
        mine, peers, kept = self.view.mine, self.view.peers, self.view.attestations
        mine.link_requested.connect(self.ask_link)
        mine.share_requested.connect(self.ask_share)
        mine.remove_requested.connect(lambda evidence_id: self._do(evidence.remove, evidence_id))
        mine.attestation_requested.connect(self.request_attestation)
        peers.endorse_requested.connect(self.ask_endorse)
        peers.validate_requested.connect(self.ask_validate)
        kept.export_requested.connect(self.ask_export)
        kept.pdf_requested.connect(self.ask_pdf)
        kept.refresh_requested.connect(self.refresh_attestations)
        kept.module_attestation_requested.connect(self.ask_module_attestation)
        kept.group_attestations_requested.connect(self.show_group_attestations)
        window.changes.changed.connect(self._on_store_changed)

    def show(self) -> None:
        self.window.leave_lesson()
        self.view.reload()
        self.window.stack.setCurrentWidget(self.view)

    def _do(self, write, *args) -> bool:
        try:
            write(*args)
        except evidence.CompetencyError as error:
            show_message(self.window, Icon.Warning, self.tr("Impossible"), str(error))
            return False
        self.view.reload()
        return True

    # -- my evidence ------------------------------------------------------------------------

    def ask_link(self, competency_uid: str) -> None:
        sources = evidence.sources()
        if not sources:
            show_message(
                self.window,
                Icon.Information,
                self.tr("Rien à lier"),
                self.tr("Écrivez d'abord une entrée de journal, une note ou un plan de séance."),
            )
            return
        dialog = LinkDialog(self.window, sources)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            kind, source_id = dialog.source.currentData()
            self.link(competency_uid, kind, source_id, dialog.statement.toPlainText())

    def link(self, competency_uid: str, kind: str, source_id: str, statement: str) -> bool:
        return self._do(evidence.link, competency_uid, kind, source_id, statement)

    def ask_share(self, evidence_id: str) -> None:
        groups = list(GroupRecord.select().order_by(GroupRecord.name))
        choices = [self.tr("Privée (moi seul·e)")] + [group.name for group in groups]
        choice, ok = QInputDialog.getItem(
            self.window,
            self.tr("Partager la preuve"),
            self.tr("Qui peut la voir ?"),
            choices,
            0,
            False,
        )
        if ok:
            index = choices.index(choice)
            self._do(evidence.share, evidence_id, groups[index - 1].id if index else None)

    # -- peers ------------------------------------------------------------------------------

    def ask_endorse(self, evidence_id: str) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.window,
            self.tr("Appuyer la preuve"),
            self.tr("Ce que vous avez observé (« J'ai observé… ») :"),
            self.tr("J'ai observé "),
        )
        if ok:
            self._do(evidence.endorse, evidence_id, text)

    def ask_validate(self, evidence_id: str) -> None:
        proof = next(p for p in self.view.peers.items if p.id == evidence_id)
        comment, ok = QInputDialog.getMultiLineText(
            self.window,
            self.tr("Valider la compétence"),
            self.tr("Valider cette compétence pour {name} ? Un commentaire (facultatif) :").format(
                name=proof.author
            ),
        )
        if ok:
            self.validate(proof.competency_uid, proof.author_id, proof.group_id, comment)

    def validate(self, competency_uid: str, learner_id: str, group_id: str, comment: str) -> bool:
        return self._do(evidence.validate, competency_uid, learner_id, group_id, True, comment)

    # -- attestations -----------------------------------------------------------------------

    def _network(self, work, done) -> None:
        connection = account.connect()
        if connection is None:
            show_message(
                self.window,
                Icon.Information,
                self.tr("Connexion nécessaire"),
                self.tr("Connectez-vous d'abord (Partage › Compte et serveur)."),
            )
            return
        self.window.runner.run(lambda _t: work(connection), done, self._failed, network=True)

    def _failed(self, error: BaseException, _details: str) -> None:
        text = str(error) if isinstance(error, SyncError | ValueError) else repr(error)
        show_message(self.window, Icon.Warning, self.tr("Attestation non obtenue"), text)

    def request_attestation(self, competency_uid: str, with_evidence: bool | None = None) -> None:
        """Ask for a validated competency's attestation; the learner chooses whether their
        evidence appears in it (nothing is put in without asking)."""
        item = self.view.mine.current()
        if with_evidence is None and item is not None and item.evidence:
            answer = QMessageBox.question(
                self.window,
                self.tr("Demander l'attestation"),
                self.tr(
                    "Faire figurer vos {n} preuve(s) (titre et phrase) dans l'attestation ? "
                    "Toute personne à qui vous la montrerez les lira."
                ).format(n=len(item.evidence)),
            )
            with_evidence = answer == QMessageBox.StandardButton.Yes
        chosen = [p.id for p in item.evidence] if item and with_evidence else []
        self._network(
            lambda connection: attestations.ask(connection, "competency", competency_uid, chosen),
            self._keep,
        )

    def ask_module_attestation(self) -> None:
        modules = overview.modules()
        if not modules:
            return
        labels = [title for _pack_id, title in modules]
        choice, ok = QInputDialog.getItem(
            self.window,
            self.tr("Attestation d'un module"),
            self.tr("Module terminé :"),
            labels,
            0,
            False,
        )
        if ok:
            self.request_module_attestation(modules[labels.index(choice)][0])

    def request_module_attestation(self, pack_id: str) -> None:
        self._network(
            lambda connection: attestations.ask(connection, "module", pack_id), self._keep
        )

    def show_group_attestations(self) -> GroupAttestationsDialog | None:
        """For a facilitator: their group's attestations (the first group, or the one chosen)."""
        groups = overview.facilitated_groups()
        if not groups:
            return None
        names = [name for _id, name in groups]
        index = 0
        if len(groups) > 1:
            choice, ok = QInputDialog.getItem(
                self.window, self.tr("Attestations du groupe"), self.tr("Groupe :"), names, 0, False
            )
            if not ok:
                return None
            index = names.index(choice)
        dialog = GroupAttestationsDialog(self.window.runner, *groups[index], self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _keep(self, result) -> None:
        try:
            attestations.keep(*result)
        except attestations.AttestationError as error:
            self._failed(error, "")
            return
        self.view.reload()
        self.view.tabs.setCurrentIndex(2)

    def refresh_attestations(self) -> None:
        self._network(attestations.fetch_state, self._apply_state)

    def _apply_state(self, state) -> None:
        try:
            attestations.apply_state(state)
        except attestations.AttestationError as error:
            self._failed(error, "")
        self.view.reload()

    def ask_export(self, attestation_id: str) -> None:
        row = Attestation.get_by_id(attestation_id)
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Exporter l'attestation"),
            str(Path.home() / f"{row.title[:60]}{printable.SUFFIX}"),
            self.tr("Attestation signée (*.jwt)"),
        )
        if path:
            self._write(lambda: printable.write_file(row, Path(path)), path)

    def ask_pdf(self, attestation_id: str) -> None:
        row = Attestation.get_by_id(attestation_id)
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Imprimer l'attestation"),
            str(Path.home() / f"{row.title[:60]}.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self._write(lambda: write_attestation_pdf(row, Path(path)), path)

    def _write(self, write, path: str) -> None:
        try:
            write()
        except (ExportError, OSError, ValueError) as error:
            show_message(self.window, Icon.Warning, self.tr("Fichier non écrit"), str(error))
            return
        self.window.statusBar().showMessage(self.tr("Enregistré : {p}").format(p=path), 5000)

    def _on_store_changed(self, change_set: changes.ChangeSet) -> None:
        if self.window.stack.currentWidget() is self.view and any(
            change_set.touches(kind) for kind in WATCHED
        ):
            self.view.reload()


def write_attestation_pdf(row: Attestation, path: Path) -> int:
    """The printable attestation (A4); returns the number of pages."""
    verified = attestations.verify(row.token, row.issuer_keys)
    html = printable.attestation_html(verified, row.revoked, printable.issued_on(row))
    return write_pdf(html, path, title=verified.name, author=verified.holder)
