"""Settings › Account: the server's address, logging in or creating an account, this device."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.sync import account, credentials
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.errors import SyncError, Unreachable, WrongPassword
from team_desktop.ui.my_account_dialog import MyAccountDialog
from team_desktop.ui.tasks import TaskRunner


class AccountDialog(QDialog):
    """Log in, create an account, or log out. Network work runs in the task runner."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Compte et synchronisation"))
        self.setMinimumWidth(460)
        saved = sync_state.load()
        # The saved address, or the one a course pack names; never a developer's default.
        self.server = QLineEdit(account.suggested_server())
        self.server.setPlaceholderText(self.tr("par exemple https://team.mon-organisme.fr"))
        self.device = QLineEdit(saved.device_name or socket.gethostname())
        self.username = QLineEdit(saved.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.display_name = QLineEdit(saved.display_name)
        self.create = QCheckBox(self.tr("Créer un nouveau compte sur ce serveur"))
        for widget, name in (
            (self.server, self.tr("Adresse du serveur")),
            (self.device, self.tr("Nom de cet appareil")),
            (self.username, self.tr("Identifiant")),
            (self.password, self.tr("Mot de passe")),
            (self.display_name, self.tr("Nom affiché à votre groupe")),
        ):
            widget.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.tr("Adresse du serveur"), self.server)
        form.addRow(self.tr("Nom de cet appareil"), self.device)
        form.addRow(self.tr("Identifiant"), self.username)
        form.addRow(self.tr("Mot de passe"), self.password)
        form.addRow("", self.create)
        form.addRow(self.tr("Nom affiché"), self.display_name)
        self.security = QLabel(
            self.tr(
                "Attention : cette adresse commence par http:// et non https://. La connexion "
                "n'est pas chiffrée : votre mot de passe et vos écrits pourraient être lus ou "
                "modifiés sur le réseau. Demandez l'adresse en https:// à votre formateur."
            )
        )
        self.security.setObjectName("dialogStatus")
        self.security.setProperty("error", True)
        self.security.setWordWrap(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names and addresses, never HTML
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        self.login_button = QPushButton(self.tr("Se connecter"))
        self.login_button.setDefault(True)
        self.logout_button = QPushButton(self.tr("Se déconnecter"))
        # Password and devices: the account's own controls (ui/my_account_dialog.py).
        self.my_account_button = QPushButton(self.tr("Mon compte…"))
        self.my_account_button.setToolTip(
            self.tr("Changer le mot de passe, voir vos appareils, en déconnecter un")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.my_account_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.logout_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "TEAM Desktop fonctionne entièrement sans serveur. Un compte sert à retrouver votre "
                "travail sur vos autres appareils et à échanger avec votre groupe."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.security)
        if not credentials.keyring_available():
            note = QLabel(
                self.tr(
                    "Aucun trousseau système n'est disponible : votre mot de passe ne sera pas gardé, "
                    "il vous sera redemandé à chaque session."
                )
            )
            note.setWordWrap(True)
            note.setObjectName("hint")
            layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        for field in (self.server, self.username, self.password, self.display_name):
            field.textEdited.connect(lambda _text, f=field: _mark_missing(f, False))
        self.server.textChanged.connect(self._show_security)
        self.create.toggled.connect(self._mode)
        self.login_button.clicked.connect(self.submit)
        self.logout_button.clicked.connect(self.log_out)
        self.my_account_button.clicked.connect(self.show_my_account)
        self._mode(False)
        self._show_state()
        self._show_security(self.server.text())

    def _show_security(self, address: str) -> None:
        self.security.setVisible(account.unencrypted(address))

    def _mode(self, create: bool) -> None:
        self.display_name.setEnabled(create)
        self.login_button.setText(self.tr("Créer le compte") if create else self.tr("Se connecter"))

    def _show_state(self) -> None:
        saved = sync_state.load()
        connected = account.connect() is not None
        self.logout_button.setEnabled(connected)
        self.my_account_button.setEnabled(connected)
        if connected:
            self.status.setText(
                self.tr("Connecté·e en tant que {u} sur {s}.").format(
                    u=saved.display_name or saved.username, s=saved.server_url
                )
            )
        elif saved.configured:
            self.status.setText(
                self.tr(
                    "Compte {u} : entrez votre mot de passe pour reprendre la synchronisation."
                ).format(u=saved.username)
            )

    def submit(self) -> None:
        """Log in (or create the account first) off the GUI thread."""
        url, user, password = self.server.text(), self.username.text().strip(), self.password.text()
        required = [self.server, self.username, self.password]
        if self.create.isChecked():
            required.append(self.display_name)
        missing = [field for field in required if not field.text().strip()]
        for field in required:
            _mark_missing(field, field in missing)
        if missing:
            self._say(
                self.tr("Remplissez les champs encadrés en rouge : {f}.").format(
                    f=", ".join(field.accessibleName() for field in missing)
                ),
                error=True,
            )
            missing[0].setFocus()
            return
        device, name, create = (
            self.device.text().strip(),
            self.display_name.text().strip(),
            self.create.isChecked(),
        )
        self.login_button.setEnabled(False)
        self._say(self.tr("Connexion…"))
        self.runner.run(
            lambda _t: account.log_in(url, user, password, device, name or None, create),
            self._logged_in,
            self._failed,
            network=True,
        )

    def _logged_in(self, login: account.Login) -> None:
        kept = login.kept
        self.login_button.setEnabled(True)
        self.password.clear()
        self._show_state()
        if not kept:
            self.status.setText(
                self.status.text()
                + " "
                + self.tr("(Mot de passe non gardé : aucun trousseau système.)")
            )
        self.accept()

    def _failed(self, error: BaseException, _details: str) -> None:
        self.login_button.setEnabled(True)
        if isinstance(error, WrongPassword):
            _mark_missing(self.password, True)
            self.password.selectAll()
            self.password.setFocus()
        elif isinstance(error, Unreachable):
            _mark_missing(self.server, True)
            self.server.setFocus()
        self._say(
            str(error)
            if isinstance(error, SyncError)
            else self.tr("Erreur inattendue : {e}").format(e=error),
            error=True,
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def show_my_account(self) -> MyAccountDialog:
        """Open "Mon compte" over this dialog."""
        dialog = MyAccountDialog(self.runner, self)
        dialog.logged_out.connect(self._show_state)
        dialog.open()
        return dialog

    def log_out(self) -> None:
        self.runner.run(
            lambda _t: account.log_out(), lambda _r: self._show_state(), self._failed, network=True
        )


def _mark_missing(field: QLineEdit, missing: bool) -> None:
    """Frame `field` in the theme's error colour (style.qss: `QLineEdit[missing="true"]`)."""
    field.setProperty("missing", missing)
    field.style().unpolish(field)
    field.style().polish(field)
