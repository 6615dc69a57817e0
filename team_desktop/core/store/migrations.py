"""Ordered forward migrations of the local store; the schema version is `PRAGMA user_version`."""

from __future__ import annotations

from collections.abc import Callable

from peewee import BooleanField, Database, DateTimeField, TextField

from team_desktop.core.store import models as m
from team_desktop.core.store.competency_models import COMPETENCY_MODELS
from team_desktop.core.store.group_models import GROUP_MODELS, GroupProgressReport
from team_desktop.core.store.portfolio_models import PORTFOLIO_MODELS
from team_desktop.core.store.research_models import RESEARCH_MODELS
from team_desktop.core.store.sync_models import SHARING_MODELS, SYNC_MODELS

SEARCH_TABLE = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
)
"""

# Since version 11: prefixes of three to six letters are indexed as such, the ones search
# matches most (a stem of three letters and more); longer ones merge few words (decision 0003).
SEARCH_TABLE_PREFIXED = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5 6'
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


def _v3_sharing_and_bookmark_state(db: Database) -> None:
    db.create_tables(SHARING_MODELS)
    _add_missing_columns(
        db,
        "bookmark",
        {"bookmarked": BooleanField(default=True), "changed_at": DateTimeField(default=m.utcnow)},
    )


def _add_missing_columns(db: Database, table: str, columns: dict) -> None:
    # Imported here, once per schema upgrade: not at every start (with its PostgreSQL parts).
    from playhouse.migrate import SqliteMigrator, migrate

    # Early steps create tables from today's models, which may already have these columns.
    present = {column.name for column in db.get_columns(table)}
    migrator = SqliteMigrator(db)
    migrate(
        *(
            migrator.add_column(table, name, field)
            for name, field in columns.items()
            if name not in present
        )
    )


def _v4_research(db: Database) -> None:
    db.create_tables(RESEARCH_MODELS)


def _v5_course_search_rowids(db: Database) -> None:
    # The course's documents move to negative rowids: a search then ranks the whole course and
    # only the newest of a large portfolio's matches (decision 0003).
    db.execute_sql(
        "INSERT INTO search_index (rowid, kind, ref, title, body) "
        "SELECT -rowid, kind, ref, title, body FROM search_index "
        "WHERE kind = 'lesson' AND rowid > 0"
    )
    db.execute_sql("DELETE FROM search_index WHERE kind = 'lesson' AND rowid > 0")


SEARCH_REF_TABLE = """
CREATE TABLE IF NOT EXISTS search_ref (
    kind TEXT NOT NULL, ref TEXT NOT NULL, docid INTEGER NOT NULL, PRIMARY KEY (kind, ref)
) WITHOUT ROWID
"""


def _v6_search_refs(db: Database) -> None:
    # FTS5 cannot index `kind` and `ref`, so finding a document to replace scanned the whole
    # index at every autosave; this table finds its rowid directly.
    db.execute_sql(SEARCH_REF_TABLE)
    db.execute_sql(
        "INSERT OR REPLACE INTO search_ref (kind, ref, docid) "
        "SELECT kind, ref, rowid FROM search_index"
    )


def _v7_note_kind(db: Database) -> None:
    # Session plans are notes whose document carries a plan (decision 0016); lists need the
    # kind without loading every document. Notes stored before are all plain notes.
    _add_missing_columns(db, "note", {"kind": TextField(default="note")})


def _v8_competencies(db: Database) -> None:
    db.create_tables(COMPETENCY_MODELS)


def _v9_facilitated_groups(db: Database) -> None:
    db.create_tables(GROUP_MODELS)


def _v10_group_progress_reports(db: Database) -> None:
    db.create_tables([GroupProgressReport])


# Append new steps; never edit or reorder a released one.
def _v11_search_prefix_index(db: Database) -> None:
    # Search matches stems as prefixes ("prépar"*): without a prefix index FTS5 merges the
    # posting lists of every word so starting, once per statement and again for bm25's
    # document counts. The rowids (course below zero, search_ref's docids) are kept.
    db.execute_sql(SEARCH_TABLE_PREFIXED.replace("search_index", "search_index_prefixed", 1))
    db.execute_sql(
        "INSERT INTO search_index_prefixed (rowid, kind, ref, title, body) "
        "SELECT rowid, kind, ref, title, body FROM search_index"
    )
    db.execute_sql("DROP TABLE search_index")
    db.execute_sql("ALTER TABLE search_index_prefixed RENAME TO search_index")


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_initial,
    _v2_portfolio_and_outbox,
    _v3_sharing_and_bookmark_state,
    _v4_research,
    _v5_course_search_rowids,
    _v6_search_refs,
    _v7_note_kind,
    _v8_competencies,
    _v9_facilitated_groups,
    _v10_group_progress_reports,
    _v11_search_prefix_index,
]
SCHEMA_VERSION = len(MIGRATIONS)
