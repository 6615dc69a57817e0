"""Ordered forward migrations of the local store; the schema version is `PRAGMA user_version`."""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database

from team_desktop.core.store import models as m

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


# Append new steps; never edit or reorder a released one.
MIGRATIONS: list[Callable[[Database], None]] = [_v1_initial]
SCHEMA_VERSION = len(MIGRATIONS)
