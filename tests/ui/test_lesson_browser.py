"""The reader loads images from the pack's folder only, never from elsewhere on the disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from team_desktop.core.render import render_markdown
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


WIDE_TABLE = (
    "| Configuration | Préparation commune | Ce que gagnent les apprenants | Risque principal |\n"
    "| --- | --- | --- | --- |\n"
    "| Un enseigne, l’autre observe | moyenne : définir quoi observer | un enseignement ajusté "
    "à partir de ce qui a été vu | une observation sans objet, une personne qui se sent jugée |\n"
)


def test_a_table_squeezed_to_the_page_never_scrolls_sideways(qtbot):
    # Qt laid such a table out one pixel wider than a page of even width: at 1024×600 the
    # lesson scrolled sideways by that pixel.
    browser = LessonBrowser()
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    page = render_markdown(WIDE_TABLE) + "<p>Suite.</p>"
    widths = []
    for width in range(600, 620):  # odd and even pages alike
        browser.resize(width, 400)
        browser.show_html(page)
        widths.append(browser.viewport().width())
        assert browser.horizontalScrollBar().maximum() == 0, browser.viewport().width()
    assert {w % 2 for w in widths} == {0, 1}
    browser.resize(641, 400)  # resized with the page shown
    assert browser.horizontalScrollBar().maximum() == 0


def test_a_narrow_table_keeps_its_own_width(qtbot):
    browser = LessonBrowser()
    qtbot.addWidget(browser)
    browser.resize(700, 400)
    browser.show_html(render_markdown("| a | b |\n| --- | --- |\n| 1 | 2 |"))
    browser.show()
    qtbot.waitExposed(browser)
    [table] = browser.document().rootFrame().childFrames()
    assert browser.document().documentLayout().frameBoundingRect(table).width() < 200
