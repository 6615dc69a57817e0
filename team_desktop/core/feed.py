"""The shared feed ("Mutualisation"): the group's shared entries and notes, and comments."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from team_desktop.core import outbox, research
from team_desktop.core.i18n import _, format_datetime
from team_desktop.core.render import escape, render_markdown
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


def _names() -> dict[str, str]:
    names = dict(Person.select(Person.id, Person.display_name).tuples())
    me = sync_state.load()
    if me.user_id:
        names[me.user_id] = me.display_name or me.username
    return names


def items(limit: int = 200) -> list[FeedItem]:
    """What the learner's groups shared, readable offline once synced."""
    names = _names()
    me = sync_state.load().user_id
    groups = dict(GroupRecord.select(GroupRecord.id, GroupRecord.name).tuples())
    you = _("vous")
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
                _("note à plusieurs"),
                groups.get(note.group_id, ""),
                note.updated_at,
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


def feed_html(feed: list[FeedItem]) -> str:
    """The feed as safe HTML; peers' Markdown goes through the one renderer."""
    if not feed:
        return (
            f"<h1>{escape(_('Mutualisation'))}</h1><p>"
            + escape(
                _(
                    "Rien de partagé pour l'instant. Rejoignez un groupe (Partage › Mes groupes), partagez une "
                    "entrée de votre journal avec lui, et ce que vos pairs partagent apparaîtra ici, lisible "
                    "hors ligne."
                )
            )
            + "</p>"
        )
    parts = [f"<h1>{escape(_('Mutualisation'))}</h1>"]
    for item in feed:
        label = _("Entrée de journal") if item.kind == "entry" else _("Note de co-préparation")
        parts.append(
            f'<table class="activity shared" width="100%" cellpadding="12"><tr><td>'
            f'<p class="activity-kind">{escape(label.upper())} · {escape(item.group)}</p>'
            f"<h3>{escape(item.title)}</h3>"
            f'<p class="meta">{escape(item.author)} · {escape(format_datetime(item.updated_at))}</p>'
            f"{render_markdown(item.body)}"
        )
        for comment in item.comments:
            parts.append(
                f"<blockquote><b>{escape(comment.author)}</b> "
                f"<small>{escape(format_datetime(comment.created_at))}</small><br/>"
                f"{render_markdown(comment.body)}</blockquote>"
            )
        parts.append(
            f'<p class="cta"><a href="team:comment/{item.kind}/{item.id}">'
            f"{escape(_('💬 Commenter'))}</a></p></td></tr></table><p></p>"
        )
    return "".join(parts)
