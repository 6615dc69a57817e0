"""Settings › Groups: create a group and share its code, join one with a code, see members."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.core.sync.errors import SyncError
from team_desktop.ui.tasks import TaskRunner

ROLE_NAMES = {
    "facilitator": QT_TRANSLATE_NOOP("GroupsDialog", "animateur·rice"),
    "member": QT_TRANSLATE_NOOP("GroupsDialog", "membre"),
}


class GroupsDialog(QDialog):
    """The learner's groups; every server call runs in the task runner."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Mes groupes"))
        self.setMinimumSize(520, 420)
        self.groups = QListWidget()
        self.groups.setAccessibleName(self.tr("Mes groupes"))
        self.members = QListWidget()
        self.members.setAccessibleName(self.tr("Membres du groupe"))
        self.code_label = QLabel()
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Nom du nouveau groupe"))
        self.new_name.setAccessibleName(self.tr("Nom du nouveau groupe"))
        self.create_button = QPushButton(self.tr("Créer"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Code d'invitation (8 caractères)"))
        self.code.setAccessibleName(self.tr("Code d'invitation du groupe à rejoindre"))
        self.join_button = QPushButton(self.tr("Rejoindre"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a group's name comes from others
        self.status.setWordWrap(True)
        create_row, join_row = QHBoxLayout(), QHBoxLayout()
        create_row.addWidget(self.new_name, 1)
        create_row.addWidget(self.create_button)
        join_row.addWidget(self.code, 1)
        join_row.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.groups, 1)
        layout.addWidget(self.code_label)
        layout.addWidget(QLabel(self.tr("Membres :")))
        layout.addWidget(self.members, 1)
        layout.addLayout(create_row)
        layout.addLayout(join_row)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.create_button.clicked.connect(self.create_group)
        self.join_button.clicked.connect(self.join)
        self.groups.currentItemChanged.connect(lambda item, _old: self._show_group(item))
        self.reload()
        # Creating or joining waits for the server's list, so the two cannot cross.
        self._set_busy(True)
        self._call(account.refresh_groups, self._refreshed)

    def _refreshed(self, _groups: list) -> None:
        self._set_busy(False)
        self.reload()

    def _set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.join_button.setEnabled(not busy)

    def reload(self) -> None:
        self.groups.clear()
        for group in GroupRecord.select().order_by(GroupRecord.name):
            role = self.tr(ROLE_NAMES.get(group.role, group.role))
            item = QListWidgetItem(f"{group.name} ({role})")
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            self.groups.addItem(item)
        if self.groups.count():
            self.groups.setCurrentRow(0)
        else:
            self.code_label.setText(self.tr("Vous n'êtes dans aucun groupe pour l'instant."))

    def _show_group(self, item: QListWidgetItem | None) -> None:
        self.members.clear()
        if item is None:
            return
        group = GroupRecord.get_or_none(GroupRecord.id == item.data(Qt.ItemDataRole.UserRole))
        if group is None:
            return
        self.code_label.setText(
            self.tr("Code d'invitation à transmettre : {c}").format(c=group.invite_code or "—")
        )
        self._call(lambda c: c.members(group.id), self._show_members)

    def _show_members(self, members: list[dict]) -> None:
        self.members.clear()
        for member in members:
            role = self.tr(ROLE_NAMES.get(member.get("role", ""), member.get("role", "")))
            self.members.addItem(f"{member.get('display_name', '?')} — {role}")

    def create_group(self) -> None:
        name = self.new_name.text().strip()
        if name:
            self._call(lambda c: account.create_group(c, name), self._created)

    def _created(self, group: GroupRecord) -> None:
        self.new_name.clear()
        self.reload()
        self.status.setText(
            self.tr("Groupe « {n} » créé. Code d'invitation : {c}").format(
                n=group.name, c=group.invite_code
            )
        )

    def join(self) -> None:
        code = self.code.text().strip()
        if code:
            self._call(lambda c: account.join_group(c, code), self._joined)

    def _joined(self, group: GroupRecord) -> None:
        self.code.clear()
        self.reload()
        self.status.setText(self.tr("Vous avez rejoint « {n} ».").format(n=group.name))

    def _call(self, work, done) -> None:
        connection = account.connect()
        if connection is None:
            self.status.setText(self.tr("Connectez-vous d'abord (Partage › Compte et serveur)."))
            return
        self.runner.run(lambda _t: work(connection), done, self._failed, network=True)

    def _failed(self, error: BaseException, _details: str) -> None:
        self._set_busy(False)
        self.status.setText(
            str(error)
            if isinstance(error, SyncError)
            else self.tr("Erreur inattendue : {e}").format(e=error)
        )
