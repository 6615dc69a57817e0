"""Preferences: text size (Ctrl +/−), themes with a visible focus, the language, all kept."""

from __future__ import annotations

import configparser

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QWidget,
)

from team_desktop.core.portfolio import entries
from team_desktop.core.render import reading_style
from team_desktop.ui import text_size, themes
from team_desktop.ui.history_dialog import HistoryDialog
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.preferences import LANGUAGE, TEXT_SIZE, THEME, Preferences
from team_desktop.ui.tasks import TaskRunner

LESSON = "test-mini/premiere"


@pytest.fixture
def light_again(qapp):
    """Whatever a test shows, the next one starts in the light theme at the normal size."""
    yield
    themes.apply_theme(qapp, themes.LIGHT)
    text_size.set_steps(0)


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ini(store) -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    parser.read(store.paths.ui_state, encoding="utf-8")
    return parser


# -- where preferences live ----------------------------------------------------------------


def test_preferences_are_kept_apart_from_the_window_state(window, store):
    preferences = window.appearance.preferences
    preferences.set(THEME, "dark")
    preferences.set(LANGUAGE, "en")
    preferences.set(TEXT_SIZE, 2)
    window.close()
    saved = ini(store)
    assert dict(saved["preferences"]) == {"theme": "dark", "language": "en", "text_size": "2"}
    assert "geometry" in saved["window"] and "geometry" not in saved["preferences"]
    again = Preferences(store.paths.ui_state)  # as the next run reads them
    assert (again.get(THEME), again.get(LANGUAGE), again.get(TEXT_SIZE)) == ("dark", "en", 2)
    themes.apply_theme(QApplication.instance(), themes.LIGHT)


def test_a_damaged_preference_falls_back_to_its_default(tmp_path):
    path = tmp_path / "ui-state.ini"
    path.write_text(
        "[preferences]\ntheme=violet\nlanguage=klingon\ntext_size=beaucoup\n", encoding="utf-8"
    )
    preferences = Preferences(path)
    assert (preferences.get(THEME), preferences.get(LANGUAGE)) == ("system", "system")
    assert preferences.get(TEXT_SIZE) == 0
    preferences.set(TEXT_SIZE, 99)
    assert preferences.get(TEXT_SIZE) == TEXT_SIZE.maximum


# -- text size -----------------------------------------------------------------------------


def sizes(window: MainWindow) -> dict[str, float]:
    return {
        "lesson": window.lesson.browser.font().pointSizeF(),
        "feed": window.sharing.feed.font().pointSizeF(),
        "entry": window.journal.view.editor.text.font().pointSizeF(),
        "preview": window.journal.view.editor.preview.font().pointSizeF(),
        "note": window.notes.view.editor.text_edit.font().pointSizeF(),
    }


def key(qtbot, window: MainWindow, key_code) -> None:
    qtbot.keyClick(
        QApplication.focusWidget() or window, key_code, Qt.KeyboardModifier.ControlModifier
    )


def test_ctrl_plus_minus_zero_resize_course_feed_and_editors_and_are_kept(
    window, store, qtbot, light_again
):
    window.open_lesson(LESSON)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    normal = sizes(window)
    key(qtbot, window, Qt.Key.Key_Equal)  # Ctrl+=
    key(qtbot, window, Qt.Key.Key_Plus)  # Ctrl++
    bigger = sizes(window)
    assert all(bigger[name] == pytest.approx(normal[name] * 1.2, abs=0.1) for name in normal)
    key(qtbot, window, Qt.Key.Key_Minus)
    assert sizes(window)["lesson"] == pytest.approx(normal["lesson"] * 1.1, abs=0.1)
    assert Preferences(store.paths.ui_state).get(TEXT_SIZE) == 1
    assert window.statusBar().currentMessage() == "Taille du texte : 110 %"

    # What opens later reads at the same size.
    entry = entries.create_entry(store.paths.packs, None, None)
    history = HistoryDialog(entry.id, window)
    qtbot.addWidget(history)
    assert history.preview.font().pointSizeF() == pytest.approx(normal["preview"] * 1.1, abs=0.1)

    # The next run starts at the size kept.
    text_size.set_steps(0)
    again = MainWindow(store, TaskRunner())
    qtbot.addWidget(again)
    assert sizes(again)["lesson"] == pytest.approx(normal["lesson"] * 1.1, abs=0.1)
    key(qtbot, window, Qt.Key.Key_0)
    assert sizes(window) == pytest.approx(normal)
    assert Preferences(store.paths.ui_state).get(TEXT_SIZE) == 0


def test_text_size_stays_within_its_limits(window, light_again):
    for _ in range(30):
        window.appearance.change_text_size(+1)
    assert text_size.steps() == TEXT_SIZE.maximum
    for _ in range(30):
        window.appearance.change_text_size(-1)
    assert text_size.steps() == TEXT_SIZE.minimum


# -- themes --------------------------------------------------------------------------------


def test_dark_theme_chosen_in_preferences_applies_at_once_and_next_time(
    window, store, qtbot, light_again
):
    window.open_lesson(LESSON)
    dialog = window.appearance.show_preferences()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    app = QApplication.instance()
    assert themes.active() == themes.DARK
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
    page_style = window.lesson.browser.document().defaultStyleSheet()
    assert reading_style.DARK.boxes["quiz"] in page_style
    assert reading_style.LIGHT.boxes["quiz"] not in page_style
    # The page shown was rendered again: its quiz box is now on the dark theme's colour.
    assert reading_style.DARK.boxes["quiz"] in window.lesson.browser.toHtml()
    themes.apply_theme(app, themes.LIGHT)
    again = MainWindow(store, TaskRunner())  # the next run
    qtbot.addWidget(again)
    assert themes.active() == themes.DARK


def test_system_theme_follows_the_platform(qapp, light_again):
    hints = QGuiApplication.styleHints()
    assert themes.resolve("contrast") == themes.CONTRAST
    if hints.colorScheme() in (Qt.ColorScheme.Unknown, Qt.ColorScheme.Light):
        assert themes.resolve("system") == themes.LIGHT
    hints.setColorScheme(Qt.ColorScheme.Dark)
    try:
        if hints.colorScheme() != Qt.ColorScheme.Dark:
            pytest.skip("cette plateforme ne change pas de jeu de couleurs à la demande")
        assert themes.resolve("system") == themes.DARK
    finally:
        hints.unsetColorScheme()


# Every kind of control the app lets the keyboard reach.
FOCUSABLE = [
    lambda: QPushButton("Un"),
    lambda: QToolButton(text="Gras"),
    lambda: QCheckBox("Prête"),
    lambda: QRadioButton("Privée"),
    QLineEdit,
    lambda: _combo(),
    QSpinBox,
    QDateEdit,
    QPlainTextEdit,
    QTextEdit,
    QTextBrowser,
    QListWidget,
    QTableWidget,
    QTreeWidget,
]


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.addItems(["Privée", "Cet appareil seulement"])
    return combo


@pytest.mark.parametrize("theme", [themes.LIGHT, themes.DARK, themes.CONTRAST])
def test_keyboard_focus_is_clearly_visible_in_every_theme(qapp, qtbot, theme, light_again):
    themes.apply_theme(qapp, theme)
    window = qapp.palette().color(QPalette.ColorRole.Window)
    for make in FOCUSABLE:
        box = QWidget()
        qtbot.addWidget(box)
        layout = QHBoxLayout(box)
        focused, other = make(), make()
        layout.addWidget(focused)
        layout.addWidget(other)
        box.show()
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        focused.setFocus()
        qtbot.waitUntil(focused.hasFocus)
        kind = type(focused).__name__
        ring = focused.grab().toImage().pixelColor(0, focused.height() // 2)
        plain = other.grab().toImage().pixelColor(0, other.height() // 2)
        inside = focused.grab().toImage().pixelColor(focused.width() // 2, 3)
        assert ring != plain, kind
        # WCAG 2.2 asks 3:1 for a focus indicator against what is next to it.
        assert contrast(ring, inside) >= 3 and contrast(ring, window) >= 3, kind
        box.close()


def test_high_contrast_pages_are_white_on_black_with_drawn_boxes():
    sheet = reading_style.style_sheet(reading_style.CONTRAST)
    assert "a { color: #ffff00; }" in sheet
    assert "border: 2px solid #ffffff" in sheet


# -- language ------------------------------------------------------------------------------


def test_language_chosen_in_preferences_waits_for_the_next_start(window, store, light_again):
    dialog = window.appearance.show_preferences()
    assert "prochain démarrage" in dialog.language_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert Preferences(store.paths.ui_state).get(LANGUAGE) == "en"
    assert QCoreApplication.translate("MainWindow", "&Fichier") == "&Fichier"
