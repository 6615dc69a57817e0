"""Attachments follow the writing, and a cut download resumes where it stopped."""

from __future__ import annotations

import hashlib
import os

from clients import group_of_two, unique, write_entry
from fault_proxy import FaultProxy

from team_desktop.core.portfolio.attachments import add_attachment, blob_path
from team_desktop.core.store.portfolio_models import AttachmentBlob
from team_desktop.core.sync.engine import exchange_records
from team_desktop.core.sync.errors import OfflineError
from team_desktop.core.sync.files import sync_files


def test_shared_attachment_reaches_the_group_and_resumes_after_a_cut(
    make_client, live_server, tmp_path
):
    awa, ben, group_id = group_of_two(make_client, "Binôme")
    photo = tmp_path / "tableau.jpg"
    photo.write_bytes(os.urandom(700_000))
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    with awa:
        entry_id = write_entry(awa, "Le tableau", "Voir la photo.", "group", group_id)
        add_attachment(awa.store.paths, entry_id, photo)
    report = awa.sync()
    assert report.files.uploaded == 1
    with awa:
        assert AttachmentBlob.get_by_id(digest).uploaded

    # Ben's line drops after 300 kB of the file: the text is there, the file is partial.
    proxy = FaultProxy(live_server.port)
    try:
        slow = proxy.line_for(ben)
        with ben:
            exchange_records(ben.store, slow)
            proxy.cut_reply_after = proxy.received + 300_000
            try:
                sync_files(ben.store.paths, slow, "")
            except OfflineError:
                pass
            partial = ben.store.paths.tmp / f"telechargement-{digest}.part"
            assert 0 < partial.stat().st_size < 700_000
            assert not blob_path(ben.store.paths, digest).exists()
            proxy.heal()
            before = proxy.received
            assert sync_files(ben.store.paths, slow, "").downloaded == 1
            # Only the rest travelled the second time.
            assert proxy.received - before < 700_000 - 250_000
            assert blob_path(ben.store.paths, digest).read_bytes() == photo.read_bytes()
    finally:
        proxy.close()


def test_a_file_the_server_refuses_does_not_stop_the_others(make_client, tmp_path):
    awa = make_client("awa").sign_up(unique("awa"), "Awa")
    good, bad = tmp_path / "bon.txt", tmp_path / "abime.txt"
    good.write_bytes(b"fiche de preparation\n" * 100)
    bad.write_bytes(b"grille d'observation\n" * 100)
    with awa:
        entry_id = write_entry(awa, "Deux fichiers", "voir les pièces jointes")
        add_attachment(awa.store.paths, entry_id, good)
        damaged = add_attachment(awa.store.paths, entry_id, bad)
        # The stored copy no longer matches its hash (a disk error): it cannot go.
        blob_path(awa.store.paths, damaged.hash).write_bytes(b"autre chose")
    report = awa.sync()
    assert report.files.uploaded == 1
    assert list(report.files.refused) == [damaged.hash]
    with awa:
        assert AttachmentBlob.get_by_id(hashlib.sha256(good.read_bytes()).hexdigest()).uploaded
        assert not AttachmentBlob.get_by_id(damaged.hash).uploaded  # tried again next time
