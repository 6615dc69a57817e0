"""A facilitator sets the group's season: its start, the modules followed, when each week opens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core import course
from team_desktop.core.facilitation import season
from team_desktop.core.store.sync_models import GroupRecord


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class SeasonDialog(QDialog):
    """The season of one group; saved offline, it reaches the group at the next sync."""

    def __init__(self, group: GroupRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = group
        self.setWindowTitle(self.tr("Saison du groupe « {g} »").format(g=group.name))
        self.setMinimumWidth(700)
        current = season.season_of(group.id)
        modules = course.modules()
        start = current.start_date if current else dt.date.today()
        self.start = QDateEdit(_qdate(start))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("dd/MM/yyyy")
        self.start.setAccessibleName(self.tr("Début de la saison"))
        self.packs = QListWidget()
        self.packs.setAccessibleName(self.tr("Modules suivis"))
        for module in modules:
            item = QListWidgetItem(
                self.tr("Semaine {w} — {t}").format(w=module.week, t=module.title)
            )
            item.setData(Qt.ItemDataRole.UserRole, module.pack_id)
            followed = current is None or module.pack_id in current.packs
            item.setCheckState(Qt.CheckState.Checked if followed else Qt.CheckState.Unchecked)
            self.packs.addItem(item)
        self.packs.setMaximumHeight(120)
        weeks = sorted({module.week for module in modules})
        suggested = season.weekly_dates(start, weeks)
        self.opens: dict[int, QDateEdit] = {}
        self.own_pace: dict[int, QCheckBox] = {}
        grid = QGridLayout()
        for row, week in enumerate(weeks):
            opens_on = current.weeks.get(week, suggested[week]) if current else suggested[week]
            date = QDateEdit(_qdate(opens_on or suggested[week]))
            date.setCalendarPopup(True)
            date.setDisplayFormat("dd/MM/yyyy")
            date.setAccessibleName(self.tr("Ouverture de la semaine {n}").format(n=week))
            pace = QCheckBox(self.tr("à son rythme"))
            pace.setAccessibleName(self.tr("Semaine {n} à son rythme").format(n=week))
            pace.toggled.connect(lambda on, d=date: d.setEnabled(not on))
            pace.setChecked(current is not None and week in current.weeks and opens_on is None)
            grid.addWidget(QLabel(self.tr("Semaine {n}").format(n=week)), row, 0)
            grid.addWidget(date, row, 1)
            grid.addWidget(pace, row, 2)
            self.opens[week], self.own_pace[week] = date, pace
        grid.setColumnStretch(3, 1)
        self.spread_button = QPushButton(self.tr("Une semaine d'écart à partir du début"))
        self.spread_button.clicked.connect(self.spread)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Début de la saison :"), self.start)
        form.addRow(self.tr("Modules suivis :"), self.packs)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Chaque semaine s'ouvre à sa date pour le groupe. Les dates guident, elles ne "
                "ferment rien : qui a déjà le contenu peut le lire quand il veut."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.spread_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)

    def spread(self) -> None:
        """Week n opens 7(n-1) days after the start."""
        dates = season.weekly_dates(_day(self.start.date()), list(self.opens))
        for week, date in self.opens.items():
            date.setDate(_qdate(dates[week]))

    def save(self) -> None:
        """Keep the season (queued for the next sync) and close, or say what is wrong."""
        packs = [
            self.packs.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.packs.count())
            if self.packs.item(row).checkState() == Qt.CheckState.Checked
        ]
        weeks = {
            week: None if self.own_pace[week].isChecked() else _day(date.date())
            for week, date in self.opens.items()
        }
        try:
            season.set_season(self.group.id, _day(self.start.date()), packs, weeks)
        except season.FacilitationError as error:
            self.status.setText(str(error))
            return
        self.accept()
