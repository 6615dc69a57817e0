"""Préférences: the interface language, the theme, the text size and a metered connection."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from team_desktop.ui import text_size
from team_desktop.ui.preferences import (
    LANGUAGE,
    METERED,
    METERED_MAX_MB,
    TEXT_SIZE,
    THEME,
    Preferences,
)


class PreferencesDialog(QDialog):
    """Shows the saved preferences; `accept` saves them (theme and size apply at once)."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(self.tr("Préférences"))
        self.language = QComboBox()
        # Each language is named in itself, so anyone can find their own.
        for label, value in (
            (self.tr("Celle du système"), "system"),
            ("Français", "fr"),
            ("English", "en"),
        ):
            self.language.addItem(label, value)
        self.language.setAccessibleName(self.tr("Langue de l'interface"))
        self.language.setAccessibleDescription(self.tr("S'applique au prochain démarrage"))
        self.language_note = QLabel(
            self.tr(
                "La langue change au prochain démarrage de TEAM Desktop. "
                "Le contenu du cours reste en français."
            )
        )
        self.language_note.setWordWrap(True)
        self.language_note.setObjectName("hint")
        self.theme = QComboBox()
        for label, value in (
            (self.tr("Celui du système"), "system"),
            (self.tr("Clair"), "light"),
            (self.tr("Sombre"), "dark"),
            (self.tr("Contraste élevé"), "contrast"),
        ):
            self.theme.addItem(label, value)
        self.theme.setAccessibleName(self.tr("Thème"))
        self.size = QSpinBox()
        self.size.setRange(
            round(100 * text_size.factor(TEXT_SIZE.minimum)),
            round(100 * text_size.factor(TEXT_SIZE.maximum)),
        )
        self.size.setSingleStep(round(100 * text_size.STEP))
        self.size.setSuffix(" %")
        self.size.setAccessibleName(self.tr("Taille du texte"))
        self.size.setAccessibleDescription(
            self.tr("Du cours et des éditeurs ; aussi avec Ctrl+plus, Ctrl+moins et Ctrl+0")
        )
        self.metered = QCheckBox(
            self.tr("Connexion limitée (forfait mobile, partage de connexion)")
        )
        self.metered_max = QSpinBox()
        self.metered_max.setRange(METERED_MAX_MB.minimum, METERED_MAX_MB.maximum)
        self.metered_max.setSuffix(self.tr(" Mo"))
        self.metered_max.setAccessibleName(
            self.tr("Taille au-delà de laquelle un fichier attend une autre connexion")
        )
        self.metered_note = QLabel(
            self.tr(
                "Sur une connexion limitée, le texte part toujours en premier ; les pièces "
                "jointes plus grandes que cette taille attendent une connexion non limitée ou "
                "une synchronisation par fichier (Partage › En attente d'envoi dit lesquelles)."
            )
        )
        self.metered_note.setWordWrap(True)
        self.metered_note.setObjectName("hint")
        self.metered.toggled.connect(self.metered_max.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("&Langue :"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("&Thème :"), self.theme)
        form.addRow(self.tr("Taille du te&xte :"), self.size)
        form.addRow(self.tr("&Données :"), self.metered)
        form.addRow(self.tr("Fichiers de plus de :"), self.metered_max)
        form.addRow("", self.metered_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show_saved()

    def _show_saved(self) -> None:
        p = self.preferences
        self.language.setCurrentIndex(self.language.findData(p.get(LANGUAGE)))
        self.theme.setCurrentIndex(self.theme.findData(p.get(THEME)))
        self.size.setValue(round(100 * text_size.factor(p.get(TEXT_SIZE))))
        self.metered.setChecked(bool(p.get(METERED)))
        self.metered_max.setValue(int(p.get(METERED_MAX_MB)))
        self.metered_max.setEnabled(self.metered.isChecked())

    def text_steps(self) -> int:
        """The text size chosen, in steps from the normal size."""
        return round((self.size.value() / 100 - 1) / text_size.STEP)

    def accept(self) -> None:
        self.preferences.set(LANGUAGE, self.language.currentData())
        self.preferences.set(THEME, self.theme.currentData())
        self.preferences.set(TEXT_SIZE, self.text_steps())
        self.preferences.set(METERED, int(self.metered.isChecked()))
        self.preferences.set(METERED_MAX_MB, self.metered_max.value())
        super().accept()
