"""The portfolio view: entries by date, module, tag and words; links with lessons."""

from __future__ import annotations

import datetime as dt

from team_desktop.core.portfolio import entries, lesson_links, listing
from team_desktop.core.portfolio.listing import NO_MODULE, EntryFilter
from team_desktop.core.render.links import parse_team_link

REFLECTION = "test-mini/mini-reflexion"


def ids(criteria: EntryFilter | None = None) -> list[str]:
    return [e.id for e in listing.list_entries(criteria)]


def make(course, title, body="", day=None, tags=(), activity=None):
    entry = entries.create_entry(course.paths.packs, "libre", activity_uid=activity)
    entries.save_entry(
        entry.id, title=title, body=body, tags=list(tags), entry_date=day or dt.date.today()
    )
    return entry.id


def test_filters_by_month_module_tag_and_words(course):
    march = make(course, "Mars", "Un tutorat difficile.", dt.date(2025, 3, 12), ["tutorat"])
    april = make(course, "Avril", "Réunion d'équipe.", dt.date(2025, 4, 2), ["équipe", "Tutorat"])
    linked = make(course, "Réponse", "Séance à deux.", dt.date(2025, 4, 20), activity=REFLECTION)

    assert ids() == [linked, april, march]
    assert ids(EntryFilter(month=(2025, 4))) == [linked, april]
    assert ids(EntryFilter(month=(2025, 12))) == []
    assert ids(EntryFilter(module="test-mini")) == [linked]
    assert ids(EntryFilter(module=NO_MODULE)) == [april, march]
    assert ids(EntryFilter(tag="tutorat")) == [april, march]
    assert ids(EntryFilter(text="equipes")) == [april]
    assert ids(EntryFilter(text="tutorat", month=(2025, 3))) == [march]
    assert listing.months_in_use() == [(2025, 4), (2025, 3)]
    assert [module for module, _title in listing.modules_in_use()] == ["test-mini"]
    assert listing.tags_in_use() == [("tutorat", 2), ("équipe", 1)]


def test_summary_names_module_lesson_and_activity(course):
    entry_id = make(course, "Réponse", "Ce qui s'est passé mardi.", activity=REFLECTION)

    (summary,) = listing.list_entries()

    assert summary.id == entry_id
    assert summary.module_id == "test-mini"
    assert summary.lesson_title == "Préparer la séance ensemble"
    assert summary.activity_title == "Votre expérience"
    # The excerpt skips the quoted prompt and the Markdown marks.
    assert summary.excerpt.startswith("Ce qui s'est passé mardi.")


def test_lesson_lists_its_entries_with_links_back(course):
    entry_id = make(course, "Ma <réponse>", "Texte.", activity=REFLECTION)

    html = lesson_links.entries_html(listing.entries_for_activity(REFLECTION))

    assert "Vos entrées pour cette activité" in html
    assert "Ma &lt;réponse&gt;" in html
    href = lesson_links.entry_href(entry_id)
    assert f'href="{href}"' in html
    link = parse_team_link(href)
    assert link.action == lesson_links.ENTRY_ACTION
    assert lesson_links.entry_id_from_uid(link.uid) == entry_id
    assert lesson_links.entries_html(listing.entries_for_activity("test-mini/autre")) == ""


def test_peers_shared_entries_are_not_in_my_journal(course):
    from team_desktop.core.store.portfolio_models import JournalEntry

    mine = make(course, "La mienne", "Texte.")
    JournalEntry.create(
        id="peer1", title="Celle d'une pair", entry_date=dt.date.today(), author_id="someone"
    )

    assert ids() == [mine]
    assert listing.tags_in_use() == []
