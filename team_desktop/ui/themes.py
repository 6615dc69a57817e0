"""Light, dark and high-contrast themes: the widgets' style sheet and palette, the pages' colours.

`resources/style.qss` is the light theme and the layout of every theme; `style-dark.qss` and
`style-contrast.qss` only change colours on top of it. Rendered pages (lessons, feed, previews)
take their colours from `core.render.reading_style`; a change is announced (`announcer().changed`)
and every open page re-applies it itself.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from team_desktop.core.paths import resources_dir
from team_desktop.core.render import reading_style

LIGHT, DARK, CONTRAST = "light", "dark", "contrast"
SYSTEM = "system"
STYLE_FILES = {LIGHT: (), DARK: ("style-dark.qss",), CONTRAST: ("style-contrast.qss",)}
READING = {LIGHT: reading_style.LIGHT, DARK: reading_style.DARK, CONTRAST: reading_style.CONTRAST}
# Window, base, text, button, highlight, highlighted text, link, disabled text.
PALETTES = {
    DARK: ("#23272e", "#1e2227", "#e6e6e6", "#2f353d", "#3d6b99", "#ffffff", "#8cc4ff", "#8a939c"),
    CONTRAST: (
        "#000000",
        "#000000",
        "#ffffff",
        "#000000",
        "#1aebff",
        "#000000",
        "#ffff00",
        "#c0c0c0",
    ),
}

_active = LIGHT
_platform_style: str | None = None


class ThemeAnnouncer(QObject):
    """Tells open pages that the theme changed.

    Signals: changed(str): the theme now shown.
    """

    changed = Signal(str)


@functools.cache
def announcer() -> ThemeAnnouncer:
    """The one announcer of theme changes (pages connect to it, the theme never walks them)."""
    return ThemeAnnouncer()


def system_theme() -> str:
    """The theme the platform asks for: high contrast, dark, or else light."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and later
    if accessibility is not None:
        if accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
            return CONTRAST
    if getattr(hints, "colorScheme", None) is not None:  # Qt 6.5 and later
        if hints.colorScheme() == Qt.ColorScheme.Dark:
            return DARK
    return LIGHT


def resolve(choice: str) -> str:
    """The theme to show for a preference ("system" or a theme's name)."""
    return choice if choice in STYLE_FILES else system_theme()


def active() -> str:
    """The theme shown now."""
    return _active


def reading_colours() -> reading_style.ReadingColours:
    """The colours rendered pages take in the theme shown now."""
    return READING[_active]


def style_sheet(theme: str) -> str:
    """The application style sheet of `theme`: the light sheet, then the theme's colours."""
    parts = []
    for name in ("style.qss", *STYLE_FILES[theme]):
        path = resources_dir() / name
        if path.is_file():
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def palette(theme: str) -> QPalette:
    """The widget palette of a dark or high-contrast theme."""
    window, base, text, button, highlight, highlighted, link, disabled = map(
        QColor, PALETTES[theme]
    )
    role = QPalette.ColorRole
    result = QPalette()
    for colour_role, colour in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, button),
        (role.Text, text),
        (role.Button, button),
        (role.ButtonText, text),
        (role.ToolTipBase, base),
        (role.ToolTipText, text),
        (role.PlaceholderText, disabled),
        (role.Highlight, highlight),
        (role.HighlightedText, highlighted),
        (role.Link, link),
        (role.LinkVisited, link),
        (role.BrightText, highlight),
    ):
        result.setColor(colour_role, colour)
    for colour_role in (role.Text, role.WindowText, role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, colour_role, disabled)
    return result


def apply_theme(app: QApplication, theme: str) -> None:
    """Show `theme` (a theme's name, already resolved) in every window and open page."""
    global _active, _platform_style
    if _platform_style is None:
        _platform_style = app.style().name()
    _active = theme
    if theme == LIGHT:
        app.setStyle(_platform_style)
        app.setPalette(app.style().standardPalette())
    else:
        # Fusion draws every widget from the palette; native styles may ignore a dark one.
        app.setStyle("Fusion")
        app.setPalette(palette(theme))
    app.setStyleSheet(style_sheet(theme))
    announcer().changed.emit(theme)
