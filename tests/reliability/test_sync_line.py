"""A bad line between client and server: cuts after N bytes, stalls, slices, 2G latency and
bandwidth. Every sync completes once the fault stops, nothing applied twice or half."""

from __future__ import annotations

import pytest
from clients import unique, write_entry
from fault_proxy import FaultProxy
from fuzz import replay_hint, rng, seeds

from team_desktop.core import outbox, progress
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.doc import Author
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.sync import connection as connection_module
from team_desktop.core.sync import engine
from team_desktop.core.sync.errors import MalformedReply, OfflineError, SyncError

ENTRIES = 6
NOTE_TEXT = "Déroulé : accueil, 🙂 travail en binômes, bilan."


@pytest.fixture
def proxy(sqlite_server):
    proxy = FaultProxy(sqlite_server.port)
    yield proxy
    proxy.close()


def _writer_and_reader(make_client):
    user = unique("ines")
    writer = make_client("ecrit").sign_up(user, "Inès")
    reader = make_client("lit").log_in(user)
    with writer:
        for number in range(ENTRIES):
            write_entry(writer, f"Entrée {number}", f"texte {number} à garder ✅" * 20)
        progress.set_completed("test-mini/premiere")
        note_id = notes.create("Plan de séance", "")
        doc = notes.load(note_id)
        doc.apply_local_edit(0, 0, NOTE_TEXT, Author("ines", "Inès"))
        notes.save(note_id, doc)
    return writer, reader


def _all_there_once(writer, reader) -> None:
    reader.sync()
    for client in (writer, reader):
        with client:
            titles = sorted(entry.title for entry in JournalEntry.select())
            assert titles == [f"Entrée {n}" for n in range(ENTRIES)]
            assert {e.body for e in JournalEntry.select()} == {
                f"texte {n} à garder ✅" * 20 for n in range(ENTRIES)
            }
            [note] = notes.list_notes()
            assert notes.load(note.id).text == NOTE_TEXT  # not doubled, not half
            assert progress.is_completed("test-mini/premiere")
            assert outbox.count() == 0


@pytest.mark.parametrize("direction", ["request", "reply"])
@pytest.mark.parametrize("seed", seeds("line-cuts", 4))
def test_a_cut_anywhere_then_the_sync_completes(make_client, proxy, monkeypatch, seed, direction):
    """Cut the line after a random number of bytes, up or down, at any point of a sync."""
    random_ = rng(seed)
    monkeypatch.setattr(engine, "BATCH", random_.choice([1, 2, 5, 100]))
    monkeypatch.setattr(engine, "PULL_LIMIT", random_.choice([1, 3, 200]))
    writer, reader = _writer_and_reader(make_client)
    limit = random_.randint(0, 4_000)  # a whole sync of this writing is about 3 kB (gzip)
    setattr(proxy, f"cut_{direction}_after", limit)
    try:
        writer.sync(proxy.line_for(writer))
        reader.sync(proxy.line_for(reader))
    except SyncError as error:
        # A cut inside the reply's headers leaves a reply with no body: "unreadable answer".
        assert isinstance(error, OfflineError | MalformedReply), f"{error!r}; {replay_hint(seed)}"
    proxy.heal()
    writer.sync(proxy.line_for(writer))
    _all_there_once(writer, reader)


def test_a_stalled_reply_times_out_then_the_sync_completes(make_client, proxy, monkeypatch):
    monkeypatch.setattr(connection_module, "TIMEOUT", (2, 1))
    writer, reader = _writer_and_reader(make_client)
    proxy.stall_reply_after = proxy.received + 100  # the server committed; its reply hangs
    with pytest.raises(OfflineError):
        writer.sync(proxy.line_for(writer))
    proxy.heal()
    writer.sync(proxy.line_for(writer))
    _all_there_once(writer, reader)


def test_a_line_that_slices_everything_into_tiny_pieces(make_client, proxy):
    writer, reader = _writer_and_reader(make_client)
    proxy.slice_size = 3
    writer.sync(proxy.line_for(writer))
    reader.sync(proxy.line_for(reader))
    _all_there_once(writer, reader)


def test_a_2g_line_latency_and_low_bandwidth(make_client, proxy):
    """About what EDGE gives in a rural training centre: 0.3 s each way, 12 kB/s."""
    writer, reader = _writer_and_reader(make_client)
    proxy.latency, proxy.bandwidth, proxy.slice_size = 0.3, 12_000, 1_400
    writer.sync(proxy.line_for(writer))
    reader.sync(proxy.line_for(reader))
    # Both syncs went over that line (byte counts vary with compression, replies do not).
    assert proxy.replies >= 2 and proxy.sent > 0 and proxy.received > 0
    _all_there_once(writer, reader)
