"""`team-desktop`: launch the app, or run one of its command-line tasks."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of `team-desktop`."""
    from team_desktop.ui.app import run_gui

    return run_gui(sys.argv if argv is None else argv)
