"""Loading a pack folder into a `Pack`, with every problem found on the way."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from team_desktop.core.content.competencies import check_competencies
from team_desktop.core.content.journal_templates import BUILTIN_IDS, load_templates
from team_desktop.core.content.lesson_file import read_lesson
from team_desktop.core.content.model import Pack, Problem
from team_desktop.core.content.pack_meta import check_pack_meta
from team_desktop.core.content.toml_errors import key_line
from team_desktop.core.i18n import _
from team_desktop.core.urls import is_remote

# Markdown images and links; a title after the URL is allowed ("url "title"").
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMG = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


class PackError(Exception):
    """A pack that cannot be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def load_pack(root: Path) -> tuple[Pack | None, list[Problem]]:
    """Load and check the pack in `root`; the pack is returned only if it has no problem."""
    root = Path(root)
    meta_path = root / "pack.toml"
    if not meta_path.is_file():
        return None, [
            Problem(
                "pack.toml", 1, _("fichier pack.toml introuvable dans {root}").format(root=root)
            )
        ]
    problems: list[Problem] = []
    meta_text = _read_text(meta_path, problems)
    meta, found = check_pack_meta(meta_text, "pack.toml")
    problems += found
    pack = Pack(root=root, meta=meta or {})
    lesson_files = sorted(p for p in root.glob("*.md") if p.is_file())
    if not lesson_files:
        problems.append(
            Problem("pack.toml", 1, _("le pack ne contient aucune leçon (fichier .md)"))
        )
    lesson_ids: dict[str, str] = {}
    activity_ids: dict[str, str] = {}
    orders: dict[int, str] = {}
    for path in lesson_files:
        text = _read_text(path, problems)
        lesson, found = read_lesson(text, path.name)
        problems += found
        problems += _check_references(text, path.name, root, {p.name for p in lesson_files})
        if lesson is None:
            continue
        if lesson.id in lesson_ids:
            problems.append(
                Problem(
                    path.name,
                    key_line(text, "id", 1),
                    _("identifiant de leçon en double « {id} » (déjà dans {other})").format(
                        id=lesson.id, other=lesson_ids[lesson.id]
                    ),
                )
            )
        lesson_ids[lesson.id] = path.name
        for activity in lesson.activities:
            if activity.id in activity_ids:
                problems.append(
                    Problem(
                        path.name,
                        activity.line,
                        _("identifiant d'activité en double « {id} » (déjà dans {other})").format(
                            id=activity.id, other=activity_ids[activity.id]
                        ),
                    )
                )
            activity_ids[activity.id] = path.name
        if lesson.order in orders:
            problems.append(
                Problem(
                    path.name,
                    key_line(text, "order", 1),
                    _("ordre {n} déjà utilisé par {other}").format(
                        n=lesson.order, other=orders[lesson.order]
                    ),
                )
            )
        orders[lesson.order] = path.name
        pack.lessons.append(lesson)
    pack.lessons.sort(key=lambda lesson: lesson.order)
    pack.templates, found = load_templates(root / "templates")
    problems += found
    problems += _check_reflection_templates(pack)
    if meta is not None:
        problems += check_competencies(meta, meta_text, {lesson.id for lesson in pack.lessons})
    return (None if problems or meta is None else pack), problems


def _read_text(path: Path, problems: list[Problem]) -> str:
    try:
        # utf-8-sig: some Windows editors start files with a byte-order mark.
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(path.name, 1, _("le fichier n'est pas en UTF-8")))
        return ""


def _check_references(
    text: str, filename: str, root: Path, lesson_names: set[str]
) -> list[Problem]:
    """Images must exist inside the pack and have alt text; lesson links must exist."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        images = [(m.group(1), m.group(2)) for m in IMAGE.finditer(line)]
        images += [(None, m.group(1)) for m in HTML_IMG.finditer(line)]
        for alt, target in images:
            if is_remote(target):
                problems.append(
                    Problem(
                        filename,
                        number,
                        _("image distante, jamais chargée : {t} (placez-la dans assets/)").format(
                            t=target
                        ),
                    )
                )
                continue
            if alt is not None and not alt.strip():
                problems.append(
                    Problem(
                        filename, number, _("image sans texte alternatif : {t}").format(t=target)
                    )
                )
            if not _inside(root, target) or not (root / target).is_file():
                problems.append(
                    Problem(filename, number, _("image introuvable : {t}").format(t=target))
                )
        for match in LINK.finditer(line):
            target = match.group(1).split("#", 1)[0]
            if is_remote(match.group(1)) or not target:
                continue
            if target.endswith(".md") and target not in lesson_names:
                problems.append(
                    Problem(
                        filename,
                        number,
                        _("lien vers une leçon introuvable : {t}").format(t=target),
                    )
                )
            elif not target.endswith(".md") and not (
                _inside(root, target) and (root / target).exists()
            ):
                problems.append(
                    Problem(
                        filename,
                        number,
                        _("lien vers un fichier introuvable : {t}").format(t=target),
                    )
                )
    return problems


def _inside(root: Path, relative: str) -> bool:
    """True when `relative` names a path that stays inside the pack."""
    parts = PurePosixPath(relative).parts
    return bool(parts) and not PurePosixPath(relative).is_absolute() and ".." not in parts


def _check_reflection_templates(pack: Pack) -> list[Problem]:
    """A reflection's `template` must name a built-in template or one of this pack's own."""
    known = set(BUILTIN_IDS) | {t.id for t in pack.templates}
    problems = []
    for lesson in pack.lessons:
        for activity in lesson.activities:
            name = activity.fields.get("template")
            if activity.kind != "reflection" or not isinstance(name, str) or name in known:
                continue
            problems.append(
                Problem(
                    lesson.filename,
                    _template_line(pack.root / lesson.filename, activity.line),
                    _(
                        "activité « {id} » : modèle de journal inconnu « {name} » "
                        "(modèles de l'application : {builtin} ; ou ajoutez templates/{name}.toml)"
                    ).format(id=activity.id, name=name, builtin=", ".join(BUILTIN_IDS)),
                )
            )
    return problems


def _template_line(path: Path, first_line: int) -> int:
    """Line of `template = ...` in the activity block starting at `first_line`."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for number in range(first_line, len(lines) + 1):
        line = lines[number - 1]
        if line.strip() == "```":
            break
        if re.match(r"\s*template\s*=", line):
            return number
    return first_line
