"""Run the benchmark suite: `python -m benchmarks.run [--smoke] [--only NAME ...] [--output F]`.

Prints one table; a full run writes benchmarks/results.md with the machine's description.
`--smoke` runs every benchmark on small data, quickly, to keep them working (CI); it writes
nothing unless `--output` is given.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

# Qt offscreen unless a display is asked for, before anything imports it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import machine  # noqa: E402
from benchmarks.report import Row, text_table, write_markdown  # noqa: E402

# Name -> module; each has run(tmp, smoke) -> (rows, Markdown detail lines).
BENCHMARKS = {
    "cold-start": "benchmarks.cold_start",
    "lessons": "benchmarks.lessons_bench",
    "search": "benchmarks.search_bench",
    "sync": "benchmarks.sync_bench",
    "server": "benchmarks.server_bench",
    "season": "benchmarks.season_bench",
    "memory": "benchmarks.memory_bench",
}
RESULTS = Path(__file__).with_name("results.md")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="small data, quick (CI)")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="run only these")
    parser.add_argument("--output", type=Path, help=f"Markdown results (default {RESULTS})")
    args = parser.parse_args(argv)
    output = args.output or (None if args.smoke else RESULTS)
    names = args.only or list(BENCHMARKS)
    rows: list[Row] = []
    details: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="team-bench-") as tmp:
        for name in names:
            print(f"… {name}", file=sys.stderr, flush=True)
            folder = Path(tmp) / name
            folder.mkdir()
            module = importlib.import_module(BENCHMARKS[name])
            found, more = module.run(folder, args.smoke)
            rows += found
            details += more
    seconds = time.monotonic() - started
    print(text_table(rows))
    missed = [row for row in rows if row.met is False]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} figures meet their target or are reported.")
    if output:
        write_markdown(output, rows, machine.describe(), details, seconds)
        print(f"Written: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
