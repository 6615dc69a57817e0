"""Checkers of xAPI 1.0.3 statements, besides Ralph's own model (tests/ralph_lrs.py).

- `problems`: the specification's required fields, written here.
- `tincan_problems`: a second, independent library, edX's `tincan` (edx-tincan-py35, the
  maintained fork of ADL's TinCanPython): its `Statement` refuses unknown properties, ids that
  are not UUIDs, language maps that are not maps, timestamps that are not ISO 8601; plus the
  profile TEAM promises its researchers: `context.registration`, `platform` and `language`
  set, a French `definition.name` on the object and on every context activity.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from urllib.parse import urlparse

from tincan import Statement

IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _iri(value: object) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _language_map(value: object) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(LANGUAGE_TAG.match(k) and isinstance(v, str) for k, v in value.items())
    )


def problems(statement: dict, now: dt.datetime | None = None) -> list[str]:
    """Everything that makes `statement` invalid (an empty list when it is valid)."""
    found = []
    try:
        if str(uuid.UUID(statement.get("id", ""))) != statement["id"]:
            found.append("id is not a lowercase hyphenated UUID")
    except (ValueError, AttributeError, TypeError):
        found.append("id is not a UUID")
    actor = statement.get("actor")
    if not isinstance(actor, dict):
        found.append("no actor")
    else:
        if actor.get("objectType", "Agent") != "Agent":
            found.append("actor is not an Agent")
        ifis = [key for key in IFIS if key in actor]
        if len(ifis) != 1:
            found.append(f"actor has {len(ifis)} inverse functional identifiers")
        account = actor.get("account")
        if ifis == ["account"] and (
            not isinstance(account, dict)
            or not _iri(account.get("homePage"))
            or not isinstance(account.get("name"), str)
            or not account["name"]
        ):
            found.append("actor account needs homePage (IRL) and name")
    verb = statement.get("verb")
    if not isinstance(verb, dict) or not _iri(verb.get("id")):
        found.append("verb id is not an IRI")
    elif "display" in verb and not _language_map(verb["display"]):
        found.append("verb display is not a language map")
    target = statement.get("object")
    if not isinstance(target, dict) or not _iri(target.get("id")):
        found.append("object id is not an IRI")
    elif target.get("objectType", "Activity") != "Activity":
        found.append("object is not an Activity")
    elif "definition" in target and "name" in target["definition"]:
        if not _language_map(target["definition"]["name"]):
            found.append("activity name is not a language map")
    stamp = statement.get("timestamp")
    try:
        when = dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
        if when.tzinfo is None:
            found.append("timestamp has no time zone")
        elif when > (now or dt.datetime.now(dt.UTC)) + dt.timedelta(seconds=1):
            found.append("timestamp is in the future")
    except ValueError:
        found.append("timestamp is not ISO 8601")
    score = (statement.get("result") or {}).get("score")
    if score is not None:
        scaled, raw = score.get("scaled"), score.get("raw")
        if scaled is not None and not -1 <= scaled <= 1:
            found.append("scaled score outside [-1, 1]")
        if raw is not None and not score.get("min", raw) <= raw <= score.get("max", raw):
            found.append("raw score outside [min, max]")
    return found


def tincan_problems(statement: dict) -> list[str]:
    """What edX's tincan library and TEAM's profile find wrong (empty when all is well)."""
    try:
        parsed = Statement.from_json(json.dumps(statement))
    except (ValueError, TypeError, AttributeError) as error:
        return [f"tincan: {error}"]
    found = []
    context = parsed.context
    if context is None or context.registration is None:
        found.append("no context.registration")
    elif not context.platform or context.language != "fr-FR":
        found.append("context.platform or context.language missing")
    activities = [parsed.object]
    if context is not None and context.context_activities is not None:
        activities += list(context.context_activities.grouping or [])
    for activity in activities:
        definition = activity.definition
        if definition is None or not (definition.name or {}).get("fr-FR"):
            found.append(f"{activity.id} has no French definition.name")
    return found
