"""A season's mix, open loop, on PostgreSQL with two workers; Anki's sync server as the peer;
the server's memory per worker and per 1,000 idle connected clients."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from urllib.parse import urlparse

from benchmarks import anki_peer, servers
from benchmarks.load import make_clients, run_load
from benchmarks.report import Row, floor_row, ratio_row
from benchmarks.season import MIX, make_cohort, replay

SEASON_RATE = 333  # 100,000 learners syncing every 5 minutes
P99_MS = 100
PEER_CLIENTS = 50
TICK = os.sysconf("SC_CLK_TCK")


def run(tmp: Path, smoke: bool) -> tuple[list[Row], list[str]]:
    # The target is on PostgreSQL; the smoke run only checks that it all runs, on SQLite.
    backend = "postgresql" if servers.postgres_url() and not smoke else "sqlite"
    workers = 2 if backend == "postgresql" else 1
    rates = (20,) if smoke else (50, 100, 200, SEASON_RATE)
    seconds = 1.0 if smoke else 10.0
    rows: list[Row] = []
    details = [
        f"### Season mix, open loop ({backend}, `--workers {workers}`)",
        "",
        "Requests arrive at the rate shown (Poisson), whatever the answers; latency counts "
        "from the scheduled arrival. Mix (benchmarks/season.py, with its sources): "
        + ", ".join(f"{kind} {share:.1%}" for kind, share in MIX.items())
        + f". {seconds:.0f} s per rate. Server CPU: the team-server processes' and "
        "PostgreSQL's, per completed request (from /proc).",
        "",
        "| Rate asked | Completed req/s | p50 ms | p99 ms | Errors | Dropped | Server CPU "
        "per request | Cores busy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with servers.server(tmp / "season", backend, workers) as live:
        pack = _publish(live, tmp)
        cohort = make_cohort(live.api, 10 if smoke else 200, pack)
        held = []
        for rate in rates:
            before = _cpu_seconds(live)
            result = replay(live.api, cohort, rate, seconds)
            cpu = (_cpu_seconds(live) - before) / max(len(result.latencies_ms), 1)
            details.append(
                f"| {rate} | {result.per_second:.0f} | {result.quantile(50):.0f} "
                f"| {result.quantile(99):.0f} | {result.errors} | {result.dropped} "
                f"| {cpu * 1000:.1f} ms | {cpu * result.per_second:.2f} |"
            )
            if result.quantile(99) <= P99_MS and not result.errors:
                held.append(rate)
        top = rates[-1]
        rows.append(ratio_row(f"Season mix at {top} req/s: p99", result.quantile(99), P99_MS, "ms"))
        rows.append(
            floor_row(f"Season mix at {top} req/s: completed", result.per_second, top, "req/s")
        )
        if not rows[-1].met or not rows[-2].met:
            cores = cpu * top
            why = (
                f"Server CPU per request of the mix {cpu * 1000:.1f} ms: {top} req/s needs "
                f"{cores:.1f} cores for the server and PostgreSQL alone, on a machine of 2 "
                "shared with the load generator (and with whatever else the load average "
                "above shows)"
            )
            for row in rows[-2:]:
                row.explain(why)
        rows.append(
            Row(
                "Season mix: highest rate tried with p99 ≤ 100 ms and no error",
                f"{max(held)} req/s" if held else "none",
                note=f"rates tried: {', '.join(map(str, rates))}",
            )
        )
        rows += _memory(live, 100 if smoke else 1000)
        ours = make_clients(live.api, 3 if smoke else PEER_CLIENTS)
        ours_noop = run_load(live.api, ours, "noop", seconds / 2)
        ours_sync = run_load(live.api, ours, "sync", seconds / 2)
    rows += _peer(tmp, smoke, seconds / 2, ours_noop, ours_sync, details)
    return rows, [*details, ""]


def _publish(live, tmp: Path) -> str:
    from team_desktop.core.content.archive import build_archive

    archive = tmp / "mini.teampack"
    build_archive(Path(__file__).resolve().parents[1] / "tests/fixtures/mini-pack", archive)
    done = live.admin("publish-pack", str(archive))
    if done.returncode:
        raise RuntimeError(done.stderr)
    return "/api/v1/packs/test-mini/1.0.0"


def _peer(tmp, smoke, seconds, ours_noop, ours_sync, details) -> list[Row]:
    why = anki_peer.available()
    if why:
        return [Row("Anki sync server as peer", "not measured", note=why)]
    folder = tmp / "anki"
    folder.mkdir()
    count = 2 if smoke else PEER_CLIENTS
    try:
        with anki_peer.server(folder, count) as peer:
            clients = anki_peer.collections(folder, peer)
            noop = anki_peer.run_load(clients, "noop", seconds)
            change = anki_peer.run_load(clients, "change", seconds)
            anki_peer.close(clients)
    except Exception as error:  # the peer failing must not lose our own figures
        return [Row("Anki sync server as peer", "not measured", note=f"failed: {error}")]
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


def _memory(live, idle: int) -> list[Row]:
    """Resident memory per worker, and what `idle` connected clients add (each sent one
    request and keeps its connection open; the server closes idle ones after 5 s)."""
    workers = _tree(live.process.pid)[1:] or [live.process.pid]
    per_worker = [_rss_mb(pid) for pid in workers]
    before = sum(_rss_mb(pid) for pid in _tree(live.process.pid))
    host, port = live.url.rsplit("//", 1)[1].split(":")

    async def connect() -> float:
        opened = []
        for _ in range(idle):
            reader, writer = await asyncio.open_connection(host, int(port))
            writer.write(f"GET /api/v1/health HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            opened.append((reader, writer))
        for reader, _writer in opened:
            await reader.readuntil(b"\r\n\r\n")
        during = sum(_rss_mb(pid) for pid in _tree(live.process.pid))
        for _reader, writer in opened:
            writer.close()
        return during

    during = asyncio.run(connect())
    scale = 1000 / idle
    return [
        Row(
            "Server memory per worker (resident)",
            f"{max(per_worker):.0f} MB",
            note=f"{len(per_worker)} worker(s): {', '.join(f'{m:.0f}' for m in per_worker)} MB",
        ),
        Row(
            "Server memory per 1,000 idle connected clients",
            f"{(during - before) * scale:+.1f} MB",
            note=f"{idle} kept-alive connections opened, each after one request; all processes",
        ),
    ]


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo += [int(child) for child in children]
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_seconds(live) -> float:
    """CPU time of the server's processes, and of the PostgreSQL backends serving its database
    (the machine's PostgreSQL serves other databases too)."""
    pids = _tree(live.process.pid)
    if live.database_url:
        name = urlparse(live.database_url).path.lstrip("/")
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    title = (entry / "cmdline").read_bytes().decode(errors="replace")
                except OSError:
                    continue
                if title.startswith("postgres:") and f" {name} " in title:
                    pids.append(int(entry.name))
    total = 0
    for current in pids:
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK
