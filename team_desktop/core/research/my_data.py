""" "Mes données" on the learner's side: what the server holds, all of it as a zip, deleting
the account there, and (only if asked) the learner's data on this device too."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from team_desktop.core import search
from team_desktop.core.research import consent
from team_desktop.core.store.competency_models import COMPETENCY_MODELS
from team_desktop.core.store.db import Store, set_setting
from team_desktop.core.store.group_models import GROUP_MODELS, GroupProgressReport
from team_desktop.core.store.models import (
    Bookmark,
    LessonProgress,
    QuizAttempt,
    Setting,
    TimeSpent,
    database,
)
from team_desktop.core.store.portfolio_models import (
    AttachmentBlob,
    EntryVersion,
    JournalEntry,
    Note,
)
from team_desktop.core.store.research_models import QuestionnaireAnswer, ResearchStatement
from team_desktop.core.store.sync_models import GroupRecord, Outbox, Person, SharedComment
from team_desktop.core.sync import credentials
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.connection import Connection

REMOVE, ANONYMISE = "remove", "anonymise"
LEARNER_TABLES = [
    LessonProgress,
    TimeSpent,
    QuizAttempt,
    Bookmark,
    JournalEntry,
    EntryVersion,
    AttachmentBlob,
    Note,
    Outbox,
    SharedComment,
    Person,
    GroupRecord,
    QuestionnaireAnswer,
    ResearchStatement,
    *COMPETENCY_MODELS,
    *GROUP_MODELS,
    GroupProgressReport,
]
# Settings that describe the device or the installed course, not the learner.
KEPT_SETTINGS = ("device_id", "outbox.seq", "sync.server_url")


def server_summary(connection: Connection) -> dict:
    """What the server holds about the learner (`GET /me/data`)."""
    return connection.json("GET", "/me/data")


def download_all(
    connection: Connection, target: Path, progress: Callable[[int, int], None] | None = None
) -> Path:
    """Save everything the server holds as a zip at `target` (written whole, then renamed)."""
    partial = target.with_name(target.name + ".part")
    received = 0
    with partial.open("wb") as handle:
        for piece in connection.iter_download("/me/data.zip"):
            handle.write(piece)
            received += len(piece)
            if progress:
                progress(received, 0)
    partial.replace(target)
    return target


def delete_account(connection: Connection, password: str, shared: str) -> None:
    """Delete the account on the server, then forget it here (the local data stays)."""
    if shared not in (REMOVE, ANONYMISE):
        raise ValueError(shared)
    connection.request("DELETE", "/me", {"password": password, "shared": shared}, retry=False)
    forget_account()


def forget_account() -> None:
    """This device no longer knows the deleted account: no token, no cursor, no groups."""
    state = sync_state.load()
    credentials.forget_token(state.server_url, state.username)
    with database.atomic():
        Setting.delete().where(
            Setting.key.startswith("sync.") & (Setting.key != "sync.server_url")
        ).execute()
        GroupRecord.delete().execute()
        GroupProgressReport.delete().execute()  # what others showed that account
        if consent.decision() is not None:
            set_setting(consent.SYNCED, "0")  # a next account is told the learner's choice


def erase_local_data(store: Store) -> None:
    """Delete the learner's data from this device: progress, journal, notes, answers,
    attachments and backups; the installed course stays."""
    with database.atomic():
        for table in LEARNER_TABLES:
            table.delete().execute()
        Setting.delete().where(Setting.key.not_in(KEPT_SETTINGS)).execute()
        search.remove_kinds(("entry", "note", "shared"))
    for folder in (store.paths.attachments, store.paths.backups):
        shutil.rmtree(folder, ignore_errors=True)
    # Deleted rows linger in free pages and in the write-ahead log until these.
    store.db.execute_sql("VACUUM")
    store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
