#!/usr/bin/env bash
# Sets everything up, then opens TEAM Desktop on the bundled course with a store in ./donnees.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/team-desktop --data-dir "${TEAM_DATA_DIR:-donnees}" "$@"
