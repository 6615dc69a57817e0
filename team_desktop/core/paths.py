"""The one place that decides where TEAM Desktop keeps and finds its files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "TEAM Desktop"
ENV_DATA_DIR = "TEAM_DESKTOP_DATA_DIR"


def source_root() -> Path:
    """Folder holding `content/` and `resources/`: the source tree or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """Icons, stylesheets and translations shipped with the app."""
    return source_root() / "resources"


def bundled_content_dir() -> Path:
    """Course packs (as folders) shipped with the app."""
    return source_root() / "content"


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """`--data-dir`, then $TEAM_DESKTOP_DATA_DIR, then the platform's user data folder."""
    if cli_value:
        chosen = Path(cli_value)
    elif os.environ.get(ENV_DATA_DIR):
        chosen = Path(os.environ[ENV_DATA_DIR])
    else:
        chosen = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    chosen = chosen.expanduser().resolve()
    chosen.mkdir(parents=True, exist_ok=True)
    return chosen


class DataPaths:
    """Named locations inside one data directory."""

    def __init__(self, root: Path):
        self.root = Path(root)

    @property
    def database(self) -> Path:
        return self.root / "team.sqlite3"

    @property
    def packs(self) -> Path:
        return self.root / "packs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def ui_state(self) -> Path:
        return self.root / "ui-state.ini"

    @property
    def tmp(self) -> Path:
        """Scratch space on the same filesystem, so finished work can be renamed into place."""
        return self.root / "tmp"
