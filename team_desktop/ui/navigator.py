"""The course navigator: weeks, modules with a progress bar, lessons with a completion mark."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QProgressBar, QTreeWidget, QTreeWidgetItem, QWidget

from team_desktop.core import course
from team_desktop.core.facilitation import season

UID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class CourseNavigator(QTreeWidget):
    """Tree of the installed course.

    Signals: lesson_chosen(uid), module_chosen(pack id).
    """

    lesson_chosen = Signal(str)
    module_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.header().resizeSection(1, 64)
        self.setAccessibleName(self.tr("Plan du cours"))
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self._lesson_items: dict[str, QTreeWidgetItem] = {}

    def reload(self) -> None:
        """Rebuild the tree from the store, keeping the current lesson selected."""
        current = self.current_uid()
        expanded = {
            self.topLevelItem(i).text(0)
            for i in range(self.topLevelItemCount())
            if self.topLevelItem(i).isExpanded()
        }
        self.clear()
        self._lesson_items.clear()
        weeks: dict[int, QTreeWidgetItem] = {}
        openings = season.openings(dt.date.today())
        for module in course.modules():
            week = weeks.get(module.week)
            if week is None:
                label = openings.get(module.week) or self.tr("Semaine {n}").format(n=module.week)
                week = QTreeWidgetItem(self, [label])
                week.setFlags(Qt.ItemFlag.ItemIsEnabled)
                week.setFirstColumnSpanned(True)
                weeks[module.week] = week
            item = QTreeWidgetItem(week, [module.title])
            item.setData(0, UID_ROLE, module.pack_id)
            item.setData(0, KIND_ROLE, "module")
            item.setToolTip(0, module.title)
            bar = QProgressBar()
            bar.setRange(0, max(len(module.lessons), 1))
            bar.setValue(module.done)
            bar.setFormat(f"{module.done}/{len(module.lessons)}")
            bar.setAccessibleName(self.tr("Progression du module {m}").format(m=module.title))
            bar.setMaximumHeight(16)
            self.setItemWidget(item, 1, bar)
            for lesson in module.lessons:
                child = QTreeWidgetItem(item, [("✔ " if lesson.completed else "○ ") + lesson.title])
                child.setData(
                    0,
                    Qt.ItemDataRole.AccessibleTextRole,
                    self.tr("{t}, terminée").format(t=lesson.title)
                    if lesson.completed
                    else lesson.title,
                )
                child.setData(0, UID_ROLE, lesson.uid)
                child.setData(0, KIND_ROLE, "lesson")
                child.setFirstColumnSpanned(True)
                child.setToolTip(
                    0, self.tr("{t} ({n} min)").format(t=lesson.title, n=lesson.minutes)
                )
                self._lesson_items[lesson.uid] = child
        for index in range(self.topLevelItemCount()):
            week = self.topLevelItem(index)
            week.setExpanded(not expanded or week.text(0) in expanded)
        if current:
            self.select_lesson(current)

    def select_lesson(self, uid: str) -> None:
        """Highlight a lesson (and unfold its module) without emitting signals."""
        item = self._lesson_items.get(uid)
        if item is None:
            return
        self.blockSignals(True)
        item.parent().setExpanded(True)
        item.parent().parent().setExpanded(True)
        self.setCurrentItem(item)
        self.scrollToItem(item)
        self.blockSignals(False)

    def take_focus(self) -> None:
        """Focus the plan from the keyboard, on the current lesson or else the first row."""
        if self.currentItem() is None and self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_uid(self) -> str | None:
        item = self.currentItem()
        if item is not None and item.data(0, KIND_ROLE) == "lesson":
            return item.data(0, UID_ROLE)
        return None

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind = item.data(0, KIND_ROLE)
        if kind == "lesson":
            self.lesson_chosen.emit(item.data(0, UID_ROLE))
        elif kind == "module":
            self.module_chosen.emit(item.data(0, UID_ROLE))
