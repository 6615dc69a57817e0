"""A MOOC season's traffic, replayed open loop: requests arrive at a set rate (Poisson), not
when the previous one is answered, so a slow server faces a queue as it would in a real week.

The mix (shares of all requests) and where each figure comes from:

- The app syncs every 5 minutes while open (team_desktop/ui/sync_service.py, PERIOD_MS), and
  4 s after a change (DEBOUNCE_MS). A learner with the app open about an hour on a study day,
  seven days a week at most, makes about 84 syncs a week: the unit below.
- Per learner and week, as the course is built (one module pack a week, pack.toml `week`;
  about ten activities per module): ~10 activities done (progress: 12 % of syncs), ~2.5
  journal entries, shared with the group (3 %), ~1.7 comments on a group member's writing (2 %),
  one pack (1.2 %) and one attachment (1.2 %) downloaded, one login (a new device or an expired
  token, 1.2 %); account creations are the first week's (0.2 %).
- The rest, ~79 %, are syncs with nothing to push; they still pull what the group wrote.

Learners (season_cohort.py) are in groups of 10 to 30, a training session's size; each has one
device, sending one request at a time, as the app does. Latency is measured from the scheduled
arrival, so a request that waited for a free connection counts that wait (no coordinated
omission).
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import random
import statistics
import time
import uuid
from collections import Counter
from dataclasses import dataclass

from benchmarks.load import PASSWORD, _exchange, progress_change, sync_body
from benchmarks.season_cohort import Cohort, Learner

MIX = {
    "noop": 0.792,
    "progress": 0.12,
    "entry": 0.03,
    "comment": 0.02,
    "pack": 0.012,
    "attachment": 0.012,
    "login": 0.012,
    "signup": 0.002,
}
# The requests that are syncs (POST /sync); the others download, log in or sign up.
SYNCS = ("noop", "progress", "entry", "comment")
STAMP = "2026-11-29T08:15:00Z"


@dataclass
class SeasonResult:
    rate: float
    seconds: float
    latencies_ms: list[float]
    failures: dict[str, int]  # "kind: HTTP status" or "kind: exception" -> how many
    by_kind: dict[str, list[float]]  # latencies of each kind's answered requests
    dropped: int  # arrivals with every device already waiting on an answer

    @property
    def errors(self) -> int:
        return sum(self.failures.values())

    @property
    def per_second(self) -> float:
        return len(self.latencies_ms) / self.seconds

    def quantile(self, q: int, kinds: tuple[str, ...] | None = None) -> float:
        """The q-th percentile latency, of every request or of these kinds only."""
        chosen = (
            self.latencies_ms
            if kinds is None
            else [ms for kind in kinds for ms in self.by_kind[kind]]
        )
        if len(chosen) < 2:
            return chosen[0] if chosen else float("nan")
        return statistics.quantiles(chosen, n=100, method="inclusive")[q - 1]


def _changes(kind: str, learner: Learner, cohort: Cohort, chance: random.Random) -> list[dict]:
    if kind == "progress":
        return [progress_change(learner) for _ in range(chance.randint(1, 3))]
    record_id = str(uuid.uuid4())
    if kind == "entry":
        learner.entries.append(record_id)
        data = {
            "title": "Séance du lundi",
            "body": "Ce qui a marché, ce qui reste à reprendre avec le binôme. " * 8,
            "tags": [],
            "attachments": [],
            "template_id": None,
            "lesson_uid": None,
            "activity_uid": None,
            "entry_date": "2026-11-29",
            "visibility": "group",
            "group_id": learner.group_id,
            "trashed_at": None,
            "deleted": False,
            "conflict_of": None,
            "created_at": STAMP,
            "updated_at": STAMP,
        }
    else:  # a comment on a group member's shared entry
        peers = [p for p in cohort.learners if p.group_id == learner.group_id and p.entries]
        if not peers:
            return _changes("entry", learner, cohort, chance)
        target = chance.choice(chance.choice(peers).entries)
        data = {
            "target_kind": "entry",
            "target_id": target,
            "body": "Merci, je reprends ton idée.",
            "created_at": STAMP,
        }
    change = {"change_id": str(uuid.uuid4()), "kind": kind, "id": record_id, "base_rev": None}
    return [{**change, "data": data}]


def _request(kind: str, learner: Learner, cohort: Cohort, host: str, chance) -> bytes:
    common = f"Host: {host}\r\nX-Team-Protocol: 1\r\nAccept-Encoding: gzip\r\n"
    if kind in ("login", "signup"):
        if kind == "login":
            body = {"username": learner.username, "password": PASSWORD, "device_name": "saison"}
            path = "/api/v1/login"
        else:
            name = f"saison-{uuid.uuid4().hex[:10]}"
            body = {"username": name, "password": PASSWORD, "display_name": "Nouvelle"}
            path = "/api/v1/accounts"
        payload = json.dumps(body).encode()
        return _post(path, common, payload)
    common += f"Authorization: Bearer {learner.token}\r\n"
    if kind == "pack":
        return f"GET {cohort.pack_path} HTTP/1.1\r\n{common}\r\n".encode()
    if kind == "attachment":
        return f"GET /api/v1/blobs/{cohort.attachment} HTTP/1.1\r\n{common}\r\n".encode()
    changes = [] if kind == "noop" else _changes(kind, learner, cohort, chance)
    return _post("/api/v1/sync", common, sync_body(learner, changes))


def _post(path: str, common: str, body: bytes) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\n{common}Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def replay(api: str, cohort: Cohort, rate: float, seconds: float, seed: int = 11) -> SeasonResult:
    """Requests of the mix arriving at `rate` per second for `seconds`, open loop."""
    host = api.split("//", 1)[1].split("/", 1)[0]
    address, port = host.split(":")
    chance = random.Random(seed)
    kinds, weights = list(MIX), list(MIX.values())
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {kind: [] for kind in MIX}
    failures: Counter[str] = Counter()
    dropped = 0
    idle: list[tuple] = []  # kept-alive connections, reused as the app's are

    async def send(message: bytes) -> tuple[tuple, int, bytes, bool]:
        # A kept-alive connection the server closed while idle (after 5 s) fails before any
        # answer: the request goes again on a new one, as HTTP clients do.
        while idle:
            connection = idle.pop()
            with contextlib.suppress(OSError, asyncio.IncompleteReadError):
                return connection, *await _exchange(*connection, message, b"")
            connection[1].close()
        connection = await asyncio.open_connection(address, port)
        return connection, *await _exchange(*connection, message, b"")

    async def one(kind: str, learner: Learner, due: float) -> None:
        message = _request(kind, learner, cohort, host, chance)
        try:
            connection, status, payload, zipped = await send(message)
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            failures[f"{kind}: {type(error).__name__}"] += 1
            learner.busy = False
            return
        latency = (time.monotonic() - due) * 1000
        latencies.append(latency)
        idle.append(connection)
        learner.busy = False
        if status not in (200, 201, 206):
            failures[f"{kind}: HTTP {status}"] += 1
            return
        by_kind[kind].append(latency)
        if kind in ("noop", "progress", "entry", "comment"):
            answer = json.loads(gzip.decompress(payload) if zipped else payload)
            learner.cursor, learner.server_id = answer["cursor"], answer["server_id"]
            learner.membership_version = answer["membership_version"]

    async def main() -> float:
        nonlocal dropped
        tasks = []
        started = due = time.monotonic()
        end = started + seconds
        while True:
            due += chance.expovariate(rate)
            if due >= end:
                break
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            free = [c for c in cohort.learners if not c.busy]
            if not free:
                dropped += 1
                continue
            learner = chance.choice(free)
            learner.busy = True
            kind = chance.choices(kinds, weights)[0]
            tasks.append(asyncio.ensure_future(one(kind, learner, due)))
        await asyncio.gather(*tasks)
        for _reader, writer in idle:
            writer.close()
        return max(time.monotonic() - started, seconds)

    elapsed = asyncio.run(main())
    return SeasonResult(rate, elapsed, latencies, dict(failures), by_kind, dropped)
