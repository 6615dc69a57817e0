"""Choosing what to export and in which format, before choosing where."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

FORMATS = ("markdown", "html", "pdf", "leap2a")
NOTE_FORMATS = ("markdown", "pdf")


@dataclass(frozen=True)
class ExportChoice:
    """What the learner asked for: notes or journal, a format, an optional tag."""

    notes: bool
    format: str
    tag: str | None = None


class ExportDialog(QDialog):
    """Journal or notes, the format (with what each is for), and a tag for the journal."""

    def __init__(self, tags: list[str], parent: QWidget | None = None):
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
        form.addRow(self.tr("Format :"), format_box)
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
        self.what.idToggled.connect(lambda _id, _on: self._sync())
        self._sync()

    def choice(self) -> ExportChoice:
        """The learner's choice as plain data."""
        notes = self.what.checkedId() == 1
        return ExportChoice(
            notes, FORMATS[self.formats.checkedId()], None if notes else self.tag.currentData()
        )

    def _sync(self) -> None:
        notes = self.what.checkedId() == 1
        self.tag.setEnabled(not notes)
        for index, fmt in enumerate(FORMATS):
            button = self.formats.button(index)
            button.setEnabled(not notes or fmt in NOTE_FORMATS)
        if notes and FORMATS[self.formats.checkedId()] not in NOTE_FORMATS:
            self.formats.button(FORMATS.index("pdf")).setChecked(True)
