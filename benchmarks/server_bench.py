"""Server throughput: sync requests per second against a trivial health endpoint, same server,
same run, on SQLite and PostgreSQL; p99 latency; and how it grows with the clients."""

from __future__ import annotations

from pathlib import Path

from benchmarks import servers
from benchmarks.load import make_clients, run_load
from benchmarks.report import Row, floor_row, ratio_row

RATIO = 0.25
P99_MS = 100
# SQLite as embedded by default (one process: one writer anyway), PostgreSQL as at scale.
WORKERS = {"sqlite": 1, "postgresql": 2}
WHY = (
    "Not met: each sync here pushes a change, and each push commits durably (an fsync) "
    "under the one write lock that keeps `seq` in commit order, so sync throughput is bounded "
    "by the commit time whatever the number of clients, and with clients sending back to "
    "back the latency is clients / throughput. Group commit of concurrent pushes would lift it"
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
        f"{seconds:.0f} s per measure. Generator CPU is the load generator's own use, in "
        "cores: near 1.0 it would be the bottleneck.",
        "",
        "| Backend | Clients | Health req/s | Sync req/s | Sync/health | Sync p99 ms "
        "| Generator CPU (health, sync) |",
        "|---|---|---|---|---|---|---|",
    ]
    for backend in backends:
        with servers.server(tmp / f"server-load-{backend}", backend, WORKERS[backend]) as live:
            clients = make_clients(live.api, max(levels))
            for level in levels:
                health = run_load(live.api, clients[:level], "health", seconds)
                sync = run_load(live.api, clients[:level], "sync", seconds)
                details.append(
                    f"| {backend} | {level} | {health.per_second:.0f} | {sync.per_second:.0f} "
                    f"| {sync.per_second / health.per_second:.2f} | {sync.p99_ms:.0f} "
                    f"| {health.generator_cpu:.2f}, {sync.generator_cpu:.2f} |"
                )
                if level == (10 if smoke else 50):
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
                        throughput.explain(WHY)
                    if not p99.met:
                        p99.explain(
                            "Clients sending back to back wait clients / throughput: "
                            "see the throughput above"
                        )
    if "postgresql" not in backends:
        rows.append(Row("Server postgresql", "not measured", note="TEAM_TEST_POSTGRES_URL not set"))
    return rows, [*details, ""]
