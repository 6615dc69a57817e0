"""Journal entries: create (from a template, from a lesson's prompt), autosave, visibility, bin."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from team_desktop.core import outbox, research, search
from team_desktop.core.hashing import is_sha256
from team_desktop.core.i18n import _
from team_desktop.core.portfolio import templates, versions
from team_desktop.core.portfolio.errors import PortfolioError, writing
from team_desktop.core.store import changes
from team_desktop.core.store.models import ActivityRecord, utcnow
from team_desktop.core.store.portfolio_models import (
    DEVICE,
    GROUP,
    PRIVATE,
    VISIBILITIES,
    JournalEntry,
)

# A 5 MB paste is kept; past this an entry is refused with a message rather than slowing
# every autosave (the learner's text stays in the editor).
MAX_BODY_CHARS = 20_000_000
MAX_TAG_CHARS = 40


@dataclass
class Attachment:
    """A file attached to an entry, stored once under `attachments/` by its SHA-256."""

    hash: str
    name: str
    size: int
    mime: str


@dataclass
class Entry:
    """One journal entry as the editor shows it."""

    id: str
    title: str
    body: str
    entry_date: dt.date
    tags: list[str]
    visibility: str
    group_id: str | None
    template_id: str | None
    lesson_uid: str | None
    activity_uid: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    trashed_at: dt.datetime | None
    attachments: list[Attachment] = field(default_factory=list)


def to_entry(row: JournalEntry) -> Entry:
    """Plain data for one stored row."""
    return Entry(
        id=row.id,
        title=row.title,
        body=row.body,
        entry_date=row.entry_date,
        tags=json.loads(row.tags_json),
        visibility=row.visibility,
        group_id=row.group_id,
        template_id=row.template_id,
        lesson_uid=row.lesson_uid,
        activity_uid=row.activity_uid,
        created_at=row.created_at,
        updated_at=row.updated_at,
        trashed_at=row.trashed_at,
        attachments=attachment_list(row.attachments_json),
    )


def attachment_list(raw: str) -> list[Attachment]:
    """The attachments an entry lists; descriptors that are not exactly ours are left out.

    A pulled entry is checked on arrival (sync/pulled.py), but a store written by an older
    version may hold anything: an unknown key or a missing one must not break the journal.
    """
    try:
        items = json.loads(raw or "[]")
    except ValueError:
        return []
    found = []
    for item in items if isinstance(items, list) else []:
        if (
            isinstance(item, dict)
            and {"hash", "name", "size"} <= set(item) <= {"hash", "name", "size", "mime"}
            and is_sha256(item["hash"])
            and isinstance(item["name"], str)
            and isinstance(item["size"], int)
        ):
            mime = item.get("mime")
            mime = mime if isinstance(mime, str) and mime else "application/octet-stream"
            found.append(Attachment(item["hash"], item["name"], item["size"], mime))
    return found


def get_entry(entry_id: str) -> Entry | None:
    """The entry `entry_id`, or None if it does not exist or its bin was emptied."""
    row = JournalEntry.get_or_none((JournalEntry.id == entry_id) & ~JournalEntry.deleted)
    return to_entry(row) if row else None


def quote_prompt(title: str, prompt: str) -> str:
    """A lesson's prompt as a Markdown quote at the top of the answering entry."""
    lines = [f"**{_('Consigne')} — {title}**", ""] + prompt.strip().splitlines()
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n"


def _answer_body(parts: list[str]) -> str:
    """The parts one after the other; a quoted prompt ends with a blank line, so the answer
    typed at the end is the learner's own paragraph, not the quote's lazy continuation."""
    body = "\n".join(parts)
    last_line = body.rstrip("\n").rsplit("\n", 1)[-1]
    return body + "\n" if last_line.startswith(">") else body


def create_entry(
    packs_dir: Path,
    template_key: str | None = None,
    activity_uid: str | None = None,
    title: str | None = None,
    visibility: str = PRIVATE,
) -> Entry:
    """A new entry, saved at once: from a template, optionally answering an activity's prompt."""
    activity = ActivityRecord.get_or_none(ActivityRecord.uid == activity_uid)
    if activity_uid and activity is None:
        raise PortfolioError(_("Cette activité n'est plus installée."))
    if template_key:
        template = templates.resolve(template_key, packs_dir)
    else:
        template = templates.for_activity(activity, packs_dir) if activity else None
    parts = []
    if activity is not None:
        prompt = json.loads(activity.fields_json).get("prompt", "")
        parts.append(quote_prompt(activity.title, prompt))
    if template is not None and not template.is_free:
        parts.append(template.body.strip("\n") + "\n")
    entry_id = uuid.uuid4().hex
    now = utcnow()
    row = JournalEntry(
        id=entry_id,
        title=title if title is not None else (activity.title if activity else ""),
        body=_answer_body(parts),
        template_id=template.key if template else None,
        lesson_uid=activity.lesson_uid if activity else None,
        activity_uid=activity.uid if activity else None,
        visibility=visibility,
        entry_date=dt.date.today(),
        created_at=now,
        updated_at=now,
    )
    with writing():
        row.save(force_insert=True)
        after_change(row)
    return to_entry(row)


def save_entry(
    entry_id: str,
    *,
    title: str | None = None,
    body: str | None = None,
    tags: list[str] | None = None,
    entry_date: dt.date | None = None,
    visibility: str | None = None,
    group_id: str | None = None,
    new_version: bool = False,
) -> bool:
    """Write the given fields in one transaction (entry, history, search, outbox).

    Returns whether anything changed. On failure nothing is written: the previous version
    stays intact and a PortfolioError says why.
    """
    if body is not None and len(body) > MAX_BODY_CHARS:
        raise PortfolioError(
            _(
                "Cette entrée est trop longue pour être enregistrée ({n} millions de caractères, "
                "{max} au plus). La version précédente est intacte ; scindez le texte en "
                "plusieurs entrées."
            ).format(n=round(len(body) / 1_000_000, 1), max=MAX_BODY_CHARS // 1_000_000)
        )
    if visibility is not None and visibility not in VISIBILITIES:
        raise ValueError(f"unknown visibility {visibility!r}")
    if visibility == GROUP and not group_id:
        # The server would refuse it at every sync: say so now, while the learner is here.
        raise PortfolioError(
            _(
                "Pour partager cette entrée, choisissez le groupe avec lequel la partager. "
                "Pas encore de groupe ? Partage › Mes groupes permet d'en rejoindre un."
            )
        )
    with writing():
        row = JournalEntry.get_or_none((JournalEntry.id == entry_id) & ~JournalEntry.deleted)
        if row is None:
            raise PortfolioError(_("Cette entrée n'existe plus (sa corbeille a été vidée)."))
        changes = {
            "title": title,
            "body": body,
            "tags_json": None if tags is None else _tags_json(tags),
            "entry_date": entry_date,
        }
        changes = {k: v for k, v in changes.items() if v is not None and getattr(row, k) != v}
        if visibility is not None:
            group = group_id if visibility == GROUP else None
            if (row.visibility, row.group_id) != (visibility, group):
                changes.update(visibility=visibility, group_id=group)
                if visibility == GROUP:
                    research.record(
                        "shared", lesson_uid=row.lesson_uid, activity_uid=row.activity_uid
                    )
        if not changes and not new_version:
            return False
        text_changed = "title" in changes or "body" in changes
        if text_changed or new_version:
            versions.snapshot_before_save(row, force=new_version)
        for key, value in changes.items():
            setattr(row, key, value)
        row.updated_at = utcnow()
        row.save()
        after_change(row, reindex=text_changed or "tags_json" in changes)
    return True


def normalize_tags(tags: list[str] | str) -> list[str]:
    """Tags as typed ("#gestes, Binôme ,binôme") to a clean list (["gestes", "Binôme"])."""
    raw = tags.split(",") if isinstance(tags, str) else tags
    seen, result = set(), []
    for tag in raw:
        clean = re.sub(r"\s+", " ", tag).strip().lstrip("#").strip()[:MAX_TAG_CHARS]
        if clean and clean.casefold() not in seen:
            seen.add(clean.casefold())
            result.append(clean)
    return result


def _tags_json(tags: list[str]) -> str:
    return json.dumps(normalize_tags(tags), ensure_ascii=False)


def after_change(row: JournalEntry, reindex: bool = True) -> None:
    """What every change of an entry does in its transaction: search index, outbox, bus."""
    changes.report(changes.ENTRIES, row.id)
    if reindex:
        if row.trashed_at is None and not row.deleted:
            search.index_document("entry", row.id, row.title, searchable_text(row))
        else:
            search.remove_document("entry", row.id)
    if row.visibility == DEVICE:
        outbox.drop("entry", row.id)
    else:
        outbox.enqueue("entry", row.id)


def searchable_text(row: JournalEntry) -> str:
    """The entry's words for the search index: text without Markdown marks, then its tags."""
    text = search.MARKUP.sub(" ", row.body)
    return re.sub(r"\s+", " ", f"{text} {' '.join(json.loads(row.tags_json))}").strip()


def restore_version(version_id: str) -> bool:
    """Bring back an earlier version; the text it replaces becomes a version (so it is undoable)."""
    version = versions.get_version(version_id)
    if version is None:
        raise PortfolioError(_("Cette version n'existe plus."))
    return save_entry(version.entry_id, title=version.title, body=version.body, new_version=True)
