"""Translation of user-visible strings produced by core (gettext; French is the source).

French needs no catalogue; English reads `resources/locale/en/LC_MESSAGES/team_desktop.mo`,
compiled from the `.po` at build time (packaging/translations.py). Dates are formatted by
functions the UI may replace with its own (QLocale), so core stays free of Qt.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Callable

from team_desktop.core.paths import resources_dir

SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")
DOMAIN = "team_desktop"


class _FrenchSource(gettext.NullTranslations):
    """The source strings, with French plural rules: 0 and 1 are singular."""

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if n <= 1 else msgid2


_translation: gettext.NullTranslations = _FrenchSource()
_language = SOURCE_LANGUAGE


def language_for_locale(name: str) -> str:
    """The interface language for a system locale name ("en_GB" → "en"; French otherwise)."""
    code = name.replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def set_language(language: str) -> None:
    """Switch core messages to `language` ("fr" is the source and needs no catalogue)."""
    global _translation, _language
    _language = language if language in LANGUAGES else SOURCE_LANGUAGE
    if _language == SOURCE_LANGUAGE:
        _translation = _FrenchSource()
    else:
        _translation = gettext.translation(
            DOMAIN, localedir=resources_dir() / "locale", languages=[_language], fallback=True
        )
    set_date_formatters(None, None)


def current_language() -> str:
    """The language core messages are in ("fr" or "en")."""
    return _language


def _(message: str) -> str:
    """Translate a core message."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction where it is declared; `_()` translates it where shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for `n`, by the language's rules."""
    return _translation.ngettext(singular, plural, n)


_PLURAL_MARK = re.compile(r"\((s|x|es)\)")


def french_plural(text: str, n: int) -> str:
    """`text` with its "(s)" marks resolved for `n` (French: 0 and 1 are singular)."""
    return _PLURAL_MARK.sub(lambda m: m.group(1) if abs(n) >= 2 else "", text)


def format_number(value: float, decimals: int = 1) -> str:
    """`value` with the language's decimal separator, without a useless ",0" / ".0"."""
    text = f"{value:.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if _language == "fr" else text


# -- dates ------------------------------------------------------------------------------------

_DEFAULT_FORMATS = {"fr": ("%d/%m/%Y", "%d/%m/%Y %H:%M"), "en": ("%Y-%m-%d", "%Y-%m-%d %H:%M")}
_date_formatter: Callable[[dt.date], str] | None = None
_moment_formatter: Callable[[dt.datetime], str] | None = None


def set_date_formatters(
    date: Callable[[dt.date], str] | None, moment: Callable[[dt.datetime], str] | None
) -> None:
    """Use these functions for dates and times of day (None: the language's default)."""
    global _date_formatter, _moment_formatter
    _date_formatter, _moment_formatter = date, moment


def format_date(day: dt.date) -> str:
    """A calendar date as the learner's locale writes it."""
    if _date_formatter is not None:
        return _date_formatter(day)
    return day.strftime(_DEFAULT_FORMATS[_language][0])


def format_datetime(moment: dt.datetime) -> str:
    """A moment (aware ones in local time) as the learner's locale writes it."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    if _moment_formatter is not None:
        return _moment_formatter(moment)
    return moment.strftime(_DEFAULT_FORMATS[_language][1])
