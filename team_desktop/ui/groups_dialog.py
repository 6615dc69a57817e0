"""Settings › Groups: create a group and share its code, join one with a code, see members;
choose whether to show one's progress to a group's facilitators; facilitators' tools."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
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

from team_desktop.core.facilitation import sharing
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.core.sync.errors import SyncError
from team_desktop.ui.group_tools import FacilitatorTools
from team_desktop.ui.tasks import TaskRunner

ROLE_NAMES = {
    "facilitator": QT_TRANSLATE_NOOP("GroupsDialog", "animateur·rice"),
    "member": QT_TRANSLATE_NOOP("GroupsDialog", "membre"),
}
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self.share_box = QCheckBox(self.tr("Montrer ma progression à l'animation de ce groupe"))
        self.share_box.toggled.connect(self._share_toggled)
        self.ask_label = QLabel()
        self.ask_label.setWordWrap(True)
        self.ask_label.setTextFormat(Qt.TextFormat.PlainText)
        self.share_yes = QPushButton(self.tr("Oui, montrer ma progression"))
        self.share_no = QPushButton(self.tr("Non merci"))
        self.share_yes.clicked.connect(lambda: self._choose(True))
        self.share_no.clicked.connect(lambda: self._choose(False))
        self.ask_frame = QWidget()
        ask_layout = QVBoxLayout(self.ask_frame)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.share_yes)
        ask_row.addWidget(self.share_no)
        ask_row.addStretch(1)
        ask_layout.addWidget(self.ask_label)
        ask_layout.addLayout(ask_row)
        self.tools = FacilitatorTools(runner, self)
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
        layout.addWidget(self.share_box)
        layout.addWidget(self.ask_frame)
        layout.addWidget(self.tools)
        layout.addLayout(create_row)
        layout.addLayout(join_row)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.create_button.clicked.connect(self.create_group)
        self.join_button.clicked.connect(self.join)
        self.groups.currentItemChanged.connect(lambda item, _old: self._show_group(item))
        self._show_group(None)
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

    def current_group(self) -> GroupRecord | None:
        item = self.groups.currentItem()
        if item is None:
            return None
        return GroupRecord.get_or_none(GroupRecord.id == item.data(Qt.ItemDataRole.UserRole))

    def _show_group(self, item: QListWidgetItem | None) -> None:
        self.members.clear()
        group = self.current_group() if item is not None else None
        self._show_choice(group)
        self.tools.set_group(group)
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
            item = QListWidgetItem(f"{member.get('display_name', '?')} — {role}")
            item.setData(Qt.ItemDataRole.UserRole, member.get("id"))
            item.setData(MEMBER_ROLE, member.get("role"))
            self.members.addItem(item)

    def selected_member(self) -> tuple[str, str] | None:
        """(id, name) of the member chosen in the list, when they are not a facilitator."""
        item = self.members.currentItem()
        if item is None or item.data(MEMBER_ROLE) != "member":
            return None
        return item.data(Qt.ItemDataRole.UserRole), item.text().rsplit(" — ", 1)[0]

    def refresh_members(self) -> None:
        self._show_group(self.groups.currentItem())

    # -- showing one's progress to the group's facilitators ----------------------------------

    def _show_choice(self, group: GroupRecord | None) -> None:
        """A member chooses; a facilitator has nobody to show their progress to."""
        member = group is not None and group.role == "member"
        choice = sharing.shares(group.id) if member else None
        self.share_box.setVisible(member and choice is not None)
        self.share_box.blockSignals(True)
        self.share_box.setChecked(bool(choice))
        self.share_box.blockSignals(False)
        self.ask_frame.setVisible(member and choice is None)
        if member:
            self.share_box.setToolTip(sharing.what_is_shown())
            self.ask_label.setText(
                self.tr(
                    "Voulez-vous montrer votre progression à l'animateur ou l'animatrice de "
                    "« {g} » ? Ce qui est montré : {w}. Vous pourrez changer d'avis à tout "
                    "moment ici. Sans votre accord, l'animation voit seulement que vous n'avez "
                    "pas partagé votre progression."
                ).format(g=group.name, w=sharing.what_is_shown())
            )

    def _choose(self, share: bool) -> None:
        group = self.current_group()
        if group is not None:
            sharing.set_share(group.id, share)
            self._show_choice(group)
            self.status.setText(
                self.tr("Votre progression sera montrée à l'animation du groupe.")
                if share
                else self.tr("Votre progression ne sera pas montrée à l'animation du groupe.")
            )

    def _share_toggled(self, checked: bool) -> None:
        self._choose(checked)

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
        self._select(group.id)  # where the question about progress is asked
        self.status.setText(self.tr("Vous avez rejoint « {n} ».").format(n=group.name))

    def _select(self, group_id: str) -> None:
        for row in range(self.groups.count()):
            if self.groups.item(row).data(Qt.ItemDataRole.UserRole) == group_id:
                self.groups.setCurrentRow(row)

    def call(self, work, done) -> None:
        """Run `work(connection)` as a network task; `done(result)` on the GUI thread."""
        self._call(work, done)

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
