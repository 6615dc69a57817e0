"""The learner's preferences (language, theme, text size, metered line), declared once, kept per
data directory.

They live in the data directory's `ui-state.ini`, in their own `[preferences]` group, apart
from the window's state (geometry, splitters): a USB stick carries them with the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

GROUP = "preferences"


@dataclass(frozen=True)
class Setting:
    """One preference: its key, its default, and the values it may take."""

    key: str
    default: object
    choices: tuple = ()
    minimum: int = 0
    maximum: int = 0

    def valid(self, value: object) -> object:
        """`value` if it is allowed, else the default (a hand-edited file cannot break the app)."""
        if self.choices:
            return value if value in self.choices else self.default
        try:
            number = int(value)
        except (TypeError, ValueError):
            return self.default
        return min(max(number, self.minimum), self.maximum)


# "system": French for French locales and for unknown ones, English for English ones.
LANGUAGE = Setting("language", "system", ("system", "fr", "en"))
# "system" follows the platform's colour scheme and contrast setting.
THEME = Setting("theme", "system", ("system", "light", "dark", "contrast"))
# Steps of 10 % from the normal size of the course and the editors.
TEXT_SIZE = Setting("text_size", 0, minimum=-3, maximum=10)
# "Connexion limitée": on a metered line, files above METERED_MAX_MB wait (text always goes).
METERED = Setting("metered", 0, minimum=0, maximum=1)
METERED_MAX_MB = Setting("metered_max_mb", 1, minimum=0, maximum=200)


def files_limit(preferences: Preferences) -> int | None:
    """The largest file a sync sends or fetches, in bytes; None when the line is not metered."""
    if not preferences.get(METERED):
        return None
    return int(preferences.get(METERED_MAX_MB)) * 2**20


class Preferences:
    """Reads and writes preferences in one data directory's settings file."""

    def __init__(self, settings_file: Path):
        self._settings = QSettings(str(settings_file), QSettings.Format.IniFormat)

    def get(self, setting: Setting) -> object:
        """The saved value, or the default when none (or an invalid one) was saved."""
        value = self._settings.value(f"{GROUP}/{setting.key}", setting.default)
        return setting.valid(value)

    def set(self, setting: Setting, value: object) -> None:
        """Save `value` (written to disk at once: the app may be killed at any time)."""
        self._settings.setValue(f"{GROUP}/{setting.key}", setting.valid(value))
        self._settings.sync()
