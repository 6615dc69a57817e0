"""xAPI statements pushed by learners: checked against xAPI 1.0.3, then made pseudonymous.

The server trusts no identity a device writes: the actor is replaced by the learner's
pseudonym, `context.registration` by the learner's registration for the course season, and a
timestamp in the future is brought back to now. Anything else that does not
fit the small profile TEAM Desktop emits is refused with a French reason.
"""

from __future__ import annotations

import datetime as dt
import uuid
from urllib.parse import urlparse

from team_server.merge import Rejected, parse_time
from team_server.research.pseudonyms import actor, registration

TOP_LEVEL = {"id", "actor", "verb", "object", "result", "context", "timestamp", "version"}
RESULT_FIELDS = {"score", "success", "completion", "duration", "response", "extensions"}


def is_iri(value: object) -> bool:
    """An absolute IRI with a scheme and something after it (xAPI ids, verbs, activities)."""
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        return False
    parsed = urlparse(value)
    return bool(parsed.scheme) and bool(parsed.netloc or parsed.path)


def _language_map(value: object, field: str) -> None:
    if not isinstance(value, dict) or not value:
        raise Rejected(f"Trace xAPI : « {field} » doit être un dictionnaire de langues non vide.")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise Rejected(f"Trace xAPI : « {field} » doit associer des langues à des textes.")


def _check_verb(verb: object) -> None:
    if not isinstance(verb, dict) or not is_iri(verb.get("id")):
        raise Rejected("Trace xAPI : le verbe doit avoir un identifiant IRI.")
    if "display" in verb:
        _language_map(verb["display"], "verb.display")


def _check_object(target: object) -> None:
    if not isinstance(target, dict) or target.get("objectType", "Activity") != "Activity":
        raise Rejected("Trace xAPI : l'objet doit être une activité.")
    if not is_iri(target.get("id")):
        raise Rejected("Trace xAPI : l'activité doit avoir un identifiant IRI.")
    definition = target.get("definition")
    if definition is not None:
        if not isinstance(definition, dict):
            raise Rejected("Trace xAPI : « object.definition » invalide.")
        if "name" in definition:
            _language_map(definition["name"], "object.definition.name")
        if "type" in definition and not is_iri(definition["type"]):
            raise Rejected("Trace xAPI : le type d'activité doit être un IRI.")


def _check_result(result: object) -> None:
    if result is None:
        return
    if not isinstance(result, dict) or set(result) - RESULT_FIELDS:
        raise Rejected("Trace xAPI : « result » invalide.")
    score = result.get("score")
    if score is not None:
        if not isinstance(score, dict):
            raise Rejected("Trace xAPI : « result.score » invalide.")
        scaled = score.get("scaled")
        if scaled is not None and not (isinstance(scaled, int | float) and -1 <= scaled <= 1):
            raise Rejected("Trace xAPI : « score.scaled » doit être entre -1 et 1.")
        low, high, raw = score.get("min"), score.get("max"), score.get("raw")
        if low is not None and high is not None and low > high:
            raise Rejected("Trace xAPI : « score.min » dépasse « score.max ».")
        if raw is not None and (
            (low is not None and raw < low) or (high is not None and raw > high)
        ):
            raise Rejected("Trace xAPI : « score.raw » hors de [min, max].")
    for flag in ("success", "completion"):
        if flag in result and not isinstance(result[flag], bool):
            raise Rejected(f"Trace xAPI : « result.{flag} » doit valoir true ou false.")


def normalise(record_id: str, data: dict, user_id: str, now: dt.datetime | None = None) -> dict:
    """The statement to keep: checked, with the learner's pseudonymous actor and a past time."""
    if not isinstance(data, dict) or not data:
        raise Rejected("Une trace xAPI vide n'est pas acceptée.")
    unknown = set(data) - TOP_LEVEL
    if unknown:
        raise Rejected(f"Trace xAPI : champ non accepté « {sorted(unknown)[0]} ».")
    try:
        statement_id = uuid.UUID(str(data.get("id")))
    except ValueError as error:
        raise Rejected("Trace xAPI : l'identifiant doit être un UUID.") from error
    if not _is_uuid(record_id) or uuid.UUID(record_id) != statement_id:
        raise Rejected("Trace xAPI : l'identifiant de la trace diffère de celui de l'élément.")
    _check_verb(data.get("verb"))
    _check_object(data.get("object"))
    _check_result(data.get("result"))
    if data.get("context") is not None and not isinstance(data["context"], dict):
        raise Rejected("Trace xAPI : « context » invalide.")
    when = parse_time(data.get("timestamp"), "timestamp")
    now = now or dt.datetime.now(dt.UTC)
    kept = {key: value for key, value in data.items() if key != "version"}
    kept["id"] = str(statement_id)
    kept["actor"] = actor(user_id)
    kept["context"] = {**(data.get("context") or {}), "registration": registration(user_id)}
    kept["timestamp"] = min(when, now).astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return kept


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
