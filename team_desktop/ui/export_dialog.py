"""Choosing what to export and in which format, before choosing where."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

FORMATS = ("markdown", "html", "pdf", "leap2a")
NOTE_FORMATS = ("markdown", "pdf")


@dataclass(frozen=True)
class ExportChoice:
    """What the learner asked for: notes or journal, a format, an optional tag, whether the
    group's shared entries come too, and the learner's name (written in a Leap2A file)."""

    notes: bool
    format: str
    tag: str | None = None
    include_peers: bool = False
    author: str = ""


class ExportDialog(QDialog):
    """Journal or notes, the format (with what each is for), and a tag for the journal."""

    def __init__(self, tags: list[str], parent: QWidget | None = None, name: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exporter"))
        self.what = QButtonGroup(self)
        journal = QRadioButton(self.tr("Mon journal de formation"))
        notes = QRadioButton(self.tr("Mes notes de co-préparation"))
        journal.setChecked(True)
        self.what.addButton(journal, 0)
        self.what.addButton(notes, 1)
        self.tag = QComboBox()
        self.tag.addItem(self.tr("Toutes les entrées"), None)
        for tag in tags:
            self.tag.addItem(f"#{tag}", tag)
        self.tag.setAccessibleName(self.tr("Entrées à exporter"))
        self.peers = QCheckBox(
            self.tr("Ajouter les entrées que mes groupes m'ont partagées (au nom de leur auteur)")
        )
        self.author = QLineEdit(name)
        self.author.setPlaceholderText(self.tr("Prénom Nom"))
        self.author.setAccessibleName(self.tr("Votre nom dans le fichier Leap2A"))
        self.author.setToolTip(
            self.tr("Mahara en fait le prénom et le nom du compte qui importe le fichier.")
        )
        labels = {
            "markdown": self.tr("Dossier Markdown — des fichiers texte, avec les pièces jointes"),
            "html": self.tr("Page HTML — un seul fichier, lisible hors ligne et imprimable"),
            "pdf": self.tr("PDF — pour imprimer ou envoyer"),
            "leap2a": self.tr("Leap2A — pour importer dans un ePortfolio (Mahara…)"),
        }
        self.formats = QButtonGroup(self)
        format_box = QVBoxLayout()
        for index, fmt in enumerate(FORMATS):
            button = QRadioButton(labels[fmt])
            button.setObjectName(f"format_{fmt}")
            self.formats.addButton(button, index)
            format_box.addWidget(button)
        self.formats.button(1).setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choisir où exporter…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        what_box = QVBoxLayout()
        what_box.addWidget(journal)
        what_box.addWidget(notes)
        form.addRow(self.tr("Quoi :"), what_box)
        form.addRow(self.tr("Entrées :"), self.tag)
        form.addRow("", self.peers)
        form.addRow(self.tr("Format :"), format_box)
        form.addRow(self.tr("Votre nom (Leap2A) :"), self.author)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Vos données ne quittent pas cet ordinateur : le fichier est écrit là où vous le "
                "choisirez."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.what.idToggled.connect(lambda _id, _on: self._sync())
        self.formats.idToggled.connect(lambda _id, _on: self._sync())
        self.author.textChanged.connect(self._sync)
        self._sync()

    def choice(self) -> ExportChoice:
        """The learner's choice as plain data."""
        notes = self.what.checkedId() == 1
        return ExportChoice(
            notes,
            FORMATS[self.formats.checkedId()],
            None if notes else self.tag.currentData(),
            include_peers=not notes and self.peers.isChecked(),
            author=" ".join(self.author.text().split()),
        )

    def _sync(self) -> None:
        notes = self.what.checkedId() == 1
        self.tag.setEnabled(not notes)
        for index, fmt in enumerate(FORMATS):
            button = self.formats.button(index)
            button.setEnabled(not notes or fmt in NOTE_FORMATS)
        self.peers.setEnabled(not notes)
        if notes and FORMATS[self.formats.checkedId()] not in NOTE_FORMATS:
            self.formats.button(FORMATS.index("pdf")).setChecked(True)
        leap2a = FORMATS[self.formats.checkedId()] == "leap2a"
        self.author.setEnabled(leap2a)
        # Mahara refuses a Leap2A file without an author's name.
        self.ok.setEnabled(not leap2a or bool(self.author.text().strip()))
