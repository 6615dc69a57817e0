"""Sync thrift: bytes and round trips for n changed records, the empty sync, a note's delta,
and a week of one learner's activity over a simulated 2G line."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

from benchmarks.corpus import Writer
from benchmarks.report import Row, ratio_row
from benchmarks.servers import Client, FaultProxy, server, unique, write_entry
from team_desktop.core import feed, progress
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.authors import local_author
from team_desktop.core.store.sync_models import Outbox
from team_desktop.core.sync import account, preview, records
from team_desktop.core.sync.connection import Connection
from team_desktop.core.sync.engine import BATCH

KBIT_S, LATENCY_MS = 50, 300  # a 2G line


def _pending_json_gzip() -> int:
    """Gzip size of the JSON of every record waiting in the outbox, as the engine sends it."""
    data = [records.OUTGOING[row.kind](row.record_id) for row in Outbox.select()]
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return len(gzip.compress(raw))


def _measured_sync(device: Client, proxy: FaultProxy) -> tuple[int, int, int, float]:
    """(bytes up, bytes down, round trips, seconds) of one sync through `proxy`."""
    proxy.sent = proxy.received = proxy.replies = 0
    connection = Connection(proxy.url, device.connection.token)
    started = time.monotonic()
    report = device.sync(connection)
    seconds = time.monotonic() - started
    connection.session.close()
    deadline = time.monotonic() + 5
    while proxy.replies < report.round_trips and time.monotonic() < deadline:
        time.sleep(0.01)  # the proxy counts a reply just after passing it on
    return proxy.sent, proxy.received, proxy.replies, seconds


def run(tmp: Path, smoke: bool) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    writer = Writer(11)
    with server(tmp / "server-sync") as live:
        proxy = FaultProxy(live.port)
        device = Client(tmp / "device-sync", live.url).sign_up(unique("awa"), "Awa")
        device.sync()
        for n in (1, 10) if smoke else (1, 10, 100, 250):
            with device:
                for _ in range(n):
                    write_entry(device, writer.title(), writer.text(900))
                records_gzip = _pending_json_gzip()
                estimate = preview.what_leaves(device.store.paths, device.store.device_id)
            up, down, trips, _s = _measured_sync(device, proxy)
            entries = "1 new entry" if n == 1 else f"{n} new entries"
            # What the learner is shown before a sync ("what leaves this device"), against
            # the bytes that did leave: within 10 % (issue 17).
            rows.append(
                ratio_row(
                    f"Preview of what leaves vs bytes sent, {entries}: error",
                    100 * abs(estimate.text_bytes - up) / up,
                    10,
                    "%",
                    note=f"estimate {estimate.text_bytes} B, sent {up} B",
                )
            )
            rows.append(
                ratio_row(
                    f"Sync bytes, {entries}",
                    up + down,
                    1.2 * records_gzip + 1024,
                    "B",
                    note=f"records' JSON gzipped: {records_gzip} B",
                )
            )
            rows.append(ratio_row(f"Sync round trips, {entries}", trips, 2 + n / BATCH, ""))
        up, down, trips, _s = _measured_sync(device, proxy)
        rows.append(ratio_row("Sync with nothing to do: bytes", up + down, 1024, "B"))
        rows.append(ratio_row("Sync with nothing to do: round trips", trips, 1, ""))
        rows += _note_delta(device, proxy, writer)
        proxy.close()
        rows.append(_week_on_2g(tmp, live, writer, smoke))
        device.close()
    return rows, []


def _note_delta(device: Client, proxy: FaultProxy, writer: Writer) -> list[Row]:
    """Edit a 20,000-character note already on the server: only the delta may travel."""
    with device:
        note_id = notes.create("Séance longue", writer.text(20_000))
        whole = len(notes.stored_row(note_id).crdt_state)
    device.sync()
    rows = []
    for label, added in (("a sentence", writer.sentence()), ("a paragraph", writer.text(1000))):
        with device:
            doc = notes.load(note_id)
            doc.apply_local_edit(len(doc.text) // 2, 0, f" {added} ", local_author())
            notes.save(note_id, doc)
            delta = len(notes.local_update_since(note_id, notes.stored_row(note_id).server_state))
        up, _down, _trips, _s = _measured_sync(device, proxy)
        rows.append(
            ratio_row(
                f"Note of 20 000 characters, {label} added: bytes sent",
                up,
                1.2 * delta + 256,
                "B",
                note=(
                    f"CRDT delta {delta} B, whole document {whole} B; sent = the request with "
                    "its HTTP headers"
                ),
            )
        )
    if not rows[0].met:
        rows[0].explain(
            "Not met for one sentence: the request's HTTP headers (about 270 B) and the "
            "exchange's envelope (device, server and note ids, cursor: about 250 B gzipped) "
            "are fixed costs above the 256 B allowance; only the delta travels"
        )
    return rows


def _week_on_2g(tmp: Path, live, writer: Writer, smoke: bool) -> Row:
    """30 lessons done, 10 entries, 3 notes edited, 20 comments pulled, over 50 kbit/s, 300 ms."""
    awa = Client(tmp / "awa-2g", live.url).sign_up(unique("awa"), "Awa")
    ben = Client(tmp / "ben-2g", live.url).sign_up(unique("ben"), "Ben")
    with awa:
        group = account.create_group(awa.connection, "Collège Jean Moulin")
        shared = write_entry(awa, "Notre atelier", writer.text(600), "group", group.id)
        note_ids = [notes.create(f"Séance {i}", writer.text(3000)) for i in range(3)]
    with ben:
        account.join_group(ben.connection, group.invite_code)
    awa.sync()
    ben.sync()
    with ben:
        for _ in range(20):
            feed.add_comment("entry", shared, writer.sentence(20))
    ben.sync()
    with awa:
        lessons = [f"team-week/lecon-{i}" for i in range(30)]
        for uid in lessons:
            progress.set_completed(uid)
        for _ in range(10):
            write_entry(awa, writer.title(), writer.text(1200))
        for note_id in note_ids:
            doc = notes.load(note_id)
            doc.apply_local_edit(len(doc.text) // 3, 0, writer.sentence() + " ", local_author())
            notes.save(note_id, doc)
    line = FaultProxy(live.port)
    line.bandwidth = KBIT_S * 1000 // 8
    line.latency = LATENCY_MS / 1000
    up, down, trips, seconds = _measured_sync(awa, line)
    line.close()
    needed = (up + down) / line.bandwidth
    awa.close()
    ben.close()
    row = ratio_row(
        f"Week of activity on 2G ({KBIT_S} kbit/s, {LATENCY_MS} ms): time",
        seconds,
        1.2 * needed,
        "s",
        note=(
            f"{up + down} B in {trips} round trip(s); the bytes alone need {needed:.2f} s, "
            f"and the proxy adds {LATENCY_MS} ms before each piece of a request and each reply"
        ),
    )
    if not row.met:
        row.explain(
            "Not met because of the latency, not the bytes: one round trip waits at least "
            f"{2 * LATENCY_MS / 1000:.1f} s, more than the 20 % margin whenever the bytes need "
            f"less than {10 * LATENCY_MS / 1000:.0f} s; the week already goes in one round trip"
        )
    return row
