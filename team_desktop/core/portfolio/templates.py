"""Templates offered when an entry starts: the app's own, then those of installed packs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from team_desktop.core.content.journal_templates import FREE, builtin_templates, load_templates
from team_desktop.core.i18n import _
from team_desktop.core.store.models import ActivityRecord, PackRecord


@dataclass(frozen=True)
class TemplateChoice:
    """A template as the learner picks it; `key` is `id` (built-in) or `<pack id>/<id>`."""

    key: str
    title: str
    body: str
    origin: str

    @property
    def is_free(self) -> bool:
        return self.key == FREE


def _pack_templates(packs_dir: Path, pack: PackRecord) -> list[TemplateChoice]:
    # Pack templates stay in the installed pack folder (packs/<id>/<version>/templates/).
    templates, _problems = load_templates(Path(packs_dir) / pack.id / pack.version / "templates")
    return [TemplateChoice(f"{pack.id}/{t.id}", t.title, t.body, pack.title) for t in templates]


def available(packs_dir: Path) -> list[TemplateChoice]:
    """Every template the learner can start an entry with, built-in ones first."""
    origin = _("TEAM Desktop")
    choices = [TemplateChoice(t.id, t.title, t.body, origin) for t in builtin_templates()]
    for pack in PackRecord.select().order_by(PackRecord.week, PackRecord.order, PackRecord.title):
        choices += _pack_templates(packs_dir, pack)
    return choices


def resolve(key: str | None, packs_dir: Path) -> TemplateChoice | None:
    """The template named by `key` (`id` or `<pack id>/<id>`), or None if it is gone."""
    if not key:
        return None
    pack_id, _slash, template_id = key.rpartition("/")
    if not pack_id:
        origin = _("TEAM Desktop")
        found = next((t for t in builtin_templates() if t.id == key), None)
        return TemplateChoice(found.id, found.title, found.body, origin) if found else None
    pack = PackRecord.get_or_none(PackRecord.id == pack_id)
    if pack is None:
        return None
    return next((t for t in _pack_templates(packs_dir, pack) if t.key == key), None)


def for_activity(activity: ActivityRecord, packs_dir: Path) -> TemplateChoice | None:
    """The template a reflection activity names: its pack's own first, then a built-in one."""
    name = json.loads(activity.fields_json).get("template")
    if not isinstance(name, str):
        return None
    return resolve(f"{activity.pack_id}/{name}", packs_dir) or resolve(name, packs_dir)
