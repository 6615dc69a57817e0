"""What the course gives a plan: the six configurations, their icons, the observation grid.

Course material (week 2, "Six façons d'être deux dans une salle" and "Débriefer ensemble"),
so French in every interface language, like the course and its templates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Configuration:
    """One of Cook and Friend's six co-teaching configurations."""

    key: str
    label: str
    short: str  # for narrow places (the plan's table)
    column: int  # where its vignette sits in the course diagram (3 columns, 2 rows)
    row: int


CONFIGURATIONS = (
    Configuration("observe", "Un enseigne, l’autre observe", "Observation", 0, 0),
    Configuration("aide", "Un enseigne, l’autre aide", "Aide", 1, 0),
    Configuration("ateliers", "Enseignement en ateliers", "Ateliers", 2, 0),
    Configuration("parallele", "Enseignement en parallèle", "Parallèle", 0, 1),
    Configuration("alternatif", "Enseignement alternatif", "Alternatif", 1, 1),
    Configuration("tandem", "Enseignement partagé (tandem)", "Tandem", 2, 1),
)
BY_KEY = {configuration.key: configuration for configuration in CONFIGURATIONS}

# The default observation grid, from the course (editable in each plan).
DEFAULT_CATEGORIES = (
    "Qui parle",
    "Interactions avec les apprenants",
    "Signaux entre adultes",
    "Transitions",
    "Engagement des apprenants",
)

# The debrief protocol of the course ("Un protocole en quinze minutes").
DEBRIEF_PROTOCOL = (
    (
        "Les apprenants d’abord (5 minutes)",
        "Chacun à son tour, sans être interrompu : "
        "ce qu’il a vu des apprenants. Des faits, pas encore des jugements.",
    ),
    (
        "Notre collaboration (4 minutes)",
        "Un moment où être deux a aidé, un moment où "
        "chacun s’est senti gêné, inutile ou débordé. On parle en « je ».",
    ),
    ("Un changement chacun (3 minutes)", "Une seule chose à changer pour la prochaine fois."),
    ("Nos décisions (3 minutes)", "Ce que nous gardons, ce que nous changeons, qui s’en occupe."),
)

DIAGRAM = "assets/configurations.svg"  # in the co-intervention pack
DIAGRAM_PACK = "team-s2-co-intervention"
# Each vignette's room, in the diagram's coordinates: its drawing without the caption.
_ROOM_X, _ROOM_Y, _ROOM_W, _ROOM_H, _STEP_X, _STEP_Y = 20, 80, 180, 160, 210, 290
_VIEWBOX = re.compile(r'viewBox="[^"]*"')
_SIZE = re.compile(r'(<svg[^>]*?)\s(width|height)="[^"]*"')


def configuration_label(key: str) -> str:
    """The configuration's name, or "" for an unknown or empty key."""
    configuration = BY_KEY.get(key)
    return configuration.label if configuration else ""


def icon_svg(diagram: str, key: str) -> str | None:
    """The course diagram cropped to one configuration's vignette, as SVG text (or None)."""
    configuration = BY_KEY.get(key)
    if configuration is None or "<svg" not in diagram:
        return None
    x = _ROOM_X + configuration.column * _STEP_X
    y = _ROOM_Y + configuration.row * _STEP_Y
    svg = _SIZE.sub(r"\1", _SIZE.sub(r"\1", diagram, count=1), count=1)
    view = f'viewBox="{x} {y} {_ROOM_W} {_ROOM_H}"'
    if _VIEWBOX.search(svg):
        return _VIEWBOX.sub(view, svg, count=1)
    return svg.replace("<svg", f"<svg {view}", 1)


def diagram_text(packs_dir: Path) -> str:
    """The installed course diagram's SVG text, or "" when the pack or file is missing."""
    from team_desktop.core.store.models import PackRecord

    pack = PackRecord.get_or_none(PackRecord.id == DIAGRAM_PACK)
    if pack is None:
        return ""
    try:
        return (packs_dir / pack.id / pack.version / DIAGRAM).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
