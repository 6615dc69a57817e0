"""A group's season: when it starts, the packs it follows, and when each week opens.

Opening dates guide, they never lock: a learner who has a week's content reads it whenever
they like; the dates only say when the group works on it. Set offline by a facilitator,
queued for the next sync; learners read it offline once pulled.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from team_desktop.core import outbox
from team_desktop.core.export.labels import MONTHS
from team_desktop.core.i18n import _
from team_desktop.core.store.group_models import GroupSeason
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.sync_models import GroupRecord

MAX_WEEKS = 60  # as the server allows (team_server/schemas.py)
MAX_PACKS = 100


class FacilitationError(ValueError):
    """A request the group's rules refuse; `str(error)` is the French reason."""


@dataclass(frozen=True)
class Season:
    """A group's season as last set by its facilitators."""

    group_id: str
    start_date: dt.date
    packs: tuple[str, ...]
    weeks: dict[int, dt.date | None]  # week -> opening date; None: at one's own pace
    changed_at: dt.datetime


def facilitated_group(group_id: str) -> GroupRecord:
    """The group, when this learner facilitates it; FacilitationError otherwise."""
    group = GroupRecord.get_or_none(GroupRecord.id == group_id)
    if group is None:
        raise FacilitationError(_("Ce groupe n'est pas (ou plus) un des vôtres."))
    if group.role != "facilitator":
        raise FacilitationError(
            _("Seule l'animation du groupe (animateur ou animatrice) peut faire cela.")
        )
    return group


def set_season(
    group_id: str, start_date: dt.date, packs: list[str], weeks: dict[int, dt.date | None]
) -> Season:
    """Set the group's season (facilitators only); it reaches the group at the next sync."""
    facilitated_group(group_id)
    if len(packs) > MAX_PACKS or len(set(packs)) != len(packs):
        raise FacilitationError(_("Liste de modules invalide."))
    if any(not 1 <= week <= MAX_WEEKS for week in weeks):
        raise FacilitationError(_("Les semaines vont de 1 à {n}.").format(n=MAX_WEEKS))
    data = {
        "start_date": start_date.isoformat(),
        "packs": list(packs),
        "weeks": [
            {"week": week, "opens_on": opens.isoformat() if opens else None}
            for week, opens in sorted(weeks.items())
        ],
    }
    now = utcnow()
    with database.atomic():
        GroupSeason.replace(
            group_id=group_id,
            data_json=json.dumps(data, ensure_ascii=False),
            changed_at=now,
            author_id=None,
        ).execute()
        outbox.enqueue("season", group_id)
    return Season(group_id, start_date, tuple(packs), dict(weeks), now)


def _season(row: GroupSeason) -> Season:
    data = json.loads(row.data_json)  # checked when pulled (core/sync/pulled.py)
    weeks = {
        item["week"]: dt.date.fromisoformat(item["opens_on"]) if item.get("opens_on") else None
        for item in data.get("weeks", [])
    }
    return Season(
        row.group_id,
        dt.date.fromisoformat(data["start_date"]),
        tuple(data.get("packs", [])),
        weeks,
        row.changed_at,
    )


def season_of(group_id: str) -> Season | None:
    """The group's season, or None when none was set."""
    row = GroupSeason.get_or_none(GroupSeason.group_id == group_id)
    return _season(row) if row else None


def current_season() -> Season | None:
    """The season the learner follows: of their groups' seasons, the last one set."""
    groups = [group.id for group in GroupRecord.select(GroupRecord.id)]
    row = (
        GroupSeason.select()
        .where(GroupSeason.group_id.in_(groups or [""]))
        .order_by(GroupSeason.changed_at.desc())
        .first()
    )
    return _season(row) if row else None


def weekly_dates(start_date: dt.date, weeks: list[int]) -> dict[int, dt.date]:
    """Dates one week apart from the start: week 1 opens on `start_date`, week n 7(n-1) days later."""
    return {week: start_date + dt.timedelta(days=7 * (week - 1)) for week in weeks}


def day_month(day: dt.date) -> str:
    """`2027-01-20` → `20 janvier`."""
    first = _("1er") if day.day == 1 else str(day.day)
    return f"{first} {_(MONTHS[day.month - 1])}"


def opening_phrase(opens_on: dt.date | None, today: dt.date) -> str:
    """`ouvre le 20 janvier`, `ouverte depuis le 6 janvier` or `à votre rythme`."""
    if opens_on is None:
        return _("à votre rythme")
    if opens_on > today:
        return _("ouvre le {d}").format(d=day_month(opens_on))
    return _("ouverte depuis le {d}").format(d=day_month(opens_on))


def opening_text(week: int, opens_on: dt.date | None, today: dt.date) -> str:
    """`Semaine 3 — ouvre le 20 janvier`, as the course navigator shows a week."""
    return _("Semaine {n} — {p}").format(n=week, p=opening_phrase(opens_on, today))


def openings(today: dt.date, *, with_week: bool = True) -> dict[int, str]:
    """For each week of the learner's current season, when it opens (`Semaine 3 — ouvre le
    20 janvier`, or without the week's name: `ouvre le 20 janvier`)."""
    current = current_season()
    if current is None:
        return {}
    if not with_week:
        return {week: opening_phrase(opens, today) for week, opens in current.weeks.items()}
    return {week: opening_text(week, opens, today) for week, opens in current.weeks.items()}
