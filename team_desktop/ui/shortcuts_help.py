"""Aide › Raccourcis clavier: every shortcut, read from the window's actions (ui/actions.py)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QVBoxLayout, QWidget

from team_desktop.core.render import escape
from team_desktop.ui.lesson_browser import LessonBrowser
from team_desktop.ui.markdown_editor import shortcut_text


def _plain(text: str) -> str:
    """A menu label without its mnemonic mark and ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(action: QAction) -> str:
    return " · ".join(
        f"<b>{escape(s.toString(QKeySequence.SequenceFormat.NativeText))}</b>"
        for s in action.shortcuts()
        if not s.isEmpty()
    )


def _has_keys(action: QAction) -> bool:
    # A standard key the platform does not bind (Quit on some desktops) gives an empty one.
    return any(not s.isEmpty() for s in action.shortcuts())


class ShortcutsDialog(QDialog):
    """The shortcuts of each menu, in the menus' order, then the keys that work everywhere."""

    def __init__(self, window: QMainWindow, actions: dict, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        self.resize(640, 620)
        self.page = LessonBrowser()
        self.page.setAccessibleName(self.tr("Liste des raccourcis clavier"))
        self.page.show_html(self.shortcuts_html(window, actions))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        self.page.setFocus()

    def shortcuts_html(self, window: QMainWindow, actions: dict) -> str:
        """The page: one table per menu of `window`, then actions found in no menu."""
        listed: set[QAction] = set()
        # tr() outside the f-strings: lupdate does not look inside them.
        title, everywhere = self.tr("Raccourcis clavier"), self.tr("Partout")
        writing = self.tr("En écrivant (journal de bord, notes)")
        parts = [f"<h1>{escape(title)}</h1>"]
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            rows = [a for a in menu.actions() if a in actions.values() and _has_keys(a)]
            listed.update(menu.actions())
            if rows:
                parts.append(self._table(_plain(menu_action.text()), rows))
        others = [a for a in actions.values() if a not in listed and _has_keys(a)]
        if others:
            parts.append(self._table(self.tr("Autres"), others))
        general = [
            (self.tr("Passer à l'élément suivant, précédent"), self.tr("Tab, Maj+Tab")),
            (self.tr("Ouvrir un menu"), self.tr("Alt + la lettre soulignée")),
            (self.tr("Ouvrir la leçon ou l'élément choisi"), self.tr("Entrée")),
            (self.tr("Faire défiler le texte"), self.tr("Flèches, Page préc., Page suiv.")),
            (self.tr("Fermer une fenêtre de dialogue"), self.tr("Échap")),
        ]
        formatting = [
            (self.tr("Gras"), shortcut_text("bold")),
            (self.tr("Italique"), shortcut_text("italic")),
            (self.tr("Lien"), shortcut_text("link")),
            (self.tr("Liste numérotée"), shortcut_text("numbered")),
            (self.tr("Liste à puces"), shortcut_text("bullet")),
            (self.tr("Citation"), shortcut_text("quote")),
            (
                self.tr("Titre 1, 2, 3"),
                self.tr("{keys}, 2, 3").format(keys=shortcut_text("heading1")),
            ),
            (self.tr("Texte normal"), shortcut_text("heading0")),
        ]
        for heading, rows in ((writing, formatting), (everywhere, general)):
            keyed = [(what, f"<b>{escape(keys)}</b>") for what, keys in rows]
            parts.append(self._key_table(heading, keyed))
        return "".join(parts)

    def _table(self, title: str, rows: list[QAction]) -> str:
        return self._key_table(title, [(_plain(a.text()), _keys(a)) for a in rows])

    @staticmethod
    def _key_table(title: str, rows: list[tuple[str, str]]) -> str:
        """A table of (what it does, its keys as HTML)."""
        body = "".join(
            f'<tr><td width="60%">{escape(what)}</td><td>{keys}</td></tr>' for what, keys in rows
        )
        return f'<h2>{escape(title)}</h2><table width="100%" cellpadding="4">{body}</table>'
