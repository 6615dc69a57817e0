"""Concurrent pushes share commits (team_server/group_commit.py), and no pull misses one."""

from __future__ import annotations

import dataclasses
import threading
import time

from live_server import LiveServer
from peewee import IntegerField, Model, TextField
from server_helpers import Device

from team_server.db import database, open_database
from team_server.group_commit import GroupCommit

PUSHERS = 8
PUSHES = 6


def test_a_device_pulling_during_concurrent_pushes_misses_none(live_server: LiveServer):
    owner = live_server.new_account("groupe", "Groupe")
    # Each pusher a device of the owner with its own connection; the reader one more device.
    devices = [
        Device(dataclasses.replace(owner, http=live_server.session(owner.token)))
        for _ in range(PUSHERS)
    ]
    reader = Device(dataclasses.replace(owner, http=live_server.session(owner.token)))
    reader.exchange()
    pushed: set[str] = set()
    seen: set[str] = set()
    done = threading.Event()
    failures: list[BaseException] = []

    def push(device: Device, index: int) -> None:
        try:
            for step in range(PUSHES):
                record_id = f"team-s1/lecon-{index}-{step}"
                data = {"completed": True, "changed_at": "2026-11-29T08:00:00Z"}
                assert device.push("progress", record_id, data)["status"] == "applied"
                pushed.add(record_id)
        except BaseException as error:  # reported by the main thread
            failures.append(error)

    threads = [threading.Thread(target=push, args=(d, i)) for i, d in enumerate(devices)]
    for thread in threads:
        thread.start()
    while not done.is_set():
        finished = not any(thread.is_alive() for thread in threads)
        seen |= {change["id"] for change in reader.pull_all(limit=5)}
        if finished:
            done.set()
    assert failures == []
    assert len(pushed) == PUSHERS * PUSHES
    assert seen == pushed


class Row(Model):
    name = TextField(unique=True)
    size = IntegerField()

    class Meta:
        database = database


def test_a_failing_request_fails_alone_and_the_others_commit(tmp_path):
    database.initialize(open_database(f"sqlite:///{tmp_path / 'group.sqlite3'}"))
    database.create_tables([Row])
    commits = GroupCommit()
    results: dict[int, object] = {}
    first = threading.Lock()

    def request(index: int) -> None:
        def work() -> int:
            # The first to run waits until every other request queues behind it.
            if first.acquire(blocking=False):
                while commits.queued() < 9:
                    time.sleep(0.01)
            Row.create(name=f"row-{index}", size=index)
            if index == 3:
                raise ValueError("refusé")
            return index

        with database.connection_context():
            try:
                results[index] = commits.run(work)
            except ValueError as error:
                results[index] = error

    threads = [threading.Thread(target=request, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert isinstance(results.pop(3), ValueError)
    assert results == {i: i for i in range(10) if i != 3}
    with database.connection_context():
        assert sorted(row.size for row in Row.select()) == [i for i in range(10) if i != 3]
    # The first alone, then the nine others together, then again without the failing one.
    assert commits.commits == 2
    database.close()
