"""What the window's first paint does not need: controllers built on first use, work after it.

A deferred controller's module is not imported before something uses it. Its menu actions and
keyboard shortcuts answer from the start: the first trigger builds the controller (which
connects its own handlers, as an eager one does) and hands it that same trigger.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from team_desktop.ui.actions import Act

# A window never painted (minimised at start, or its screen asleep) still gets its work done.
AT_THE_LATEST_MS = 2000


class Deferred:
    """A window attribute holding the controller `ui.<module>.<name>`, built on first use.

    First use is reading the attribute, or triggering one of `acts` (the actions the
    controller connects to): `arm` makes those answer before the controller exists.
    """

    def __init__(self, module: str, name: str, *acts: Act):
        self.module = f"team_desktop.ui.{module}"
        self.name = name
        self.acts = acts

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, window: QWidget | None, owner: type | None = None):
        if window is None:
            return self
        built = window.__dict__.get(self.attribute)
        if built is None:
            for action, first_use in window.__dict__.pop(self._armed, ()):
                action.triggered.disconnect(first_use)
            controller = getattr(importlib.import_module(self.module), self.name)
            built = window.__dict__[self.attribute] = controller(window)
        return built

    @property
    def _armed(self) -> str:
        return f"_first_use_{self.attribute}"

    def built(self, window: QWidget) -> bool:
        """True once the controller exists."""
        return self.attribute in window.__dict__

    def arm(self, window: QWidget, actions: dict[Act, QAction]) -> None:
        """Connect each of the controller's actions to its building."""
        armed = []
        for act in self.acts:
            first_use = functools.partial(self._first_use, window, actions[act])
            actions[act].triggered.connect(first_use)
            armed.append((actions[act], first_use))
        window.__dict__[self._armed] = armed

    def _first_use(self, window: QWidget, action: QAction, checked: bool = False) -> None:
        self.__get__(window)
        # The controller connected during this emission, which Qt does not extend to it.
        action.triggered[bool].emit(checked)

    @staticmethod
    def arm_all(window: QWidget, actions: dict[Act, QAction]) -> None:
        """Arm every deferred controller the window's class (or a base of it) declares."""
        for klass in type(window).__mro__:
            for value in vars(klass).values():
                if isinstance(value, Deferred):
                    value.arm(window, actions)


class _FirstPaint(QObject):
    """Runs a callback once, just after `widget` or a widget inside it first paints.

    The filter sits on `widget` and the widgets inside it, not on the application: an
    application's filter is called for every event of every object, and PySide6 then looks up
    (and builds, with all its enums) the Python class of each kind of object it passes, which
    cost the start about 130 enums.
    """

    def __init__(self, widget: QWidget, callback: Callable[[], None]):
        super().__init__(widget)
        self.widget = widget
        self.callback: Callable[[], None] | None = callback
        self.watched = [widget, *widget.findChildren(QWidget)]
        for watched in self.watched:
            watched.installEventFilter(self)
        QTimer.singleShot(AT_THE_LATEST_MS, self, self._run)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's API)
        # Under a real X server only the widgets that draw get a Paint event, not the window.
        if self.callback is not None and event.type() == QEvent.Type.Paint:
            self._unwatch()
            QTimer.singleShot(0, self, self._run)
        return False

    def _unwatch(self) -> None:
        for watched in self.watched:
            if isValid(watched):  # a page rebuilt before the paint took its widgets with it
                watched.removeEventFilter(self)
        self.watched = []

    def _run(self) -> None:
        callback, self.callback = self.callback, None
        if callback is not None:
            self._unwatch()
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once `widget` has painted (at the latest after two seconds)."""
    _FirstPaint(widget, callback)
