"""Test-wide setup: Qt offscreen before anything imports it; the slowest files start first."""

import os
from pathlib import Path

import pytest

# Real team-server processes for the server tests and the client sync tests (tests/live_server.py),
# and a real LRS (Ralph, tests/ralph_lrs.py).
pytest_plugins = ["live_server", "ralph_lrs"]

# Without a display Qt aborts the whole run; offscreen works everywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TEAM_DESKTOP_DATA_DIR", None)

# The longest files, longest first (from `--durations`, December 2026). pytest-xdist hands out
# whole files in collection order (scripts/test.sh: --dist loadfile --no-loadscope-reorder), so
# a long file never starts last and runs alone at the end. The two files that use Ralph come
# once its environment is made (started in the background, tests/ralph_lrs.py).
SLOWEST_FIRST = (
    "sync/test_sync_by_file.py",
    "reliability/test_server_kills.py",
    "reliability/test_api_fuzz.py",
    "ui/test_two_devices.py",
    "server/test_server_research_lrs.py",
    "server/test_server_deployment.py",
    "reliability/test_crdt_convergence.py",
    "sync/test_sync_research.py",
    "benchmarks/test_smoke_cold_start.py",
    "sync/test_sync_devices.py",
    "server/test_server_admin_cli.py",
    "benchmarks/test_smoke_memory.py",
    "benchmarks/test_smoke_season.py",
    "sync/test_sync_faults.py",
    "server/test_server_file_storage.py",
    "server/test_server_storage_limits.py",
    "sync/test_sync_by_file_files.py",
    "benchmarks/test_smoke_sync.py",
    "server/test_server_research.py",
    "ui/test_facilitation_ui.py",
    "reliability/test_system_model.py",
    "ui/test_cli_export.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the slowest files first, keeping every other order (stable sort)."""
    here = Path(__file__).parent
    rank = {here / name: number for number, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path, len(rank)))
