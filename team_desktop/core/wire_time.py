"""Times as the sync protocol writes them: UTC ISO 8601 with a Z, and back."""

from __future__ import annotations

import datetime as dt


def iso(value: dt.datetime | dt.date | None) -> str | None:
    """UTC ISO 8601 with a Z, as the protocol writes times."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def parse_time(value: str | None) -> dt.datetime | None:
    """A protocol time as an aware UTC datetime; None for a missing one."""
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
