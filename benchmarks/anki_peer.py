"""The peer: Anki's own sync server (`python -m anki.syncserver`, from the `anki` package) driven
by real Anki collections, one per simulated user, in the same run as ours.

Closed loop like `load.run_load`: each client syncs again as soon as its sync returns, for a set
time; "noop" syncs an unchanged collection, "change" adds one note and syncs it.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import requests

from benchmarks.load import LoadResult
from benchmarks.report import Row, floor_row, ratio_row
from tests.live_server import free_port

START_TIMEOUT = 180.0


def available() -> str | None:
    """Why the peer cannot run here (None: it can)."""
    try:
        import anki.collection  # noqa: F401
    except ImportError as error:
        return f"the anki package is not installed ({error}): pip install anki"
    return None


@dataclass
class AnkiServer:
    endpoint: str
    users: int
    process: subprocess.Popen


@contextlib.contextmanager
def server(folder: Path, users: int) -> Iterator[AnkiServer]:
    """Anki's sync server with `users` accounts, started and stopped here."""
    port = free_port()
    env = {**os.environ, "SYNC_HOST": "127.0.0.1", "SYNC_PORT": str(port)}
    env["SYNC_BASE"] = str(folder / "base")
    env.update({f"SYNC_USER{n}": f"u{n}:p{n}" for n in range(1, users + 1)})
    with (folder / "anki-server.log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "anki.syncserver"], env=env, stdout=log, stderr=log
        )
    endpoint = f"http://127.0.0.1:{port}/"
    try:
        # With 50 users it took 30 s to answer on this loaded machine.
        deadline = time.monotonic() + START_TIMEOUT
        while not _healthy(endpoint):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"Anki's sync server did not start: see {log.name}")
            time.sleep(0.2)
        yield AnkiServer(endpoint, users, process)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _healthy(endpoint: str) -> bool:
    try:
        return requests.get(endpoint + "health", timeout=1).ok
    except requests.ConnectionError:
        return False


def collections(folder: Path, peer: AnkiServer) -> list[tuple]:
    """One real collection per user, logged in and uploaded once: (collection, auth)."""
    from anki.collection import Collection

    made = []
    for n in range(1, peer.users + 1):
        col = Collection(str(folder / f"c{n}.anki2"))
        auth = col.sync_login(f"u{n}", f"p{n}", peer.endpoint)
        col.sync_collection(auth, False)
        col.full_upload_or_download(auth=auth, server_usn=None, upload=True)
        made.append((col, auth))
    return made


def run_load(clients: list[tuple], kind: str, seconds: float) -> LoadResult:
    """Every client syncs back to back for `seconds` ("noop" or "change")."""
    latencies: list[float] = []
    lock = threading.Lock()
    until = time.monotonic() + seconds

    def loop(col, auth) -> None:
        mine = []
        while time.monotonic() < until:
            if kind == "change":
                note = col.new_note(col.models.by_name("Basic"))
                note["Front"], note["Back"] = "séance", "ce qui a marché"
                col.add_note(note, col.decks.id("Default"))
            started = time.monotonic()
            col.sync_collection(auth, False)
            mine.append((time.monotonic() - started) * 1000)
        with lock:
            latencies.extend(mine)

    cpu = time.process_time()
    started = time.monotonic()
    threads = [threading.Thread(target=loop, args=client) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return LoadResult(len(latencies), elapsed, latencies, (time.process_time() - cpu) / elapsed)


def close(clients: list[tuple]) -> None:
    for col, _auth in clients:
        col.close()


@contextlib.contextmanager
def aside(folder: Path, users: int) -> Iterator[Future]:
    """Anki's sync server started and its users' collections made in a thread while the
    caller works (half a minute each with 50 users on a busy machine), stopped on leaving;
    the future gives the clients, or raises why there are none."""
    with contextlib.ExitStack() as stack, ThreadPoolExecutor(1) as pool:

        def prepare() -> list[tuple]:
            why = available()
            if why:
                raise RuntimeError(why)
            folder.mkdir()
            made = collections(folder, stack.enter_context(server(folder, users)))
            stack.callback(close, made)
            return made

        yield pool.submit(prepare)


def compare(
    peer: Future, seconds: float, ours_noop: LoadResult, ours_sync: LoadResult, details: list[str]
) -> list[Row]:
    """Anki's clients (from `aside`) syncing with nothing to do, then one change each, as rows
    against ours (measured by the caller with as many `load.py` clients, for as long); a table
    added to `details`."""
    try:
        clients = peer.result()
        noop = run_load(clients, "noop", seconds)
        change = run_load(clients, "change", seconds)
    except Exception as error:  # the peer failing must not lose our own figures
        return [Row("Anki sync server as peer", "not measured", note=f"failed: {error}")]
    count = len(clients)
    details += [
        "",
        f"### Side by side with Anki's sync server, {count} clients, closed loop",
        "",
        "Anki: `python -m anki.syncserver` and real Anki collections (the `anki` package), "
        "one thread each. Ours: the season's server, `load.py` clients. The client side of "
        "Anki's runs in this process, so its rate includes its clients' own work.",
        "",
        "| Sync | Anki req/s | Anki p99 ms | Ours req/s | Ours p99 ms |",
        "|---|---|---|---|---|",
        f"| nothing to do | {noop.per_second:.0f} | {noop.p99_ms:.0f} "
        f"| {ours_noop.per_second:.0f} | {ours_noop.p99_ms:.0f} |",
        f"| one change | {change.per_second:.0f} | {change.p99_ms:.0f} "
        f"| {ours_sync.per_second:.0f} | {ours_sync.p99_ms:.0f} |",
        "",
    ]
    figure = f"against Anki's sync server, {count} clients"
    return [
        floor_row(f"No-op sync rate {figure}", ours_noop.per_second, noop.per_second, "req/s"),
        ratio_row(f"No-op sync p99 {figure}", ours_noop.p99_ms, noop.p99_ms, "ms"),
        floor_row(
            f"One-change sync rate {figure}", ours_sync.per_second, change.per_second, "req/s"
        ),
        ratio_row(f"One-change sync p99 {figure}", ours_sync.p99_ms, change.p99_ms, "ms"),
    ]
