""" "Mes données": what the server holds about the learner, all of it as a zip, and deleting
the account (shared contributions removed or anonymised; this device's data too if asked)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.export.labels import human_size
from team_desktop.core.render import escape
from team_desktop.core.research import my_data
from team_desktop.core.store.db import Store
from team_desktop.core.sync import account
from team_desktop.core.sync.errors import SyncError
from team_desktop.ui.tasks import TaskRunner


class MyDataDialog(QDialog):
    """Network work runs in the task runner; the dialog only shows results.

    Signals: account_deleted(local data erased too).
    """

    account_deleted = Signal(bool)

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.connection = account.connect()
        self.setWindowTitle(self.tr("Mes données"))
        self.resize(640, 680)
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(self.tr("Ce que le serveur conserve à votre sujet"))
        self.download_button = QPushButton(self.tr("Tout télécharger (zip)…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("myDataStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.download_button)
        layout.addWidget(self._deletion_box())
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.download_button.clicked.connect(self.choose_download)
        if self.connection is None:
            self.summary.setHtml(
                "<p>"
                + escape(
                    self.tr(
                        "Vous n'êtes pas connecté·e à un serveur : toutes vos données sont sur cet "
                        "appareil, dans le dossier de données de TEAM Desktop. Connectez-vous "
                        "(Partage › Compte et serveur) pour voir ce que le serveur conserve."
                    )
                )
                + "</p>"
            )
            for widget in (self.download_button, self.deletion):
                widget.setEnabled(False)
        else:
            self.summary.setHtml("<p>" + escape(self.tr("Chargement…")) + "</p>")
            connection = self.connection
            self.runner.run(
                lambda _t: my_data.server_summary(connection),
                self.show_summary,
                self._failed,
                network=True,
            )

    def _deletion_box(self) -> QGroupBox:
        self.deletion = QGroupBox(self.tr("Supprimer mon compte"))
        self.remove_shared = QRadioButton(
            self.tr("Retirer aussi ce que j'ai partagé avec mes groupes")
        )
        self.keep_shared = QRadioButton(
            self.tr("Laisser à mes groupes ce que j'ai partagé, sans mon nom (anonymisé)")
        )
        self.remove_shared.setChecked(True)
        choice = QButtonGroup(self.deletion)
        choice.addButton(self.remove_shared)
        choice.addButton(self.keep_shared)
        self.erase_local = QCheckBox(
            self.tr("Effacer aussi mes données de cet appareil : elles seront perdues")
        )
        self.erase_local.setToolTip(
            self.tr(
                "Journal, notes, progression, réponses, pièces jointes et sauvegardes ; "
                "le cours installé reste."
            )
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Votre mot de passe, pour confirmer"))
        self.password.setAccessibleName(self.tr("Mot de passe pour confirmer la suppression"))
        self.understood = QCheckBox(self.tr("Je comprends que la suppression est définitive"))
        self.delete_button = QPushButton(self.tr("Supprimer définitivement mon compte"))
        self.delete_button.setObjectName("dangerButton")
        self.delete_button.setEnabled(False)
        explanation = QLabel(
            self.tr(
                "Le serveur efface votre compte et tout ce qu'il conserve de vous, et déconnecte "
                "tous vos appareils. Sauf si vous cochez la case ci-dessous, cet appareil garde "
                "votre copie locale."
            )
        )
        explanation.setWordWrap(True)
        inner = QVBoxLayout(self.deletion)
        for widget in (
            explanation,
            self.remove_shared,
            self.keep_shared,
            self.erase_local,
            self.password,
            self.understood,
            self.delete_button,
        ):
            inner.addWidget(widget)
        self.password.textChanged.connect(self._allow_delete)
        self.understood.toggled.connect(self._allow_delete)
        self.delete_button.clicked.connect(self.delete_account)
        return self.deletion

    def _allow_delete(self) -> None:
        self.delete_button.setEnabled(bool(self.password.text()) and self.understood.isChecked())

    def show_summary(self, summary: dict) -> None:
        """What the server holds, in plain words."""
        user = summary["account"]
        consent = summary["consent"]
        rows = "".join(
            f"<tr><td>{escape(row['label'])}</td><td align='right'>{row['count']}</td></tr>"
            for row in summary["records"]
        )
        groups = ", ".join(g["name"] for g in summary["groups"]) or self.tr("aucun")
        # tr() outside the f-strings: lupdate does not look inside them.
        unnamed, logged_out = self.tr("appareil sans nom"), self.tr(" (déconnecté)")
        devices = "".join(
            f"<li>{escape(d['device_name'] or unnamed)}"
            f"{escape(logged_out) if d['logged_out_at'] else ''}</li>"
            for d in summary["devices"]
        )
        research = (
            self.tr("vous participez (texte version {v})").format(
                v=consent["research_consent_version"]
            )
            if consent["research_consent"]
            else self.tr("vous ne participez pas")
        )
        account_title = self.tr("Votre compte")
        groups_line = self.tr("Groupes : {g}").format(g=groups)
        kept_title = self.tr("Ce que le serveur conserve")
        files_line = self.tr("Fichiers : {n} ({s})").format(
            n=summary["files"]["count"], s=human_size(summary["files"]["bytes"])
        )
        research_title = self.tr("Recherche")
        pseudonym = self.tr("Votre pseudonyme pour la recherche : {p}").format(
            p=summary["research_pseudonym"]
        )
        devices_title = self.tr("Appareils connectés à votre compte")
        self.summary.setHtml(
            f"<h3>{escape(account_title)}</h3>"
            f"<p>{escape(user['display_name'])} — {escape(user['username'])}<br/>"
            f"{escape(groups_line)}</p>"
            f"<h3>{escape(kept_title)}</h3>"
            f"<table cellpadding='3'>{rows}</table>"
            f"<p>{escape(files_line)}</p>"
            f"<h3>{escape(research_title)}</h3>"
            f"<p>{escape(research)}<br/>{escape(pseudonym)}</p>"
            f"<h3>{escape(devices_title)}</h3><ul>{devices}</ul>"
        )

    def choose_download(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer mes données"),
            str(Path.home() / "mes-donnees-team.zip"),
            self.tr("Archive zip (*.zip)"),
        )
        if path:
            self.download(Path(path))

    def download(self, target: Path) -> None:
        """Save all the server holds about the learner as a zip at `target`."""
        connection = self.connection
        self.download_button.setEnabled(False)
        self.status.setText(self.tr("Téléchargement…"))

        def done(path: Path) -> None:
            self.download_button.setEnabled(True)
            self.status.setText(self.tr("Vos données sont enregistrées dans {p}.").format(p=path))

        self.runner.run(
            lambda _t: my_data.download_all(connection, target), done, self._failed, network=True
        )

    def delete_account(self) -> None:
        """Delete the account on the server, then this device's data if asked."""
        connection, password = self.connection, self.password.text()
        shared = my_data.ANONYMISE if self.keep_shared.isChecked() else my_data.REMOVE
        erase = self.erase_local.isChecked()
        store = self.store
        self.deletion.setEnabled(False)
        self.status.setText(self.tr("Suppression du compte…"))

        def work(_task) -> bool:
            my_data.delete_account(connection, password, shared)
            return erase

        def deleted(erased: bool) -> None:
            if not erased:
                self._deleted(False)
                return
            self.runner.run(
                lambda _t: my_data.erase_local_data(store),
                lambda _r: self._deleted(True),
                self._failed,
            )

        self.runner.run(work, deleted, self._failed, network=True)

    def _deleted(self, erased: bool) -> None:
        self.password.clear()
        self.status.setText(
            self.tr("Votre compte est supprimé, et vos données de cet appareil aussi.")
            if erased
            else self.tr(
                "Votre compte est supprimé. Vos données restent sur cet appareil : vous pouvez "
                "les effacer ou les garder."
            )
        )
        self.account_deleted.emit(erased)

    def _failed(self, error: BaseException, _details: str) -> None:
        self.deletion.setEnabled(self.connection is not None)
        self.download_button.setEnabled(self.connection is not None)
        self.status.setText(
            str(error)
            if isinstance(error, SyncError)
            else self.tr("Erreur inattendue : {e}").format(e=error)
        )
