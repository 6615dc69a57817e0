"""Messages a trainer understands when logging in: wrong password, unreachable address, empty
fields; no developer default address; French plurals without compiled catalogues."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication

from team_desktop.core.store.models import PackRecord
from team_desktop.core.sync import account
from team_desktop.core.sync import state as sync_state
from team_desktop.ui import language
from team_desktop.ui.account_dialog import AccountDialog
from tests.live_server import PASSWORD

NOT_RECOGNISED = "ne vous reconnaît plus"


@pytest.fixture
def dialog(window, qtbot):
    made = AccountDialog(window.runner, window)
    qtbot.addWidget(made)
    made.show()
    return made


def _missing(field) -> bool:
    return bool(field.property("missing"))


def _submit_and_wait(dialog, qtbot) -> str:
    dialog.submit()
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=15000)
    return dialog.status.text()


def test_no_developer_address_and_empty_fields_are_framed(dialog):
    assert dialog.server.text() == ""
    assert "https://" in dialog.server.placeholderText()
    dialog.username.setText("awa")
    dialog.submit()
    assert _missing(dialog.server) and _missing(dialog.password)
    assert not _missing(dialog.username)
    assert "Adresse du serveur" in dialog.status.text() and "Mot de passe" in dialog.status.text()
    assert dialog.status.property("error") is True
    assert dialog.server.hasFocus() or not dialog.isActiveWindow()
    dialog.server.textEdited.emit("h")  # typing in it clears the frame
    assert not _missing(dialog.server)


def test_an_address_from_the_course_pack_is_offered(window, qtbot):
    pack = PackRecord.get()
    meta = json.loads(pack.meta_json) | {"server": "https://team.greta-exemple.fr"}
    PackRecord.update(meta_json=json.dumps(meta)).where(PackRecord.id == pack.id).execute()
    made = AccountDialog(window.runner, window)
    qtbot.addWidget(made)
    assert made.server.text() == "https://team.greta-exemple.fr"


def test_a_wrong_password_says_so_on_a_real_server(dialog, qtbot, server):
    account = server.new_account("awa")
    dialog.server.setText(server.url)
    dialog.username.setText(account.username)
    dialog.password.setText(PASSWORD + " faux")
    text = _submit_and_wait(dialog, qtbot)
    assert text.startswith("Identifiant ou mot de passe incorrect")
    assert NOT_RECOGNISED not in text
    assert _missing(dialog.password) and not _missing(dialog.server)
    assert dialog.isVisible() and not sync_state.load().configured

    dialog.password.setText(PASSWORD)  # the right one: logged in, the dialog closes
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.submit()
    assert sync_state.load().username == account.username


def test_an_unreachable_address_says_it_could_not_be_reached(dialog, qtbot, server):
    address = server.url
    server.stop()  # a real address where nothing answers any more
    dialog.server.setText(address)
    dialog.username.setText("awa")
    dialog.password.setText(PASSWORD)
    text = _submit_and_wait(dialog, qtbot)
    assert f"L'adresse « {address} » n'a pas pu être jointe" in text
    assert NOT_RECOGNISED not in text and "Pas de connexion" not in text
    assert _missing(dialog.server)

    dialog.server.setText("mon serveur")  # not an address at all
    assert "n'a pas pu être jointe" in _submit_and_wait(dialog, qtbot)


def test_french_plurals_without_compiled_catalogues(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)  # nothing compiled
    language.install_language(qapp, "fr")
    try:
        translate = QCoreApplication.translate
        assert translate("HomeView", "{d}/%n leçon(s)", "", 3) == "{d}/3 leçons"
        assert translate("HomeView", "{d}/%n leçon(s)", "", 1) == "{d}/1 leçon"
        assert translate("X", "%n pièce(s) jointe(s)", "", 0) == "0 pièce jointe"
        assert translate("X", "Texte (sans nombre)", "") == "Texte (sans nombre)"
    finally:
        monkeypatch.undo()
        language.install_language(qapp, "fr")


def test_an_address_without_scheme_is_https_and_http_is_said_unencrypted(dialog, qtbot):
    assert account.normalise_url(" team.greta-exemple.fr/ ") == "https://team.greta-exemple.fr"
    dialog.server.setText("team.greta-exemple.fr")
    assert not dialog.security.isVisible()
    dialog.server.setText("http://team.greta-exemple.fr")
    assert dialog.security.isVisible() and "pas chiffrée" in dialog.security.text()
    dialog.server.setText("https://team.greta-exemple.fr")
    assert not dialog.security.isVisible()
    dialog.server.setText("http://127.0.0.1:8765")  # this computer: nothing crosses a network
    assert not dialog.security.isVisible()


def test_logging_in_to_an_address_typed_without_scheme_uses_https(dialog, qtbot, server):
    # The test server speaks plain http: an https attempt to it fails, which proves the scheme.
    account_on_server = server.new_account("awa")
    dialog.server.setText(server.url.removeprefix("http://"))
    dialog.username.setText(account_on_server.username)
    dialog.password.setText(PASSWORD)
    text = _submit_and_wait(dialog, qtbot)
    assert f"https://{server.url.removeprefix('http://')}" in text
    assert not sync_state.load().configured
