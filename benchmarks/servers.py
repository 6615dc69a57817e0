"""Real team-server processes for the benchmarks, what they cost (CPU, memory, from /proc) and
which cores they run on; clients' devices, from the test harness.

The harness (tests/live_server.py, tests/sync/) is reused as it is: the benchmarks measure the
same servers, proxy and devices that the sync tests exercise.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from tests.live_server import LiveServer, PostgresAdmin
from tests.sync.clients import Client, unique, write_entry
from tests.sync.fault_proxy import FaultProxy

__all__ = ["Client", "FaultProxy", "LiveServer", "postgres_url", "server", "unique", "write_entry"]

TICK = os.sysconf("SC_CLK_TCK")


def postgres_url() -> str | None:
    """The administrator URL of the PostgreSQL server to use, if one is configured."""
    return os.environ.get("TEAM_TEST_POSTGRES_URL")


@contextlib.contextmanager
def server(data_dir: Path, backend: str = "sqlite", workers: int = 1) -> Iterator[LiveServer]:
    """A started server on a fresh database (SQLite in `data_dir`, or a new PostgreSQL one)."""
    admin = database_url = None
    if backend == "postgresql":
        admin = PostgresAdmin(postgres_url())
        database_url = admin.create(migrated=True)
    live = WorkersServer(data_dir, database_url, workers)
    try:
        yield live.start()
    finally:
        live.stop()
        if admin:
            admin.drop_all()


class WorkersServer(LiveServer):
    """A LiveServer started with `--workers N`, as an administrator runs it at scale."""

    def __init__(self, data_dir: Path, database_url: str | None, workers: int):
        super().__init__(data_dir, database_url)
        self.workers = workers

    def command(self) -> list[str]:
        return super().command() + ["--workers", str(self.workers)]

    def restart(self, workers: int) -> None:
        """Stopped, and started again with `workers` processes on the same port and database."""
        self.stop()
        self.workers = workers
        self.start()

    def processes(self) -> dict[str, list[int]]:
        """The server's processes by role: the supervisor (or the lone server), its workers,
        and multiprocessing's resource tracker, a small helper the workers' start spawns."""
        roles: dict[str, list[int]] = {"supervisor": [], "worker": [], "tracker": []}
        for pid in tree(self.process.pid):
            if pid == self.process.pid:
                roles["supervisor" if self.workers > 1 else "worker"].append(pid)
            elif "resource_tracker" in _cmdline(pid):
                roles["tracker"].append(pid)
            else:
                roles["worker"].append(pid)
        return roles

    def backends(self) -> list[int]:
        """The PostgreSQL backends connected to the server's database (none on SQLite; the
        machine's PostgreSQL serves other databases too)."""
        if not self.database_url:
            return []
        name = urlparse(self.database_url).path.lstrip("/")
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                title = _cmdline(int(entry.name))
                if title.startswith("postgres:") and f" {name} " in title:
                    found.append(int(entry.name))
        return found

    def serving_pids(self) -> list[int]:
        """Every process that does the server's work: its own and its PostgreSQL backends."""
        return tree(self.process.pid) + self.backends()


def tree(pid: int) -> list[int]:
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


def _cmdline(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return ""


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes used so far (threads included)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


def memory_mb(pid: int) -> tuple[float, float]:
    """Resident and proportional set size (RSS, PSS: shared pages divided among their users)."""
    sizes = {"Rss:": 0.0, "Pss:": 0.0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, value = line.partition(" ")
            if name in sizes:
                sizes[name] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return sizes["Rss:"], sizes["Pss:"]


def pin(pids: list[int], cpus: set[int]) -> None:
    """Run every thread of these processes on `cpus` only (threads they start inherit it)."""
    for pid in pids:
        try:
            threads = [int(tid) for tid in os.listdir(f"/proc/{pid}/task")]
        except OSError:
            continue
        for tid in threads:
            with contextlib.suppress(OSError):  # a thread or backend that just ended
                os.sched_setaffinity(tid, cpus)


def established(port: int) -> int:
    """How many TCP connections to local `port` are open now (the server's side of each)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as lines:
            for line in list(lines)[1:]:
                local, _remote, state = line.split()[1:4]
                if state == "01" and int(local.rsplit(":", 1)[1], 16) == port:
                    count += 1
    return count


def machine_busy_seconds() -> float:
    """CPU time the whole machine spent working so far, all cores and processes together."""
    with open("/proc/stat") as stat:
        ticks = [int(value) for value in stat.readline().split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / TICK  # less idle and waiting for I/O
