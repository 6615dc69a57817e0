"""Journal templates: the app's built-in ones and those a pack ships in `templates/*.toml`."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from team_desktop.core.content.model import JournalTemplate, Problem
from team_desktop.core.content.pack_meta import ID_PATTERN
from team_desktop.core.i18n import _
from team_desktop.core.paths import resources_dir

# Always available, whatever packs are installed (resources/journal-templates/*.toml).
BUILTIN_IDS = ("libre", "gibbs", "analyse-situation", "retour-pair")
FREE = "libre"


def load_templates(
    folder: Path, label: str = "templates"
) -> tuple[list[JournalTemplate], list[Problem]]:
    """Templates in `folder/*.toml`, sorted by file name; problems name files as `label/x.toml`."""
    templates, problems = [], []
    for path in sorted(Path(folder).glob("*.toml")):
        name = f"{label}/{path.name}"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
            problems.append(Problem(name, 1, _("modèle illisible : {e}").format(e=error)))
            continue
        if not all(
            isinstance(data.get(k), str) and data[k].strip() for k in ("id", "title", "body")
        ):
            problems.append(
                Problem(name, 1, _("un modèle doit avoir « id », « title » et « body »"))
            )
        elif not ID_PATTERN.match(data["id"]):
            problems.append(
                Problem(
                    name, 1, _("identifiant de modèle invalide : « {id} »").format(id=data["id"])
                )
            )
        else:
            templates.append(JournalTemplate(data["id"], data["title"], data["body"].strip("\n")))
    return templates, problems


@lru_cache(maxsize=1)
def _builtin() -> tuple[JournalTemplate, ...]:
    templates, problems = load_templates(resources_dir() / "journal-templates")
    if problems:
        # The files ship with the app: a broken one is a packaging bug, not the learner's.
        raise RuntimeError("; ".join(str(p) for p in problems))
    by_id = {t.id: t for t in templates}
    return tuple(by_id[i] for i in BUILTIN_IDS if i in by_id) + tuple(
        t for t in templates if t.id not in BUILTIN_IDS
    )


def builtin_templates() -> list[JournalTemplate]:
    """The app's own templates, free entry first."""
    return list(_builtin())
