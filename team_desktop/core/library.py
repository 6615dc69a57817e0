"""Installing course packs into the store: bundled ones at start, `.teampack` files on import."""

from __future__ import annotations

import json
import shutil
import tempfile
import tomllib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from team_desktop.core.content.pack_meta import version_key
from team_desktop.core.i18n import _
from team_desktop.core.store.db import Store
from team_desktop.core.store.models import (
    ActivityRecord,
    LessonProgress,
    LessonRecord,
    PackRecord,
    database,
    utcnow,
)

if TYPE_CHECKING:
    from team_desktop.core.content.loader import PackError
    from team_desktop.core.content.model import Pack, Problem

Progress = Callable[[int, int], None]


class PackImportRefused(Exception):
    """A pack the learner tried to import and that is not installed; the message says why."""


@dataclass
class InstallResult:
    """What an install did."""

    pack_id: str
    title: str
    version: str
    previous_version: str | None = None
    changed_completed_lessons: list[str] = field(default_factory=list)


def pack_folder(store: Store, pack_id: str, version: str) -> Path:
    """Where the files (images...) of an installed pack version live."""
    return store.paths.packs / pack_id / version


def import_pack_file(
    store: Store, archive: Path, progress: Progress | None = None
) -> InstallResult:
    """Verify and install a `.teampack`; on any error nothing of it stays behind."""
    from team_desktop.core.content.archive import extract_archive

    store.paths.tmp.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="import-", dir=store.paths.tmp))
    try:
        pack = extract_archive(Path(archive), scratch / "pack", progress)
        _check_version(pack)
        return _install(store, pack, scratch / "pack")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def install_bundled(store: Store, content_dir: Path) -> tuple[list[InstallResult], list[PackError]]:
    """Install the packs shipped with the app that are missing or newer than the installed ones.

    A broken pack is skipped and returned among the failures; the others still install.
    At a start with every bundled pack installed, only the top of their `pack.toml` is read:
    the loader is imported when a pack needs installing.
    """
    results, failures = [], []
    versions = dict(PackRecord.select(PackRecord.id, PackRecord.version).tuples())
    for folder in sorted(p for p in Path(content_dir).iterdir() if (p / "pack.toml").is_file()):
        try:
            meta = _id_and_version(folder / "pack.toml")
            installed = versions.get(meta.get("id"))
            if installed and version_key(installed) >= version_key(meta["version"]):
                continue
        except (tomllib.TOMLDecodeError, KeyError, ValueError, UnicodeDecodeError):
            pass  # load_pack below reports it properly
        from team_desktop.core.content.loader import PackError, load_pack

        pack, problems = load_pack(folder)
        if pack is None:
            failures.append(PackError([_prefixed(folder.name, p) for p in problems]))
            continue
        results.append(_install(store, pack, folder, copy=True))
    return results, failures


def _id_and_version(pack_toml: Path) -> dict:
    """The top-level keys of a `pack.toml` (its id and version among them), read without its
    tables: the lessons and references are most of the file, and parsing five whole files cost
    every start 10 ms. The whole file is parsed when that part alone is not valid TOML."""
    text = pack_toml.read_text(encoding="utf-8")
    try:
        head = tomllib.loads(text.split("\n[", 1)[0])  # a table's header starts a line
    except tomllib.TOMLDecodeError:
        return tomllib.loads(text)
    return head if {"id", "version"} <= head.keys() else tomllib.loads(text)


def _prefixed(folder: str, problem: Problem) -> Problem:
    from team_desktop.core.content.model import Problem

    return Problem(f"{folder}/{problem.path}", problem.line, problem.message)


def _check_version(pack: Pack) -> None:
    installed = PackRecord.get_or_none(PackRecord.id == pack.id)
    if installed is None:
        return
    if installed.version == pack.version:
        raise PackImportRefused(
            _("« {t} » est déjà installé dans cette version ({v}) : rien à faire.").format(
                t=pack.title, v=pack.version
            )
        )
    if version_key(installed.version) > version_key(pack.version):
        raise PackImportRefused(
            _(
                "Une version plus récente de « {t} » est déjà installée ({new}) : "
                "la version {old} n'a pas été importée."
            ).format(t=pack.title, new=installed.version, old=pack.version)
        )


def _install(store: Store, pack: Pack, source: Path, copy: bool = False) -> InstallResult:
    """Put the files in place under a fresh folder, then switch the store in one transaction."""
    final = pack_folder(store, pack.id, pack.version)
    staging = final.with_name(f".{pack.version}-{uuid.uuid4().hex[:8]}")
    staging.parent.mkdir(parents=True, exist_ok=True)
    if copy:
        shutil.copytree(source, staging, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    else:
        shutil.move(str(source), staging)
    previous = PackRecord.get_or_none(PackRecord.id == pack.id)
    result = InstallResult(
        pack.id, pack.title, pack.version, previous.version if previous else None
    )
    try:
        with database.atomic():
            old_hashes = {
                r.uid: r.content_hash
                for r in LessonRecord.select().where(LessonRecord.pack == pack.id)
            }
            _write_records(pack)
            for lesson in pack.lessons:
                uid = f"{pack.id}/{lesson.id}"
                if uid in old_hashes and old_hashes[uid] != lesson.content_hash:
                    done = LessonProgress.get_or_none(LessonProgress.lesson_uid == uid)
                    if done and done.completed:
                        result.changed_completed_lessons.append(uid)
        if final.exists():
            shutil.rmtree(final)
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _remove_other_versions(final)
    return result


def _write_records(pack: Pack) -> None:
    from team_desktop.core import search

    PackRecord.replace(
        id=pack.id,
        title=pack.title,
        version=pack.version,
        week=pack.meta["week"],
        order=pack.meta["order"],
        meta_json=json.dumps(pack.meta, ensure_ascii=False),
        installed_at=utcnow(),
    ).execute()
    ActivityRecord.delete().where(ActivityRecord.pack == pack.id).execute()
    LessonRecord.delete().where(LessonRecord.pack == pack.id).execute()
    search.remove_prefix("lesson", f"{pack.id}/")
    for lesson in pack.lessons:
        uid = f"{pack.id}/{lesson.id}"
        LessonRecord.create(
            uid=uid,
            pack=pack.id,
            slug=lesson.id,
            title=lesson.title,
            order=lesson.order,
            minutes=lesson.minutes,
            filename=lesson.filename,
            body=lesson.body,
            content_hash=lesson.content_hash,
        )
        for activity in lesson.activities:
            ActivityRecord.create(
                uid=f"{pack.id}/{activity.id}",
                pack=pack.id,
                lesson_uid=uid,
                kind=activity.kind,
                title=activity.title,
                fields_json=json.dumps(activity.fields, ensure_ascii=False),
            )
        search.index_document("lesson", uid, lesson.title, search.plain_text(lesson.body))


def _remove_other_versions(current: Path) -> None:
    for sibling in current.parent.iterdir():
        if sibling != current:
            shutil.rmtree(sibling, ignore_errors=True)
