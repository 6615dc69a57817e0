"""A pack's competency framework: `[[competencies]]` in `pack.toml`, each served by its lessons."""

from __future__ import annotations

from dataclasses import dataclass

from team_desktop.core.content.model import Problem
from team_desktop.core.content.pack_meta import ID_PATTERN
from team_desktop.core.i18n import _

FIELDS = {"id": str, "title": str, "lessons": list}
MAX_TITLE = 200


@dataclass(frozen=True)
class Competency:
    """One competency of a pack; `uid` is `<pack id>/<competency id>`."""

    pack_id: str
    id: str
    title: str
    lessons: tuple[str, ...]

    @property
    def uid(self) -> str:
        return f"{self.pack_id}/{self.id}"


def competencies(meta: dict) -> list[Competency]:
    """The competencies a checked pack declares, in their order."""
    return [
        Competency(meta["id"], item["id"], item["title"], tuple(item["lessons"]))
        for item in meta.get("competencies", [])
    ]


def check_competencies(meta: dict, text: str, lesson_ids: set[str]) -> list[Problem]:
    """Each competency: known fields, a unique id, a wording, lessons of this pack."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, item in enumerate(meta.get("competencies", []), start=1):
        line = _table_line(text, number)

        def problem(message: str, number: int = number, line: int = line) -> None:
            problems.append(
                Problem("pack.toml", line, _("compétence {n} : {m}").format(n=number, m=message))
            )

        if not isinstance(item, dict):
            problem(_("mal formée"))
            continue
        for key in item:
            if key not in FIELDS:
                problem(_("champ inconnu « {key} »").format(key=key))
        if any(not isinstance(item.get(key), kind) for key, kind in FIELDS.items()):
            problem(_("il faut « id », « title » et « lessons » (une liste de leçons)"))
            continue
        if not ID_PATTERN.match(item["id"]):
            problem(_("identifiant invalide (minuscules, chiffres et tirets)"))
        elif item["id"] in seen:
            problem(_("identifiant en double « {id} »").format(id=item["id"]))
        seen.add(item["id"])
        if not item["title"].strip() or len(item["title"]) > MAX_TITLE:
            problem(_("libellé vide ou trop long ({n} caractères au plus)").format(n=MAX_TITLE))
        if not item["lessons"]:
            problem(_("aucune leçon ne la sert"))
        for lesson in item["lessons"]:
            if lesson not in lesson_ids:
                problem(_("leçon introuvable dans ce module : « {id} »").format(id=lesson))
    return problems


def _table_line(text: str, number: int) -> int:
    """Line of the `number`-th `[[competencies]]` header."""
    seen = 0
    for index, line in enumerate(text.splitlines(), start=1):
        if line.strip() == "[[competencies]]":
            seen += 1
            if seen == number:
                return index
    return 1
