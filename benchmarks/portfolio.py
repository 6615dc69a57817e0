"""A benchmark store: the bundled course and a generated portfolio of journal entries."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from benchmarks.corpus import Writer
from team_desktop.core import library
from team_desktop.core.paths import DataPaths, bundled_content_dir
from team_desktop.core.portfolio.entries import searchable_text
from team_desktop.core.research import consent
from team_desktop.core.store.db import Store, open_store
from team_desktop.core.store.models import database
from team_desktop.core.store.portfolio_models import JournalEntry

CHUNK = 5_000


def course_store(root: Path) -> Store:
    """A store in `root` with the bundled course installed (and active), set up as after the
    first start: the research question answered (no), so no dialog opens at start."""
    store = open_store(DataPaths(root))
    _installed, failures = library.install_bundled(store, bundled_content_dir())
    assert not failures, failures
    if consent.needs_asking():
        consent.decide(False, consent.load_text().version)
    return store


def add_entries(count: int, seed: int = 1) -> None:
    """Write `count` journal entries of 200 to 900 characters into the active store, indexed.

    Rows and index documents go in big transactions, through the same index the app writes.
    """
    writer = Writer(seed)
    today = dt.date.today()
    for start in range(0, count, CHUNK):
        rows = []
        for n in range(start, min(start + CHUNK, count)):
            rows.append(
                {
                    "id": uuid.uuid4().hex,
                    "title": writer.title(),
                    "body": writer.text(writer.random.randint(200, 900)),
                    "entry_date": today - dt.timedelta(days=n % 700),
                    "tags_json": '["bilan"]' if n % 7 == 0 else "[]",
                }
            )
        with database.atomic():
            JournalEntry.insert_many(rows).execute()
            # The INSERT `search.index_document` makes, without its DELETE: these entries are new.
            database.connection().executemany(
                "INSERT INTO search_index (kind, ref, title, body) VALUES ('entry', ?, ?, ?)",
                [(r["id"], r["title"], searchable_text(JournalEntry(**r))) for r in rows],
            )
