"""The reader loads images from the pack's folder only, never from elsewhere on the disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from team_desktop.ui.lesson_browser import LessonBrowser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _size(browser: LessonBrowser, name: str) -> tuple[int, int]:
    image = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
    if image is None:
        return (0, 0)
    return image.width(), image.height()  # a QImage, or a QPixmap for what Qt loaded itself


def test_images_outside_the_pack_are_not_read(qtbot, tmp_path, monkeypatch):
    secret = QImage(12, 12, QImage.Format.Format_RGB32)
    secret.fill(0xFF0000)
    secret.save(str(tmp_path / "secret.png"))
    pack = tmp_path / "pack"
    pack.mkdir()
    monkeypatch.chdir(tmp_path)  # Qt's fallback would read relative names from here
    browser = LessonBrowser()
    qtbot.addWidget(browser)
    names = [
        str(tmp_path / "secret.png"),
        "../secret.png",
        "secret.png",
        f"file://{tmp_path}/secret.png",
    ]
    browser.show_html("".join(f'<img src="{name}"/>' for name in names), pack)
    browser.show()
    qtbot.waitExposed(browser)
    for name in names:
        assert _size(browser, name) != (12, 12), name


def test_images_inside_the_pack_are_shown(qtbot):
    browser = LessonBrowser()
    qtbot.addWidget(browser)
    browser.show_html('<img src="assets/schema.svg"/>', FIXTURES / "mini-pack")
    browser.show()
    qtbot.waitExposed(browser)
    assert _size(browser, "assets/schema.svg") == (200, 80)


def test_a_picture_wider_than_the_page_is_scaled_down_to_it(qtbot, tmp_path):
    # A diagram drawn for a wide screen made a 1024-pixel screen scroll sideways.
    wide = QImage(1400, 300, QImage.Format.Format_RGB32)
    wide.fill(0x2060A0)
    wide.save(str(tmp_path / "schema.png"))
    browser = LessonBrowser()
    qtbot.addWidget(browser)
    browser.resize(600, 400)
    browser.show_html('<p>Texte</p><p><img src="schema.png" alt="Schéma"/></p>', tmp_path)
    browser.show()
    qtbot.waitExposed(browser)
    assert _size(browser, "schema.png") == (1400, 300)  # the picture itself is unchanged
    assert browser.document().size().width() <= browser.viewport().width()
    assert browser.horizontalScrollBar().maximum() == 0
    browser.restyle()  # a theme change renders the page again: still fitted
    assert browser.horizontalScrollBar().maximum() == 0
