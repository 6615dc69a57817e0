"""Memory: the app's resident memory with the course and a 1,000-entry portfolio open, and its
growth per 10,000 more entries (reported, no target)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks import portfolio
from benchmarks.cold_start import probe_env
from benchmarks.report import Row


def _resident_mb(data_dir: Path, env: dict[str, str]) -> float:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.probes.resident", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("rss ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"memory probe failed:\n{done.stdout}\n{done.stderr}")
    return int(lines[0].split()[1]) / 1024


def run(tmp: Path, smoke: bool) -> tuple[list[Row], list[str]]:
    env = probe_env(tmp)
    data_dir = tmp / "memory-store"
    base, more = (1_000, 1_000) if smoke else (1_000, 10_000)
    store = portfolio.course_store(data_dir)
    portfolio.add_entries(base, seed=3)
    store.close()
    first = _resident_mb(data_dir, env)
    store = portfolio.course_store(data_dir)
    portfolio.add_entries(more, seed=4)
    store.close()
    second = _resident_mb(data_dir, env)
    per_10k = (second - first) * 10_000 / more
    return [
        Row(
            f"Resident memory, course + {base:,} entries open".replace("1,000", "1 000"),
            f"{first:.0f} MB",
            note="largest lesson and the journal shown; VmRSS",
        ),
        Row(
            "Resident memory growth per 10 000 entries",
            f"{per_10k:+.1f} MB",
            note=f"{second:.0f} MB with {base + more:,} entries".replace(",", " "),
        ),
    ], []
