""" "Mon compte": change the password, see the devices logged in, log one of them out."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.sync import account, my_account
from team_desktop.core.sync.errors import SyncError
from team_desktop.ui.language import format_moment
from team_desktop.ui.tasks import TaskRunner


class MyAccountDialog(QDialog):
    """Network work runs in the task runner; the dialog only shows results.

    Signals: logged_out() when this very device was logged out from here.
    """

    logged_out = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.connection = account.connect()
        self.listed: list[my_account.Device] = []
        self.setWindowTitle(self.tr("Mon compte"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(self._password_box())
        layout.addWidget(self._devices_box(), 1)
        self.status = QLabel()
        self.status.setObjectName("dialogStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # the server's words, never HTML
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        if self.connection is None:
            self._disconnected()
        else:
            self.refresh()

    def _password_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Mot de passe"))
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.repeated = QLineEdit()
        form = QFormLayout(box)
        for field, label in (
            (self.current, self.tr("Mot de passe actuel")),
            (self.new, self.tr("Nouveau mot de passe")),
            (self.repeated, self.tr("Nouveau mot de passe (encore)")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(label)
            form.addRow(label, field)
        hint = QLabel(
            self.tr(
                "Changer le mot de passe déconnecte vos autres appareils : reconnectez-les avec "
                "le nouveau. Cet appareil reste connecté."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow(hint)
        self.change_button = QPushButton(self.tr("Changer le mot de passe"))
        self.change_button.clicked.connect(self.change_password)
        form.addRow("", self.change_button)
        return box

    def _devices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Appareils connectés à votre compte"))
        self.devices = QTableWidget(0, 2)
        self.devices.setHorizontalHeaderLabels(
            [self.tr("Appareil"), self.tr("Vu pour la dernière fois")]
        )
        self.devices.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.devices.verticalHeader().setVisible(False)
        self.devices.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.devices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.devices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.devices.setAccessibleName(self.tr("Appareils connectés à votre compte"))
        self.devices.itemSelectionChanged.connect(self._selection_changed)
        self.log_out_button = QPushButton(self.tr("Déconnecter cet appareil"))
        self.log_out_button.setEnabled(False)
        self.log_out_button.clicked.connect(self.log_out_selected)
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.refresh_button.clicked.connect(self.refresh)
        hint = QLabel(
            self.tr(
                "Un appareil perdu ou prêté ? Déconnectez-le : il ne pourra plus rien recevoir ni "
                "envoyer sans votre mot de passe. Ce qu'il contient déjà reste sur lui."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.log_out_button)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        column = QVBoxLayout(box)
        column.addWidget(self.devices, 1)
        column.addLayout(row)
        column.addWidget(hint)
        return box

    def refresh(self) -> None:
        """Ask the server for the account's devices."""
        connection = self.connection
        self.refresh_button.setEnabled(False)
        self.runner.run(
            lambda _t: my_account.devices(connection),
            self._show_devices,
            self._failed,
            network=True,
        )

    def _show_devices(self, devices: list[my_account.Device]) -> None:
        self.listed = devices
        self.refresh_button.setEnabled(True)
        self.devices.setRowCount(len(devices))
        for row, device in enumerate(devices):
            name = device.name or self.tr("(sans nom)")
            if device.current:
                name = self.tr("{name} (cet appareil)").format(name=name)
            seen = format_moment(device.last_seen_at) if device.last_seen_at else ""
            for column, text in enumerate((name, seen)):
                item = QTableWidgetItem(text)  # plain text: a device's name is anyone's words
                self.devices.setItem(row, column, item)
        self.devices.resizeColumnToContents(1)
        self._selection_changed()

    def _selected(self) -> my_account.Device | None:
        rows = self.devices.selectionModel().selectedRows()
        return self.listed[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.log_out_button.setEnabled(self._selected() is not None)

    def log_out_selected(self) -> None:
        """Log the selected device out of the account."""
        device, connection = self._selected(), self.connection
        if device is None:
            return
        self.log_out_button.setEnabled(False)
        self.runner.run(
            lambda _t: my_account.log_out_device(connection, device),
            lambda _r: self._device_logged_out(device),
            self._failed,
            network=True,
        )

    def _device_logged_out(self, device: my_account.Device) -> None:
        name = device.name or self.tr("(sans nom)")
        if device.current:
            self._disconnected()
            self._say(
                self.tr(
                    "Cet appareil est déconnecté. Ce qui n'est pas encore envoyé reste ici et "
                    "partira quand vous vous reconnecterez."
                )
            )
            self.logged_out.emit()
            return
        self._say(self.tr("« {name} » est déconnecté.").format(name=name))
        self.refresh()

    def change_password(self) -> None:
        """Change the password off the GUI thread."""
        current, new, repeated = self.current.text(), self.new.text(), self.repeated.text()
        connection = self.connection
        self.change_button.setEnabled(False)
        self._say(self.tr("Changement du mot de passe…"))
        self.runner.run(
            lambda _t: my_account.change_password(connection, current, new, repeated),
            self._password_changed,
            self._failed,
            network=True,
        )

    def _password_changed(self, _result: object) -> None:
        for field in (self.current, self.new, self.repeated):
            field.clear()
        self.change_button.setEnabled(True)
        self._say(
            self.tr(
                "Mot de passe changé. Vos autres appareils sont déconnectés : reconnectez-les "
                "avec le nouveau mot de passe."
            )
        )
        self.refresh()

    def _failed(self, error: BaseException, _details: str) -> None:
        self.change_button.setEnabled(self.connection is not None)
        self.refresh_button.setEnabled(self.connection is not None)
        self._selection_changed()
        self._say(
            str(error)
            if isinstance(error, SyncError)
            else self.tr("Erreur inattendue : {e}").format(e=error),
            error=True,
        )

    def _disconnected(self) -> None:
        self.connection = None
        self.listed = []
        self.devices.setRowCount(0)
        for widget in (self.change_button, self.log_out_button, self.refresh_button):
            widget.setEnabled(False)
        self._say(
            self.tr("Vous n'êtes pas connecté·e : connectez-vous (Partage › Compte et serveur).")
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
