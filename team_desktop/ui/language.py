"""The interface language: which one, its translators, and dates and numbers as it writes them.

French is the source language. The compiled catalogues (`resources/translations/*.qm`) are
built from the committed `.ts` files by packaging/translations.py; without them the
interface is in French, its plurals resolved by `FrenchPlurals`, so a source tree that was
never built still runs and never shows "leçon(s)".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTime, QTranslator

from team_desktop.core import i18n
from team_desktop.core.paths import resources_dir

SYSTEM = "system"
# Qt's own strings (standard buttons, context menus) come from its `qtbase` catalogue.
QT_CATALOGUE = "qtbase"
APP_CATALOGUE = "team_desktop"
# When the language chosen is not the system's, dates follow this country's conventions.
DEFAULT_COUNTRY = {"fr": "fr_FR", "en": "en_GB"}
_installed: list[QTranslator] = []


class FrenchPlurals(QTranslator):
    """The French plural of "%n leçon(s) terminée(s)" when no compiled catalogue says it.

    Installed before the catalogues, so a catalogue that has the message wins.
    """

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102, N802
        del context, disambiguation
        if n < 0 or "(" not in source:
            return None  # null: Qt goes on to the next translator, then the source text
        return i18n.french_plural(source, n)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's API)
        return False


def translations_dir():
    """Where the app's compiled `.qm` catalogues are."""
    return resources_dir() / "translations"


def choose_language(requested: str | None, saved: str, system_locale: str) -> str:
    """The command line's choice, else the saved preference, else the system's language."""
    for choice in (requested, saved):
        if choice in i18n.LANGUAGES:
            return choice
    return i18n.language_for_locale(system_locale)


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The system locale when it speaks `language` (its own date formats), else a default one."""
    system = system or QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(DEFAULT_COUNTRY[language])


def install_language(app: QCoreApplication, language: str) -> QLocale:
    """Translate the interface, Qt's own strings and core messages into `language`."""
    while _installed:
        app.removeTranslator(_installed.pop())
    if language == "fr":
        plurals = FrenchPlurals(app)
        app.installTranslator(plurals)
        _installed.append(plurals)
    for name, folder in (
        (QT_CATALOGUE, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (APP_CATALOGUE, str(translations_dir())),
    ):
        translator = QTranslator(app)
        # French has a catalogue too: the plural forms of its own "%n" messages.
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            _installed.append(translator)
    locale = locale_for(language)
    QLocale.setDefault(locale)
    i18n.set_language(language)
    i18n.set_date_formatters(format_date, format_moment)
    return locale


def date_format() -> str:
    """The locale's short date pattern, with the year in full (02/05/2024, 5/2/2024)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def format_date(day: dt.date) -> str:
    """A date as the interface's locale writes it."""
    return QLocale().toString(QDate(day.year, day.month, day.day), date_format())


def format_time(moment: dt.datetime | None = None) -> str:
    """A time of day (now by default) as the locale writes it: 14:05, 2:05 PM."""
    moment = moment or dt.datetime.now()
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def format_moment(moment: dt.datetime) -> str:
    """A date and time (aware ones in local time), as the locale writes them."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{format_date(moment.date())} {format_time(moment)}"


def month_name(year: int, month: int) -> str:
    """ "mai 2024", "May 2024"."""
    return f"{QLocale().standaloneMonthName(month)} {year}"
