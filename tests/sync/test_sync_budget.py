"""The data budget: on a metered line the text goes first and whole, larger files wait, both ways."""

from __future__ import annotations

import os

from clients import group_of_two, write_entry

from team_desktop.core import outbox
from team_desktop.core.portfolio.attachments import add_attachment, blob_path
from team_desktop.core.sync import files, preview
from team_desktop.core.sync.engine import run_sync

LIMIT = 100_000


def test_larger_files_wait_for_an_unmetered_line_both_ways(make_client, tmp_path):
    awa, ben, group_id = group_of_two(make_client)
    sources = {}
    for name, size in (("photo.jpg", 30_000), ("film.mp4", 400_000)):
        sources[name] = tmp_path / name
        sources[name].write_bytes(os.urandom(size))
    with awa:
        entry_id = write_entry(awa, "Séance filmée", "Le déroulé.", "group", group_id)
        small = add_attachment(awa.store.paths, entry_id, sources["photo.jpg"]).hash
        large = add_attachment(awa.store.paths, entry_id, sources["film.mp4"]).hash
        seen = preview.what_leaves(awa.store.paths, awa.store.device_id, LIMIT)
        assert (seen.file_count, seen.file_bytes) == (1, 30_000)
        assert (seen.held_count, seen.held_bytes) == (1, 400_000)
        report = run_sync(awa.store, awa.connection, max_file=LIMIT)
        assert report.pushed == 1 and outbox.count() == 0  # all the text, at once
        assert report.files.uploaded == 1 and report.files.held == {large: 400_000}
    with ben:
        report = run_sync(ben.store, ben.connection, max_file=LIMIT)
        assert report.files.downloaded == 1 and report.files.held == {large: 400_000}
        assert files.held_downloads(ben.store.paths, LIMIT) == {large: 400_000}
        assert blob_path(ben.store.paths, small).is_file()
    awa.sync()  # a cheaper line: the film leaves
    with ben:
        assert run_sync(ben.store, ben.connection, max_file=LIMIT).files.held == {large: 400_000}
        assert ben.sync().files.downloaded == 1
        assert blob_path(ben.store.paths, large).read_bytes() == sources["film.mp4"].read_bytes()
        assert files.held_downloads(ben.store.paths, LIMIT) == {}
