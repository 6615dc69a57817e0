"""One benchmark of `python -m benchmarks.run --smoke` on small data, for its smoke test.

Benchmarks are not tests: no figure is checked, only that the benchmark runs to the end and
prints its table. Each benchmark has its own test file so that pytest-xdist (one file per
process) runs them side by side instead of one after the other.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def smoke_run(name: str, tmp_path: Path) -> tuple[str, str]:
    """Run benchmark `name` in smoke mode; returns its printed table and its Markdown results."""
    output = tmp_path / "results.md"
    command = [sys.executable, "-m", "benchmarks.run", "--smoke", "--only", name]
    done = subprocess.run(
        [*command, "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    header = next(line for line in done.stdout.splitlines() if line.startswith("Figure"))
    assert "Measured" in header and "Ratio" in header
    reported = re.search(r"of (\d+) figures meet their target or are reported", done.stdout)
    assert reported and int(reported[1]) > 0, done.stdout
    return done.stdout, output.read_text(encoding="utf-8")
