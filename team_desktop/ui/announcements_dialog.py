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
    """The group's announcements, newest first, and a form to publish one or correct one."""

    def __init__(self, group: GroupRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = group
        self.editing: str | None = None  # the announcement the form corrects, if any
        self.setWindowTitle(self.tr("Annonces au groupe « {g} »").format(g=group.name))
        self.setMinimumSize(520, 460)
        self.published = QListWidget()
        self.published.setAccessibleName(self.tr("Annonces publiées"))
        self.published.itemDoubleClicked.connect(lambda _item: self.start_edit())
        self.edit_button = QPushButton(self.tr("Modifier l'annonce choisie"))
        self.edit_button.clicked.connect(self.start_edit)
        self.delete_button = QPushButton(self.tr("Retirer l'annonce choisie"))
        self.delete_button.clicked.connect(self.delete)
        self.form_label = QLabel(self.tr("Nouvelle annonce :"))
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
        self.cancel_edit_button = QPushButton(self.tr("Annuler la modification"))
        self.cancel_edit_button.clicked.connect(self.end_edit)
        self.cancel_edit_button.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        form_buttons = QHBoxLayout()
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.cancel_edit_button)
        form_buttons.addWidget(self.publish_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Déjà publiées :")))
        layout.addWidget(self.published, 1)
        layout.addLayout(row)
        layout.addWidget(self.form_label)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addLayout(form_buttons)
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
        self.edit_button.setEnabled(self.published.count() > 0)

    def publish(self) -> None:
        """Publish the announcement written in the form, or save the correction (sent at the
        next sync)."""
        try:
            if self.editing is None:
                announcements.publish(self.group.id, self.title.text(), self.body.toPlainText())
                done = self.tr("Annonce publiée : elle partira à la prochaine synchronisation.")
            else:
                announcements.edit(self.editing, self.title.text(), self.body.toPlainText())
                done = self.tr(
                    "Annonce corrigée : la correction partira à la prochaine synchronisation."
                )
        except FacilitationError as error:
            self.status.setText(str(error))
            return
        self.end_edit()
        self.status.setText(done)
        self.reload()

    def start_edit(self) -> None:
        """Put the chosen announcement in the form, to correct it."""
        item = self.published.currentItem()
        if item is None:
            self.status.setText(self.tr("Choisissez d'abord une annonce dans la liste."))
            return
        if self.title.text().strip() or self.body.toPlainText().strip():
            # Never drop words the facilitator has written and not yet published.
            self.status.setText(
                self.tr("Publiez ou effacez d'abord ce qui est écrit dans le formulaire.")
            )
            return
        chosen = item.data(Qt.ItemDataRole.UserRole)
        row = next((row for row in announcements.listing(self.group.id) if row.id == chosen), None)
        if row is None:
            return
        self.editing = row.id
        self.title.setText(row.title)
        self.body.setPlainText(row.body)
        self.form_label.setText(self.tr("Correction de l'annonce :"))
        self.publish_button.setText(self.tr("Enregistrer la correction"))
        self.cancel_edit_button.show()
        self.title.setFocus()

    def end_edit(self) -> None:
        """Back to an empty form for a new announcement."""
        self.editing = None
        self.title.clear()
        self.body.clear()
        self.form_label.setText(self.tr("Nouvelle annonce :"))
        self.publish_button.setText(self.tr("Publier"))
        self.cancel_edit_button.hide()
        self.status.clear()

    def delete(self) -> None:
        """Withdraw the chosen announcement from the group."""
        item = self.published.currentItem()
        if item is None:
            self.status.setText(self.tr("Choisissez d'abord une annonce dans la liste."))
            return
        chosen = item.data(Qt.ItemDataRole.UserRole)
        announcements.delete(chosen)
        if chosen == self.editing:
            self.end_edit()
        self.status.setText(self.tr("Annonce retirée du groupe à la prochaine synchronisation."))
        self.reload()
