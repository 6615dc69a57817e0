"""Synchroniser par fichier: what the file will hold, attachments up to a size, where to write it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.sync.bundle_file import SUFFIX
from team_desktop.core.sync.preview import Preview
from team_desktop.ui.what_leaves import WhatLeavesLabel

MB = 2**20
DEFAULT_MB = 5
MAX_MB = 200  # the largest attachment a server keeps


class SyncFileDialog(QDialog):
    """Asks where to write the request and which attachments go; `choice()` once accepted.

    Signals: files_limit_changed(int) when the size for attachments changes (the preview
    is computed again by whoever opened the dialog).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Synchroniser par fichier"))
        self.setObjectName("syncFileDialog")
        intro = QLabel(
            self.tr(
                "Vos changements sont écrits dans un fichier, par exemple sur une clé USB. Un "
                "appareil connecté au même serveur le transmet (Partage › Transmettre un fichier "
                "de synchronisation…) et écrit la réponse à côté ; importez-la ensuite ici "
                "(Partage › Importer la réponse…). Rien ne passe par le réseau sur cet appareil."
            )
        )
        intro.setWordWrap(True)
        self.what_leaves = WhatLeavesLabel()
        self.include_files = QCheckBox(
            self.tr("Pièces jointes (les miennes et celles du groupe) jusqu'à")
        )
        self.include_files.setChecked(True)
        self.max_mb = QSpinBox()
        self.max_mb.setRange(1, MAX_MB)
        self.max_mb.setValue(DEFAULT_MB)
        self.max_mb.setSuffix(self.tr(" Mo chacune"))
        self.max_mb.setAccessibleName(self.tr("Taille maximale d'une pièce jointe"))
        files_row = QHBoxLayout()
        files_row.addWidget(self.include_files)
        files_row.addWidget(self.max_mb)
        files_row.addStretch(1)
        self.path = QLineEdit(str(Path.home() / f"synchro-team-{dt.date.today():%Y-%m-%d}{SUFFIX}"))
        self.path.setAccessibleName(self.tr("Fichier à écrire"))
        browse = QPushButton(self.tr("Choisir…"))
        path_row = QHBoxLayout()
        path_row.addWidget(QLabel(self.tr("Fichier :")))
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.write_button = self.buttons.addButton(
            self.tr("Écrire le fichier"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.what_leaves)
        layout.addLayout(files_row)
        layout.addLayout(path_row)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        browse.clicked.connect(self._browse)
        self.path.textChanged.connect(self._check)
        self.include_files.toggled.connect(self.max_mb.setEnabled)
        self.setMinimumWidth(640)
        self._check()

    def files_max(self) -> int:
        """The largest attachment that travels, in bytes (0: none)."""
        return self.max_mb.value() * MB if self.include_files.isChecked() else 0

    def choice(self) -> tuple[Path, int]:
        """(the file to write, the largest attachment in bytes)."""
        path = Path(self.path.text().strip())
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return path, self.files_max()

    def show_preview(self, preview: Preview) -> None:
        reason = self.tr("plus grandes que la taille choisie : elles partiront plus tard")
        self.what_leaves.show_preview(preview, reason)
        self.adjustSize()  # the preview is longer than "working it out…"

    def _check(self) -> None:
        self.write_button.setEnabled(bool(self.path.text().strip()))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Écrire le fichier de synchronisation"),
            self.path.text(),
            self.tr("Fichiers de synchronisation TEAM (*.teamsync)"),
        )
        if path:
            self.path.setText(path)
