"""Checks of a pack's `pack.toml`."""

from __future__ import annotations

import re

from team_desktop.core.content.model import Problem
from team_desktop.core.content.toml_errors import key_line, parse_toml
from team_desktop.core.i18n import _

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$")

REQUIRED: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "title": str,
    "version": str,
    "language": str,
    "license": str,
    "authors": list,
    "summary": str,
    "week": int,
    "order": int,
    "hours": (int, float),
    "objectives": list,
}
# `server`: the address of the course's TEAM server, offered when the learner logs in.
# `competencies`: checked with the lessons (content/competencies.py).
OPTIONAL = {"references": list, "server": str, "competencies": list}
REFERENCE_FIELDS = {"author": str, "title": str, "year": int, "publisher": str}
REFERENCE_OPTIONAL = {"url": str}


def version_key(version: str) -> tuple[int, int, int]:
    """Sortable form of a semantic version (pre-release tags ignored)."""
    match = SEMVER.match(version)
    if not match:
        raise ValueError(version)
    return tuple(int(part) for part in match.groups())  # type: ignore[return-value]


def check_pack_meta(text: str, path: str = "pack.toml") -> tuple[dict | None, list[Problem]]:
    """Parse and check `pack.toml`; returns the metadata only when it has no problem."""
    meta, problems = parse_toml(text, path, 1)
    if meta is None:
        return None, problems

    def at(key: str, message: str) -> None:
        problems.append(Problem(path, key_line(text, key, 1), message))

    for key, kind in REQUIRED.items():
        if key not in meta:
            problems.append(
                Problem(path, 1, _("champ obligatoire manquant : « {key} »").format(key=key))
            )
        elif not isinstance(meta[key], kind) or isinstance(meta[key], bool):
            at(key, _("le champ « {key} » n'a pas le bon type").format(key=key))
    for key in meta:
        if key not in REQUIRED and key not in OPTIONAL:
            at(key, _("champ inconnu : « {key} »").format(key=key))
    if problems:
        return None, problems

    if not ID_PATTERN.match(meta["id"]):
        at(
            "id",
            _("identifiant invalide (minuscules, chiffres et tirets) : « {id} »").format(
                id=meta["id"]
            ),
        )
    if not SEMVER.match(meta["version"]):
        at(
            "version",
            _("version invalide (attendu MAJEUR.MINEUR.CORRECTIF) : « {v} »").format(
                v=meta["version"]
            ),
        )
    if not 1 <= meta["week"] <= 52:
        at("week", _("numéro de semaine invalide : {w}").format(w=meta["week"]))
    if meta["hours"] <= 0:
        at("hours", _("la charge de travail doit être positive"))
    for key in ("authors", "objectives"):
        values = meta[key]
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            at(key, _("« {key} » doit être une liste non vide de textes").format(key=key))
    for key in ("title", "summary", "language", "license"):
        if not meta[key].strip():
            at(key, _("le champ « {key} » est vide").format(key=key))
    server = meta.get("server")
    if server is not None and not re.match(r"^https?://[^\s/]+[^\s]*$", server):
        at(
            "server",
            _("adresse de serveur invalide (attendu https://…) : « {s} »").format(s=server),
        )
    for number, ref in enumerate(meta.get("references", []), start=1):
        line = _reference_line(text, number)
        if not isinstance(ref, dict):
            problems.append(Problem(path, line, _("référence {n} mal formée").format(n=number)))
            continue
        for key, kind in REFERENCE_FIELDS.items():
            if not isinstance(ref.get(key), kind) or isinstance(ref.get(key), bool):
                problems.append(
                    Problem(
                        path,
                        line,
                        _("référence {n} : champ « {key} » manquant ou invalide").format(
                            n=number, key=key
                        ),
                    )
                )
        for key in ref:
            if key not in REFERENCE_FIELDS and key not in REFERENCE_OPTIONAL:
                problems.append(
                    Problem(
                        path,
                        line,
                        _("référence {n} : champ inconnu « {key} »").format(n=number, key=key),
                    )
                )
    return (None if problems else meta), problems


def _reference_line(text: str, number: int) -> int:
    """Line of the `number`-th `[[references]]` table header."""
    seen = 0
    for index, line in enumerate(text.splitlines(), start=1):
        if line.strip() == "[[references]]":
            seen += 1
            if seen == number:
                return index
    return 1
