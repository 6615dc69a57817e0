"""For a facilitator: the attestations of a group's members, and revoking one (online)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from team_desktop.core.credentials import attestations
from team_desktop.core.sync import account
from team_desktop.core.sync.errors import SyncError
from team_desktop.ui.tasks import TaskRunner

ROLE = Qt.ItemDataRole.UserRole


class GroupAttestationsDialog(QDialog):
    """Lists the members' attestations; "Révoquer" asks, then revokes on the server."""

    def __init__(self, runner: TaskRunner, group_id: str, group_name: str, parent=None):
        super().__init__(parent)
        self.runner, self.group_id = runner, group_id
        self.setWindowTitle(self.tr("Attestations du groupe « {g} »").format(g=group_name))
        self.resize(620, 420)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Attestations des membres"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.revoke_button = QPushButton(self.tr("Révoquer l'attestation…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.revoke_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        self.refresh()

    def _call(self, work, done) -> None:
        connection = account.connect()
        if connection is None:
            self.status.setText(self.tr("Connectez-vous d'abord (Partage › Compte et serveur)."))
            return
        self.status.setText(self.tr("Connexion au serveur…"))
        self.runner.run(lambda _t: work(connection), done, self._failed, network=True)

    def refresh(self) -> None:
        self._call(lambda c: attestations.of_group(c, self.group_id), self._show)

    def _show(self, rows: list[dict]) -> None:
        self.list.clear()
        for row in rows:
            state = self.tr("révoquée") if row.get("revoked") else self.tr("valide")
            text = f"{row.get('holder', '')} — {row.get('uid', '')} ({state})"
            item = QListWidgetItem(text)
            item.setData(ROLE, row)
            self.list.addItem(item)
        self.status.setText(
            self.tr("Aucune attestation délivrée dans ce groupe.") if not rows else ""
        )
        if rows:
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        item = self.list.currentItem()
        self.revoke_button.setEnabled(item is not None and not item.data(ROLE).get("revoked"))

    def ask_revoke(self) -> None:
        row = self.list.currentItem().data(ROLE)
        answer = QMessageBox.question(
            self,
            self.tr("Révoquer l'attestation"),
            self.tr(
                "Révoquer l'attestation de {h} ? Toute personne qui la vérifiera en ligne la "
                "verra révoquée. Cela ne peut pas être annulé."
            ).format(h=row.get("holder", "")),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke(row["id"])

    def revoke(self, attestation_id: str) -> None:
        self._call(
            lambda c: attestations.revoke(c, self.group_id, attestation_id),
            lambda _row: self.refresh(),
        )

    def _failed(self, error: BaseException, _details: str) -> None:
        self.status.setText(
            str(error)
            if isinstance(error, SyncError)
            else self.tr("Erreur inattendue : {e}").format(e=error)
        )
