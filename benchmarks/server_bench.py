"""Server throughput: sync requests per second against a trivial health endpoint, same server,
same run, on SQLite and PostgreSQL; p99 latency; and how it grows with the clients."""

from __future__ import annotations

from pathlib import Path

from benchmarks import servers
from benchmarks.load import LoadResult, make_clients, run_load
from benchmarks.report import Row, floor_row, ratio_row

RATIO = 0.25
NOOP_RATIO = 0.5  # a sync with nothing to do: most of a season's syncs
P99_MS = 100
# SQLite as embedded by default (one process: one writer anyway), PostgreSQL as at scale.
WORKERS = {"sqlite": 1, "postgresql": 2}
WHY = (
    "Not met: a push and its pull cost the server {sync:.1f} ms of CPU (its processes and "
    "PostgreSQL's) against {health:.1f} ms for a health check: {share:.2f}× health's rate at "
    "best on the same cores. Pushes share one commit under the write lock (decisions 0014, "
    "0025); with two workers their group commits take turns under it (for pushes alone, one "
    "worker did as well on two cores). What bounds them is the request's CPU: the request "
    "path, validation, JSON, and about seven round trips to PostgreSQL a sync, each about "
    "0.2 ms of CPU on the two sides of the driver (decision 0025 measures them)"
)
NOOP_WHY = (
    "Not met: a sync with nothing to do reads the token with the server id and the last seq, "
    "then the groups (two statements, prepared once) where health reads one; see decisions "
    "0014 and 0026"
)


def run(tmp: Path, smoke: bool) -> tuple[list[Row], list[str]]:
    backends = ["sqlite"] + (["postgresql"] if servers.postgres_url() else [])
    levels = (10,) if smoke else (10, 50, 100, 200)
    seconds = 1.0 if smoke else 6.0
    rows: list[Row] = []
    details = [
        "### Server: requests per second and p99 by number of clients",
        "",
        "Closed loop: each client sends its next request as soon as the last is answered; "
        f"`--workers` {WORKERS['sqlite']} on SQLite, {WORKERS['postgresql']} on PostgreSQL; "
        f"{seconds:.0f} s per measure. Server CPU is read from /proc for the server's "
        "processes and the PostgreSQL backends serving its database, per completed request. "
        "Generator CPU is the load generator's own use, in cores: near 1.0 it would be the "
        "bottleneck.",
        "",
        "| Backend | Clients | Health req/s | No-op sync req/s | No-op/health | No-op p99 ms "
        "| Sync req/s | Sync/health | Sync p99 ms | Server CPU ms/request (health, no-op, sync) "
        "| Generator CPU (health, no-op, sync) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for backend in backends:
        with servers.server(tmp / f"server-load-{backend}", backend, WORKERS[backend]) as live:
            clients = make_clients(live.api, max(levels))
            for level in levels:
                health, health_cpu = _measured(live, clients[:level], "health", seconds)
                noop, noop_cpu = _measured(live, clients[:level], "noop", seconds)
                sync, sync_cpu = _measured(live, clients[:level], "sync", seconds)
                details.append(
                    f"| {backend} | {level} | {health.per_second:.0f} | {noop.per_second:.0f} "
                    f"| {noop.per_second / health.per_second:.2f} | {noop.p99_ms:.0f} "
                    f"| {sync.per_second:.0f} "
                    f"| {sync.per_second / health.per_second:.2f} | {sync.p99_ms:.0f} "
                    f"| {health_cpu:.1f}, {noop_cpu:.1f}, {sync_cpu:.1f} "
                    f"| {health.generator_cpu:.2f}, {noop.generator_cpu:.2f}, "
                    f"{sync.generator_cpu:.2f} |"
                )
                if level == (10 if smoke else 50):
                    rows.append(
                        floor_row(
                            f"Server {backend}, {level} clients: no-op sync throughput",
                            noop.per_second,
                            NOOP_RATIO * health.per_second,
                            "req/s",
                            note=f"limit {NOOP_RATIO}× health ({health.per_second:.0f} req/s)",
                        )
                    )
                    if not rows[-1].met:
                        rows[-1].explain(NOOP_WHY)
                    rows.append(
                        floor_row(
                            f"Server {backend}, {level} clients: sync throughput",
                            sync.per_second,
                            RATIO * health.per_second,
                            "req/s",
                            note=f"limit {RATIO}× health ({health.per_second:.0f} req/s)",
                        )
                    )
                    rows.append(
                        ratio_row(
                            f"Server {backend}, {level} clients: sync p99",
                            sync.p99_ms,
                            P99_MS,
                            "ms",
                        )
                    )
                    throughput, p99 = rows[-2:]
                    if not throughput.met:
                        share = health_cpu / sync_cpu if sync_cpu else 0.0
                        throughput.explain(
                            WHY.format(sync=sync_cpu, health=health_cpu, share=share)
                        )
                    if not p99.met:
                        p99.explain(
                            f"{level} clients sending back to back wait {level} / throughput "
                            f"on average ({1000 * level / sync.per_second:.0f} ms here): "
                            f"p99 ≤ {P99_MS} ms needs {1000 * level / P99_MS:.0f} req/s or "
                            f"more; health itself had p99 {health.p99_ms:.0f} ms in this run"
                        )
    if "postgresql" not in backends:
        rows.append(Row("Server postgresql", "not measured", note="TEAM_TEST_POSTGRES_URL not set"))
    return rows, [*details, ""]


def _measured(live, clients: list, kind: str, seconds: float) -> tuple[LoadResult, float]:
    """A load run, and the server's CPU (its processes and database backends) per request
    in ms."""
    before = {pid: servers.cpu_seconds([pid]) for pid in live.serving_pids()}
    result = run_load(live.api, clients, kind, seconds)
    spent = sum(servers.cpu_seconds([pid]) - before.get(pid, 0.0) for pid in live.serving_pids())
    return result, 1000 * spent / max(result.requests, 1)
