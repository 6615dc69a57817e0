"""A facilitator's tools in Settings › Groups: the season, announcements, the group's
progress, taking a learner out of the group and giving it a new invite code."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.ui.announcements_dialog import AnnouncementsDialog
from team_desktop.ui.group_progress_view import GroupProgressDialog
from team_desktop.ui.messages import ask
from team_desktop.ui.season_dialog import SeasonDialog
from team_desktop.ui.tasks import TaskRunner


class FacilitatorTools(QWidget):
    """Buttons shown for a group the learner facilitates; `dialog` is the groups dialog
    (it runs server calls and knows the chosen member)."""

    def __init__(self, runner: TaskRunner, dialog) -> None:
        super().__init__(dialog)
        self.runner = runner
        self.dialog = dialog
        self.group: GroupRecord | None = None
        self.season_button = QPushButton(self.tr("Saison et calendrier…"))
        self.announce_button = QPushButton(self.tr("Annonces au groupe…"))
        self.progress_button = QPushButton(self.tr("Progression du groupe…"))
        self.remove_button = QPushButton(self.tr("Retirer du groupe"))
        self.remove_button.setToolTip(
            self.tr("Retire la personne choisie dans la liste des membres")
        )
        self.rotate_button = QPushButton(self.tr("Nouveau code d'invitation"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.season_button, 0, 0)
        grid.addWidget(self.announce_button, 0, 1)
        grid.addWidget(self.progress_button, 0, 2)
        grid.addWidget(self.remove_button, 1, 0)
        grid.addWidget(self.rotate_button, 1, 1, 1, 2)
        self.season_button.clicked.connect(self.edit_season)
        self.announce_button.clicked.connect(self.show_announcements)
        self.progress_button.clicked.connect(self.show_progress)
        self.remove_button.clicked.connect(self.remove_member)
        self.rotate_button.clicked.connect(self.rotate_code)
        self.setVisible(False)

    def set_group(self, group: GroupRecord | None) -> None:
        """Show the tools only for a group the learner facilitates."""
        self.group = group
        self.setVisible(group is not None and group.role == "facilitator")

    def edit_season(self) -> None:
        """Open the season editor of the chosen group."""
        if self.group is not None:
            SeasonDialog(self.group, self.dialog).open()

    def show_announcements(self) -> None:
        """Open the group's announcements."""
        if self.group is not None:
            AnnouncementsDialog(self.group, self.dialog).open()

    def show_progress(self) -> None:
        """Open the group's progress (asked of the server)."""
        if self.group is not None:
            GroupProgressDialog(self.runner, self.group, self.dialog).open()

    def remove_member(self) -> None:
        """Take the member chosen in the list out of the group, once confirmed."""
        chosen = self.dialog.selected_member()
        if self.group is None or chosen is None:
            self.dialog.status.setText(
                self.tr("Choisissez d'abord, dans la liste des membres, la personne à retirer.")
            )
            return
        member_id, name = chosen
        group = self.group

        def remove() -> None:
            self.dialog.call(
                lambda c: account.remove_member(c, group.id, member_id),
                lambda _none: self._removed(name),
            )

        ask(
            self.dialog,
            self.tr("Retirer du groupe"),
            self.tr(
                "Retirer {n} du groupe « {g} » ? Ses appareils n'y auront plus accès. Pour "
                "qu'elle ou il ne puisse pas revenir avec l'ancien code, donnez ensuite au "
                "groupe un nouveau code d'invitation."
            ).format(n=name, g=group.name),
            self.tr("Retirer"),
            remove,
        )

    def _removed(self, name: str) -> None:
        self.dialog.status.setText(self.tr("{n} ne fait plus partie du groupe.").format(n=name))
        self.dialog.refresh_members()

    def rotate_code(self) -> None:
        """Give the group a new invite code, once confirmed."""
        if self.group is None:
            return
        group = self.group

        def rotate() -> None:
            self.dialog.call(lambda c: account.rotate_invite_code(c, group.id), self._rotated)

        ask(
            self.dialog,
            self.tr("Nouveau code d'invitation"),
            self.tr(
                "Donner au groupe « {g} » un nouveau code ? L'ancien ne permettra plus à "
                "personne de le rejoindre ; les membres actuels restent."
            ).format(g=group.name),
            self.tr("Changer le code"),
            rotate,
        )

    def _rotated(self, code: str) -> None:
        self.dialog.status.setText(
            self.tr("Nouveau code d'invitation : {c}. L'ancien ne fonctionne plus.").format(c=code)
        )
        self.dialog.refresh_members()
