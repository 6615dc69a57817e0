"""Version history and the bin: earlier texts can be restored; nothing goes on one click."""

from __future__ import annotations

import datetime as dt

import pytest

from team_desktop.core import outbox, search
from team_desktop.core.portfolio import bin, entries, listing, versions
from team_desktop.core.portfolio.errors import PortfolioError
from team_desktop.core.store.portfolio_models import EntryVersion, JournalEntry

REFLECTION = "test-mini/mini-reflexion"


def age_versions(entry_id: str, minutes: int) -> None:
    """Make the entry's snapshots (and its last save) look `minutes` older."""
    delta = dt.timedelta(minutes=minutes)
    for version in EntryVersion.select().where(EntryVersion.entry_id == entry_id):
        version.saved_at = version.saved_at - delta
        version.save()
    row = JournalEntry.get_by_id(entry_id)
    row.updated_at = row.updated_at - delta
    row.save()


def test_typing_does_not_make_a_version_per_keystroke(course):
    entry = entries.create_entry(course.paths.packs, "gibbs")
    for n in range(1, 30):
        entries.save_entry(entry.id, body=entry.body + "x" * n)

    found = versions.list_versions(entry.id)
    # The template text is kept once; the following saves are within five minutes of it.
    assert [v.body for v in found] == [entry.body]


def test_a_version_is_kept_every_five_minutes_of_writing(course):
    entry = entries.create_entry(course.paths.packs, "libre")
    entries.save_entry(entry.id, body="Lundi.")
    entries.save_entry(entry.id, body="Lundi. Mardi.")  # the first text is kept at once
    entries.save_entry(entry.id, body="Lundi. Mardi. Jeudi.")
    assert [v.body for v in versions.list_versions(entry.id)] == ["Lundi."]
    age_versions(entry.id, 6)

    entries.save_entry(entry.id, body="Lundi. Mardi. Mercredi.")

    assert [v.body for v in versions.list_versions(entry.id)] == ["Lundi. Mardi. Jeudi.", "Lundi."]


def test_explicit_new_version_and_restore_are_undoable(course):
    entry = entries.create_entry(course.paths.packs, "libre")
    entries.save_entry(entry.id, title="Premier jet", body="Ce que j'ai vu.")
    entries.save_entry(entry.id, title="Second jet", body="Ce que j'ai compris.", new_version=True)
    first = versions.list_versions(entry.id)[0]
    assert (first.title, first.body) == ("Premier jet", "Ce que j'ai vu.")

    entries.restore_version(first.id)

    restored = entries.get_entry(entry.id)
    assert (restored.title, restored.body) == ("Premier jet", "Ce que j'ai vu.")
    newest = versions.list_versions(entry.id)[0]
    assert (newest.title, newest.body) == ("Second jet", "Ce que j'ai compris.")
    assert [h.ref for h in search.search("vu", kinds=("entry",))] == [entry.id]

    entries.restore_version(newest.id)
    assert entries.get_entry(entry.id).body == "Ce que j'ai compris."


def test_history_is_capped_keeping_the_newest(course, monkeypatch):
    monkeypatch.setattr(versions, "MAX_VERSIONS", 5)
    entry = entries.create_entry(course.paths.packs, "libre")
    for n in range(12):
        entries.save_entry(entry.id, body=f"version {n}", new_version=True)

    bodies = [v.body for v in versions.list_versions(entry.id)]
    assert bodies == [f"version {n}" for n in (10, 9, 8, 7, 6)]


def test_history_of_huge_entries_is_capped_by_size(course, monkeypatch):
    monkeypatch.setattr(versions, "MAX_HISTORY_CHARS", 2500)
    entry = entries.create_entry(course.paths.packs, "libre")
    for n in range(8):
        entries.save_entry(entry.id, body=f"{n}" * 1000, new_version=True)

    found = versions.list_versions(entry.id)
    # The three newest always stay, even past the size cap.
    assert [v.body[0] for v in found] == ["6", "5", "4"]


def test_restoring_a_version_that_is_gone_says_so(course):
    with pytest.raises(PortfolioError, match="n'existe plus"):
        entries.restore_version("absente")


def test_trash_hides_and_restore_brings_back(course):
    entry = entries.create_entry(course.paths.packs, activity_uid=REFLECTION)
    entries.save_entry(entry.id, body="Une séance mémorable.")

    bin.trash_entry(entry.id)

    assert [e.id for e in listing.list_entries()] == []
    assert [e.id for e in listing.list_entries(listing.EntryFilter(in_bin=True))] == [entry.id]
    assert search.search("mémorable", kinds=("entry",)) == []
    assert listing.entries_for_activity(REFLECTION) == []
    assert listing.bin_count() == 1

    bin.restore_entry(entry.id)

    assert [e.id for e in listing.list_entries()] == [entry.id]
    assert [h.ref for h in search.search("mémorable", kinds=("entry",))] == [entry.id]
    assert entries.get_entry(entry.id).body == "Une séance mémorable."


def test_emptying_the_bin_leaves_a_tombstone_for_sync(course):
    kept = entries.create_entry(course.paths.packs, "libre")
    entries.save_entry(kept.id, body="À garder.")
    gone = entries.create_entry(course.paths.packs, "libre")
    entries.save_entry(gone.id, title="Brouillon", body="À jeter.", tags=["essai"])
    entries.save_entry(gone.id, body="À jeter vraiment.", new_version=True)
    bin.trash_entry(gone.id)

    assert bin.empty_bin(course.paths) == 1

    row = JournalEntry.get_by_id(gone.id)
    assert row.deleted and row.title == row.body == "" and row.tags_json == "[]"
    assert versions.list_versions(gone.id) == []
    assert entries.get_entry(gone.id) is None
    assert gone.id in [r.record_id for r in outbox.pending()]
    assert listing.list_entries(listing.EntryFilter(in_bin=True)) == []
    assert entries.get_entry(kept.id).body == "À garder."
