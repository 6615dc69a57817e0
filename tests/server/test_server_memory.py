"""A server process gives back the memory that hashing passwords borrowed."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

PASSWORD = "un mot de passe assez long"
HEADERS = {"X-Team-Protocol": "1"}


def _resident_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    raise AssertionError("no VmRSS")


def _sign_up_and_log_in(api: str) -> tuple[int, int]:
    name = f"m{uuid.uuid4().hex[:12]}"
    made = requests.post(
        api + "/accounts",
        json={"username": name, "password": PASSWORD, "display_name": "M"},
        headers=HEADERS,
        timeout=30,
    )
    login = requests.post(
        api + "/login",
        json={"username": name, "password": PASSWORD, "device_name": "poste"},
        headers=HEADERS,
        timeout=30,
    )
    return made.status_code, login.status_code


def test_sign_ups_from_several_clients_do_not_keep_the_hashing_buffers(server_factory):
    # Argon2 borrows 19 MiB per hash. glibc kept those buffers in each thread's arena: a
    # worker grew from 83 to 198 MB after these 24 sign-ups and logins (2 MB once fixed).
    server = server_factory()
    before = _resident_mb(server.process.pid)
    with ThreadPoolExecutor(6) as clients:
        answers = list(clients.map(lambda _i: _sign_up_and_log_in(server.api), range(24)))
    assert set(answers) == {(201, 200)}
    assert _resident_mb(server.process.pid) - before < 40
