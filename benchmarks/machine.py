"""A description of the machine the benchmarks ran on: CPU, memory, versions."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _postgres_version() -> str | None:
    url = os.environ.get("TEAM_TEST_POSTGRES_URL")
    if not url:
        return None
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def describe() -> dict[str, str]:
    """Name → value, for the head of results.md."""
    import PySide6
    from PySide6 import QtCore

    description = {
        "CPU": _cpu_model(),
        "Cores": str(os.cpu_count()),
        "RAM": _memory(),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "PySide6 / Qt": f"{PySide6.__version__} / {QtCore.qVersion()}",
        "SQLite": sqlite3.sqlite_version,
        "Qt platform": os.environ.get("QT_QPA_PLATFORM", "default"),
    }
    description["PostgreSQL"] = _postgres_version() or "not configured (TEAM_TEST_POSTGRES_URL)"
    description["Interpreter"] = sys.executable
    description["Load average (1, 5, 15 min) when written"] = ", ".join(
        f"{load:.2f}" for load in os.getloadavg()
    )
    return description
