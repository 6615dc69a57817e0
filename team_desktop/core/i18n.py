"""Translation of user-visible strings produced by core (gettext; French is the source)."""

from __future__ import annotations

import gettext

from team_desktop.core.paths import resources_dir

_translation: gettext.NullTranslations = gettext.NullTranslations()


def set_language(language: str) -> None:
    """Switch core messages to `language` ("fr" is the source and needs no catalogue)."""
    global _translation
    _translation = gettext.translation(
        "team_desktop", localedir=resources_dir() / "locale", languages=[language], fallback=True
    )


def _(message: str) -> str:
    """Translate a core message."""
    return _translation.gettext(message)
