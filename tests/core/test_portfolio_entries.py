"""Journal entries: creation from templates and prompts, autosave, outbox, search, visibility."""

from __future__ import annotations

import datetime as dt

import pytest

from team_desktop.core import outbox, search
from team_desktop.core.portfolio import entries, templates
from team_desktop.core.portfolio.errors import PortfolioError
from team_desktop.core.portfolio.preview import preview
from team_desktop.core.store.portfolio_models import DEVICE, GROUP, JournalEntry

REFLECTION = "test-mini/mini-reflexion"
LESSON = "test-mini/premiere"


def pending_entries() -> list[str]:
    return [row.record_id for row in outbox.pending() if row.kind == "entry"]


def test_gibbs_entry_starts_with_the_template_sections(course):
    entry = entries.create_entry(course.paths.packs, "gibbs")

    assert entry.template_id == "gibbs"
    assert entry.body.startswith("## Description\n")
    assert "## Plan d’action" in entry.body
    assert entry.visibility == "private" and entry.entry_date == dt.date.today()
    assert entries.get_entry(entry.id).body == entry.body
    assert pending_entries() == [entry.id]


def test_free_entry_starts_empty(course):
    entry = entries.create_entry(course.paths.packs, "libre")

    assert entry.body == "" and entry.template_id == "libre"


def test_answering_a_prompt_quotes_it_and_links_the_lesson(course):
    entry = entries.create_entry(course.paths.packs, activity_uid=REFLECTION)

    assert entry.activity_uid == REFLECTION and entry.lesson_uid == LESSON
    assert entry.title == "Votre expérience"
    # The activity names "gibbs": the prompt is quoted, then the template follows.
    assert entry.body.startswith("> **Consigne — Votre expérience**\n>\n> Racontez une séance")
    assert "\n## Description\n" in entry.body
    assert entry.template_id == "gibbs"


def test_an_activity_that_is_gone_is_refused_clearly(course):
    with pytest.raises(PortfolioError, match="plus installée"):
        entries.create_entry(course.paths.packs, activity_uid="test-mini/absente")
    assert JournalEntry.select().count() == 0


def test_pack_templates_survive_in_the_pack_folder(course, make_pack, tmp_path):
    from team_desktop.core import library

    pack = make_pack("with-template")
    (pack.root / "templates").mkdir()
    pack.write(
        "templates/retour.toml",
        'id = "mini-retour"\ntitle = "Retour de séance"\nbody = """\n## Ce qui a marché\n"""\n',
    )
    pack.set_version("9.0.0")
    library.import_pack_file(course, pack.build(tmp_path / "p.teampack"))

    keys = [t.key for t in templates.available(course.paths.packs)]
    assert keys[:4] == ["libre", "gibbs", "analyse-situation", "retour-pair"]
    assert "test-mini/mini-retour" in keys
    entry = entries.create_entry(course.paths.packs, "test-mini/mini-retour")
    assert entry.body == "## Ce qui a marché\n"


def test_save_writes_entry_index_and_outbox_together(course):
    entry = entries.create_entry(course.paths.packs, "libre")
    seq_before = outbox.pending()[0].seq

    changed = entries.save_entry(
        entry.id, title="Séance du mardi", body="Les apprenants ont préparé l'exposé."
    )

    assert changed
    saved = entries.get_entry(entry.id)
    assert saved.title == "Séance du mardi"
    hits = search.search("preparees", kinds=("entry",))
    assert [h.ref for h in hits] == [entry.id]
    assert outbox.pending()[0].seq > seq_before
    # Saving the same text again changes nothing and queues nothing.
    seq = outbox.pending()[0].seq
    assert not entries.save_entry(entry.id, title="Séance du mardi")
    assert outbox.pending()[0].seq == seq


def test_search_finds_entries_with_the_course(course):
    entry = entries.create_entry(course.paths.packs, "libre")
    entries.save_entry(entry.id, title="Ma co-intervention", body="La séance à deux.")

    kinds = {hit.kind for hit in search.search("séance")}

    assert kinds == {"lesson", "entry"}


def test_tags_are_cleaned_and_searchable(course):
    entry = entries.create_entry(course.paths.packs, "libre")

    entries.save_entry(entry.id, tags=["#Gestes ", "binôme", "Binôme", "", "  évaluation  "])

    assert entries.get_entry(entry.id).tags == ["Gestes", "binôme", "évaluation"]
    assert entries.normalize_tags("a, #b ,a") == ["a", "b"]
    assert [h.ref for h in search.search("binome", kinds=("entry",))] == [entry.id]


def test_device_only_entries_never_enter_the_outbox(course):
    entry = entries.create_entry(course.paths.packs, "libre", visibility=DEVICE)
    assert pending_entries() == []

    entries.save_entry(entry.id, body="Rien ne part d'ici.")
    assert pending_entries() == []

    entries.save_entry(entry.id, visibility=GROUP, group_id="g1")
    row = JournalEntry.get_by_id(entry.id)
    assert (row.visibility, row.group_id) == (GROUP, "g1")
    assert pending_entries() == [entry.id]

    entries.save_entry(entry.id, visibility=DEVICE)
    assert JournalEntry.get_by_id(entry.id).group_id is None
    assert pending_entries() == []


def test_raw_html_is_stored_as_typed_and_shown_sanitized(course):
    hostile = (
        "# Titre\n<script>alert('x')</script>\n"
        '<img src="x" onerror="alert(1)"> <a href="javascript:alert(2)">lien</a>\n'
        "<iframe src='http://example.org'></iframe>"
    )
    entry = entries.create_entry(course.paths.packs, "libre")

    entries.save_entry(entry.id, body=hostile)

    assert entries.get_entry(entry.id).body == hostile
    shown = preview(hostile)
    lowered = shown.html.lower()
    for bad in ("<script", "onerror", "javascript:", "<iframe"):
        assert bad not in lowered
    assert "<h1>Titre</h1>" in shown.html
    assert any("code HTML" in notice for notice in shown.notices)
    assert preview("Du texte **ordinaire**.").notices == []


def test_a_five_megabyte_paste_is_saved_whole(course):
    paste = ("Une ligne de notes prises pendant la séance, avec des mots. " * 20 + "\n") * 4300
    assert len(paste) > 5_000_000
    entry = entries.create_entry(course.paths.packs, "libre")

    entries.save_entry(entry.id, body=paste + "FIN")

    assert entries.get_entry(entry.id).body == paste + "FIN"
    shown = preview(paste)
    assert len(shown.html) < len(paste) // 10
    assert any("très longue" in notice for notice in shown.notices)


def test_past_the_maximum_an_entry_is_refused_and_kept_intact(course, monkeypatch):
    monkeypatch.setattr(entries, "MAX_BODY_CHARS", 1000)
    entry = entries.create_entry(course.paths.packs, "libre")
    entries.save_entry(entry.id, body="Texte court.")

    with pytest.raises(PortfolioError, match="trop longue"):
        entries.save_entry(entry.id, body="x" * 1001)

    assert entries.get_entry(entry.id).body == "Texte court."


def test_a_full_disk_keeps_the_previous_version_intact(course):
    entry = entries.create_entry(course.paths.packs, "libre")
    entries.save_entry(entry.id, body="Première version, bien enregistrée.")
    db = JournalEntry._meta.database
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    # The database cannot grow any more: the next big write fails like a full disk.
    db.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    try:
        with pytest.raises(PortfolioError) as raised:
            entries.save_entry(entry.id, body="Deuxième version. " * 50_000)
    finally:
        db.execute_sql("PRAGMA max_page_count = 1073741823")

    message = str(raised.value)
    assert "disque est plein" in message and "intacte" in message
    assert entries.get_entry(entry.id).body == "Première version, bien enregistrée."
    assert [h.ref for h in search.search("premiere", kinds=("entry",))] == [entry.id]
    assert search.search("deuxieme", kinds=("entry",)) == []
    # Once there is room again, the same save goes through.
    assert entries.save_entry(entry.id, body="Deuxième version.")


def test_saving_an_emptied_entry_says_so(course):
    from team_desktop.core.portfolio import bin

    entry = entries.create_entry(course.paths.packs, "libre")
    bin.trash_entry(entry.id)
    bin.empty_bin(course.paths)

    with pytest.raises(PortfolioError, match="n'existe plus"):
        entries.save_entry(entry.id, body="trop tard")
