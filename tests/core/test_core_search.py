"""French full-text search: accents, stems, short words, hostile queries, safe snippets."""

from __future__ import annotations

import re
import shutil

import pytest

from team_desktop.core import search
from team_desktop.core.library import install_bundled
from team_desktop.core.paths import DataPaths
from team_desktop.core.store import migrations
from team_desktop.core.store.db import open_store
from team_desktop.core.store.models import LessonRecord


@pytest.fixture
def installed(store, tmp_path, pack):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(pack.root, content / "mini-pack")
    results, failures = install_bundled(store, content)
    assert results and not failures
    return store


def _index(*documents):
    for ref, title, body in documents:
        search.index_document("note", ref, title, body)


def _refs(query, **kwargs):
    return [hit.ref for hit in search.search(query, **kwargs)]


def test_accent_insensitive_on_installed_lessons(installed):
    expected = {
        lesson.uid
        for lesson in LessonRecord.select()
        if re.search(r"s[ée]ance", f"{lesson.title} {lesson.body}", re.IGNORECASE)
    }
    assert expected

    for query in ("seance", "séance", "SEANCE", "Séances"):
        hits = search.search(query)
        assert {hit.ref for hit in hits} == expected, query
        assert all("<b>" in hit.snippet_html or "séance" in hit.title.lower() for hit in hits)


def test_accent_insensitive(store):
    _index(("a", "Accueil", "Une séance bien menée."), ("b", "Autre", "Rien à voir ici."))

    assert _refs("seance") == ["a"]
    assert _refs("SÉANCE") == ["a"]
    assert _refs("menee") == ["a"]


def test_stemming_finds_other_forms(store):
    _index(
        ("infinitive", "Avant", "Il faut préparer la salle."),
        ("noun", "Plan", "La préparation commune."),
        ("other", "Ailleurs", "Une pratique partagée."),
    )

    assert set(_refs("préparées")) == {"infinitive", "noun"}
    assert set(_refs("préparer")) == {"infinitive", "noun"}
    assert _refs("partager") == ["other"]


def test_every_word_is_required(store):
    _index(("both", "x", "séance préparée"), ("one", "y", "séance improvisée"))

    assert _refs("séance préparée") == ["both"]


def test_short_words_match_whole_words_only(store):
    _index(("de", "Un", "le rôle de chacun"), ("demande", "Deux", "une demande précise"))

    assert _refs("de") == ["de"]
    for query in ("a", "à", "l", "y", "de la", "l'", "a b c d e f"):
        assert isinstance(search.search(query), list)


HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "AND",
    "OR",
    "NOT",
    "séance AND",
    "AND séance",
    "séance OR préparation",
    "NEAR(séance rôle)",
    "(",
    ")",
    "title:séance",
    "body:rôle",
    ":",
    "a:b",
    "{",
    "}",
    "[",
    "]",
    "l'école",
    "c'est-à-dire",
    "_",
    "__init__",
    "€",
    "😀",
    "\x00",
    "   ",
    "\\",
    "séance; DROP TABLE search_index; --",
]
# Punctuation around a word is ignored: these still find the document.
WRAPPED = [
    '"séance',
    'séance"',
    '"séance"',
    "séance*",
    "*séance",
    "(séance)",
    "^séance",
    "-séance",
    "+séance",
    "{séance}",
    "[séance]",
    "séance\\",
    "séance:",
]


@pytest.mark.parametrize("query", HOSTILE + WRAPPED)
def test_fts_syntax_in_query_does_not_raise(store, query):
    _index(("a", "Séance", "Une séance où chacun a un rôle : la préparation compte."))

    hits = search.search(query)

    assert isinstance(hits, list)
    if query in WRAPPED:
        assert [hit.ref for hit in hits] == ["a"]
    # The index is still there and usable afterwards.
    assert _refs("séance") == ["a"]


def test_empty_query(store):
    _index(("a", "Titre", "Texte"))

    assert search.search("") == []
    assert search.search("  !?  ") == []


def test_snippet_highlights_and_escapes(store):
    _index(("a", "Titre", 'Les <script>alert("x")</script> & <b>gras</b> pendant la séance.'))

    (hit,) = search.search("seance")

    assert "<b>séance</b>" in hit.snippet_html
    assert "<script>" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html
    assert "&amp;" in hit.snippet_html
    # The only tags are the highlights we added.
    assert re.findall(r"<[^>]*>", hit.snippet_html) == ["<b>", "</b>"]
    assert hit.terms == ["séance"]


def test_snippet_of_writing_reads_as_plain_text(store):
    _index(
        (
            "n",
            "Note",
            "## Objectifs\n\n> **Préparer** la [séance](https://example.org) à deux\n- un rôle",
        )
    )

    (hit,) = search.search("objectifs")

    assert hit.snippet_html == "<b>Objectifs</b> Préparer la séance à deux un rôle"


def test_title_weighs_more_than_body(store):
    _index(
        ("body", "Autre sujet", "On parle ici de co-intervention, une fois."),
        ("title", "La co-intervention", "Un texte sur autre chose."),
    )

    assert _refs("intervention") == ["title", "body"]


def test_kinds_filter_and_removal(store):
    search.index_document("lesson", "p/l1", "Séance", "séance")
    search.index_document("journal", "j1", "Séance", "séance")
    search.index_document("lesson", "q/l2", "Séance", "séance")

    assert set(_refs("séance", kinds=("lesson",))) == {"p/l1", "q/l2"}
    search.remove_prefix("lesson", "p/")
    assert set(_refs("séance")) == {"j1", "q/l2"}
    search.remove_document("journal", "j1")
    assert _refs("séance") == ["q/l2"]


def test_index_document_replaces(store):
    search.index_document("lesson", "p/l1", "Titre", "ancien texte")
    search.index_document("lesson", "p/l1", "Titre", "nouveau texte")

    assert _refs("ancien") == []
    assert _refs("nouveau") == ["p/l1"]


def test_plain_text_drops_markup_keeps_activity_text(pack):
    lesson = pack.load().lessons[0]

    text = search.plain_text(lesson.body)

    assert "assets/schema.svg" not in text
    assert "**" not in text and "|" not in text and "```" not in text
    assert "co-intervention" in text
    for activity in lesson.activities:
        assert activity.title in text
    assert "mini-quiz" not in text  # ids are not searchable words


def test_a_common_word_ranks_the_whole_course_and_the_newest_writing(installed, monkeypatch):
    course = set(_refs("séance", kinds=("lesson",)))
    assert course
    monkeypatch.setattr(search, "RANKED_WRITINGS", 3)
    filler = " ".join(["autre chose"] * 200)
    for n in range(20):  # each mentions it once in a long text: the lessons weigh more
        search.index_document("entry", f"e{n:02d}", f"Entrée {n}", f"{filler} séance")

    limit = len(course) + 3
    hits = _refs("séance", limit=limit)

    assert course <= set(hits) and len(hits) == limit
    # Only the newest writings were ranked (as many as the limit): the older never come up.
    newest = {f"e{n:02d}" for n in range(20 - limit, 20)}
    assert set(hits) - course <= newest


def test_upgraded_store_moves_the_course_below_the_writing(tmp_path, pack):
    paths = DataPaths(tmp_path / "data")
    store = open_store(paths)
    content = tmp_path / "content"
    shutil.copytree(pack.root, content / "mini-pack")
    install_bundled(store, content)
    search.index_document("entry", "mine", "Ma séance", "Une séance à deux.")
    # As version 4 left it: every document at a positive rowid.
    store.db.execute_sql(
        "INSERT INTO search_index (rowid, kind, ref, title, body) "
        "SELECT 1000 - rowid, kind, ref, title, body FROM search_index WHERE rowid < 0"
    )
    store.db.execute_sql("DELETE FROM search_index WHERE rowid < 0")
    store.db.execute_sql("PRAGMA user_version = 4")
    store.close()

    store = open_store(paths)
    try:
        kinds = store.db.execute_sql(
            "SELECT kind, rowid < 0 FROM search_index GROUP BY kind, rowid < 0"
        ).fetchall()
        assert sorted(kinds) == [("entry", 0), ("lesson", 1)]
        assert "mine" in _refs("seance")
        assert len(_refs("seance", kinds=("lesson",))) >= 1
    finally:
        store.close()


def test_replacing_a_document_finds_it_by_reference_not_by_scanning(store):
    from team_desktop.core import search as search_module
    from team_desktop.core.store.models import database

    for number in range(50):
        search_module.index_document("entry", f"e{number}", f"Titre {number}", "séance à deux")
    search_module.index_document("entry", "e7", "Titre 7", "version corrigée")
    assert [hit.ref for hit in search_module.search("corrigée")] == ["e7"]
    assert len(search_module.search("séance")) == 49
    plan = database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT docid FROM search_ref WHERE kind = ? AND ref = ?",
        ("entry", "e7"),
    ).fetchall()
    assert any("PRIMARY KEY" in str(row) for row in plan), plan
    search_module.remove_prefix("entry", "e1")
    left = {hit.ref for hit in search_module.search("séance")}
    assert not any(ref.startswith("e1") for ref in left) and "e2" in left
    count = database.execute_sql(
        "SELECT count(*) FROM search_index WHERE kind = 'entry'"
    ).fetchone()[0]
    refs = database.execute_sql("SELECT count(*) FROM search_ref WHERE kind = 'entry'").fetchone()[
        0
    ]
    assert count == refs == 50 - 11


def test_upgraded_store_indexes_the_prefixes_it_searches_and_keeps_its_rowids(tmp_path, pack):
    paths = DataPaths(tmp_path / "data")
    store = open_store(paths)
    content = tmp_path / "content"
    shutil.copytree(pack.root, content / "mini-pack")
    install_bundled(store, content)
    search.index_document("entry", "mine", "Ma séance", "Préparer une séance à deux.")
    # As version 10 left it: the same documents and rowids, no prefix index.
    store.db.execute_sql(migrations.SEARCH_TABLE.replace("search_index", "plain_index", 1))
    store.db.execute_sql(
        "INSERT INTO plain_index (rowid, kind, ref, title, body) SELECT rowid, kind, ref, title, body FROM search_index"
    )
    store.db.execute_sql("DROP TABLE search_index")
    store.db.execute_sql("ALTER TABLE plain_index RENAME TO search_index")
    before = store.db.execute_sql(
        "SELECT rowid, kind, ref FROM search_index ORDER BY rowid"
    ).fetchall()
    store.db.execute_sql("PRAGMA user_version = 10")
    store.close()

    store = open_store(paths)
    try:
        (table,) = store.db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'search_index'"
        ).fetchone()
        assert "prefix" in table
        after = store.db.execute_sql("SELECT rowid, kind, ref FROM search_index ORDER BY rowid")
        assert after.fetchall() == before
        assert "mine" in _refs("préparées")
        search.index_document("entry", "mine", "Ma séance", "Chronométrer à deux.")  # by its ref
        assert _refs("chronométrée") == ["mine"] and "mine" not in _refs("préparées")
    finally:
        store.close()
