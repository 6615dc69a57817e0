"""French-aware full-text search over the course (and, later, the learner's writing)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from team_desktop.core.content.lesson_file import split_segments
from team_desktop.core.store.models import database

WORD = re.compile(r"\w+", re.UNICODE)
# Image tags, link targets, emphasis and table marks, list bullets and rules.
MARKUP = re.compile(
    r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[#*_`>|\[\]]+|^\s*[-+]\s+|-{3,}", re.MULTILINE
)
HIT_START, HIT_END = "\x02", "\x03"


@dataclass
class SearchHit:
    """One result: what it is (`kind`), which record (`ref`), and a highlighted snippet."""

    kind: str
    ref: str
    title: str
    snippet_html: str
    terms: list[str]


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
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
    database.execute_sql(
        "INSERT INTO search_index (kind, ref, title, body) VALUES (?, ?, ?, ?)",
        (kind, ref, title, body),
    )


def remove_document(kind: str, ref: str) -> None:
    """Drop one document from the index."""
    database.execute_sql("DELETE FROM search_index WHERE kind = ? AND ref = ?", (kind, ref))


def remove_prefix(kind: str, ref_prefix: str) -> None:
    """Drop every document of `kind` whose ref starts with `ref_prefix`."""
    database.execute_sql(
        "DELETE FROM search_index WHERE kind = ? AND substr(ref, 1, ?) = ?",
        (kind, len(ref_prefix), ref_prefix),
    )


def search(text: str, limit: int = 50, kinds: tuple[str, ...] | None = None) -> list[SearchHit]:
    """Best matches for `text`, titles weighing more than bodies."""
    query = build_query(text)
    if not query:
        return []
    sql = (
        "SELECT kind, ref, title, snippet(search_index, 3, ?, ?, '…', 14) "
        "FROM search_index WHERE search_index MATCH ?"
    )
    params: list[object] = [HIT_START, HIT_END, query]
    if kinds:
        sql += f" AND kind IN ({', '.join('?' for _ in kinds)})"
        params += list(kinds)
    sql += " ORDER BY bm25(search_index, 0, 0, 8.0, 1.0) LIMIT ?"
    params.append(limit)
    hits = []
    for kind, ref, title, snippet in database.execute_sql(sql, params).fetchall():
        terms = sorted(set(re.findall(f"{HIT_START}(.*?){HIT_END}", snippet)))
        hits.append(SearchHit(kind, ref, title, _snippet_html(snippet), terms))
    return hits


def _snippet_html(snippet: str) -> str:
    escaped = html.escape(snippet)
    return escaped.replace(HIT_START, "<b>").replace(HIT_END, "</b>")
