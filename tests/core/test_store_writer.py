"""The one writer: writers wait their turn, lock up front, report changes; errors by code."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from store_lock import held_by_another_process

from team_desktop.core import bookmarks
from team_desktop.core.portfolio.entries import create_entry, get_entry, save_entry
from team_desktop.core.portfolio.errors import PortfolioError
from team_desktop.core.store import changes, writer
from team_desktop.core.store.db import explain_sqlite_error, sqlite_error_code
from team_desktop.core.store.models import Setting, database
from team_desktop.core.store.portfolio_models import JournalEntry


def _coded(message: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


def test_a_save_that_meets_a_long_write_on_another_thread_waits_and_succeeds(store):
    entry = create_entry(store.paths.packs, title="Séance")
    inside, release = threading.Event(), threading.Event()

    def long_apply() -> None:
        with store.bound(), database.atomic():
            for n in range(200):
                Setting.replace(key=f"page-{n}", value="x").execute()
            inside.set()
            release.wait(10)

    other = threading.Thread(target=long_apply)
    other.start()
    assert inside.wait(10)
    threading.Timer(0.3, release.set).start()
    # Before the one writer, this save read first and then failed to upgrade its lock.
    assert save_entry(entry.id, body="écrit pendant que la synchronisation applique")
    other.join(10)
    assert get_entry(entry.id).body == "écrit pendant que la synchronisation applique"
    assert Setting.select().where(Setting.key.startswith("page-")).count() == 200


def test_a_transaction_takes_the_file_write_lock_before_its_first_write(store):
    other = sqlite3.connect(store.db.database, timeout=0)
    try:
        with database.atomic():
            JournalEntry.select().count()  # only a read so far
            with pytest.raises(sqlite3.OperationalError) as refused:
                other.execute("BEGIN IMMEDIATE")
        assert refused.value.sqlite_errorcode == sqlite3.SQLITE_BUSY
        other.execute("BEGIN IMMEDIATE")  # free again after the commit
        other.rollback()
    finally:
        other.close()


def test_every_commit_reports_kinds_ids_and_initiator_and_a_rollback_nothing(store):
    seen: list[changes.ChangeSet] = []
    store.db.subscribe(seen.append)
    editor = object()
    with changes.initiated_by(editor):
        entry = create_entry(store.paths.packs, title="Une entrée")
    bookmarks.toggle("test-mini/premiere")
    with pytest.raises(RuntimeError), database.atomic():
        Setting.replace(key="jamais", value="écrit").execute()
        raise RuntimeError("rolled back")
    store.db.unsubscribe(seen.append)
    bookmarks.toggle("test-mini/premiere")

    assert len(seen) == 2
    assert seen[0].initiator is editor and seen[0].touches(changes.ENTRIES, entry.id)
    assert seen[0].ids[changes.ENTRIES] == {entry.id}
    assert not seen[0].touches(changes.ENTRIES, "une-autre")
    assert seen[0].touches(changes.OUTBOX)
    assert seen[1].initiator is None and seen[1].kinds >= {changes.BOOKMARKS}
    assert not seen[1].touches(changes.ENTRIES)


def test_a_lone_write_statement_is_a_turn_of_its_own(store):
    seen: list[changes.ChangeSet] = []
    store.db.subscribe(seen.append)
    Setting.replace(key="seul", value="1").execute()
    assert [s.kinds for s in seen] == [{changes.SETTINGS}]


def test_a_store_locked_by_another_process_waits_then_says_so_and_keeps_the_text(store):
    entry = create_entry(store.paths.packs, title="Verrou")
    save_entry(entry.id, body="version enregistrée")
    # A short hold: the save waits behind it (SQLite's busy timeout) and succeeds.
    with held_by_another_process(store, 0.5):
        assert save_entry(entry.id, body="après une courte attente")
    # A hold longer than the busy timeout: a clear French message, the stored text intact.
    with held_by_another_process(store, 6):
        with pytest.raises(PortfolioError) as failed:
            save_entry(entry.id, body="pendant le verrou")
    assert "verrouillée par un autre programme" in str(failed.value)
    assert get_entry(entry.id).body == "après une courte attente"


def test_a_writer_that_waits_its_whole_turn_in_vain_gets_a_busy_error(store, monkeypatch):
    monkeypatch.setattr(writer, "WRITER_WAIT_SECONDS", 0.2)
    entry = create_entry(store.paths.packs, title="Attente")
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.bound(), database.atomic():
            inside.set()
            release.wait(10)

    other = threading.Thread(target=hold)
    other.start()
    try:
        assert inside.wait(10)
        with pytest.raises(PortfolioError) as failed:
            save_entry(entry.id, body="trop attendu")
    finally:
        release.set()
        other.join(10)
    assert sqlite_error_code(failed.value) == sqlite3.SQLITE_BUSY
    assert save_entry(entry.id, body="trop attendu")  # the next turn is free


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (sqlite3.SQLITE_BUSY, "verrouillée"),
        (sqlite3.SQLITE_READONLY, "lecture seule"),
        (sqlite3.SQLITE_FULL, "disque est plein"),
        (sqlite3.SQLITE_CORRUPT, "endommagé"),
        (sqlite3.SQLITE_NOTADB, "endommagé"),
    ],
)
def test_sqlite_errors_are_told_by_their_code_not_their_wording(tmp_path, code, words):
    # The wording says nothing useful (or misleads): only the code decides.
    misleading = _coded("full of surprises, maybe locked", code)
    assert words in explain_sqlite_error(misleading, tmp_path / "team.sqlite3")
    wrapped = RuntimeError("wrapper")
    wrapped.__context__ = _coded("cannot rollback", sqlite3.SQLITE_ERROR)
    wrapped.__context__.__context__ = misleading
    assert sqlite_error_code(wrapped) == code
    assert "Erreur de la base" in explain_sqlite_error(
        _coded("disk is full", sqlite3.SQLITE_ERROR), tmp_path / "x"
    )


def test_merged_change_sets_stay_vague_for_a_kind_written_without_ids():
    precise, vague, merged = changes.ChangeSet(), changes.ChangeSet(), changes.ChangeSet()
    precise.add(changes.ENTRIES, ["e1"])
    vague.add(changes.ENTRIES)
    vague.add(changes.NOTES, ["n1"])
    merged.merge(precise)
    assert merged.touches(changes.ENTRIES, "e1") and not merged.touches(changes.ENTRIES, "e2")
    merged.merge(vague)
    merged.merge(precise)
    assert merged.touches(changes.ENTRIES, "e2")  # some entries changed, which is unknown
    assert merged.touches(changes.NOTES, "n1") and not merged.touches(changes.NOTES, "n2")
