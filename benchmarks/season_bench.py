"""A season's mix, open loop, on PostgreSQL with two workers: the highest rate holding p99 ≤
100 ms, what one more core and one more server process give, the server's memory per worker
and per 1,000 connected clients; Anki's sync server as the peer."""

from __future__ import annotations

import asyncio
import math
import statistics
from concurrent.futures import ThreadPoolExecutor, wait
from functools import partial
from pathlib import Path

from benchmarks import anki_peer, servers
from benchmarks.load import make_clients, run_load
from benchmarks.report import Row, floor_row, ratio_row
from benchmarks.season import MIX, SYNCS
from benchmarks.season_capacity import (
    P99_MS,
    SEASON_RATE,
    Step,
    cores,
    highest,
    holds,
    measure,
    search,
)
from benchmarks.season_cohort import make_cohort

LEARNERS = 200
PACK = "/api/v1/packs/test-mini/1.0.0"  # tests/fixtures/mini-pack, published by _publish
PEER_CLIENTS = 50


def run(tmp: Path, smoke: bool) -> tuple[list[Row], list[str]]:
    # The target is on PostgreSQL; the smoke run only checks that it all runs, on SQLite.
    backend = "postgresql" if servers.postgres_url() and not smoke else "sqlite"
    workers = 2 if backend == "postgresql" else 1
    peers, closed_loop = (2, 0.3) if smoke else (PEER_CLIENTS, 5.0)
    warm_up = 0.2 if smoke else 2.0  # the pools' connections opened, caches filled
    with anki_peer.aside(tmp / "anki", peers) as peer:
        with servers.server(tmp / "season", backend, workers) as live:
            fresh = {pid: servers.memory_mb(pid)[0] for pid in servers.tree(live.process.pid)}
            with ThreadPoolExecutor(2) as pool:  # the set-up, all at once: it is not measured
                published = pool.submit(_publish, live, tmp)
                ours = pool.submit(_accounts, live.api, peers)
                cohort = make_cohort(live.api, 5 if smoke else LEARNERS, PACK)
                published.result()
            wait([peer])  # Anki's server started and idle before anything is measured
            measure(live, cohort, 50, warm_up)
            steps = search(live, cohort, smoke)
            configs = cores(live, cohort, smoke, (2, 1))
            memory = _memory(live, fresh, 100 if smoke else 1000)
            ours_noop = run_load(live.api, ours.result(), "noop", closed_loop)
            ours_sync = run_load(live.api, ours.result(), "sync", closed_loop)
            if workers > 1:  # one server process fewer, then as many again: is it the order?
                live.restart(1)
                measure(live, cohort, 50, warm_up)
                configs += cores(live, cohort, smoke, (1, 2))
                live.restart(workers)
                measure(live, cohort, 50, warm_up)
                configs += cores(live, cohort, smoke, (2,), again=True)
        rows = _highest(steps) + _capacity(configs, workers) + memory
        details = _search_table(steps, backend, workers, len(cohort.learners))
        details += _configs_table(configs)
        rows += anki_peer.compare(peer, closed_loop, ours_noop, ours_sync, details)
    return rows, [*details, ""]


def _accounts(api: str, count: int) -> list:
    """`count` accounts of load.py's, made by two threads (each login hashes a password)."""
    # Two threads: with the cohort's four, under the sign-ups' per-address limit of ten at once.
    shares = [count // 2 + (n < count % 2) for n in range(2)]
    with ThreadPoolExecutor(2) as pool:
        return [client for made in pool.map(partial(make_clients, api), shares) for client in made]


def _publish(live, tmp: Path) -> None:
    from team_desktop.core.content.archive import build_archive

    archive = tmp / "mini.teampack"
    build_archive(Path(__file__).resolve().parents[1] / "tests/fixtures/mini-pack", archive)
    done = live.admin("publish-pack", str(archive))
    if done.returncode:
        raise RuntimeError(done.stderr)


def _highest(steps: list[Step]) -> list[Row]:
    """The highest rate holding p99 ≤ 100 ms: of the whole mix (the target), of its syncs."""
    rows = []
    for kinds, what in ((None, "Season mix"), (SYNCS, "Season mix, its syncs only")):
        best = highest(steps, kinds)
        failing = [s for s in steps if best is None or s.result.rate > best]
        note = f"rates tried in order: {', '.join(step.label for step in steps)}"
        if best is not None:
            at = max((s for s in steps if s.result.rate == best), key=lambda s: holds(s, kinds))
            note += f"; p99 at {best:g}: {at.result.quantile(99, kinds):.0f} ms"
        if failing:
            first = min(failing, key=lambda s: s.result.rate)
            logins = first.result.by_kind["login"] + first.result.by_kind["signup"]
            note += (
                f"; at {first.label}: p99 {first.result.quantile(99, kinds):.0f} ms, "
                f"{first.result.errors} errors{_listed(first.result.failures)}, slowest login "
                + (f"{max(logins):.0f} ms" if logins else "none")
            )
        rows.append(
            Row(
                f"{what}: highest rate with p99 ≤ 100 ms and no error (searched)",
                f"{best:g} req/s"
                if best is not None
                else f"none (not even {min(s.result.rate for s in steps):g} req/s)",
                note=note,
            )
        )
    return rows


def _listed(failures: dict[str, int]) -> str:
    return (
        f" ({', '.join(f'{what} ×{count}' for what, count in failures.items())})"
        if failures
        else ""
    )


def _capacity(configs: list[tuple[int, int, Step]], workers: int) -> list[Row]:
    """The target on the whole machine; what one more core and one more server process gave;
    the cores 333 req/s needs, from the CPU each request cost."""
    by: dict[tuple[int, int], list[Step]] = {}
    for w, c, step in configs:
        by.setdefault((w, c), []).append(step)
    whole = by[workers, max(c for _w, c in by)][0]
    rows = [
        ratio_row(
            f"Season mix at {SEASON_RATE} req/s: p99", whole.result.quantile(99), P99_MS, "ms"
        ),
        floor_row(
            f"Season mix at {SEASON_RATE} req/s: completed",
            whole.result.per_second,
            SEASON_RATE,
            "req/s",
        ),
    ]
    rows.append(_needed(configs))
    for row in rows[:2]:
        if not row.met:
            row.explain(
                f"{SEASON_RATE} req/s of the mix needs {rows[-1].measured} of CPU, measured; "
                "this machine has 2, shared with other work: see the row 'Cores needed'"
            )
    for (one, two), what in (
        (((workers, 1), (workers, 2)), f"One more core ({workers} worker(s))"),
        (((1, 2), (2, 2)), "One more server process (2 cores)"),
    ):
        if one in by and two in by and one != two:
            rows.append(_gain(what, by[one], by[two]))
    return rows


def _needed(configs: list[tuple[int, int, Step]]) -> Row:
    """The cores and worker processes 333 req/s needs, from the CPU per request measured at
    saturation (the median of the runs at 333, which the machine's other work moves)."""
    steps = [step for _w, _c, step in configs]
    cpu = statistics.median(step.server_cpu for step in steps)
    app = statistics.median(step.app_cpu for step in steps)
    generator = SEASON_RATE * statistics.median(step.generator_cpu for step in steps)
    low, high = min(s.server_cpu for s in steps), max(s.server_cpu for s in steps)
    return Row(
        f"Cores needed for the mix at {SEASON_RATE} req/s (measured CPU per request)",
        f"{SEASON_RATE * cpu + generator:.1f} cores",
        note=f"The server and PostgreSQL spent {cpu * 1000:.1f} ms of CPU per request of the "
        f"mix (median of {len(steps)} runs at {SEASON_RATE} req/s, {low * 1000:.1f} to "
        f"{high * 1000:.1f}), {app * 1000:.1f} ms of it in the team-server processes: "
        f"{SEASON_RATE} req/s needs {SEASON_RATE * cpu:.1f} cores for them, in at least "
        f"{math.ceil(SEASON_RATE * app)} worker processes (each runs its Python on one core at "
        f"a time), and {generator:.1f} for the load generator; each core given wholly to "
        f"the server and PostgreSQL serves about {1 / cpu:.0f} req/s of the mix. This machine "
        "has 2 cores, shared with other work (machine cores busy, in the tables below)",
    )


def _gain(what: str, before: list[Step], after: list[Step]) -> Row:
    def rates(steps: list[Step]) -> str:
        return " / ".join(f"{step.result.per_second:.0f}" for step in steps)

    return Row(
        f"{what}: completed req/s of the mix offered at {SEASON_RATE}",
        f"{rates(before)} → {rates(after)} req/s",
        note="; ".join(
            f"{step.label}: {step.server_cpu * 1000:.1f} ms CPU per request, "
            f"{step.server_cores:.2f} cores busy"
            for step in before + after
        ),
    )


def _search_table(steps: list[Step], backend: str, workers: int, learners: int) -> list[str]:
    lines = [
        f"### Season mix, open loop ({backend}, `--workers {workers}`)",
        "",
        "Requests arrive at the rate asked (Poisson), whatever the answers; latency counts from "
        "the scheduled arrival. Mix (benchmarks/season.py, with its sources): "
        + ", ".join(f"{kind} {share:.1%}" for kind, share in MIX.items())
        + f". {learners} learners in groups of 10 to 30. The rates climb a ladder until the "
        "syncs' p99 passes 100 ms or a request fails (a failure is tried once more), then "
        "bisect (season_capacity.py); the highest rate held is read for the whole mix and for "
        "its syncs. Server "
        "CPU: the team-server processes' and their PostgreSQL backends', per completed request "
        "(from /proc); generator: this process, the load generator; machine: every process "
        "on it (/proc/stat), so what the server and the generator leave of it is other work. "
        "Dropped: arrivals while every learner was waiting for an answer (a device sends one "
        "request at a time).",
        "",
        *_step_table(steps, "Rate asked"),
        "",
        "p99 in ms of each kind of request (how many answered), same steps:",
        "",
        "| Rate asked | " + " | ".join(MIX) + " |",
        "|---|" + "---|" * len(MIX),
    ]
    for step in steps:
        cells = [
            f"{step.result.quantile(99, (kind,)):.0f} ({len(step.result.by_kind[kind])})"
            if step.result.by_kind[kind]
            else "-"
            for kind in MIX
        ]
        lines.append(f"| {step.label} | " + " | ".join(cells) + " |")
    return lines


def _configs_table(configs: list[tuple[int, int, Step]]) -> list[str]:
    return [
        "",
        f"### One more core, one more server process: the mix offered at {SEASON_RATE} req/s",
        "",
        "The server's processes and its PostgreSQL backends pinned to one core (the load "
        "generator pinned to the other) or free on both (sharing them with the generator), "
        "with two worker processes, then one, then two again (the server restarted on the "
        "same database each time; the last run shows what the order alone changes). CPU per "
        "request is the figure that carries to a bigger machine: cores needed = rate × CPU "
        "per request.",
        "",
        *_step_table([step for _, _, step in configs], "Server"),
    ]


def _step_table(steps: list[Step], first: str) -> list[str]:
    lines = [
        f"| {first} | Seconds | Completed req/s | p50 ms | p99 ms | Errors | Dropped "
        "| CPU per request: server + PostgreSQL | Server cores busy | Generator cores busy "
        "| Machine cores busy | Load (1 min) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for step in steps:
        result = step.result
        lines.append(
            f"| {step.label} | {result.seconds:.1f} | {result.per_second:.0f} "
            f"| {result.quantile(50):.0f} | {result.quantile(99):.0f} | {result.errors} "
            f"| {result.dropped} | {step.app_cpu * 1000:.1f} + {step.database_cpu * 1000:.1f} ms "
            f"| {step.server_cores:.2f} "
            f"| {step.generator_cores:.2f} | {step.machine_cores:.2f} | {step.load:.1f} |"
        )
    return lines


def _memory(live, fresh: dict[int, float], idle: int) -> list[Row]:
    """Resident memory per worker (at start, and after the season so far), and what `idle`
    connected clients add (each sent one request and keeps its connection open; counted by
    the connections still open when measured: the server closes idle ones after 5 s)."""
    roles = live.processes()
    now = {pid: servers.memory_mb(pid) for pid in servers.tree(live.process.pid)}
    workers = [
        f"{fresh.get(pid, 0):.0f} → {now[pid][0]:.0f} MB (PSS {now[pid][1]:.0f})"
        for pid in roles["worker"]
    ]
    others = [
        f"{role} {now[pid][0]:.0f} MB" for role in ("supervisor", "tracker") for pid in roles[role]
    ]
    before = sum(rss for rss, _pss in now.values())
    during, still_open = asyncio.run(_connect(live, idle))
    return [
        Row(
            "Server memory per worker (resident, after the season)",
            f"{max(now[pid][0] for pid in roles['worker']):.0f} MB",
            note=f"{len(workers)} worker(s), at start → after: {'; '.join(workers)}"
            + (
                f". Not workers: {', '.join(others)} (the resource tracker is multiprocessing's "
                "helper, started with the workers)"
                if others
                else ""
            ),
        ),
        Row(
            "Server memory per 1,000 idle connected clients",
            f"{(during - before) * 1000 / max(still_open, 1):+.1f} MB",
            note=f"{idle} kept-alive connections opened, each after one request, "
            f"{still_open} still open when measured; all the server's processes",
        ),
    ]


async def _connect(live, idle: int) -> tuple[float, int]:
    """Open `idle` connections, one request on each; the server's memory while all are open."""
    opened = []
    for _ in range(idle):
        reader, writer = await asyncio.open_connection("127.0.0.1", live.port)
        writer.write(f"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:{live.port}\r\n\r\n".encode())
        opened.append((reader, writer))
    for reader, _writer in opened:
        await reader.readuntil(b"\r\n\r\n")
    during = sum(servers.memory_mb(pid)[0] for pid in servers.tree(live.process.pid))
    still_open = servers.established(live.port)
    for _reader, writer in opened:
        writer.close()
    return during, still_open
