"""The start builds what the first paint shows; the rest answers its menus and keys from the start."""

from __future__ import annotations

import builtins
import linecache
import sys

from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtWidgets import QApplication, QLabel

from team_desktop.ui.actions import Act
from team_desktop.ui.deferred import after_first_paint
from team_desktop.ui.main_window import MainWindow

DEFERRED = ("data", "plans", "competencies", "sharing", "research")


def test_the_window_shows_without_building_the_deferred_controllers(window):
    assert [name for name in DEFERRED if getattr(MainWindow, name).built(window)] == []
    assert window.stack.currentWidget() is window.home
    # The home page; the other views are built when first shown.
    assert window.stack.count() == 1
    assert [name for name in ("lesson", "module") if name in window.__dict__] == []
    window.run_search("coopération")
    assert window.stack.count() == 2 and window.stack.currentWidget() is window.search_view


def test_a_shortcut_of_a_controller_not_built_yet_does_its_work(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_K, control_shift)
    assert MainWindow.competencies.built(window)
    assert window.stack.currentWidget() is window.competencies.view


def receivers(window: MainWindow, acts: tuple[Act, ...]) -> list[int]:
    return [window.actions_[act].receivers(SIGNAL("triggered(bool)")) for act in acts]


def test_a_menu_entry_builds_its_controller_once_and_then_only_the_controller_answers(window):
    acts = MainWindow.sharing.acts
    before = receivers(window, acts)  # the menus', and the handler that builds the controller
    feed = window.actions_[Act.FEED]
    feed.trigger()
    assert window.stack.currentWidget() is window.sharing.feed
    # On each of its actions, the building handler gave way to the controller's own.
    assert receivers(window, acts) == before
    sharing = window.sharing
    window.show_home()
    feed.trigger()
    assert window.sharing is sharing
    assert window.stack.currentWidget() is sharing.feed


def test_reading_a_deferred_attribute_builds_its_controller(window):
    before = receivers(window, MainWindow.plans.acts)
    plans = window.plans
    assert MainWindow.plans.built(window)
    assert window.plans is plans
    assert receivers(window, MainWindow.plans.acts) == before
    window.actions_[Act.PLANS].trigger()
    assert window.stack.currentWidget() is plans.view


class PaintCounter(QLabel):
    painted = 0

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        self.painted += 1
        super().paintEvent(event)


def test_work_after_the_first_paint_runs_once_the_widget_has_painted(qtbot):
    widget = PaintCounter("Accueil")
    qtbot.addWidget(widget)
    seen: list[int] = []
    after_first_paint(widget, lambda: seen.append(widget.painted))
    assert seen == []
    widget.show()
    qtbot.waitUntil(lambda: seen != [])
    assert seen[0] >= 1
    widget.update()
    qtbot.waitUntil(lambda: widget.painted > seen[0])
    assert len(seen) == 1  # once, not at every paint


def test_a_module_imported_after_pyside_is_not_read_for_its_features(tmp_path, monkeypatch):
    # PySide6's import hook would read each new module's source (see team_desktop/ui/__init__).
    module = tmp_path / "freshly_written.py"
    module.write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "freshly_written", raising=False)
    linecache.clearcache()
    import freshly_written  # noqa: F401 (through builtins.__import__, PySide6's hook)

    assert builtins.__import__ is not builtins.__orig_import__  # the hook is in place
    assert str(module) not in linecache.cache
