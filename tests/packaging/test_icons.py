"""The committed PNG icons are the SVG rendered by packaging/make_icons.py, at every size."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "make_icons.py"


@pytest.fixture(scope="module")
def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_png_is_the_current_svg(qapp, make_icons, image_difference, size):
    committed = QImage(str(make_icons.png_path(size)))
    assert (committed.width(), committed.height()) == (size, size)
    assert committed.hasAlphaChannel()
    corner, centre = committed.pixelColor(0, 0), committed.pixelColor(size // 2, size // 2)
    assert corner.alpha() == 0 and centre.alpha() == 255  # rounded square on transparency
    fresh = make_icons.render(QSvgRenderer(str(make_icons.SOURCE)), size)
    # A small tolerance lets another Qt version antialias differently; an edited SVG whose
    # PNGs were not regenerated differs by far more.
    assert image_difference(committed, fresh) < 2.0, "relancer packaging/make_icons.py"
