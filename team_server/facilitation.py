"""What a group's facilitators give it (its season, announcements) and what they may see of
it (the progress of the learners who agreed to show it), with the learner's choice itself.

Only a facilitator of the group sets its season or writes to it; a learner's progress reaches
a facilitator only while the learner's latest `progress_share` for that group says yes.
"""

from __future__ import annotations

import datetime as dt
import json

from team_server import records as rec
from team_server.merge import Rejected, parse_time
from team_server.models import FACILITATOR, GROUP, MEMBER, Membership, Record, User

NOT_MEMBER = "Groupe introuvable : vous n'en êtes pas (ou plus) membre."
FACILITATORS_ONLY = "Seule l'animation du groupe (animateur ou animatrice) peut faire cela."
STAYS_IN_GROUP = "Une annonce reste dans le groupe où elle a été publiée."
NOT_FOUND = "Introuvable : cet élément n'existe pas ou ne vous est pas visible."


def role_in(user: User, group_id: str) -> str | None:
    """The user's role in the group, or None when not a member."""
    row = Membership.get_or_none((Membership.user == user.id) & (Membership.group == group_id))
    return row.role if row else None


def _require_facilitator(user: User, group_id: str) -> None:
    role = role_in(user, group_id)
    if role is None:
        raise Rejected(NOT_MEMBER)
    if role != FACILITATOR:
        raise Rejected(FACILITATORS_ONLY)


def _newer(pushed: dict, current: dict | None, field: str) -> bool:
    """Latest wins, so two facilitators' devices settle the same way whatever the order."""
    if current is None:
        return True
    return parse_time(pushed[field], field) > parse_time(current[field], field)


def apply_season(user: User, device_id: str, change: dict) -> Record:
    """A facilitator sets the group's season; the latest `changed_at` wins."""
    group_id, data = change["id"], change["data"]
    _require_facilitator(user, group_id)
    record = rec.find("season", user, group_id)
    current = json.loads(record.data) if record else None
    if record is not None and not _newer(data, current, "changed_at"):
        return record
    return rec.save(
        record or rec.new_record("season", user, group_id),
        data,
        visibility=GROUP,
        group_id=group_id,
    )


def apply_announcement(user: User, device_id: str, change: dict) -> Record:
    """A facilitator publishes, edits or deletes an announcement to one of their groups."""
    data = change["data"]
    record = rec.find("announcement", user, change["id"])
    if record is not None:
        if not rec.can_see(user, record):
            raise Rejected(NOT_FOUND)
        if record.group_id != data["group_id"]:
            raise Rejected(STAYS_IN_GROUP)
    _require_facilitator(user, data["group_id"])
    if data.get("deleted"):
        data = {**data, "title": "", "body": ""}  # a tombstone keeps no words
    current = json.loads(record.data) if record else None
    if current is not None and (current.get("deleted") or not _newer(data, current, "changed_at")):
        return record  # a deleted announcement stays deleted
    return rec.save(
        record or rec.new_record("announcement", user, change["id"]),
        data,
        visibility=GROUP,
        group_id=data["group_id"],
    )


def apply_progress_share(user: User, device_id: str, change: dict) -> Record:
    """The learner's choice for one group; the latest decision wins, a refusal on a tie."""
    data = dict(change["data"])
    if data["share"] and role_in(user, change["id"]) is None:
        raise Rejected(NOT_MEMBER)  # saying no is always possible, even after leaving
    now = dt.datetime.now(dt.UTC)
    if parse_time(data["decided_at"], "decided_at") > now:
        data["decided_at"] = now.strftime("%Y-%m-%dT%H:%M:%SZ")  # a clock ahead wins nothing
    record = rec.find("progress_share", user, change["id"])
    current = json.loads(record.data) if record else None
    if current is not None:
        pushed_at = parse_time(data["decided_at"], "decided_at")
        held_at = parse_time(current["decided_at"], "decided_at")
        if pushed_at < held_at or (pushed_at == held_at and (data["share"] or data == current)):
            return record
    return rec.save(record or rec.new_record("progress_share", user, change["id"]), data)


# -- the facilitator's view ----------------------------------------------------------------


def _sharing_learners(group_id: str, learners: list[str]) -> set[str]:
    rows = Record.select(Record.owner, Record.data).where(
        (Record.kind == "progress_share")
        & (Record.record_id == group_id)
        & Record.owner.in_(learners or [""])
    )
    return {row.owner_id for row in rows if json.loads(row.data).get("share") is True}


def _progress_of(owners: set[str], group_id: str) -> dict[str, dict]:
    """Lessons done, activities answered and items shared with the group, per learner."""
    found = {owner: {"lessons": set(), "activities": set(), "shared": 0} for owner in owners}
    kinds = ("progress", "quiz", "entry", "note")
    rows = Record.select(
        Record.owner, Record.kind, Record.record_id, Record.data, Record.visibility, Record.group_id
    ).where(Record.kind.in_(kinds) & Record.owner.in_(list(owners) or [""]))
    for row in rows:
        data, mine = json.loads(row.data), found[row.owner_id]
        if row.kind == "progress":
            if data.get("completed") is True:
                mine["lessons"].add(row.record_id)
            continue
        if data.get("deleted") or data.get("trashed_at"):
            continue
        if isinstance(data.get("activity_uid"), str):
            mine["activities"].add(data["activity_uid"])  # a quiz, an entry or a note for it
        if row.kind != "quiz" and row.visibility == GROUP and row.group_id == group_id:
            mine["shared"] += 1
    return found


def group_progress(group_id: str) -> list[dict]:
    """The group's learners in joining order: their progress when they share it, else only
    their name and `shared: false`."""
    members = list(
        Membership.select(Membership, User)
        .join(User)
        .where((Membership.group == group_id) & (Membership.role == MEMBER))
        .order_by(Membership.joined_at, Membership.id)
    )
    ids = [row.user.id for row in members]
    sharing = _sharing_learners(group_id, ids)
    progress = _progress_of(sharing, group_id)
    learners = []
    for row in members:
        learner = {"id": row.user.id, "display_name": row.user.display_name}
        mine = progress.get(row.user.id)
        if mine is None:
            learners.append({**learner, "shared": False})
            continue
        learners.append(
            {
                **learner,
                "shared": True,
                "lessons_done": sorted(mine["lessons"]),
                "activities": sorted(mine["activities"]),
                "shared_items": mine["shared"],
            }
        )
    return learners
