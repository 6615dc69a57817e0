"""A line that drops, a server that restarts or answers garbage: nothing lost, nothing twice."""

from __future__ import annotations

import threading

import pytest
from clients import unique, write_entry
from fault_proxy import FaultProxy

from team_desktop.core import outbox, progress
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.store.sync_models import Outbox
from team_desktop.core.sync import connection as connection_module
from team_desktop.core.sync import engine
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.errors import MalformedReply, OfflineError, ServerChanged

ENTRIES = 7


@pytest.fixture
def proxy(live_server):
    proxy = FaultProxy(live_server.port)
    yield proxy
    proxy.close()


def _writer_and_reader(make_client):
    user = unique("fanny")
    writer = make_client("ecrit").sign_up(user, "Fanny")
    reader = make_client("lit").log_in(user)
    with writer:
        for number in range(ENTRIES):
            write_entry(writer, f"Entrée {number}", f"texte {number} à garder")
        progress.set_completed("test-mini/premiere")
    return writer, reader


def _assert_all_there_once(writer, reader) -> None:
    reader.sync()
    for client in (writer, reader):
        with client:
            titles = sorted(e.title for e in JournalEntry.select())
            assert titles == [f"Entrée {n}" for n in range(ENTRIES)]
            assert progress.is_completed("test-mini/premiere")
            assert outbox.count() == 0


# A request of three entries is about 650 bytes: the cut falls in the first or the second.
@pytest.mark.parametrize("cut", [200, 900])
def test_push_cut_midway_then_completes(make_client, proxy, monkeypatch, cut):
    writer, reader = _writer_and_reader(make_client)
    monkeypatch.setattr(engine, "BATCH", 3)  # several batches: the cut falls inside one
    proxy.cut_request_after = cut
    with pytest.raises(OfflineError):
        writer.sync(proxy.line_for(writer))
    with writer:
        assert outbox.count() >= ENTRIES - 3  # whatever was not acknowledged still waits
    proxy.heal()
    writer.sync(proxy.line_for(writer))
    _assert_all_there_once(writer, reader)


def test_reply_cut_after_server_committed(make_client, proxy):
    writer, reader = _writer_and_reader(make_client)
    proxy.cut_reply_after = proxy.received + 120  # the batch is applied; its answer never comes
    with pytest.raises(OfflineError):
        writer.sync(proxy.line_for(writer))
    with writer:
        assert outbox.count() == ENTRIES + 1 and sync_state.load().cursor == 0
    proxy.heal()
    report = writer.sync(proxy.line_for(writer))
    assert report.pushed == ENTRIES + 1  # acknowledged as duplicates, applied once
    _assert_all_there_once(writer, reader)


def test_pull_cut_midway_keeps_cursor_behind_what_was_applied(make_client, proxy, monkeypatch):
    writer, reader = _writer_and_reader(make_client)
    writer.sync()
    monkeypatch.setattr(engine, "PULL_LIMIT", 3)
    proxy.on_reply = lambda count: (
        setattr(proxy, "cut_reply_after", proxy.received) if count == 2 else None
    )
    with pytest.raises(OfflineError):
        reader.sync(proxy.line_for(reader))
    with reader:
        applied = JournalEntry.select().count()
        assert 0 < applied < ENTRIES
        assert sync_state.load().cursor > 0
    proxy.heal()
    reader.sync(proxy.line_for(reader))
    _assert_all_there_once(writer, reader)


def _reply(body: bytes) -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )


@pytest.mark.parametrize(
    "garbage",
    [
        _reply(b'{"cursor"'),  # truncated JSON
        _reply(b"[]"),  # not an object
        _reply(b'{"server_id": "x", "cursor": "abc", "acks": [], "changes": []}'),  # wrong types
        _reply(b'{"server_id": "x", "cursor": 9, "acks": [7], "changes": []}'),  # bad ack
        _reply(b'{"server_id": "x", "cursor": 9, "acks": [], "changes": {}}'),  # no list
    ],
)
def test_malformed_reply_applies_nothing(make_client, proxy, garbage):
    writer, reader = _writer_and_reader(make_client)
    proxy.mangle_reply = lambda _reply: garbage
    with pytest.raises(MalformedReply) as raised:
        writer.sync(proxy.line_for(writer))
    assert "illisible" in str(raised.value)
    with writer:
        assert outbox.count() == ENTRIES + 1
    proxy.heal()
    writer.sync(proxy.line_for(writer))
    _assert_all_there_once(writer, reader)


def test_server_restarted_in_the_middle_of_a_sync(make_client, proxy, live_server, monkeypatch):
    writer, reader = _writer_and_reader(make_client)
    monkeypatch.setattr(engine, "BATCH", 2)

    restarted = threading.Event()

    def restart(count: int) -> None:
        if count == 2:
            live_server.stop()
            live_server.start()
            restarted.set()

    proxy.on_reply = restart
    try:
        writer.sync(proxy.line_for(writer))
    except OfflineError:
        # The learner syncs again later: once the server is back, however slowly it starts.
        assert restarted.wait(60)
        proxy.heal()
        writer.sync(proxy.line_for(writer))
    _assert_all_there_once(writer, reader)


def test_a_different_server_at_the_same_address_is_noticed(make_client, server_factory):
    writer, reader = _writer_and_reader(make_client)
    writer.sync()
    other = server_factory("sqlite")
    other_account = other.new_account("fanny", "Fanny")
    with writer:
        before = JournalEntry.select().count()
    with pytest.raises(ServerChanged) as raised:
        writer.sync(Connection(other.url, other_account.token))
    assert "Rien n'a été supprimé" in str(raised.value)
    with writer:
        assert JournalEntry.select().count() == before
        assert Outbox.select().count() == 0


def test_closed_proxy_leaves_no_thread_behind(make_client, live_server, monkeypatch):
    """The line used by these tests ends with them: no thread keeps waiting on a socket."""
    monkeypatch.setattr(connection_module, "TIMEOUT", (2, 1))
    before = set(threading.enumerate())
    line = FaultProxy(live_server.port)
    writer = make_client("ecrit").sign_up(unique("gael"), "Gaël")
    line.stall_reply_after = line.received + 10  # one connection left held open
    with pytest.raises(OfflineError):
        writer.sync(line.line_for(writer))
    line.close()
    assert [t for t in threading.enumerate() if t not in before and t.is_alive()] == []
