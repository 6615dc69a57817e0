"""Where the device's token lives: the system keyring, or only this session's memory.

Never a plain file and never the database: without a keyring the learner types their password
again at the next session.
"""

from __future__ import annotations

# keyring and its backends load in the functions that need them, not at the app's start.
SERVICE = "TEAM Desktop"
_session_tokens: dict[str, str] = {}


def keyring_available() -> bool:
    """True when a real keyring backend can store secrets."""
    import keyring
    from keyring.errors import KeyringError

    try:
        backend = keyring.get_keyring()
    except KeyringError:
        return False
    return getattr(backend, "priority", 0) > 0 and "fail" not in type(backend).__module__


def _account(server_url: str, username: str) -> str:
    return f"{username}@{server_url}"


def store_token(server_url: str, username: str, token: str) -> bool:
    """Keep the token; returns True if it will survive a restart (keyring), False if memory only."""
    import keyring
    from keyring.errors import KeyringError

    account = _account(server_url, username)
    _session_tokens[account] = token
    if not keyring_available():
        return False
    try:
        keyring.set_password(SERVICE, account, token)
    except KeyringError:
        return False
    return True


def load_token(server_url: str, username: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    account = _account(server_url, username)
    if account in _session_tokens:
        return _session_tokens[account]
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, account)
    except KeyringError:
        return None


def forget_token(server_url: str, username: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    account = _account(server_url, username)
    _session_tokens.pop(account, None)
    if keyring_available():
        try:
            keyring.delete_password(SERVICE, account)
        except KeyringError:
            pass
