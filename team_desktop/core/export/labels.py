"""French words shared by every export: visibility, sizes, dates."""

from __future__ import annotations

import datetime as dt

from team_desktop.core.i18n import N_, _, format_number
from team_desktop.core.store.portfolio_models import DEVICE, GROUP, PRIVATE

MONTHS = (
    N_("janvier"),
    N_("février"),
    N_("mars"),
    N_("avril"),
    N_("mai"),
    N_("juin"),
    N_("juillet"),
    N_("août"),
    N_("septembre"),
    N_("octobre"),
    N_("novembre"),
    N_("décembre"),
)


def visibility_label(visibility: str) -> str:
    """How the learner's choice of visibility reads in an export."""
    return {
        PRIVATE: _("privée (mes appareils)"),
        GROUP: _("partagée avec mon groupe"),
        DEVICE: _("sur cet appareil seulement"),
    }.get(visibility, visibility)


def human_size(size: int) -> str:
    """`1234567` → `1,2 Mo` (or `1.2 MB` in English)."""
    if size < 1024:
        return _("{n} octets").format(n=size)
    value, units = size / 1024, [_("Ko"), _("Mo"), _("Go")]
    while value >= 1024 and len(units) > 1:
        value /= 1024
        units.pop(0)
    return f"{format_number(value)} {units[0]}"


def long_date(day: dt.date) -> str:
    """`2024-05-02` → `2 mai 2024`."""
    first = _("1er") if day.day == 1 else str(day.day)
    return f"{first} {_(MONTHS[day.month - 1])} {day.year}"
