"""Research in the window: consent at start, the questionnaire dialog, Mes données, privacy."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from team_desktop.core import progress
from team_desktop.core.paths import resources_dir
from team_desktop.core.research import answers, consent
from team_desktop.core.sync import account
from team_desktop.core.sync import state as sync_state
from team_desktop.ui.actions import Act
from team_desktop.ui.consent_dialog import ConsentDialog
from team_desktop.ui.my_data_dialog import MyDataDialog
from team_desktop.ui.questionnaire_dialog import QuestionnaireDialog

QUESTIONNAIRE = "test-mini/mini-questionnaire"
PASSWORD = "un mot de passe assez long"


def test_consent_is_asked_at_first_start_until_the_learner_chooses(window, qtbot):
    window.research.start()
    dialog = window.research.dialog
    assert isinstance(dialog, ConsentDialog) and dialog.isVisible()
    assert not dialog.isModal()  # the course stays readable meanwhile
    assert "ERCAE" in dialog.browser.toPlainText()
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert consent.decision() is None
    window.research.start()  # "Plus tard" asks again at the next start
    dialog = window.research.dialog
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.decided) as decided:
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert decided.args == [True]
    stored = consent.decision()
    assert stored.consent and stored.version == consent.load_text().version
    window.research.dialog = None
    window.research.start()
    assert window.research.dialog is None  # decided: not asked again


def test_a_new_text_version_asks_again_and_settings_show_the_choice(window, qtbot):
    consent.decide(True, "0")  # accepted an older text
    window.research.start()
    dialog = window.research.dialog
    assert "a changé" in dialog.state.text()
    window.actions_[Act.RESEARCH_CONSENT].trigger()
    dialog = window.research.dialog
    assert dialog.later_button.text() == "Fermer"
    qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)
    assert not consent.consenting()
    window.actions_[Act.RESEARCH_CONSENT].trigger()
    assert "ne participez pas" in window.research.dialog.state.text()


def test_the_questionnaire_is_answered_offline_and_shows_previous_answers(window, qtbot):
    window.open_lesson("test-mini/seconde")
    window.on_activity_requested("questionnaire", QUESTIONNAIRE)
    dialog = window.research.dialog
    assert isinstance(dialog, QuestionnaireDialog)
    scale = dialog.scales["confiance"]
    assert [b.text() for b in scale.buttons()][-1] == "Je préfère ne pas répondre"
    assert scale.checkedId() == 0  # nothing chosen for the learner
    scale.button(4).click()
    dialog.texts["frein"].setPlainText("Le temps")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert answers.latest_answers(QUESTIONNAIRE) == {"confiance": 4, "frein": "Le temps"}
    # The lesson hears of the answer by the change bus, on a later turn of the event loop.
    qtbot.waitUntil(lambda: "Vous avez répondu le" in window.lesson.browser.toPlainText())
    window.on_activity_requested("questionnaire", QUESTIONNAIRE)
    again = window.research.dialog
    assert again.scales["confiance"].checkedId() == 4
    assert again.texts["frein"].toPlainText() == "Le temps"
    assert "restent sur cet appareil" in again.where.text()
    again.reject()
    # Taking part: the learner is told, as they answer, that written answers stay out.
    consent.decide(True, consent.load_text().version)
    window.on_activity_requested("questionnaire", QUESTIONNAIRE)
    told = window.research.dialog.where.text()
    assert "seront transmises" in told and "réponses écrites" in told and "jamais" in told


def test_a_refused_answer_is_explained_and_the_dialog_keeps_it(window):
    window.on_activity_requested("questionnaire", QUESTIONNAIRE)
    dialog = window.research.dialog
    dialog.texts["frein"].setPlainText("x" * (answers.MAX_OPEN_CHARS + 1))
    dialog.save()
    assert "trop longue" in dialog.status.text()
    assert dialog.isVisible() and len(dialog.texts["frein"].toPlainText()) > 5000
    assert answers.latest(QUESTIONNAIRE) is None


def test_privacy_notice_is_in_the_help_menu_and_matches_the_docs(window):
    window.actions_[Act.PRIVACY].trigger()
    text = window.research.dialog.findChild(QTextBrowser).toPlainText()
    assert "Mes données" in text and "pseudonyme" in text
    docs = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"
    notice = resources_dir() / "research" / "confidentialite.md"
    assert docs.read_text(encoding="utf-8") == notice.read_text(encoding="utf-8")


def test_my_data_without_an_account_says_everything_is_here(window):
    window.actions_[Act.MY_DATA].trigger()
    dialog = window.research.dialog
    assert isinstance(dialog, MyDataDialog)
    assert "sur cet appareil" in dialog.summary.toPlainText()
    assert not dialog.delete_button.isEnabled()


@pytest.fixture
def signed_in(server_factory, store):
    server = server_factory("sqlite")
    username = f"mesdonnees-{uuid.uuid4().hex[:6]}"
    account.log_in(server.url, username, PASSWORD, "portable", "Inès", create=True)
    return server, username


def test_my_data_shows_downloads_and_deletes_the_account(window, qtbot, signed_in, tmp_path):
    _server, username = signed_in
    progress.set_completed("test-mini/premiere")
    window.sharing.service.sync_now()
    qtbot.waitUntil(lambda: sync_state.load().last_sync_at != "", timeout=15000)
    window.actions_[Act.MY_DATA].trigger()
    dialog = window.research.dialog
    qtbot.waitUntil(lambda: username in dialog.summary.toPlainText(), timeout=15000)
    assert "Progression dans les leçons" in dialog.summary.toPlainText()
    target = tmp_path / "mes-donnees.zip"
    dialog.download(target)
    qtbot.waitUntil(lambda: "enregistrées dans" in dialog.status.text(), timeout=15000)
    assert "enregistrements/progress.json" in zipfile.ZipFile(target).namelist()

    dialog.password.setText("pas le bon")
    assert not dialog.delete_button.isEnabled()  # the confirmation box is not ticked yet
    dialog.understood.setChecked(True)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Mot de passe incorrect" in dialog.status.text(), timeout=15000)
    assert sync_state.load().configured

    dialog.password.setText(PASSWORD)
    dialog.erase_local.setChecked(True)
    with qtbot.waitSignal(dialog.account_deleted, timeout=15000) as deleted:
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert deleted.args == [True]
    assert not sync_state.load().configured
    assert not progress.is_completed("test-mini/premiere")
