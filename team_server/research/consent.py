"""Research consent on the server: the latest decision of a learner wins, with its history.

A learner decides on a device, possibly offline; the decision travels at the next sync with the
moment it was made and the version of the text read. The most recent decision is the one in
force, whichever device sends it first. Withdrawing deletes the research records kept so far
(answers and statements, and with them any statement not yet forwarded to the LRS).
"""

from __future__ import annotations

import datetime as dt

from team_server.db import write_transaction
from team_server.merge import parse_time
from team_server.models import ConsentEvent, Record, User, utcnow

RESEARCH_KINDS = ("answer", "statement")


def latest(user_id: str) -> ConsentEvent | None:
    """The decision in force for a user, or None if they never decided."""
    return (
        ConsentEvent.select()
        .where(ConsentEvent.user == user_id)
        .order_by(ConsentEvent.decided_at.desc(), ConsentEvent.id.desc())
        .first()
    )


def _naive_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def decide(user: User, consent: bool, version: str = "", decided_at: str | None = None) -> bool:
    """Record a decision in the history; returns False when a more recent one is already in
    force (the older one is kept in the history all the same, and changes nothing)."""
    now = utcnow()
    when = _naive_utc(parse_time(decided_at, "decided_at")) if decided_at else now
    when = min(when, now)  # a device clock ahead of ours does not make a decision "newer"
    with write_transaction():
        current = latest(user.id)
        ConsentEvent.create(user=user.id, consent=consent, text_version=version, decided_at=when)
        if current is not None and current.decided_at > when:
            return False
        User.update(research_consent=consent).where(User.id == user.id).execute()
        if not consent:
            Record.delete().where(
                (Record.owner == user.id) & Record.kind.in_(RESEARCH_KINDS)
            ).execute()
    return True


def describe(user: User) -> dict:
    """The consent fields of `GET /me`."""
    event = latest(user.id)
    return {
        "research_consent": user.research_consent,
        "research_consent_version": event.text_version if event else None,
        "research_consent_at": _iso(event.decided_at) if event else None,
    }


def history(user_id: str) -> list[dict]:
    """Every decision of a user, oldest first (for "Mes données")."""
    events = (
        ConsentEvent.select()
        .where(ConsentEvent.user == user_id)
        .order_by(ConsentEvent.decided_at, ConsentEvent.id)
    )
    return [
        {
            "consent": event.consent,
            "version": event.text_version,
            "decided_at": _iso(event.decided_at),
            "recorded_at": _iso(event.recorded_at),
        }
        for event in events
    ]


def _iso(value: dt.datetime) -> str:
    return value.replace(tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")
