"""What may be attested: a module the learner completed, a competency a facilitator validated.

A module's lessons and competencies come from its newest published `.teampack`, read as the
app reads it. Completing a module means completing its core lessons: not the optional
"Approfondissement" ones, nor the trainer's sheet and glossary (order 80 and above).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from team_desktop.core.content.archive import PackArchiveError, extract_archive
from team_desktop.core.content.competencies import competencies
from team_desktop.core.content.completion import core_lessons
from team_server import blobstore, publishing
from team_server.models import Record, User


class NotEarned(Exception):
    """Nothing to attest yet; `str(error)` says why, in French."""


@dataclass(frozen=True)
class Achievement:
    kind: str  # "module" or "competency"
    uid: str
    name: str
    description: str
    criteria: str
    hours: float
    pack_title: str


def _pack(pack_id: str):
    """The newest published version of a pack, loaded (or NotEarned)."""
    rows = [p for p in publishing.newest_versions() if p.pack_id == pack_id]
    if not rows:
        raise NotEarned("Ce module n'est pas publié sur ce serveur.")
    with tempfile.TemporaryDirectory(prefix="team-server-attest-") as scratch:
        archive = Path(scratch) / "pack.teampack"
        with archive.open("wb") as handle:
            size = blobstore.size_of(rows[0].blob_id) or 0
            for piece in blobstore.read(rows[0].blob_id, 0, size - 1):
                handle.write(piece)
        (Path(scratch) / "pack").mkdir()
        try:
            return extract_archive(archive, Path(scratch) / "pack")
        except PackArchiveError as error:
            raise NotEarned("Ce module ne peut pas être lu sur le serveur.") from error


def _hours(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def module(user: User, pack_id: str) -> Achievement:
    """The module `pack_id` if the learner completed each of its core lessons."""
    pack = _pack(pack_id)
    needed = [f"{pack.id}/{lesson.id}" for lesson in core_lessons(pack.lessons)]
    done = {
        record.record_id
        for record in Record.select(Record.record_id, Record.data).where(
            (Record.kind == "progress") & (Record.scope == user.id) & Record.record_id.in_(needed)
        )
        if json.loads(record.data).get("completed") is True
    }
    missing = [uid for uid in needed if uid not in done]
    if missing:
        raise NotEarned(
            f"Module pas encore terminé : {len(missing)} leçon(s) sur {len(needed)} à achever."
        )
    hours = float(pack.meta["hours"])
    return Achievement(
        kind="module",
        uid=pack.id,
        name=pack.title,
        description=pack.meta["summary"].strip(),
        criteria=(
            f"Avoir suivi les {len(needed)} leçons du module « {pack.title} » du parcours TEAM "
            f"(charge estimée : {_hours(hours)} h), à son rythme, hors ligne."
        ),
        hours=hours,
        pack_title=pack.title,
    )


def competency(user: User, competency_uid: str) -> Achievement:
    """The competency if a facilitator of one of the learner's groups validated it last."""
    pack_id, _sep, _name = competency_uid.partition("/")
    pack = _pack(pack_id)
    found = [c for c in competencies(pack.meta) if c.uid == competency_uid]
    if not found:
        raise NotEarned("Cette compétence n'existe pas dans ce module.")
    decisions = [
        json.loads(record.data)
        for record in Record.select(Record.data).where(
            (Record.kind == "validation") & Record.data.contains(user.id)
        )
    ]
    mine = [
        d for d in decisions if d["learner_id"] == user.id and d["competency_uid"] == competency_uid
    ]
    if not mine or not max(mine, key=lambda d: d["decided_at"])["validated"]:
        raise NotEarned("Cette compétence n'a pas (encore) été validée par votre animateur·rice.")
    item = found[0]
    titles = {lesson.id: lesson.title for lesson in pack.lessons}
    minutes = sum(lesson.minutes for lesson in pack.lessons if lesson.id in item.lessons)
    hours = round(minutes / 60, 1)
    lessons = ", ".join(f"« {titles[lesson]} »" for lesson in item.lessons)
    return Achievement(
        kind="competency",
        uid=competency_uid,
        name=item.title,
        description=f"Compétence du module « {pack.title} » du parcours TEAM.",
        criteria=(
            f"Compétence travaillée dans {lessons} (environ {_hours(hours)} h), montrée par des "
            "preuves tirées de la pratique, appuyées par des pairs et validée par la personne "
            "qui anime le groupe."
        ),
        hours=hours,
        pack_title=pack.title,
    )
