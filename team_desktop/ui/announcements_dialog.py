"""A facilitator writes to the group: announcements published offline, sent at the next sync."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.facilitation import announcements
from team_desktop.core.facilitation.season import FacilitationError
from team_desktop.core.i18n import format_datetime
from team_desktop.core.store.sync_models import GroupRecord


class AnnouncementsDialog(QDialog):
    """The group's announcements, newest first, and a form to publish one."""

    def __init__(self, group: GroupRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = group
        self.setWindowTitle(self.tr("Annonces au groupe « {g} »").format(g=group.name))
        self.setMinimumSize(520, 460)
        self.published = QListWidget()
        self.published.setAccessibleName(self.tr("Annonces publiées"))
        self.delete_button = QPushButton(self.tr("Retirer l'annonce choisie"))
        self.delete_button.clicked.connect(self.delete)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Titre de l'annonce"))
        self.title.setAccessibleName(self.tr("Titre de l'annonce"))
        self.title.setMaxLength(announcements.MAX_TITLE)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(
            self.tr("Votre message au groupe (il sera lu hors connexion sur la page d'accueil)")
        )
        self.body.setAccessibleName(self.tr("Texte de l'annonce"))
        self.publish_button = QPushButton(self.tr("Publier"))
        self.publish_button.clicked.connect(self.publish)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Déjà publiées :")))
        layout.addWidget(self.published, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Nouvelle annonce :")))
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.publish_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """List the group's announcements, newest first."""
        self.published.clear()
        for row in announcements.listing(self.group.id):
            item = QListWidgetItem(f"{format_datetime(row.published_at)} — {row.title}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.published.addItem(item)
        self.delete_button.setEnabled(self.published.count() > 0)

    def publish(self) -> None:
        """Publish the announcement written in the form (sent at the next sync)."""
        try:
            announcements.publish(self.group.id, self.title.text(), self.body.toPlainText())
        except FacilitationError as error:
            self.status.setText(str(error))
            return
        self.title.clear()
        self.body.clear()
        self.status.setText(
            self.tr("Annonce publiée : elle partira à la prochaine synchronisation.")
        )
        self.reload()

    def delete(self) -> None:
        """Withdraw the chosen announcement from the group."""
        item = self.published.currentItem()
        if item is None:
            self.status.setText(self.tr("Choisissez d'abord une annonce dans la liste."))
            return
        announcements.delete(item.data(Qt.ItemDataRole.UserRole))
        self.status.setText(self.tr("Annonce retirée du groupe à la prochaine synchronisation."))
        self.reload()
