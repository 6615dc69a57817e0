"""Render resources/icons/team-desktop.svg to the PNG sizes desktops and installers ask for.

Run after editing the SVG, then commit the PNGs:
    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
The .ico (Windows) and .icns (macOS) are not committed: PyInstaller makes them from
team-desktop-256.png (with Pillow) when building on those systems, see docs/packaging.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SOURCE = ICONS / "team-desktop.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    """Where the PNG of one size goes (freedesktop's hicolor naming, flattened)."""
    return ICONS / f"team-desktop-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels, antialiased."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    """Write every size; fail loudly if the SVG does not parse."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: SVG illisible : {SOURCE}", file=sys.stderr)
        return 1
    for size in SIZES:
        if not render(renderer, size).save(str(png_path(size))):
            print(f"make_icons: impossible d'écrire {png_path(size)}", file=sys.stderr)
            return 1
        print(png_path(size).relative_to(ICONS.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
