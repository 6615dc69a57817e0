"""The account's controls from this device: its password, its devices, logging one out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from team_desktop.core.i18n import _
from team_desktop.core.sync import credentials
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import ServerRefused, SyncError
from team_desktop.core.wire_time import parse_time

MIN_PASSWORD, MAX_PASSWORD = 8, 1024  # as the server's rules
MAX_NAME = 200  # a device's name, as the server keeps it
MAX_DEVICES = 500  # listed at most: a hostile server's list is cut short


class PasswordRefused(SyncError):
    """A password change refused here or by the server; the message says why in French."""


@dataclass(frozen=True)
class Device:
    """A device logged in to the account, as the server lists it."""

    id: int
    name: str
    logged_in_at: dt.datetime | None
    last_seen_at: dt.datetime | None
    current: bool  # the device asking


def change_password(connection: Connection, current: str, new: str, repeated: str) -> None:
    """Change the account's password; the server logs every other device out."""
    if new != repeated:
        raise PasswordRefused(_("Les deux nouveaux mots de passe ne sont pas identiques."))
    if not MIN_PASSWORD <= len(new) <= MAX_PASSWORD:
        raise PasswordRefused(
            _("Le nouveau mot de passe doit faire au moins {n} caractères.").format(n=MIN_PASSWORD)
        )
    if new == current:
        raise PasswordRefused(_("Le nouveau mot de passe est celui que vous avez déjà."))
    try:
        connection.change_password(current, new)
    except ServerRefused as error:
        if error.status == 403:
            raise PasswordRefused(
                _("Mot de passe actuel incorrect : rien n'a changé. Vérifiez-le et réessayez.")
            ) from error
        raise


def devices(connection: Connection) -> list[Device]:
    """The account's logged-in devices, this one first; an item the server garbled is left
    out, not trusted."""
    found = []
    for item in connection.devices()[:MAX_DEVICES]:
        try:
            found.append(_device(item))
        except (TypeError, ValueError, KeyError):
            continue
    return sorted(found, key=lambda d: (not d.current, -(d.last_seen_at or _EPOCH).timestamp()))


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _device(item: dict) -> Device:
    if not isinstance(item, dict) or type(item["id"]) is not int:
        raise TypeError("device")
    name = item.get("device_name")
    return Device(
        id=item["id"],
        name=name[:MAX_NAME] if isinstance(name, str) else "",
        logged_in_at=_time(item.get("logged_in_at")),
        last_seen_at=_time(item.get("last_seen_at")),
        current=item.get("current") is True,
    )


def _time(value: object) -> dt.datetime | None:
    return parse_time(value) if isinstance(value, str) and len(value) <= 40 else None


def log_out_device(connection: Connection, device: Device) -> None:
    """Log a device out of the account; this very device forgets its session too."""
    connection.log_out_device(device.id)
    if device.current:
        session_ended()


def session_ended() -> None:
    """The server no longer accepts this device's token: forget it (nothing else); the
    learner logs in again and what waits here is sent then."""
    state = sync_state.load()
    credentials.forget_token(state.server_url, state.username)
