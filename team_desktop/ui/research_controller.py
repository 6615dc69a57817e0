"""Participatory research in the window: the consent asked at start, the "Recherche" menu,
research questionnaires answered from lessons, "Mes données" and the privacy notice."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMainWindow, QTextBrowser, QVBoxLayout

from team_desktop.core.paths import resources_dir
from team_desktop.core.render import render_markdown
from team_desktop.core.research import consent
from team_desktop.core.store.models import ActivityRecord
from team_desktop.ui.actions import Act
from team_desktop.ui.consent_dialog import ConsentDialog
from team_desktop.ui.my_data_dialog import MyDataDialog
from team_desktop.ui.questionnaire_dialog import QuestionnaireDialog

PRIVACY_FILE = "research/confidentialite.md"


class ResearchController(QObject):
    """Answers the "Recherche" menu and "Aide › Confidentialité", and questionnaires."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None  # the one research dialog open, if any
        actions = window.actions_
        actions[Act.RESEARCH_CONSENT].triggered.connect(lambda: self.ask_consent(False))
        actions[Act.MY_DATA].triggered.connect(self.show_my_data)
        actions[Act.PRIVACY].triggered.connect(self.show_privacy)

    def start(self) -> None:
        """At start: ask for consent when never asked, or when the text changed."""
        if consent.needs_asking():
            self.ask_consent(first_use=True)

    def ask_consent(self, first_use: bool) -> ConsentDialog:
        dialog = ConsentDialog(first_use, self.window)
        dialog.decided.connect(self._decided)
        self._show(dialog)
        return dialog

    def _decided(self, given: bool) -> None:
        text = (
            self.tr("Merci : vous participez à la recherche.")
            if given
            else self.tr("C'est noté : vous ne participez pas à la recherche.")
        )
        self.window.statusBar().showMessage(text, 6000)
        self._sync_soon()

    def _sync_soon(self) -> None:
        sharing = getattr(self.window, "sharing", None)
        if sharing is not None:
            sharing.service.local_change()

    def answer(self, activity_uid: str) -> QuestionnaireDialog | None:
        """A questionnaire's call to action in a lesson."""
        row = ActivityRecord.get_or_none(ActivityRecord.uid == activity_uid)
        if row is None or row.kind != "questionnaire":
            self.window.statusBar().showMessage(
                self.tr("Ce questionnaire n'est plus installé."), 5000
            )
            return None
        dialog = QuestionnaireDialog(
            activity_uid, row.title, json.loads(row.fields_json), self.window
        )
        dialog.saved.connect(self._answered)
        self._show(dialog)
        return dialog

    def _answered(self, _answer_id: str) -> None:
        self.window.statusBar().showMessage(self.tr("Réponses enregistrées."), 5000)
        self._sync_soon()

    def show_my_data(self) -> MyDataDialog:
        dialog = MyDataDialog(self.window.store, self.window.runner, self.window)
        dialog.account_deleted.connect(lambda _erased: self.window.refresh())
        self._show(dialog)
        return dialog

    def show_privacy(self) -> QDialog:
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("Confidentialité"))
        dialog.resize(680, 640)
        browser = QTextBrowser()
        browser.setAccessibleName(self.tr("Notice de confidentialité"))
        notice = (resources_dir() / PRIVACY_FILE).read_text(encoding="utf-8")
        browser.setHtml(render_markdown(notice))
        QVBoxLayout(dialog).addWidget(browser)
        self._show(dialog)
        return dialog

    def _show(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.show()
