"""The home view: where the learner is, a button to resume, the group's announcements and
season, and every module's progress."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core import course, i18n, progress
from team_desktop.core.facilitation import season
from team_desktop.ui.announcements_panel import AnnouncementsPanel
from team_desktop.ui.week_path import WeekPath


def format_duration(seconds: int) -> str:
    """ "1 h 05" or "12 min"."""
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("HomeView", "{m} min").format(m=minutes)
    return QCoreApplication.translate("HomeView", "{h} h {m}").format(
        h=minutes // 60, m=f"{minutes % 60:02d}"
    )


class HomeView(QScrollArea):
    """Welcome page.

    Signals: resume_requested(uid), module_chosen(pack id).
    """

    resume_requested = Signal(str)
    module_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Accueil"))
        self._resume_uid: str | None = None

    def reload(self) -> None:
        """Rebuild from the store."""
        page = QWidget()
        page.setObjectName("homePage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        modules = course.modules()
        total = sum(len(m.lessons) for m in modules)
        done = sum(m.done for m in modules)

        title = QLabel(self.tr("Bienvenue dans le MOOC TEAM"))
        title.setObjectName("homeTitle")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Travaillons Ensemble à la Mutualisation de nos pratiques d'enseignement et de formation : "
                "cinq semaines pour co-intervenir, coopérer, analyser sa pratique et apprendre entre pairs. "
                "Tout fonctionne sans connexion."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if i18n.current_language() != i18n.SOURCE_LANGUAGE:
            content_language = QLabel(self.tr("Le contenu du cours est en français."))
            content_language.setObjectName("contentLanguage")
            layout.addWidget(content_language)

        status = QLabel(
            self.tr("%n leçon(s) terminée(s) sur {total} · temps passé : {time}", "", done).format(
                total=total, time=format_duration(progress.time_spent())
            )
        )
        status.setObjectName("homeStatus")
        layout.addWidget(status)

        resume = progress.resume_point()
        self._resume_uid = (
            resume.uid
            if resume
            else (modules[0].lessons[0].uid if modules and modules[0].lessons else None)
        )
        if self._resume_uid:
            label = (
                self.tr("Reprendre : {t}").format(t=resume.title)
                if resume
                else self.tr("Commencer le cours")
            )
            button = QPushButton(label)
            button.setObjectName("resumeButton")
            button.setDefault(True)
            button.clicked.connect(lambda: self.resume_requested.emit(self._resume_uid))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.resume_button = button
        else:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "Aucun module n'est installé. Importez un pack (Fichier › Importer un pack…)."
                    )
                )
            )

        self.announcements = AnnouncementsPanel()
        layout.addWidget(self.announcements)

        weeks = WeekPath(
            modules,
            resume.uid if resume else None,
            season.openings(dt.date.today(), with_week=False),
        )
        weeks.module_chosen.connect(self.module_chosen)
        where = QLabel(weeks.headline())
        where.setObjectName("homeWhere")
        where.setWordWrap(True)
        layout.addWidget(where)
        layout.addWidget(weeks)
        layout.addStretch(1)
        self.setWidget(page)

    @property
    def resume_uid(self) -> str | None:
        return self._resume_uid
