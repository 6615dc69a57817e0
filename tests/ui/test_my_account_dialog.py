""" "Mon compte" on a real server: the devices list and logging one out, the password change,
and an expired session told in the status bar with nothing queued lost."""

from __future__ import annotations

import datetime as dt

import pytest

from team_desktop.core import outbox
from team_desktop.core.portfolio.entries import create_entry, save_entry
from team_desktop.core.sync import account
from team_desktop.ui.account_dialog import AccountDialog
from tests.live_server import PASSWORD

NEW_PASSWORD = "une phrase de passe neuve"


@pytest.fixture
def learner(server, window):
    """An account with a device "test" elsewhere, logged in here as "Portable"."""
    made = server.new_account("moi")
    account.log_in(server.url, made.username, PASSWORD, "Portable")
    return made


def open_my_account(window, qtbot):
    outer = AccountDialog(window.runner, window)
    qtbot.addWidget(outer)
    assert outer.my_account_button.isEnabled()
    dialog = outer.show_my_account()
    qtbot.waitUntil(lambda: dialog.devices.rowCount() == 2, timeout=15000)
    return outer, dialog


def test_devices_are_listed_and_one_is_logged_out(window, qtbot, server, learner):
    outer, dialog = open_my_account(window, qtbot)
    names = [dialog.devices.item(row, 0).text() for row in range(2)]
    assert names == ["Portable (cet appareil)", "test"]
    assert dialog.devices.item(1, 1).text()  # when it was last seen
    assert not dialog.log_out_button.isEnabled()  # nothing chosen yet

    dialog.devices.selectRow(1)
    assert dialog.log_out_button.isEnabled()
    dialog.log_out_button.click()
    qtbot.waitUntil(lambda: dialog.devices.rowCount() == 1, timeout=15000)
    assert dialog.status.text() == "« test » est déconnecté."
    assert server.session(learner.token).get(server.api + "/me").status_code == 401

    # This very device: logged out, told so, and the account dialog follows.
    dialog.devices.selectRow(0)
    with qtbot.waitSignal(dialog.logged_out, timeout=15000):
        dialog.log_out_button.click()
    assert account.connect() is None
    assert "Cet appareil est déconnecté" in dialog.status.text()
    assert not dialog.change_button.isEnabled()
    assert not outer.logout_button.isEnabled() and not outer.my_account_button.isEnabled()


def test_the_password_is_changed_and_other_devices_logged_out(window, qtbot, server, learner):
    _outer, dialog = open_my_account(window, qtbot)
    dialog.current.setText(PASSWORD)
    dialog.new.setText(NEW_PASSWORD)
    dialog.repeated.setText(NEW_PASSWORD + "!")
    dialog.change_button.click()
    qtbot.waitUntil(dialog.change_button.isEnabled, timeout=15000)
    assert "pas identiques" in dialog.status.text()
    assert dialog.status.property("error") is True

    dialog.repeated.setText(NEW_PASSWORD)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Mot de passe changé"), timeout=15000)
    assert dialog.current.text() == "" and dialog.new.text() == ""
    qtbot.waitUntil(lambda: dialog.devices.rowCount() == 1, timeout=15000)
    assert server.session(learner.token).get(server.api + "/me").status_code == 401
    login = server.session().post(
        server.api + "/login", json={"username": learner.username, "password": NEW_PASSWORD}
    )
    assert login.status_code == 200


def test_an_expired_session_is_told_and_nothing_queued_is_lost(
    window, qtbot, server, learner, store
):
    entry = create_entry(store.paths.packs, title="Écrit dans le train")
    save_entry(entry.id, body="Sans réseau.")
    waiting = outbox.count()
    assert waiting >= 1
    long_ago = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=365)
    server.sql(
        "UPDATE token SET last_used_at = ? WHERE device_name = 'Portable'",
        long_ago.strftime("%Y-%m-%d %H:%M:%S.%f"),
    )
    service = window.sharing.service
    service.sync_now()
    qtbot.waitUntil(lambda: service.state == "login", timeout=15000)
    assert window.sharing.status.text().startswith("Votre session a expiré, reconnectez-vous")
    assert outbox.count() == waiting
    service.sync_now()  # no token left to try: the message stays
    assert window.sharing.status.text().startswith("Votre session a expiré")

    account.log_in(server.url, learner.username, PASSWORD, "Portable")
    with qtbot.waitSignal(service.synced, timeout=15000):
        service.sync_now()
    assert outbox.count() == 0
    # The entry reached the server: another device pulls it.
    pulled = server.session(server.login(learner.username)).post(
        server.api + "/sync",
        json={"protocol": 1, "device_id": "0" * 32, "cursor": 0, "limit": 200, "changes": []},
    )
    assert entry.id in {change["id"] for change in pulled.json()["changes"]}
