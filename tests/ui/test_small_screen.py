"""At 1024×600 every view is usable: nothing narrower than it needs to be read."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextBrowser,
    QWidget,
)

from team_desktop.ui.actions import Act
from team_desktop.ui.markdown_editor import LINE_CHARS
from team_desktop.ui.window_layout import PLAN_WIDTH, PageStack, first_size
from tests.ui.screens import views

SMALL = (1024, 600)
READABLE_CHARS = 34  # a text area narrower than this many average characters is not readable
FIELD_CHARS = 8
LABEL_CHARS = 14  # a wrapped label narrower than this reads one word per line


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def too_narrow(root: QWidget) -> list[str]:
    """Each visible widget of `root` narrower than its minimum readable width, described."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        char = widget.fontMetrics().averageCharWidth()
        width = widget.width()
        name = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        if isinstance(widget, QLabel) and widget.text() and widget.wordWrap():
            words = widget.fontMetrics().horizontalAdvance(widget.text())
            if width < min(words, LABEL_CHARS * char):
                problems.append(f"{name} {widget.text()[:40]!r}: {width}px")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if width < widget.minimumSizeHint().width() - 2:
                problems.append(f"{name} {widget.text()!r} cut: {width}px")
        elif isinstance(widget, QLineEdit | QComboBox) and width < FIELD_CHARS * char:
            problems.append(f"{name}: {width}px")
        elif isinstance(widget, QLineEdit) and not widget.hasFocus() and widget.cursorPosition():
            # A long title shown from its end reads as if cut from the left.
            if widget.fontMetrics().horizontalAdvance(widget.text()) > width - 2 * char:
                problems.append(f"{name} {widget.text()[:30]!r} shown from its end")
        elif isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{name}: wider than the window (scrolls sideways)")
        elif isinstance(widget, QPlainTextEdit | QTextBrowser):
            if widget.viewport().width() < READABLE_CHARS * char:
                problems.append(f"{name}: {widget.viewport().width()}px of text")
    return problems


def test_every_view_is_usable_at_1024_by_600(window, qtbot):
    window.resize(*SMALL)
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= SMALL[0]
    assert window.minimumSizeHint().height() <= SMALL[1]
    found = {}
    for name, view in views(window):
        QApplication.processEvents()
        assert window.size().toTuple() == SMALL, name  # nothing forced the window larger
        assert view.isVisible(), name
        problems = too_narrow(window)
        if problems:
            found[name] = problems
    assert found == {}


def test_the_course_plan_yields_its_place_on_a_narrow_window(window, qtbot):
    window.resize(*SMALL)
    window.open_lesson("test-mini/premiere")
    assert window.plan.plan_shown() and window.plan.action.isChecked()
    window.journal.show()
    assert not window.plan.plan_shown()  # the journal takes the whole width
    assert not window.plan.action.isChecked()
    window.actions_[Act.COURSE_PLAN].trigger()  # F6: the plan comes back, with the focus
    assert window.plan.plan_shown() and window.navigator.hasFocus() or not window.isActiveWindow()
    window.plan.action.trigger()  # the learner hides it: it stays hidden, even for a lesson
    window.open_lesson("test-mini/premiere")
    assert not window.plan.plan_shown()
    window.resize(1366, 768)
    window.journal.show()
    assert not window.plan.plan_shown()


def test_the_plan_beside_a_lesson_keeps_its_width_whatever_was_shown_before(window):
    window.resize(*SMALL)
    for _name, _view in views(window):
        QApplication.processEvents()
    window.open_lesson("test-mini/premiere")
    title = window.lesson.module_label
    long_title = "La co-intervention et la co-animation, un module au titre très long " * 2
    title.setText(long_title)  # the module's title used to set the lesson view's width
    QApplication.processEvents()
    assert window.size().toTuple() == SMALL
    assert window.splitter.sizes()[0] == PLAN_WIDTH
    assert title.text().endswith("…") and title.toolTip() == long_title
    assert title.fontMetrics().horizontalAdvance(title.text()) <= title.width()


def test_the_stack_of_views_is_as_small_as_the_view_shown(qtbot):
    # QStackedWidget asks for its widest page: a wide view once built squeezed the plan.
    stack = PageStack()
    qtbot.addWidget(stack)
    wide, narrow = QWidget(), QWidget()
    wide.setMinimumWidth(900)
    narrow.setMinimumWidth(200)
    stack.addWidget(wide)
    stack.addWidget(narrow)
    assert stack.minimumSizeHint().width() == 900
    stack.setCurrentWidget(narrow)
    assert stack.minimumSizeHint().width() == 200


def test_a_first_window_fits_the_screen_and_a_wide_editor_keeps_short_lines(window):
    assert first_size(QSize(1024, 600)) == QSize(921, 540)
    assert first_size(QSize(2560, 1440)) == QSize(1440, 920)
    window.resize(1800, 900)
    window.journal.show()
    window.journal.view.start_entry("libre")
    edit = window.journal.view.editor.text
    QApplication.processEvents()
    chars = edit.viewport().width() / edit.fontMetrics().averageCharWidth()
    assert 60 < chars <= LINE_CHARS + 3  # (the room kept for a scroll bar)
    QTest.keyClicks(edit, "une phrase assez longue pour aller a la ligne " * 8)
    for size in ((1500, 850), (1800, 900)):
        window.resize(*size)
        QApplication.processEvents()
        assert not edit.horizontalScrollBar().isVisible()  # the text wraps inside the column
