"""The push path in the server's own process, on a real database: the statements one push runs,
`seq` handed out within a transaction, a refused change that leaves no trace."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from live_server import Account
from server_helpers import Device, new_id

from team_server import exchange
from team_server import records as rec
from team_server.db import database, is_postgresql, next_seq, open_database, write_transaction
from team_server.merge import Rejected
from team_server.migrations import migrate
from team_server.models import AppliedChange, User

DONE = {"completed": True, "changed_at": "2026-11-29T08:00:00Z"}


@pytest.fixture(params=["sqlite", "postgresql"])
def user(request, tmp_path) -> Iterator[User]:
    """A user of a fresh database that this process uses directly."""
    if request.param == "sqlite":
        db = open_database(f"sqlite:///{tmp_path / 'push.sqlite3'}")
        migrate(db)
    else:
        db = open_database(request.getfixturevalue("postgres_url"))
    database.initialize(db)
    with database.connection_context():
        yield User.create(username=new_id(), display_name="Awa", password_hash="-")
    db.close_all()


def progress(record_id: str, change_id: str | None = None) -> dict:
    return {"change_id": change_id or new_id(), "kind": "progress", "id": record_id, "data": DONE}


def test_a_push_runs_few_statements(user: User, monkeypatch):
    """Round trips of a push: statements, and the transaction's BEGIN and COMMIT (PostgreSQL
    sends its lock and the counter with them)."""
    statements: list[str] = []
    db = database.obj
    run, begin, commit = db.execute_sql, db.begin, db.commit

    def counted(sql, params=None, *args, **kwargs):
        statements.append(sql)
        return run(sql, params, *args, **kwargs)

    def counted_begin(*args, **kwargs):
        statements.append("BEGIN")
        return begin(*args, **kwargs)

    def counted_commit():
        statements.append("COMMIT")
        return commit()

    monkeypatch.setattr(db, "execute_sql", counted)
    monkeypatch.setattr(db, "begin", counted_begin)
    monkeypatch.setattr(db, "commit", counted_commit)
    acks, _echoes = exchange.apply_batch(user, "appareil", [progress("lecon-1")], quota=2**20)
    assert acks[0]["status"] == "applied"
    # BEGIN (with the lock and the counter on PostgreSQL), the applied ids, the record and
    # the quota read together, the counter bumped (SQLite), the record and the applied id
    # written, COMMIT (with the counter on PostgreSQL).
    first = 5 if is_postgresql() else 6
    assert len(statements) <= first, statements
    statements.clear()
    batch = [progress(f"lecon-{i}") for i in range(2, 12)]
    acks, _echoes = exchange.apply_batch(user, "appareil", batch, quota=2**20)
    assert [ack["status"] for ack in acks] == ["applied"] * 10
    # Per change: its record written; the rest once.
    assert len(statements) <= first + 10, statements


def test_one_transaction_hands_out_seqs_in_a_row(user: User):
    start = rec.last_seq()
    with write_transaction():
        saved = [rec.save(rec.new_record("progress", user, f"l-{i}"), DONE) for i in range(3)]
    assert [record.seq for record in saved] == [start + 1, start + 2, start + 3]
    assert rec.last_seq() == start + 3
    with pytest.raises(ValueError), write_transaction():
        rec.save(rec.new_record("progress", user, "annulée"), DONE)
        raise ValueError("rolled back")
    assert rec.last_seq() == start + 3
    assert rec.find("progress", user, "annulée") is None
    with write_transaction():
        assert rec.save(rec.new_record("progress", user, "après"), DONE).seq == start + 4
    with pytest.raises(RuntimeError):
        next_seq()  # outside the lock, `seq` would not follow commit order


def test_pushes_of_one_transaction_apply_a_change_once(user: User):
    """The applied ids are written as the transaction commits (one insert for a group
    commit's pushes): a later push of the same transaction still sees them, and those of a
    push rolled back are not written."""
    change, lost = progress("une-fois"), progress("annulée")
    with write_transaction():
        first, _echoes = exchange.apply_batch(user, "appareil", [change])
        again, _echoes = exchange.apply_batch(user, "autre", [change])
        with pytest.raises(ValueError), write_transaction():
            exchange.apply_batch(user, "appareil", [lost])
            raise ValueError("rolled back")
    assert [first[0]["status"], again[0]["status"]] == ["applied", "duplicate"]
    applied = [row.change_id for row in AppliedChange.select().where(AppliedChange.user == user)]
    assert applied == [change["change_id"]]
    assert rec.find("progress", user, "annulée") is None
    retried, _echoes = exchange.apply_batch(user, "appareil", [lost])
    assert retried[0]["status"] == "applied"


def test_a_change_refused_after_it_wrote_is_refused_alone(user: User, monkeypatch):
    """Should a handler refuse a change after writing, the batch runs again with a savepoint
    per change: the refused change leaves nothing, the others are applied."""
    handler = exchange.HANDLERS["progress"]

    def writes_then_refuses(user: User, device_id: str, change: dict):
        record = handler(user, device_id, change)
        if change["id"] == "refusée":
            raise Rejected("Refusée après écriture.")
        return record

    monkeypatch.setitem(exchange.HANDLERS, "progress", writes_then_refuses)
    batch = [progress("avant"), progress("refusée"), progress("après")]
    acks, _echoes = exchange.apply_batch(user, "appareil", batch)
    assert [ack["status"] for ack in acks] == ["applied", "rejected", "applied"]
    assert acks[1]["error"] == "Refusée après écriture."
    assert rec.find("progress", user, "refusée") is None
    assert rec.find("progress", user, "avant") and rec.find("progress", user, "après")
    applied = {row.change_id for row in AppliedChange.select().where(AppliedChange.user == user)}
    assert applied == {batch[0]["change_id"], batch[2]["change_id"]}
    again, _echoes = exchange.apply_batch(user, "appareil", batch)
    assert [ack["status"] for ack in again] == ["duplicate", "rejected", "duplicate"]


def test_a_change_sent_twice_in_one_batch_is_applied_once(awa: Account):
    device = Device(awa)
    change = device.change("progress", new_id(), DONE)
    other = device.change("progress", new_id(), DONE)
    answer = device.exchange([change, change, other])
    assert [ack["status"] for ack in answer["acks"]] == ["applied", "duplicate", "applied"]
    assert answer["acks"][1]["rev"] == 1
    again = device.exchange([change, other])
    assert [ack["status"] for ack in again["acks"]] == ["duplicate", "duplicate"]
