"""The size of reading and writing text (course, feed, editors), changed with Ctrl +/−.

Widgets that take part remember their normal size (`scale_text`); a change of size resizes
every one of them, including those opened later, from that normal size.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from team_desktop.ui.preferences import TEXT_SIZE

STEP = 0.1  # each step is 10 % of the normal size
BASE_PROPERTY = "teamNormalPointSize"
_steps = 0


def steps() -> int:
    """How many steps above (or below) the normal size the text is now."""
    return _steps


def factor(count: int | None = None) -> float:
    """The size as a multiple of the normal size."""
    return 1 + STEP * (_steps if count is None else count)


def scale_text(widget: QWidget, normal: float | None = None) -> None:
    """Make `widget` follow the text size; `normal` is its size at 100 % (default: its font's)."""
    widget.setProperty(BASE_PROPERTY, normal or widget.font().pointSizeF())
    _resize(widget)


def set_steps(count: int) -> int:
    """Resize all text that follows the text size; returns the steps kept (within limits)."""
    global _steps
    if TEXT_SIZE.valid(count) == _steps:
        return _steps  # every widget that follows is at this size already
    _steps = TEXT_SIZE.valid(count)
    for widget in QApplication.allWidgets():
        # property() on a widget without it returns a None PySide miscounts (a crash later).
        if BASE_PROPERTY.encode() in widget.dynamicPropertyNames():
            _resize(widget)
    return _steps


def _resize(widget: QWidget) -> None:
    font = widget.font()
    font.setPointSizeF(round(float(widget.property(BASE_PROPERTY)) * factor(), 1))
    widget.setFont(font)
