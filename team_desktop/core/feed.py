"""The shared feed ("Mutualisation"): the group's shared entries and notes, and comments."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from team_desktop.core import outbox, research
from team_desktop.core.i18n import _
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import export as note_export
from team_desktop.core.notes import store as note_store
from team_desktop.core.plans.summary import plan_writers
from team_desktop.core.portfolio import templates
from team_desktop.core.portfolio.entries import Attachment, to_entry
from team_desktop.core.store.db import get_setting
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.portfolio_models import GROUP, JournalEntry, Note
from team_desktop.core.store.sync_models import GroupRecord, Person, SharedComment
from team_desktop.core.sync import state as sync_state

MAX_COMMENT = 20_000


@dataclass
class FeedComment:
    author: str
    body: str
    created_at: dt.datetime


@dataclass
class FeedItem:
    """A shared entry or note, newest first, with its comments oldest first."""

    kind: str
    id: str
    title: str
    body: str
    author: str
    group: str
    updated_at: dt.datetime
    comments: list[FeedComment] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    template: str = ""  # the text the entry started from: its unanswered sections are hidden
    plan: bool = False  # a note holding a session plan (decision 0016)


def display_names() -> dict[str, str]:
    """Each known person's display name by account id, the learner's own included."""
    names = dict(Person.select(Person.id, Person.display_name).tuples())
    me = sync_state.load()
    if me.user_id:
        names[me.user_id] = me.display_name or me.username
    return names


def items(limit: int = 200, packs_dir: Path | None = None) -> list[FeedItem]:
    """What the learner's groups shared, readable offline once synced.

    With `packs_dir`, each entry carries the template it started from.
    """
    names = display_names()
    me = sync_state.load().user_id
    groups = dict(GroupRecord.select(GroupRecord.id, GroupRecord.name).tuples())
    you = _own_name()
    result = []
    entries = (
        JournalEntry.select()
        .where(
            (JournalEntry.visibility == GROUP)
            & JournalEntry.trashed_at.is_null()
            & ~JournalEntry.deleted
        )
        .order_by(JournalEntry.updated_at.desc())
        .limit(limit)
    )
    for entry in entries:
        author = (
            you if entry.author_id in (None, me) else names.get(entry.author_id, _("un·e pair"))
        )
        result.append(
            FeedItem(
                "entry",
                entry.id,
                entry.title or _("(sans titre)"),
                entry.body,
                author,
                groups.get(entry.group_id, ""),
                entry.updated_at,
                attachments=to_entry(entry).attachments,
                template=_template_text(entry.template_id, packs_dir),
            )
        )
    notes = (
        Note.select()
        .where((Note.visibility == GROUP) & Note.trashed_at.is_null() & ~Note.deleted)
        .order_by(Note.updated_at.desc())
        .limit(limit)
    )
    for note in notes:
        result.append(
            FeedItem(
                "note",
                note.id,
                note.title_cache or _("(note sans titre)"),
                note.text_cache,
                _note_authors(note.id),
                groups.get(note.group_id, ""),
                note.updated_at,
                plan=note.kind == "plan",
            )
        )
    by_target: dict[str, list[FeedComment]] = {}
    for comment in SharedComment.select().order_by(SharedComment.created_at):
        author = (
            you if comment.author_id in (None, me) else names.get(comment.author_id, _("un·e pair"))
        )
        by_target.setdefault(comment.target_id, []).append(
            FeedComment(author, comment.body, comment.created_at)
        )
    for item in result:
        item.comments = by_target.get(item.id, [])
    result.sort(key=lambda item: item.updated_at, reverse=True)
    return result[:limit]


def _own_name() -> str:
    """How the learner's own items are signed: their display name, else "Vous"."""
    me = sync_state.load()
    return me.display_name or get_setting(note_authors.AUTHOR_NAME_KEY) or _("Vous")


def _note_authors(note_id: str) -> str:
    """The names of a shared note's writers, first writer first."""
    try:
        doc = note_store.load(note_id)
    except note_store.NoteNotFound:
        return _("Note à plusieurs")
    names = [author.name for author in note_export.authors(doc)]
    names += [name for name in plan_writers(doc) if name not in names]
    return ", ".join(names) or _("Note à plusieurs")


def _template_text(key: str | None, packs_dir: Path | None) -> str:
    if not key or packs_dir is None:
        return ""
    template = templates.resolve(key, packs_dir)
    return template.body if template is not None else ""


def add_comment(target_kind: str, target_id: str, body: str) -> str:
    """Comment on a shared entry or note; the comment is queued for the group."""
    body = body.strip()
    if not body:
        raise ValueError(_("Le commentaire est vide."))
    if len(body) > MAX_COMMENT:
        raise ValueError(
            _("Le commentaire est trop long ({n} caractères au plus).").format(n=MAX_COMMENT)
        )
    comment_id = uuid.uuid4().hex
    with database.atomic():
        SharedComment.create(
            id=comment_id,
            target_kind=target_kind,
            target_id=target_id,
            author_id=sync_state.load().user_id or None,
            body=body,
            created_at=utcnow(),
        )
        outbox.enqueue("comment", comment_id)
        research.record("commented", **_about(target_kind, target_id))
    return comment_id


def _about(target_kind: str, target_id: str) -> dict:
    """What a comment is about, for the research record: the activity its target answers."""
    model = JournalEntry if target_kind == "entry" else Note
    row = model.get_or_none(model.id == target_id)
    return {
        "activity_uid": row.activity_uid if row else None,
        "fallback": "journal" if target_kind == "entry" else "notes",
    }
