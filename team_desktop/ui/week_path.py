"""The home page's course path: one line per week, marked done, current or to come, with
when the group's season opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar

from team_desktop.core import course_path
from team_desktop.core.course import Module
from team_desktop.core.render import escape

MARKS = {course_path.DONE: "✔", course_path.CURRENT: "▶"}


class WeekPath(QFrame):
    """The weeks in order, the current one highlighted. Signals: module_chosen(pack id)."""

    module_chosen = Signal(str)

    def __init__(
        self,
        modules: list[Module],
        reading_uid: str | None,
        openings: dict[int, str] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.setObjectName("weekPath")
        steps = course_path.path(modules, reading_uid)
        self.current = next((s.module for s in steps if s.state == course_path.CURRENT), None)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        openings = openings or {}
        row = 0
        for step in steps:
            module = step.module
            mark = QLabel(MARKS.get(step.state, str(module.week)))
            mark.setObjectName("weekMark")
            mark.setProperty("state", step.state)
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            mark.setFixedSize(30, 30)
            mark.setAccessibleName(self._state_text(step.state))
            title = escape(self.tr("Semaine {w} — {t}").format(w=module.week, t=module.title))
            strong = step.state == course_path.CURRENT
            # A link in a label: it wraps on a narrow window, where a button would be cut.
            name = QLabel(
                f'<a href="{escape(module.pack_id)}">{"<b>" if strong else ""}{title}'
                f"{'</b>' if strong else ''}</a>"
            )
            name.setObjectName("moduleLink")
            name.setWordWrap(True)
            name.setTextFormat(Qt.TextFormat.RichText)
            name.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            name.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            name.setAccessibleName(
                self.tr("Semaine {w} — {t}").format(w=module.week, t=module.title)
            )
            name.setToolTip(self._state_text(step.state))
            name.linkActivated.connect(self.module_chosen)
            # A thin bar, and the count beside it: text over the bar's fill was hard to read.
            count = QLabel(
                self.tr("{d}/%n leçon(s)", "", len(module.lessons)).format(d=module.done)
            )
            count.setObjectName("weekCount")
            bar = QProgressBar()
            bar.setObjectName("weekBar")
            bar.setRange(0, max(len(module.lessons), 1))
            bar.setValue(module.done)
            bar.setTextVisible(False)
            bar.setAccessibleName(self.tr("Progression : {t}").format(t=module.title))
            bar.setAccessibleDescription(count.text())
            bar.setMaximumWidth(200)
            bar.setMinimumWidth(80)
            grid.addWidget(mark, row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(bar, row, 2)
            grid.addWidget(count, row, 3)
            row += 1
            if module.week in openings:
                # The group's calendar guides; it never locks a week the learner already has.
                opening = QLabel(openings[module.week])
                opening.setObjectName("moduleLabel")
                grid.addWidget(opening, row, 1)
                row += 1
        grid.setColumnStretch(1, 1)

    def headline(self) -> str:
        """ "Vous en êtes à la semaine 2 : …", or that everything is done."""
        if self.current is None:
            return self.tr("Vous avez terminé toutes les semaines du parcours. Bravo !")
        return self.tr("Vous en êtes à la semaine {w} : {t}").format(
            w=self.current.week, t=self.current.title
        )

    def _state_text(self, state: str) -> str:
        return {
            course_path.DONE: self.tr("Terminée"),
            course_path.CURRENT: self.tr("Vous en êtes là"),
            course_path.STARTED: self.tr("Commencée"),
        }.get(state, self.tr("À venir"))
