"""The one place that decides where TEAM Desktop keeps and finds its files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "TEAM Desktop"
ENV_DATA_DIR = "TEAM_DESKTOP_DATA_DIR"
# A folder of this name beside a built app makes it portable (see `portable_data_dir`).
PORTABLE_DIR_NAME = "data"


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


def portable_data_dir() -> Path | None:
    """The `data/` folder beside a built app's folder (USB stick layout), if there is one.

    Only a frozen build has such a folder: the stick holds `team-desktop/` (the app, or
    `TEAM Desktop.app` on macOS) and `data/` side by side. From a source tree this is None.
    """
    if not getattr(sys, "frozen", False):
        return None
    app_folder = Path(sys.executable).resolve().parent
    # macOS: the executable sits in TEAM Desktop.app/Contents/MacOS; the .app is the app folder.
    if app_folder.name == "MacOS" and app_folder.parent.name == "Contents":
        app_folder = app_folder.parent.parent
    candidate = app_folder.parent / PORTABLE_DIR_NAME
    return candidate if candidate.is_dir() else None


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """Where the learner's data lives, created if needed; the first of these that applies.

    1. `--data-dir`; 2. $TEAM_DESKTOP_DATA_DIR; 3. a built app's portable `data/` folder
    (see `portable_data_dir`); 4. the platform's user data folder (platformdirs).
    """
    if cli_value:
        chosen = Path(cli_value)
    elif os.environ.get(ENV_DATA_DIR):
        chosen = Path(os.environ[ENV_DATA_DIR])
    elif (portable := portable_data_dir()) is not None:
        chosen = portable
    else:
        import platformdirs  # only here: a data folder given or portable needs none of it

        chosen = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    chosen = chosen.expanduser().resolve()
    chosen.mkdir(parents=True, exist_ok=True)
    return chosen


def keep_private(root: Path) -> None:
    """Only this user may enter the data folder or read its files (POSIX: 0700 and 0600).

    The journal, the notes and the sync token's account are nobody else's business on a
    shared computer; a folder others cannot enter protects everything below it. Elsewhere
    (Windows) the user's profile folder already does that.
    """
    if os.name != "posix":
        return
    root = Path(root)
    try:
        root.chmod(0o700)
        for item in root.iterdir():
            if item.is_file() and not item.is_symlink():
                item.chmod(0o600)
    except OSError:
        pass  # a read-only stick or a folder owned by another: the store's own errors say so


def private_files_from_now() -> None:
    """Files and folders this process creates are its user's only (POSIX umask 077)."""
    if os.name == "posix":
        os.umask(0o077)


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
    def lock(self) -> Path:
        """Held by the app while it runs on this folder (and by a restore)."""
        return self.root / "team-desktop.lock"

    @property
    def pending_restore(self) -> Path:
        """A backup the learner chose to restore, applied at the next start (`core.restore`)."""
        return self.root / "restauration-en-attente.teambackup"

    @property
    def tmp(self) -> Path:
        """Scratch space on the same filesystem, so finished work can be renamed into place."""
        return self.root / "tmp"
