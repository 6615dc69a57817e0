"""What this device remembers about its server: address, account, cursor, server identity."""

from __future__ import annotations

import json
from dataclasses import dataclass

from team_desktop.core.store.db import get_setting, set_setting
from team_desktop.core.store.models import Setting

KEYS = (
    "server_url",
    "user_id",
    "username",
    "display_name",
    "device_name",
    "cursor",
    "server_id",
    "membership_version",
    "last_sync_at",
    "last_error",
    "former_user_ids",
    "bundle_number",
    "bundles_imported",
    "kept_declared",
)


@dataclass
class SyncState:
    server_url: str = ""
    user_id: str = ""
    username: str = ""
    display_name: str = ""
    device_name: str = ""
    cursor: int = 0
    server_id: str = ""
    membership_version: int | None = None
    last_sync_at: str = ""
    last_error: str = ""
    kept_declared: str = ""  # digest of the last kept-files list the server accepted

    @property
    def configured(self) -> bool:
        """A server address and an account are set."""
        return bool(self.server_url and self.user_id)


def load() -> SyncState:
    """The saved sync state of the active store."""
    # One query, not one per key: the journal asks for this several times as it opens.
    stored = dict(
        Setting.select(Setting.key, Setting.value)
        .where(Setting.key.in_([f"sync.{key}" for key in KEYS]))
        .tuples()
    )
    values = {key: stored.get(f"sync.{key}") for key in KEYS}
    return SyncState(
        server_url=values["server_url"] or "",
        user_id=values["user_id"] or "",
        username=values["username"] or "",
        display_name=values["display_name"] or "",
        device_name=values["device_name"] or "",
        cursor=int(values["cursor"] or 0),
        server_id=values["server_id"] or "",
        membership_version=int(values["membership_version"])
        if values["membership_version"]
        else None,
        last_sync_at=values["last_sync_at"] or "",
        last_error=values["last_error"] or "",
        kept_declared=values["kept_declared"] or "",
    )


def former_user_ids() -> list[str]:
    """Accounts this device was linked to before the current one (a wiped or replaced server)."""
    value = get_setting("sync.former_user_ids")
    return json.loads(value) if value else []


def bundle_number() -> int:
    """The number of the last sync file this device wrote (0: none yet)."""
    return int(get_setting("sync.bundle_number") or 0)


def bundles_imported() -> list[int]:
    """The request numbers whose answers were imported here, the latest last."""
    value = get_setting("sync.bundles_imported")
    return json.loads(value) if value else []


def remember_user(user_id: str) -> None:
    """Link the device to `user_id`, keeping the account it replaces among the former ones."""
    current = load().user_id
    if current and current != user_id:
        save(former_user_ids=json.dumps(sorted({*former_user_ids(), current})))
    save(user_id=user_id)


def save(**changes: object) -> None:
    """Save some fields (call inside the transaction that makes them true)."""
    for key, value in changes.items():
        if key not in KEYS:
            raise KeyError(key)
        if value is None:
            Setting.delete().where(Setting.key == f"sync.{key}").execute()
        else:
            set_setting(f"sync.{key}", str(value))
