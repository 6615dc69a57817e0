"""Checks of activity blocks, one set of rules per activity kind."""

from __future__ import annotations

from team_desktop.core.content.model import ACTIVITY_KINDS, Activity, Problem
from team_desktop.core.content.pack_meta import ID_PATTERN
from team_desktop.core.content.toml_errors import key_line, parse_toml
from team_desktop.core.i18n import _

COMMON = {"id", "type", "title"}
# Per kind: required text fields, and every field allowed besides the common ones.
REQUIRED_TEXT = {
    "reflection": ("prompt",),
    "quiz": (),
    "copreparation": ("instructions",),
    "peer": ("instructions",),
    "questionnaire": (),
}
ALLOWED = {
    "reflection": {"prompt", "template"},
    "quiz": {"questions", "intro"},
    "copreparation": {"instructions", "template"},
    "peer": {"instructions", "comment_prompt"},
    "questionnaire": {"intro", "items"},
}
DEFAULT_LIKERT = [
    "Pas du tout d'accord",
    "Plutôt pas d'accord",
    "Ni d'accord ni pas d'accord",
    "Plutôt d'accord",
    "Tout à fait d'accord",
]


def parse_activity(
    source: str, path: str, first_line: int
) -> tuple[Activity | None, list[Problem]]:
    """Parse one activity block (TOML starting at `first_line`) and check it."""
    fields, problems = parse_toml(source, path, first_line)
    if fields is None:
        return None, problems

    def at(key: str, message: str) -> None:
        problems.append(Problem(path, key_line(source, key, first_line), message))

    for key in COMMON:
        if not isinstance(fields.get(key), str) or not fields[key].strip():
            problems.append(
                Problem(path, first_line, _("activité : champ « {key} » manquant").format(key=key))
            )
    if problems:
        return None, problems
    kind = fields["type"]
    if not ID_PATTERN.match(fields["id"]):
        at("id", _("identifiant d'activité invalide : « {id} »").format(id=fields["id"]))
    if kind not in ACTIVITY_KINDS:
        at(
            "type",
            _("type d'activité inconnu : « {kind} » (attendu : {kinds})").format(
                kind=kind, kinds=", ".join(ACTIVITY_KINDS)
            ),
        )
        return None, problems
    for key in fields:
        if key not in COMMON and key not in ALLOWED[kind]:
            at(
                key,
                _("champ inconnu pour une activité « {kind} » : « {key} »").format(
                    kind=kind, key=key
                ),
            )
    for key in REQUIRED_TEXT[kind]:
        if not isinstance(fields.get(key), str) or not fields[key].strip():
            problems.append(
                Problem(
                    path,
                    first_line,
                    _("activité « {id} » : champ « {key} » manquant").format(
                        id=fields["id"], key=key
                    ),
                )
            )
    for key in ("template", "comment_prompt", "intro"):
        if key in fields and not isinstance(fields[key], str):
            at(key, _("le champ « {key} » doit être un texte").format(key=key))
    if kind == "quiz":
        problems += _check_quiz(fields, source, path, first_line)
    elif kind == "questionnaire":
        problems += _check_questionnaire(fields, source, path, first_line)
    activity = Activity(
        id=fields["id"], kind=kind, title=fields["title"], fields=fields, line=first_line
    )
    return (None if problems else activity), problems


def _check_quiz(fields: dict, source: str, path: str, first_line: int) -> list[Problem]:
    problems: list[Problem] = []
    questions = fields.get("questions")
    if not isinstance(questions, list) or not questions:
        return [
            Problem(
                path,
                first_line,
                _("quiz « {id} » : aucune question ([[questions]])").format(id=fields["id"]),
            )
        ]
    lines = _table_lines(source, "[[questions]]", first_line)
    for number, question in enumerate(questions, start=1):
        line = lines[number - 1] if number <= len(lines) else first_line
        where = _("quiz « {id} », question {n}").format(id=fields["id"], n=number)
        unknown = set(question) - {"text", "multiple", "choices"}
        if unknown:
            problems.append(
                Problem(
                    path,
                    line,
                    _("{where} : champ inconnu « {key} »").format(
                        where=where, key=sorted(unknown)[0]
                    ),
                )
            )
        if not isinstance(question.get("text"), str) or not question["text"].strip():
            problems.append(Problem(path, line, _("{where} : texte manquant").format(where=where)))
        if not isinstance(question.get("multiple", False), bool):
            problems.append(
                Problem(
                    path,
                    line,
                    _("{where} : « multiple » doit valoir true ou false").format(where=where),
                )
            )
        choices = question.get("choices")
        if not isinstance(choices, list) or len(choices) < 2:
            problems.append(
                Problem(path, line, _("{where} : il faut au moins deux choix").format(where=where))
            )
            continue
        for index, choice in enumerate(choices, start=1):
            if set(choice) - {"text", "correct", "feedback"}:
                problems.append(
                    Problem(
                        path,
                        line,
                        _("{where}, choix {c} : champ inconnu").format(where=where, c=index),
                    )
                )
            for key in ("text", "feedback"):
                if not isinstance(choice.get(key), str) or not choice[key].strip():
                    problems.append(
                        Problem(
                            path,
                            line,
                            _("{where}, choix {c} : « {key} » manquant").format(
                                where=where, c=index, key=key
                            ),
                        )
                    )
            if not isinstance(choice.get("correct", False), bool):
                problems.append(
                    Problem(
                        path,
                        line,
                        _("{where}, choix {c} : « correct » doit valoir true ou false").format(
                            where=where, c=index
                        ),
                    )
                )
        correct = sum(1 for choice in choices if choice.get("correct") is True)
        if question.get("multiple", False):
            if correct < 1:
                problems.append(
                    Problem(path, line, _("{where} : aucune bonne réponse").format(where=where))
                )
        elif correct != 1:
            problems.append(
                Problem(
                    path,
                    line,
                    _(
                        "{where} : une question à choix unique doit avoir exactement une bonne réponse (ici {n}) ; ajoutez multiple = true sinon"
                    ).format(where=where, n=correct),
                )
            )
    return problems


def _check_questionnaire(fields: dict, source: str, path: str, first_line: int) -> list[Problem]:
    problems: list[Problem] = []
    items = fields.get("items")
    if not isinstance(items, list) or not items:
        return [
            Problem(
                path,
                first_line,
                _("questionnaire « {id} » : aucun item ([[items]])").format(id=fields["id"]),
            )
        ]
    lines = _table_lines(source, "[[items]]", first_line)
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        line = lines[number - 1] if number <= len(lines) else first_line
        where = _("questionnaire « {id} », item {n}").format(id=fields["id"], n=number)
        if set(item) - {"id", "kind", "text", "scale"}:
            problems.append(Problem(path, line, _("{where} : champ inconnu").format(where=where)))
        item_id = item.get("id")
        if not isinstance(item_id, str) or not ID_PATTERN.match(item_id):
            problems.append(
                Problem(
                    path, line, _("{where} : identifiant manquant ou invalide").format(where=where)
                )
            )
        elif item_id in seen:
            problems.append(
                Problem(
                    path,
                    line,
                    _("{where} : identifiant en double « {id} »").format(where=where, id=item_id),
                )
            )
        else:
            seen.add(item_id)
        if item.get("kind") not in ("likert", "open"):
            problems.append(
                Problem(
                    path,
                    line,
                    _('{where} : « kind » doit valoir "likert" ou "open"').format(where=where),
                )
            )
        if not isinstance(item.get("text"), str) or not item["text"].strip():
            problems.append(Problem(path, line, _("{where} : texte manquant").format(where=where)))
        scale = item.get("scale")
        if scale is not None and (
            not isinstance(scale, list)
            or len(scale) < 2
            or not all(isinstance(s, str) for s in scale)
        ):
            problems.append(
                Problem(
                    path,
                    line,
                    _("{where} : « scale » doit être une liste d'au moins deux libellés").format(
                        where=where
                    ),
                )
            )
    return problems


def likert_scale(item: dict) -> list[str]:
    """The labels of a Likert item: its own scale, or the default five-point one."""
    return list(item.get("scale") or DEFAULT_LIKERT)


def _table_lines(source: str, header: str, first_line: int) -> list[int]:
    return [first_line + i for i, line in enumerate(source.splitlines()) if line.strip() == header]
