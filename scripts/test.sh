#!/usr/bin/env bash
# Sets everything up, then runs the linter and the whole test suite (GUI tests offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
# One test process per core (pytest-xdist); a test module stays in one process, so its
# module-wide server starts once. Files are handed out in collection order, the slowest first
# (tests/conftest.py). TEAM_TEST_WORKERS=0 runs everything in this process.
.venv/bin/python -m pytest -n "${TEAM_TEST_WORKERS:-auto}" --dist loadfile --no-loadscope-reorder "$@"
