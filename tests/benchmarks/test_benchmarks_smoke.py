"""The benchmark suite still runs: `python -m benchmarks.run --smoke` on small data.

Benchmarks are not tests: no figure is checked here, only that every benchmark runs to the end
and prints its table.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_smoke_run_prints_the_table(tmp_path):
    output = tmp_path / "results.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--smoke", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    header = next(line for line in done.stdout.splitlines() if line.startswith("Figure"))
    assert "Measured" in header and "Ratio" in header
    figures = ("Cold start", "Open the largest lesson", "Search p95", "Sync bytes", "Season mix")
    for figure in figures:
        assert figure in done.stdout
    assert "Sync round trips" in output.read_text(encoding="utf-8")
