"""Test-wide setup: Qt offscreen before anything imports it."""

import os

# Without a display Qt aborts the whole run; offscreen works everywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TEAM_DESKTOP_DATA_DIR", None)
