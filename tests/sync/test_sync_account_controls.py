"""The account's controls from the client core against a real server: an expired session
loses nothing queued, the password change, the devices and logging one out, a full account."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from clients import PASSWORD, unique, write_entry

from team_desktop.core import outbox, pending
from team_desktop.core.portfolio.attachments import add_attachment
from team_desktop.core.sync import account, my_account
from team_desktop.core.sync.errors import AuthError, SessionExpired

NEW_PASSWORD = "une phrase de passe neuve"


def age_token(server, token: str, days: float) -> None:
    """As if the token had not been used for `days` days."""
    when = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=days)
    server.sql(
        "UPDATE token SET last_used_at = ? WHERE token_hash = ?",
        when.strftime("%Y-%m-%d %H:%M:%S.%f"),
        hashlib.sha256(token.encode()).hexdigest(),
    )


def test_an_expired_session_says_so_and_loses_nothing_queued(make_client, live_server):
    user = unique("sommeil")
    laptop = make_client("portable").sign_up(user, "Awa")
    laptop.sync()
    with laptop:
        entry = write_entry(laptop, "Écrit hors ligne", "Pendant les vacances.")
        assert outbox.count() == 1
    age_token(live_server, laptop.connection.token, days=200)
    with pytest.raises(SessionExpired) as raised:
        laptop.sync()
    assert str(raised.value).startswith("Votre session a expiré, reconnectez-vous")
    with laptop:
        assert outbox.count() == 1  # still queued, untouched
        my_account.session_ended()
        assert account.connect() is None  # no sync retries the dead token
    laptop.log_in(user)
    report = laptop.sync()
    assert report.pushed == 1 and not report.rejected
    desktop = make_client("bureau").log_in(user)
    desktop.sync()
    with desktop:
        from team_desktop.core.store.portfolio_models import JournalEntry

        assert JournalEntry.get_by_id(entry).body == "Pendant les vacances."


def test_password_change_and_devices_from_the_client(make_client):
    user = unique("compte")
    laptop = make_client("portable").sign_up(user, "Awa")
    tablet = make_client("tablette").log_in(user)
    with laptop:
        listed = my_account.devices(laptop.connection)
    assert [d.current for d in listed] == [True, False]  # this device first
    assert all(d.last_seen_at is not None and d.last_seen_at.tzinfo for d in listed)

    with laptop, pytest.raises(my_account.PasswordRefused, match="pas identiques"):
        my_account.change_password(laptop.connection, PASSWORD, NEW_PASSWORD, "autre chose")
    with laptop, pytest.raises(my_account.PasswordRefused, match="actuel incorrect"):
        my_account.change_password(laptop.connection, "pas le bon", NEW_PASSWORD, NEW_PASSWORD)
    with laptop:
        my_account.change_password(laptop.connection, PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    laptop.sync()  # this device stays logged in
    with pytest.raises(AuthError):
        tablet.sync()  # the other one was logged out

    # Logging this very device out forgets its session here too.
    with laptop:
        (this,) = my_account.devices(laptop.connection)
        my_account.log_out_device(laptop.connection, this)
        assert account.connect() is None


def test_a_file_refused_for_the_quota_is_shown_in_the_pending_view(
    make_client, server_factory, tmp_path
):
    server = server_factory(serve_args=("--quota-mo", "0.1"))
    laptop = make_client("portable", server.url).sign_up(unique("plein"), "Awa")
    video = tmp_path / "video.bin"
    video.write_bytes(b"\x00" * 200_000)
    with laptop:
        entry = write_entry(laptop, "Avec une vidéo", "Voir la pièce jointe.")
        add_attachment(laptop.store.paths, entry, video)
    report = laptop.sync()
    assert len(report.files.refused) == 1
    with laptop:
        (file_row,) = [c for c in pending.pending_changes() if c.kind == "file"]
    assert file_row.description == "video.bin"
    assert "Espace de stockage de votre compte plein" in file_row.last_error
