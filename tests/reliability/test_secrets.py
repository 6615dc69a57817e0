"""No token and no password in logs, configuration files or the SQLite files, on either side.

A learner signs up, logs in on a second device, writes, syncs, mistypes the password once and
logs out. Then every file under both devices' data directories and the server's data
directory (its log, access lines included) is read as bytes and searched for the password and every token
handed out, in clear and as the base64 or URL-quoted forms a careless log line would use.
"""

from __future__ import annotations

import base64
import urllib.parse
from pathlib import Path

from clients import PASSWORD, Client, unique, write_entry
from live_server import LiveServer

from team_desktop.core import progress
from team_desktop.core.sync import account


def _forms(secret: str) -> list[bytes]:
    raw = secret.encode()
    return [raw, base64.b64encode(raw), urllib.parse.quote(secret).encode()]


def _files(*roots: Path) -> list[Path]:
    return [path for root in roots for path in root.rglob("*") if path.is_file()]


def test_no_secret_is_written_anywhere(tmp_path):
    server = LiveServer(tmp_path / "serveur")
    server.start()
    try:
        username = unique("yasmine")
        first = Client(tmp_path / "portable", server.url).sign_up(username, "Yasmine")
        second = Client(tmp_path / "tablette", server.url).log_in(username)
        with first:
            write_entry(first, "Séance", "texte")
            progress.set_completed("test-mini/premiere")
        first.sync()
        second.sync()
        # A failed login too: the wrong password must not be logged either.
        wrong = "pas le bon mot de passe 🙂"
        try:
            with second:
                account.log_in(server.url, username, wrong, "x")
        except Exception:  # noqa: BLE001 (refused, as it should be)
            pass
        tokens = [first.connection.token, second.connection.token]
        with second:
            account.log_out()
        for client in (first, second):
            client.close()
    finally:
        server.stop()
    files = _files(tmp_path / "portable", tmp_path / "tablette", server.data_dir)
    assert any(path.name == "server.log" for path in files)
    assert any(path.suffix == ".sqlite3" or "sqlite" in path.name for path in files)
    for path in files:
        content = path.read_bytes()
        for secret in [PASSWORD, wrong, *tokens]:
            for form in _forms(secret):
                assert form not in content, f"a secret in {path.relative_to(tmp_path)}"
