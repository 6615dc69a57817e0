"""What leaves this device: the preview's counts and bytes, checked against a real sync's wire."""

from __future__ import annotations

import random

from clients import group_of_two, write_entry
from fault_proxy import FaultProxy

from team_desktop.core import feed, outbox
from team_desktop.core.portfolio.attachments import add_attachment
from team_desktop.core.sync import kept_files, preview
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.engine import exchange_records

WORDS = "séance élève atelier débriefing binôme posture objectif consigne retour pair".split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def test_preview_counts_and_text_bytes_match_the_wire(make_client, live_server, tmp_path):
    awa, ben, group_id = group_of_two(make_client, "Lycée Victor Hugo")
    with ben:
        shared = write_entry(ben, "Atelier de Ben", "texte", "group", group_id)
    ben.sync()
    awa.sync()
    rng = random.Random(17)
    photo = tmp_path / "tableau.png"
    photo.write_bytes(rng.randbytes(40_000))
    with awa:
        for number in range(130):  # two batches of the engine
            visibility = "group" if number % 10 == 0 else "private"
            entry_id = write_entry(
                awa,
                f"Entrée {number}",
                _text(rng, 60),
                visibility,
                group_id if number % 10 == 0 else None,
            )
        add_attachment(awa.store.paths, entry_id, photo)
        feed.add_comment("entry", shared, "Bravo pour la séance")
        seen = preview.what_leaves(awa.store.paths, awa.store.device_id)
        assert seen.counts == {"entry": 130, "comment": 1}
        assert sorted(item.title for item in seen.shared)[:2] == ["Entrée 0", "Entrée 10"]
        assert {item.group for item in seen.shared} == {"Lycée Victor Hugo"}
        assert len(seen.shared) == 13 and seen.requests == 3  # two batches, the kept files
        assert (seen.file_count, seen.file_bytes) == (1, 40_000)
        assert outbox.count() == 131  # looking changed nothing
    proxy = FaultProxy(live_server.port)
    try:
        with awa:
            line = proxy.line_for(awa)
            report = exchange_records(awa.store, line)  # the text of a sync: records...
            kept_files.declare_kept(line, awa.store.device_id, sync_state.load().user_id)
        sent = proxy.sent  # ...and the files this device keeps
    finally:
        proxy.close()
    assert report.pushed == 131 and report.round_trips + 1 == seen.requests
    assert abs(seen.text_bytes - sent) <= 0.1 * sent, (seen.text_bytes, sent)
    awa.sync()  # the files too: nothing is left to leave
    with awa:
        after = preview.what_leaves(awa.store.paths, awa.store.device_id)
        assert (after.counts, after.shared, after.file_count) == ({}, [], 0)
