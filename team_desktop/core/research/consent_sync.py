"""The consent decision between this device and the server, around each sync.

Before the records: a decision the server does not have yet is sent (so answers and
statements pushed next are kept). After them: if the server refused research records, the
learner decided otherwise on another device; the most recent decision is taken here too.
"""

from __future__ import annotations

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
    """Keep the most recent of the server's decision (from `GET /me`) and this device's."""
    server_at = parse_time(me.get("research_consent_at"))
    local = consent.decision()
    with database.atomic():
        if server_at is not None and (local is None or server_at > local.decided_at):
            consent.decide(
                bool(me.get("research_consent")),
                me.get("research_consent_version") or "",
                server_at,
                synced=True,
            )
        elif local is not None and server_at is not None:
            consent.mark_synced()
