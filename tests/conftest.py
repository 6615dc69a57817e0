"""Test-wide setup: Qt offscreen before anything imports it."""

import os

# Real team-server processes for the server tests and the client sync tests (tests/live_server.py),
# and a real LRS (Ralph, tests/ralph_lrs.py).
pytest_plugins = ["live_server", "ralph_lrs"]

# Without a display Qt aborts the whole run; offscreen works everywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TEAM_DESKTOP_DATA_DIR", None)
