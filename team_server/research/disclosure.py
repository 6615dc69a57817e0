"""What each value of the research export may reveal, and how it is made safe to open.

- Times: a researcher who is also a member of a group sees, in the shared feed, when a peer
  shared or commented; exact times in the export would let them put a name on a pseudonym.
  Every time is therefore cut to the day and moved by a fixed number of days per learner
  (`pseudonyms.day_shift`): the intervals between one learner's events stay true, their
  alignment with the calendar and with other learners does not.
- Ids: a record id is whatever the device sent; TEAM Desktop makes 32 hex digits, and any other
  value is replaced by 32 hex digits of its SHA-256, so the data dictionary tells the truth.
- Cells: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula; such a
  text gets a leading apostrophe (`team_desktop.core.csv_cells`, which the facilitator's
  progress export shares).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from team_server.research.pseudonyms import day_shift

HEX32 = re.compile(r"^[0-9a-f]{32}$")


def hex_id(value: str) -> str:
    """A device-made id as 32 lowercase hex digits (kept when it already is)."""
    return value if HEX32.match(value) else hashlib.sha256(value.encode("utf-8")).hexdigest()[:32]


def _moment(value: dt.datetime | str | None) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class Dates:
    """Dates of one export: to the day, each learner's moved by their own fixed shift."""

    def __init__(self, key: bytes):
        self._key = key
        self._shifts: dict[str, int] = {}

    def day(self, user_id: str, value: dt.datetime | str | None) -> str:
        """`YYYY-MM-DD`, shifted for this learner; '' when there is no readable time."""
        moment = _moment(value)
        if moment is None:
            return ""
        if user_id not in self._shifts:
            self._shifts[user_id] = day_shift(user_id, self._key)
        shifted = moment.astimezone(dt.UTC).date() + dt.timedelta(days=self._shifts[user_id])
        return shifted.isoformat()

    def timestamp(self, user_id: str, value: dt.datetime | str | None) -> str:
        """The same day as an xAPI timestamp (midnight UTC)."""
        day = self.day(user_id, value)
        return f"{day}T00:00:00Z" if day else ""
