"""Building xAPI 1.0.3 statements for the learning records of TEAM Desktop.

Identifiers are IRIs under the course's home page (an identifier, it need not resolve):
`<home>/xapi/lessons/<pack id>/<lesson id>`, `<home>/xapi/activities/<pack id>/<activity id>`,
`<home>/xapi/modules/<pack id>`. The actor is an account on that home page named by a random
id made once per store, and `context.registration` a random UUID made once per store; the
server replaces both (with the learner's pseudonym and their registration for the course
season), so no device ever decides who a statement is about. Every object has a French
`definition.name`. Verbs come from the ADL vocabulary.
"""

from __future__ import annotations

import datetime as dt
import uuid

from team_desktop.core.store.db import get_setting, set_setting
from team_desktop.core.store.models import PackRecord, utcnow

# Change here and in team_server/research/pseudonyms.py (TEAM_COURSE_HOME_PAGE) for another course.
HOME_PAGE = "https://mooc-team.fr"
ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "experienced": {"en-US": "experienced", "fr-FR": "a consulté"},
    "completed": {"en-US": "completed", "fr-FR": "a terminé"},
    "answered": {"en-US": "answered", "fr-FR": "a répondu à"},
    "shared": {"en-US": "shared", "fr-FR": "a partagé"},
    "commented": {"en-US": "commented", "fr-FR": "a commenté"},
}
ACTIVITY_TYPES = {
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
    "questionnaire": "http://id.tincanapi.com/activitytype/survey",
    "module": "http://adlnet.gov/expapi/activities/module",
}
ACTOR_KEY = "research.actor"
REGISTRATION_KEY = "research.registration"


def lesson_iri(lesson_uid: str) -> str:
    return f"{HOME_PAGE}/xapi/lessons/{lesson_uid}"


def activity_iri(activity_uid: str) -> str:
    return f"{HOME_PAGE}/xapi/activities/{activity_uid}"


def module_iri(pack_id: str) -> str:
    return f"{HOME_PAGE}/xapi/modules/{pack_id}"


def _made_once(key: str, make) -> str:
    value = get_setting(key)
    if not value:
        value = make()
        set_setting(key, value)
    return value


def local_actor() -> dict:
    """This store's placeholder actor (never a name, username or e-mail address)."""
    name = _made_once(ACTOR_KEY, lambda: uuid.uuid4().hex)
    return {"objectType": "Agent", "account": {"homePage": HOME_PAGE, "name": name}}


def local_registration() -> str:
    """This store's placeholder registration (the server sets the learner's own)."""
    return _made_once(REGISTRATION_KEY, lambda: str(uuid.uuid4()))


def statement(
    verb: str,
    object_iri: str,
    *,
    name: str = "",
    kind: str | None = None,
    pack_id: str | None = None,
    result: dict | None = None,
    when: dt.datetime | None = None,
) -> dict:
    """A complete statement with a UUID made here and a timestamp never in the future."""
    target = _activity(object_iri, name, kind)
    context: dict = {
        "registration": local_registration(),
        "platform": "TEAM Desktop",
        "language": "fr-FR",
    }
    if pack_id:
        pack = PackRecord.get_or_none(PackRecord.id == pack_id)
        module = _activity(module_iri(pack_id), pack.title if pack else pack_id, "module")
        context["contextActivities"] = {"grouping": [module]}
    now = utcnow()
    moment = min(when or now, now).astimezone(dt.UTC)
    made = {
        "id": str(uuid.uuid4()),
        "actor": local_actor(),
        "verb": {"id": ADL + verb, "display": VERBS[verb]},
        "object": target,
        "context": context,
        "timestamp": moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    }
    if result is not None:
        made["result"] = result
    return made


def _activity(iri: str, name: str, kind: str | None) -> dict:
    """An activity with its French name (its IRI when nothing better is known)."""
    definition: dict = {"name": {"fr-FR": name or iri}}
    if kind in ACTIVITY_TYPES:
        definition["type"] = ACTIVITY_TYPES[kind]
    return {"objectType": "Activity", "id": iri, "definition": definition}


def score_result(right: int, total: int) -> dict:
    """A self-check quiz's result: its score (no pass mark, so no `success`)."""
    return {
        "score": {
            "raw": right,
            "min": 0,
            "max": total,
            "scaled": round(right / total, 4) if total else 0,
        },
        "completion": True,
    }
