"""The consent decision between this device and the server, around each sync.

Before the records: a decision the server does not have yet is sent (so answers and
statements pushed next are kept). After them: if the server refused research records, the
learner decided otherwise on another device; the most recent decision is taken here too.
"""

from __future__ import annotations

import datetime as dt

from team_desktop.core.research import consent, traces
from team_desktop.core.store.models import database
from team_desktop.core.sync.connection import Connection
from team_desktop.core.wire_time import iso, parse_time


def before_sync(connection: Connection) -> None:
    """Send this device's decision when the server does not have it yet."""
    current = consent.decision()
    if current is None or current.synced:
        return
    answer = connection.json(
        "PUT",
        "/me/research-consent",
        {
            "consent": current.consent,
            "version": current.version,
            "decided_at": iso(current.decided_at),
        },
    )
    adopt(answer)


def after_sync(connection: Connection, rejected: dict[str, str]) -> None:
    """Research records refused by the server: learn the decision in force. Statements the
    server took are no longer needed here (but today's, which keep "once a day" true)."""
    if any(key.split("/", 1)[0] in consent.RESEARCH_KINDS for key in rejected):
        adopt(connection.me())
    traces.forget_sent()


def adopt(me: dict) -> None:
    """Keep the most recent of the server's decision (from `GET /me`) and this device's.

    A refusal made here that the server has not yet confirmed always stays: a server (or
    anyone between) answering "consented, later" must never turn the learner's no into a yes.
    """
    if not isinstance(me, dict):
        return  # an unreadable answer changes nothing here
    server_at = _server_time(me)
    local = consent.decision()
    if local is not None and not local.consent and not local.synced:
        if server_at is not None and me.get("research_consent") is False:
            with database.atomic():
                consent.mark_synced()  # the server has the refusal
        return
    with database.atomic():
        if server_at is not None and (local is None or server_at > local.decided_at):
            consent.decide(
                me.get("research_consent") is True,
                me.get("research_consent_version") or "",
                server_at,
                synced=True,
            )
        elif local is not None and server_at is not None:
            consent.mark_synced()


def _server_time(me: dict) -> dt.datetime | None:
    """When the server says the decision was made; None for anything unreadable."""
    value = me.get("research_consent_at")
    try:
        return parse_time(value) if isinstance(value, str) else None
    except ValueError:
        return None
