"""Ordered forward migrations of the local store; the schema version is `PRAGMA user_version`."""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database

from team_desktop.core.store import models as m
from team_desktop.core.store.portfolio_models import PORTFOLIO_MODELS
from team_desktop.core.store.sync_models import SYNC_MODELS

SEARCH_TABLE = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
)
"""


def _v1_initial(db: Database) -> None:
    db.create_tables(
        [
            m.Setting,
            m.PackRecord,
            m.LessonRecord,
            m.ActivityRecord,
            m.LessonProgress,
            m.TimeSpent,
            m.QuizAttempt,
            m.Bookmark,
        ]
    )
    db.execute_sql(SEARCH_TABLE)


def _v2_portfolio_and_outbox(db: Database) -> None:
    db.create_tables(PORTFOLIO_MODELS + SYNC_MODELS)


# Append new steps; never edit or reorder a released one.
MIGRATIONS: list[Callable[[Database], None]] = [_v1_initial, _v2_portfolio_and_outbox]
SCHEMA_VERSION = len(MIGRATIONS)
