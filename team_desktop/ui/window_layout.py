"""How the main window uses a small screen: its first size, and a course plan that yields space.

On a laptop of 1024×600 the course plan, the entry list and the editor cannot all be wide
enough. The plan yields its place to the journal, the notes and the other working views when
the window is narrow, comes back with the course, and the "Plan du cours" button (or F6) shows
it whenever the learner wants. Their own choice wins until they change it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

NARROW = 1200  # below this width, working views take the plan's place
PLAN_WIDTH = 300
FIRST_SHARE = 0.9  # of the screen, for a first window
FIRST_MAX = QSize(1440, 920)


def first_size(available: QSize) -> QSize:
    """The size of a window opened for the first time on a screen of `available` size."""
    return QSize(
        min(int(available.width() * FIRST_SHARE), FIRST_MAX.width()),
        min(int(available.height() * FIRST_SHARE), FIRST_MAX.height()),
    )


def place_first_window(window: QMainWindow) -> None:
    """Size and centre a window that has no saved geometry."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    size = first_size(area.size())
    window.resize(size)
    window.move(area.center().x() - size.width() // 2, area.center().y() - size.height() // 2)


class PageStack(QStackedWidget):
    """A stack of views as small as the view shown, not as the largest one ever built.

    QStackedWidget asks for the largest minimum of all its pages: once the journal (list and
    editor side by side) had been opened, the lesson beside the course plan kept the journal's
    width, and on a 1024-pixel screen the plan shrank to a column of cut titles.
    """

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def add_page_after(self, page: QWidget, tab_from: QWidget) -> None:
        """Add a page built after the window, that Tab reaches just after `tab_from`.

        The lesson and module pages are built when first shown, after the toolbar's search
        field: without this, Tab would go from the search field to the page, not from the
        course plan as when they were built with the window. Their own order is kept (read
        while the page has no parent: its chain is then its own).
        """
        inside, cursor = [], page.nextInFocusChain()
        while cursor is not page and page.isAncestorOf(cursor):
            if cursor.focusPolicy() & Qt.FocusPolicy.TabFocus:
                inside.append(cursor)
            cursor = cursor.nextInFocusChain()
        self.addWidget(page)
        for widget in inside:
            QWidget.setTabOrder(tab_from, widget)
            tab_from = widget

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's API)
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's API)
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()


class PlanSpace(QObject):
    """Shows or hides the course plan (the splitter's first pane) with the view and width.

    `action` is the checkable "Plan du cours" button.
    """

    def __init__(self, window: QMainWindow, reading_view: Callable[[QWidget | None], bool]):
        super().__init__(window)
        self.window = window
        self.reading_view = reading_view  # the course's views, beside which the plan stays
        self.splitter = window.splitter
        self.splitter.setCollapsible(0, True)
        self.action = QAction(self.tr("☰ Plan du cours"), self)
        self.action.setCheckable(True)
        self.action.setChecked(True)
        self.action.setToolTip(self.tr("Afficher ou masquer le plan du cours"))
        self.action.toggled.connect(self._chosen)
        self._auto = True  # until the learner decides, the view and the width decide
        window.stack.currentChanged.connect(lambda _index: self.adapt())
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._sync_action())
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's API)
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.adapt()
        return False

    def adapt(self) -> None:
        """Give the plan's space to a working view on a narrow window, back for the course."""
        if not self._auto:
            return
        wants_plan = self.window.width() >= NARROW or self.reading_view(
            self.window.stack.currentWidget()
        )
        self._show(wants_plan)

    def reveal(self) -> None:
        """Show the plan (F6 goes there)."""
        self._show(True)

    def _chosen(self, shown: bool) -> None:
        if shown != self.plan_shown():
            self._auto = False
            self._show(shown)

    def plan_shown(self) -> bool:
        return self.splitter.sizes()[0] > 0

    def _show(self, shown: bool) -> None:
        if shown != self.plan_shown():
            total = sum(self.splitter.sizes())
            plan = min(PLAN_WIDTH, total // 3) if shown else 0
            self.splitter.setSizes([plan, total - plan])
        self._sync_action()

    def _sync_action(self) -> None:
        self.action.blockSignals(True)
        self.action.setChecked(self.plan_shown())
        self.action.blockSignals(False)
