"""French-aware full-text search over the course (and, later, the learner's writing)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from team_desktop.core.content.lesson_file import split_segments
from team_desktop.core.store.models import database

WORD = re.compile(r"\w+", re.UNICODE)
# Image tags, link targets, emphasis and table marks, list bullets and rules.
_MARKS = r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[#*_`|\[\]]+|^\s*[-+]\s+|-{3,}"
MARKUP = re.compile(_MARKS + r"|>+", re.MULTILINE)
# In a snippet shown to the learner, `>` is a quote only at the start of a line ("a > b" and
# escaped tags stay).
SNIPPET_MARKUP = re.compile(_MARKS + r"|^\s*(?:>\s*)+", re.MULTILINE)
HIT_START, HIT_END = "\x02", "\x03"
# Course documents take negative rowids, the learner's writing positive ones (decision 0003).
COURSE_KINDS = ("lesson",)
# Ranking costs one bm25() per match: past this many matches of the learner's writing, only
# the newest are ranked (a common word over 100,000 entries took 100 ms to rank whole).
RANKED_WRITINGS = 1000


@dataclass
class SearchHit:
    """One result: what it is (`kind`), which record (`ref`), and a highlighted snippet."""

    kind: str
    ref: str
    title: str
    snippet_html: str
    terms: list[str]


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # snowballstemmer loads every language it knows: at the first search, not at the start.
    import snowballstemmer

    return snowballstemmer.stemmer("french")


def build_query(text: str) -> str:
    """User words to an FTS5 query: each word stemmed and matched as a prefix, all required.

    "séances préparées" becomes `"séanc"* "prépar"*`, which finds séance, séances, préparer...
    Words shorter than three letters are matched whole, so "de" does not match everything.
    """
    terms = []
    for word in WORD.findall(text.lower()):
        if len(word) < 3:
            terms.append(f'"{word}"')
        else:
            stem = _stemmer().stemWord(word)
            terms.append(f'"{stem if len(stem) >= 3 else word}"*')
    return " ".join(terms)


def plain_text(body: str) -> str:
    """Searchable text of a lesson: its prose and its activities' texts, without markup."""
    segments, _problems = split_segments(body, "", 1)
    parts = []
    for segment in segments:
        if segment.activity is None:
            parts.append(MARKUP.sub(" ", segment.markdown))
        else:
            parts.append(" ".join(_strings(segment.activity.fields)))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [
            s for key, v in value.items() if key not in ("id", "type", "kind") for s in _strings(v)
        ]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def index_document(kind: str, ref: str, title: str, body: str) -> None:
    """Add or replace one document in the index (call inside the writer's transaction)."""
    remove_document(kind, ref)
    rowid = _course_rowid() if kind in COURSE_KINDS else None  # None: the next positive one
    cursor = database.execute_sql(
        "INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (?, ?, ?, ?, ?)",
        (rowid, kind, ref, title, body),
    )
    database.execute_sql(
        "INSERT OR REPLACE INTO search_ref (kind, ref, docid) VALUES (?, ?, ?)",
        (kind, ref, cursor.lastrowid),
    )


def _course_rowid() -> int:
    lowest = database.execute_sql("SELECT rowid FROM search_index ORDER BY rowid LIMIT 1")
    row = lowest.fetchone()
    return min(row[0] if row else 0, 0) - 1


def remove_document(kind: str, ref: str) -> None:
    """Drop one document from the index."""
    _remove("kind = ? AND ref = ?", (kind, ref))


def remove_prefix(kind: str, ref_prefix: str) -> None:
    """Drop every document of `kind` whose ref starts with `ref_prefix`."""
    # A range on the primary key, where LIKE or substr() would read every row.
    _remove("kind = ? AND ref >= ? AND ref < ?", (kind, ref_prefix, ref_prefix + "\U0010ffff"))


def remove_kinds(kinds: tuple[str, ...]) -> None:
    """Drop every document of these kinds."""
    _remove(f"kind IN ({', '.join('?' for _ in kinds)})", kinds)


def _remove(where: str, params: tuple) -> None:
    docids = [
        row[0]
        for row in database.execute_sql(f"SELECT docid FROM search_ref WHERE {where}", params)
    ]
    for docid in docids:
        database.execute_sql("DELETE FROM search_index WHERE rowid = ?", (docid,))
    database.execute_sql(f"DELETE FROM search_ref WHERE {where}", params)


def search(text: str, limit: int = 50, kinds: tuple[str, ...] | None = None) -> list[SearchHit]:
    """Best matches for `text`, titles weighing more than bodies.

    The whole course is always ranked; of the learner's writing, the newest
    max(RANKED_WRITINGS, limit) matches when more match (decision 0003).
    """
    query = build_query(text)
    if not query:
        return []
    floor = _newest_writings_floor(query, max(RANKED_WRITINGS, limit))
    if floor is None:
        rows = _ranked(query, "", [], limit, kinds)
    else:
        # One ranked statement for the course and the newest writings: bm25() counts each
        # term's documents once per statement (a pass over its whole posting list), so two
        # statements, one per range, paid that pass twice.
        rows = _ranked(query, " AND (rowid < 0 OR rowid >= ?)", [floor], limit, kinds)
    hits = []
    for _score, kind, ref, title, snippet in rows:
        terms = sorted(set(re.findall(f"{HIT_START}(.*?){HIT_END}", snippet)))
        hits.append(SearchHit(kind, ref, title, _snippet_html(snippet), terms))
    return hits


def _newest_writings_floor(query: str, count: int) -> int | None:
    """The rowid of the `count`-th newest writing that matches, or None if fewer match."""
    row = database.execute_sql(
        "SELECT rowid FROM search_index WHERE search_index MATCH ? "
        "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (query, count - 1),
    ).fetchone()
    return row[0] if row and row[0] > 0 else None


def _ranked(
    query: str, where: str, params: list[object], limit: int, kinds: tuple[str, ...] | None
) -> list[tuple]:
    sql = (
        "SELECT bm25(search_index, 0, 0, 8.0, 1.0) AS score, kind, ref, title, "
        "snippet(search_index, 3, ?, ?, '…', 14) FROM search_index WHERE search_index MATCH ?"
        + where
    )
    args: list[object] = [HIT_START, HIT_END, query, *params]
    if kinds:
        sql += f" AND kind IN ({', '.join('?' for _ in kinds)})"
        args += list(kinds)
    sql += " ORDER BY score LIMIT ?"
    return database.execute_sql(sql, [*args, limit]).fetchall()


def _snippet_html(snippet: str) -> str:
    """The snippet as the learner reads it: Markdown marks (`##`, `**`, `>`, links) dropped,
    the rest escaped, the hits in bold."""
    plain = re.sub(r"\s+", " ", SNIPPET_MARKUP.sub(" ", snippet)).strip()
    escaped = html.escape(plain)
    return escaped.replace(HIT_START, "<b>").replace(HIT_END, "</b>")
