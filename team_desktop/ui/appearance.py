"""How the window looks and reads: theme, text size, preferences, keyboard help ("Affichage", "Aide")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from team_desktop.ui import text_size, themes
from team_desktop.ui.actions import Act
from team_desktop.ui.preferences import TEXT_SIZE, THEME, Preferences

if TYPE_CHECKING:
    from team_desktop.ui.preferences_dialog import PreferencesDialog
    from team_desktop.ui.shortcuts_help import ShortcutsDialog


class AppearanceController(QObject):
    """Answers the "Affichage" menu and the keyboard help; applies the saved theme and text size."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.preferences = Preferences(window.store.paths.ui_state)
        actions = window.actions_
        actions[Act.TEXT_BIGGER].triggered.connect(lambda: self.change_text_size(+1))
        actions[Act.TEXT_SMALLER].triggered.connect(lambda: self.change_text_size(-1))
        actions[Act.TEXT_NORMAL].triggered.connect(lambda: self.set_text_size(0))
        actions[Act.PREFERENCES].triggered.connect(self.show_preferences)
        actions[Act.SHORTCUTS].triggered.connect(self.show_shortcuts)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            # A bound slot: Qt disconnects it when this window's controller goes.
            hints.colorSchemeChanged.connect(self._follow_system)
        self.apply_theme()
        text_size.set_steps(self.preferences.get(TEXT_SIZE))

    # -- theme ------------------------------------------------------------------------------

    def apply_theme(self) -> str:
        """Show the theme the preferences ask for; returns the theme shown."""
        theme = themes.resolve(self.preferences.get(THEME))
        if theme != themes.active():
            themes.apply_theme(QApplication.instance(), theme)
        return theme

    def _follow_system(self, _scheme: object = None) -> None:
        if self.preferences.get(THEME) == themes.SYSTEM:
            self.apply_theme()

    # -- text size --------------------------------------------------------------------------

    def change_text_size(self, delta: int) -> int:
        """Make reading and writing text one step bigger (+1) or smaller (-1)."""
        return self.set_text_size(text_size.steps() + delta)

    def set_text_size(self, steps: int) -> int:
        """Set the text size (steps from normal), keep it for the next runs, and say so."""
        kept = text_size.set_steps(steps)
        self.preferences.set(TEXT_SIZE, kept)
        self.window.statusBar().showMessage(
            self.tr("Taille du texte : {p} %").format(p=round(100 * text_size.factor())), 3000
        )
        return kept

    # -- dialogs (imported when first opened, not before the window's first paint) -----------

    def show_preferences(self) -> PreferencesDialog:
        from team_desktop.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self.window)
        dialog.accepted.connect(self._preferences_saved)
        dialog.open()
        self.preferences_dialog = dialog
        return dialog

    def _preferences_saved(self) -> None:
        self.apply_theme()
        text_size.set_steps(self.preferences.get(TEXT_SIZE))

    def show_shortcuts(self) -> ShortcutsDialog:
        from team_desktop.ui.shortcuts_help import ShortcutsDialog

        dialog = ShortcutsDialog(self.window, self.window.actions_)
        dialog.open()
        self.shortcuts_dialog = dialog
        return dialog
