"""How much of the season's mix one server takes: the highest rate that holds p99 ≤ 100 ms
(searched), and the rate and CPU per request with the server and PostgreSQL on one core or two,
with one worker process or two.

CPU is read from /proc for the server's processes and the PostgreSQL backends serving its
database, per completed request: on a machine shared with other work it moves far less than
the rates do. PostgreSQL's shared background processes (WAL writer, checkpointer) serve every
database on the machine and are left out of both the CPU and the pinning.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from benchmarks import servers
from benchmarks.season import SYNCS, SeasonResult, replay
from benchmarks.season_cohort import Cohort

SEASON_RATE = 333  # 100,000 learners syncing every 5 minutes
P99_MS = 100
LADDER = (10, 20, 35, 50, 75, 100, 150, 200, 250, SEASON_RATE)
BISECTIONS = 2
ALL_CPUS = set(range(os.cpu_count() or 1))


@dataclass
class Step:
    """One replay of the mix at one rate, and what it cost."""

    label: str
    result: SeasonResult
    app_cpu: float  # CPU seconds per completed request: the team-server processes'
    database_cpu: float  # the same, of the PostgreSQL backends serving its database
    server_cores: float  # both together, per second of the replay
    generator_cores: float  # the load generator's (this process) CPU per second
    machine_cores: float  # every process's on the machine, per second: the rest is others'
    load: float  # the machine's 1-minute load average at the end

    @property
    def server_cpu(self) -> float:
        """CPU seconds per completed request of the server and PostgreSQL together."""
        return self.app_cpu + self.database_cpu

    @property
    def generator_cpu(self) -> float:
        """The generator's CPU seconds per completed request."""
        return self.generator_cores / max(self.result.per_second, 1e-9)


def step_seconds(rate: float, smoke: bool) -> float:
    """Long enough for about 300 requests (a p99 worth the name), 5 to 10 s."""
    return 0.5 if smoke else min(10.0, max(5.0, 300 / rate))


def measure(live, cohort: Cohort, rate: float, seconds: float, label: str = "") -> Step:
    """Replay the mix at `rate` for `seconds`; CPU counted for every process that served it."""
    before = _cpu_by_pid(live.serving_pids())
    generator, machine = time.process_time(), servers.machine_busy_seconds()
    result = replay(live.api, cohort, rate, seconds)
    generator = time.process_time() - generator
    machine = servers.machine_busy_seconds() - machine
    backends = live.backends()
    after = _cpu_by_pid(servers.tree(live.process.pid) + backends)
    spent = {pid: cpu - before.get(pid, 0.0) for pid, cpu in after.items()}
    database = sum(cpu for pid, cpu in spent.items() if pid in backends)
    done = max(len(result.latencies_ms), 1)
    return Step(
        label or f"{rate:g}",
        result,
        (sum(spent.values()) - database) / done,
        database / done,
        sum(spent.values()) / result.seconds,
        generator / result.seconds,
        machine / result.seconds,
        os.getloadavg()[0],
    )


def _cpu_by_pid(pids: list[int]) -> dict[int, float]:
    return {pid: servers.cpu_seconds([pid]) for pid in pids}


def holds(step: Step, kinds: tuple[str, ...] | None = None) -> bool:
    """No request failed, and p99 (of every request, or of these kinds) ≤ 100 ms."""
    return not step.result.errors and step.result.quantile(99, kinds) <= P99_MS


def highest(steps: list[Step], kinds: tuple[str, ...] | None = None) -> float | None:
    """The highest rate held with every rate below it held too (a rate held by one of two
    tries counts as held)."""
    held: dict[float, bool] = {}
    for step in steps:
        held[step.result.rate] = held.get(step.result.rate, False) or holds(step, kinds)
    best = None
    for rate in sorted(held):
        if not held[rate]:
            break
        best = rate
    return best


def search(live, cohort: Cohort, smoke: bool) -> list[Step]:
    """Climb the ladder of rates until the syncs' p99 passes 100 ms (or a request fails),
    then bisect below; `highest` reads the answer for the whole mix and for the syncs.

    The syncs decide, not the whole mix: logins (1.4 % of it) hash a password on purpose
    slowly, so on a busy machine they alone can hold the mix's p99 above 100 ms at any rate,
    and the search would learn nothing of the server's capacity. A failure on the ladder is
    tried once more before it counts: on a shared machine another engineer's burst can fail
    a rate the server holds. Every try is kept for the report.
    """
    steps: list[Step] = []

    def held(rate: float, label: str = "") -> bool:
        steps.append(measure(live, cohort, rate, step_seconds(rate, smoke), label))
        return holds(steps[-1], SYNCS)

    below: float = 0
    failed: float | None = None
    for rate in LADDER[:2] if smoke else LADDER:
        if not held(rate) and (smoke or not held(rate, f"{rate} again")):
            failed = rate
            break
        below = rate
    for _ in range(0 if smoke else BISECTIONS):
        if failed is None or failed - below <= max(5, failed / 10):
            break
        middle = round((below + failed) / 2)
        if held(middle):
            below = middle
        else:
            failed = middle
    return steps


@contextlib.contextmanager
def placed(live, server_cpus: set[int], generator_cpus: set[int]) -> Iterator[None]:
    """The server and its PostgreSQL backends on `server_cpus`, this process on the others.

    Re-applied every 0.2 s: a backend the server's pool opens is a new process, forked by the
    postmaster, which is never pinned (other databases share it).
    """
    done = threading.Event()

    def keep() -> None:
        while not done.is_set():
            servers.pin(live.serving_pids(), server_cpus)
            done.wait(0.2)

    servers.pin([os.getpid()], generator_cpus)
    keeper = threading.Thread(target=keep, daemon=True)
    keeper.start()
    try:
        yield
    finally:
        done.set()
        keeper.join()
        servers.pin([os.getpid()], ALL_CPUS)
        servers.pin(live.serving_pids(), ALL_CPUS)


def cores(
    live, cohort: Cohort, smoke: bool, counts: tuple[int, ...], again: bool = False
) -> list[tuple[int, int, Step]]:
    """The mix offered at 333 req/s with the server and PostgreSQL on one core (the load
    generator alone on the other) or on both (sharing them with the generator), for each of
    `counts` in turn: (workers, cores, step) for each."""
    found = []
    for count in counts:
        if len(ALL_CPUS) < 2:  # nothing to split: the whole machine, shared
            server_cpus = generator_cpus = ALL_CPUS
        else:
            server_cpus = ALL_CPUS if count == 2 else {0}
            generator_cpus = ALL_CPUS if count == 2 else ALL_CPUS - {0}
        label = f"{live.workers} worker(s), {len(server_cpus)} core(s)" + (
            ", again" if again else ""
        )
        with placed(live, server_cpus, generator_cpus):
            step = measure(live, cohort, SEASON_RATE, 0.5 if smoke else 6.0, label)
        found.append((live.workers, len(server_cpus), step))
    return found
