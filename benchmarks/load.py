"""A light load generator: simulated clients on keep-alive HTTP/1.1 connections, asyncio.

Each client is one device of its own account. Requests are written by hand rather than through
an HTTP library, so that the generator costs little next to the server it measures.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import statistics
import time
import uuid
from dataclasses import dataclass, field

import requests

PASSWORD = "mot de passe de charge"


@dataclass
class SimClient:
    """One device: its token, its cursor, and the lessons it marks done one by one."""

    token: str
    device_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    cursor: int = 0
    server_id: str | None = None
    membership_version: int | None = None
    done: int = 0


@dataclass
class LoadResult:
    requests: int
    seconds: float
    latencies_ms: list[float]
    generator_cpu: float  # CPU seconds the generator used per wall second

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    @property
    def p99_ms(self) -> float:
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[98]


def make_clients(api: str, count: int) -> list[SimClient]:
    """`count` accounts, each logged in on one device."""
    clients = []
    session = requests.Session()
    session.headers["X-Team-Protocol"] = "1"
    for _ in range(count):
        username = f"charge-{uuid.uuid4().hex[:10]}"
        created = session.post(
            api + "/accounts",
            json={"username": username, "password": PASSWORD, "display_name": "Charge"},
        )
        created.raise_for_status()
        login = session.post(
            api + "/login",
            json={"username": username, "password": PASSWORD, "device_name": "charge"},
        )
        login.raise_for_status()
        clients.append(SimClient(login.json()["token"]))
    return clients


def progress_change(client: SimClient) -> dict:
    """The next lesson this device marks done."""
    client.done += 1
    return {
        "change_id": f"{client.device_id}:{client.done}",
        "kind": "progress",
        "id": f"team-charge/lecon-{client.done}",
        "base_rev": None,
        "data": {"completed": True, "changed_at": "2026-11-29T08:00:00Z"},
    }


def sync_body(client: SimClient, changes: list[dict]) -> bytes:
    """A sync request pushing `changes` (none: a sync with nothing to do) from `client`'s cursor."""
    body = {
        "protocol": 1,
        "device_id": client.device_id,
        "server_id": client.server_id,
        "cursor": client.cursor,
        "membership_version": client.membership_version,
        "limit": 200,
        "changes": changes,
    }
    return json.dumps(body, separators=(",", ":")).encode()


async def _exchange(reader, writer, head: bytes, body: bytes) -> tuple[int, bytes, bool]:
    writer.write(head + body)
    await writer.drain()
    header = await reader.readuntil(b"\r\n\r\n")
    status = int(header.split(b" ", 2)[1])
    length, zipped = 0, False
    for line in header.split(b"\r\n")[1:]:
        name, _colon, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"content-encoding" and b"gzip" in value:
            zipped = True
    return status, await reader.readexactly(length), zipped


async def _client_loop(
    host: str, port: int, client: SimClient, kind: str, until: float, latencies: list[float]
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    common = (
        f"Host: {host}:{port}\r\nX-Team-Protocol: 1\r\nAccept-Encoding: gzip\r\n"
        f"Authorization: Bearer {client.token}\r\n"
    )
    try:
        while time.monotonic() < until:
            if kind == "health":
                head, body = f"GET /api/v1/health HTTP/1.1\r\n{common}\r\n".encode(), b""
            else:
                body = sync_body(client, [progress_change(client)] if kind == "sync" else [])
                head = (
                    f"POST /api/v1/sync HTTP/1.1\r\n{common}Content-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n"
                ).encode()
            started = time.monotonic()
            status, payload, zipped = await _exchange(reader, writer, head, body)
            latencies.append((time.monotonic() - started) * 1000)
            if status != 200:
                raise RuntimeError(f"{kind}: HTTP {status}: {payload[:200]!r}")
            if kind != "health":
                answer = json.loads(gzip.decompress(payload) if zipped else payload)
                # As the app does: without the membership version, every sync would start
                # again from cursor 0 and pull everything (sync_engine.py).
                client.cursor, client.server_id = answer["cursor"], answer["server_id"]
                client.membership_version = answer["membership_version"]
    finally:
        writer.close()


def run_load(api: str, clients: list[SimClient], kind: str, seconds: float) -> LoadResult:
    """Every client sends `kind` requests back to back for `seconds`.

    "health", "sync" (a one-change push and its pull) or "noop" (a sync with nothing to do).
    """
    host, port = api.split("//", 1)[1].split("/", 1)[0].split(":")
    latencies: list[float] = []

    async def main() -> float:
        until = time.monotonic() + seconds
        started = time.monotonic()
        await asyncio.gather(
            *(_client_loop(host, int(port), c, kind, until, latencies) for c in clients)
        )
        return time.monotonic() - started

    cpu = time.process_time()
    elapsed = asyncio.run(main())
    return LoadResult(len(latencies), elapsed, latencies, (time.process_time() - cpu) / elapsed)
