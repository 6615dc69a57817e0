"""A group's season, its announcements and the learner's progress choice: how each becomes a
change, and how a pulled one is applied. Applying never enqueues."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from team_desktop.core import outbox
from team_desktop.core.i18n import _
from team_desktop.core.store.group_models import Announcement, GroupSeason, ProgressShare
from team_desktop.core.sync.pulled import InvalidRecord
from team_desktop.core.wire_time import iso, parse_time

# -- outgoing ------------------------------------------------------------------------------


def _season_out(group_id: str) -> dict | None:
    row = GroupSeason.get_or_none(GroupSeason.group_id == group_id)
    if row is None:
        return None
    return {**json.loads(row.data_json), "changed_at": iso(row.changed_at)}


def _announcement_out(record_id: str) -> dict | None:
    row = Announcement.get_or_none(Announcement.id == record_id)
    if row is None:
        return None
    return {
        "group_id": row.group_id,
        "title": row.title,
        "body": row.body,
        "published_at": iso(row.published_at),
        "changed_at": iso(row.changed_at),
        "deleted": row.deleted,
    }


def _share_out(group_id: str) -> dict | None:
    row = ProgressShare.get_or_none(ProgressShare.group_id == group_id)
    return {"share": row.share, "decided_at": iso(row.decided_at)} if row else None


# -- incoming ------------------------------------------------------------------------------


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _same_group(change: dict, group_id: str) -> None:
    """A group's record says which group it is for twice; a server that disagrees with itself
    is not believed (it could move a season or an announcement into another group)."""
    if change.get("group_id") != group_id:
        raise InvalidRecord(_("champ « {field} » invalide").format(field="group_id"))


def _season_in(change: dict) -> None:
    _same_group(change, change["id"])
    if outbox.is_queued("season", change["id"]):
        return  # our own newer edit is waiting: the latest edit wins on the server
    data = dict(change["data"])
    changed_at = parse_time(data.pop("changed_at"))
    row = GroupSeason.get_or_none(GroupSeason.group_id == change["id"])
    if row is not None and _aware(row.changed_at) > changed_at:
        return
    values = {
        "data_json": json.dumps(data, ensure_ascii=False),
        "changed_at": changed_at,
        "author_id": change.get("owner"),
    }
    GroupSeason.insert(group_id=change["id"], **values).on_conflict(
        conflict_target=[GroupSeason.group_id], update=values
    ).execute()


def _announcement_in(change: dict) -> None:
    data = change["data"]
    _same_group(change, data["group_id"])
    if outbox.is_queued("announcement", change["id"]):
        return
    if data.get("deleted"):
        Announcement.delete().where(Announcement.id == change["id"]).execute()
        return
    values = {
        "group_id": data["group_id"],
        "author_id": change.get("owner"),
        "title": data.get("title") or "",
        "body": data.get("body") or "",
        "published_at": parse_time(data["published_at"]),
        "changed_at": parse_time(data["changed_at"]),
        "deleted": False,
    }
    # An edited announcement stays read: `read_at` is not among the updated columns.
    Announcement.insert(id=change["id"], **values).on_conflict(
        conflict_target=[Announcement.id], update=values
    ).execute()


def _share_in(change: dict) -> None:
    if outbox.is_queued("progress_share", change["id"]):
        return
    data = change["data"]
    decided_at = parse_time(data["decided_at"])
    row = ProgressShare.get_or_none(ProgressShare.group_id == change["id"])
    if row is not None:
        held = _aware(row.decided_at)
        if held > decided_at or (held == decided_at and not row.share):
            return  # a refusal wins a tie, as on the server
    ProgressShare.replace(
        group_id=change["id"], share=data["share"], decided_at=decided_at
    ).execute()


def withdraw(kind: str, record_id: str) -> None:
    """The record left this learner's view: the device's copy goes."""
    if kind == "season":
        GroupSeason.delete().where(GroupSeason.group_id == record_id).execute()
    elif kind == "announcement":
        Announcement.delete().where(Announcement.id == record_id).execute()


def forget_left_groups(current: list[str]) -> None:
    """After a full resync: the seasons and announcements of groups the learner left go."""
    GroupSeason.delete().where(GroupSeason.group_id.not_in(current or [""])).execute()
    Announcement.delete().where(Announcement.group_id.not_in(current or [""])).execute()


OUTGOING: dict[str, Callable[[str], dict | None]] = {
    "season": _season_out,
    "announcement": _announcement_out,
    "progress_share": _share_out,
}
INCOMING: dict[str, Callable[[dict], None]] = {
    "season": _season_in,
    "announcement": _announcement_in,
    "progress_share": _share_in,
}
