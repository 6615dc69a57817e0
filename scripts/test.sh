#!/usr/bin/env bash
# Sets everything up, then runs the linter and the whole test suite (GUI tests offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
