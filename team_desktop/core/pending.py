"""What waits to leave the device, described for the learner."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from team_desktop.core.i18n import N_, _
from team_desktop.core.store.lookups import lesson_title
from team_desktop.core.store.models import QuizAttempt, database
from team_desktop.core.store.portfolio_models import JournalEntry, Note
from team_desktop.core.store.sync_models import Outbox, SharedComment
from team_desktop.core.sync import files, skipped

KIND_LABELS = {
    "progress": N_("Progression"),
    "time": N_("Temps de lecture"),
    "quiz": N_("Quiz"),
    "bookmark": N_("Favori"),
    "entry": N_("Entrée du journal"),
    "note": N_("Note de co-préparation"),
    "comment": N_("Commentaire"),
    "answer": N_("Réponses à un questionnaire"),
    "statement": N_("Trace d'activité"),
}


@dataclass
class PendingChange:
    kind: str
    record_id: str
    label: str
    description: str
    queued_at: dt.datetime
    attempts: int
    last_error: str | None


def _describe(kind: str, record_id: str) -> str:
    if kind in ("progress", "bookmark"):
        return lesson_title(record_id)
    if kind == "time":
        return lesson_title(record_id.partition("|")[0])
    if kind == "entry":
        entry = JournalEntry.get_or_none(JournalEntry.id == record_id)
        return (entry.title or _("(sans titre)")) if entry else _("(supprimée)")
    if kind == "note":
        note = Note.get_or_none(Note.id == record_id)
        return (note.title_cache or _("(note sans titre)")) if note else _("(supprimée)")
    if kind == "comment":
        comment = SharedComment.get_or_none(SharedComment.id == record_id)
        return comment.body[:80] if comment else ""
    if kind == "quiz":
        attempt = QuizAttempt.get_or_none(QuizAttempt.id == record_id)
        return f"{attempt.activity_uid} ({attempt.score}/{attempt.max_score})" if attempt else ""
    return record_id


def pending_changes() -> list[PendingChange]:
    """Every change waiting to be sent, oldest first, with its last error if any; then the
    attached files the server refused at the last sync (a full account, say)."""
    waiting = [
        PendingChange(
            row.kind,
            row.record_id,
            _(KIND_LABELS.get(row.kind, row.kind)),
            _describe(row.kind, row.record_id),
            row.queued_at,
            row.attempts,
            row.last_error,
        )
        for row in Outbox.select().order_by(Outbox.seq)
    ]
    return waiting + [
        PendingChange(
            "file",
            row.get("hash", ""),
            _("Pièce jointe"),
            row.get("name", ""),
            dt.datetime.fromisoformat(row["at"]),
            1,
            row.get("reason", ""),
        )
        for row in files.refused_files()
    ]


@dataclass
class ReceivedProblem:
    """A record received from the server that this device left aside (see sync/pulled.py)."""

    label: str
    description: str
    reason: str
    received_at: dt.datetime


def received_problems() -> list[ReceivedProblem]:
    """Records received but not applied, most recent first, with why (in French)."""
    return [
        ReceivedProblem(
            _(KIND_LABELS[item.kind]) if item.kind in KIND_LABELS else _("Élément inconnu"),
            _("envoyé par {author}").format(author=item.author) if item.author else item.record_id,
            item.reason,
            item.at,
        )
        for item in skipped.listing()
    ]


def dismiss_received_problems() -> None:
    """The learner has read the list of records left aside."""
    with database.atomic():
        skipped.clear()


def retry_all() -> None:
    """Clear the errors so refused changes are sent again at the next sync."""
    with database.atomic():
        Outbox.update(attempts=0, last_error=None).execute()
