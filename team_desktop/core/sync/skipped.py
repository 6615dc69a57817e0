"""Pulled records this device could not apply: kept (a bounded list) so the learner is told."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from team_desktop.core.store.db import get_list_setting, set_setting
from team_desktop.core.store.models import Setting, utcnow

KEY = "sync.skipped_records"
KEEP = 100  # the most recent ones: a hostile server must not grow this without end


@dataclass(frozen=True)
class SkippedRecord:
    """One pulled record left aside, with the French reason."""

    kind: str
    record_id: str
    author: str
    reason: str
    at: dt.datetime


def _load() -> list[dict]:
    return get_list_setting(KEY)


def remember(kind: object, record_id: object, author: object, reason: str) -> None:
    """Note a skipped record (call inside the page's transaction); the same one replaces itself."""
    row = {
        "kind": str(kind)[:40],
        "id": str(record_id)[:200],
        "author": author[:200] if isinstance(author, str) else "",
        "reason": reason[:500],
        "at": utcnow().isoformat(),
    }
    rows = [old for old in _load() if (old.get("kind"), old.get("id")) != (row["kind"], row["id"])]
    set_setting(KEY, json.dumps([*rows, row][-KEEP:], ensure_ascii=False))


def forget(kind: str, record_id: str) -> None:
    """A record that now applied is no longer skipped."""
    rows = _load()
    kept = [row for row in rows if (row.get("kind"), row.get("id")) != (kind, record_id)]
    if len(kept) != len(rows):
        set_setting(KEY, json.dumps(kept, ensure_ascii=False))


def listing() -> list[SkippedRecord]:
    """The skipped records, most recent first."""
    return [
        SkippedRecord(
            row["kind"],
            row["id"],
            row["author"],
            row["reason"],
            dt.datetime.fromisoformat(row["at"]),
        )
        for row in reversed(_load())
    ]


def clear() -> None:
    """The learner has read them."""
    Setting.delete().where(Setting.key == KEY).execute()
