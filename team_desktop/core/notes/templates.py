"""What a new co-preparation note starts from: the standard template or an activity's own."""

from __future__ import annotations

import json

from team_desktop.core.store.models import ActivityRecord

# Sections named by the course (week 2, "Préparer à deux"): course material, so French in
# every interface language, like the course and the activities' own templates.
_DEFAULT_TEMPLATE = """\
## Objectifs
À la fin de la séance, les participants sauront…

## Public
Qui, combien, ce que nous savons de leurs besoins :

## Configuration de co-intervention choisie
(un enseigne, l'autre observe ; un enseigne, l'autre aide ; ateliers ; parallèle ; alternatif ; partagé)
Pourquoi ce choix :

## Rôles de chacun, phase par phase

### Accueil
- Qui mène et ce qu'il fait :
- Ce que fait l'autre :

### Phase 1
- Qui mène et ce qu'il fait :
- Ce que fait l'autre :

### Synthèse
- Qui mène et ce qu'il fait :
- Ce que fait l'autre :

## Minutage
- Accueil : … min
- Phase 1 : … min
- Synthèse : … min

## Matériel
-

## Ce que nous observerons
-

## Débriefing après la séance
Ce qui a marché, ce que nous changerons, ce que chacun a appris de l'autre :
"""


def default_template() -> str:
    """The standard co-preparation template (objectives to debriefing)."""
    return _DEFAULT_TEMPLATE


def activity_template(activity_uid: str) -> str:
    """The template a copreparation activity gives (its `template` field), else the standard one."""
    activity = ActivityRecord.get_or_none(ActivityRecord.uid == activity_uid)
    if activity is not None:
        template = json.loads(activity.fields_json).get("template")
        if isinstance(template, str) and template.strip():
            return template.strip("\n") + "\n"
    return default_template()


def activity_title(activity_uid: str) -> str | None:
    """Title of an installed activity, or None when its pack is gone."""
    activity = ActivityRecord.get_or_none(ActivityRecord.uid == activity_uid)
    return activity.title if activity is not None else None
