"""Sync files carry attachments both ways, and a signed-in TEAM Desktop delivers them online."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from clients import deliver_by_admin, group_of_two, write_entry

from team_desktop.core.hashing import sha256_file
from team_desktop.core.portfolio.attachments import add_attachment, blob_path
from team_desktop.core.store.portfolio_models import AttachmentBlob, JournalEntry
from team_desktop.core.sync import by_file, courier
from team_desktop.core.sync.bundle_file import FILES, BundleError
from team_desktop.core.sync.errors import ServerRefused

LIMIT = 100_000


def _attach(client, tmp_path: Path, title: str, size: int, group_id: str) -> str:
    """A shared entry with one attachment of `size` random-ish bytes; returns the file's hash."""
    source = tmp_path / f"{title}.bin"
    source.write_bytes(title.encode() * (size // len(title)) + b"x" * (size % len(title)))
    with client:
        entry_id = write_entry(client, title, "Voir la pièce jointe.", "group", group_id)
        add_attachment(client.store.paths, entry_id, source)
    return sha256_file(source)


def test_attachments_travel_within_the_size_chosen(make_client, live_server, tmp_path):
    awa, ben, group_id = group_of_two(make_client)
    awa.connection = None  # Awa never has a connection from here on
    small = _attach(awa, tmp_path, "photo-awa", 30_000, group_id)
    large = _attach(awa, tmp_path, "video-awa", 300_000, group_id)
    request, answer = tmp_path / "1.teamsync", tmp_path / "1-reponse.teamsync"
    with awa:
        summary = by_file.write_request(awa.store, request, files_max=LIMIT)
    assert "Pièces jointes dans ce fichier : 1" in summary
    assert "1 pièce jointe plus grande que la taille choisie attend" in summary
    with zipfile.ZipFile(request) as archive:
        assert [n for n in archive.namelist() if n.startswith(FILES)] == [FILES + small]
    done = deliver_by_admin(live_server, request, answer)
    assert done.returncode == 0, done.stderr
    assert "Pièces jointes reçues de l'appareil : 1." in done.stdout
    with awa:
        by_file.import_answer(awa.store, answer)
        assert AttachmentBlob.get_by_id(small).uploaded
        assert not AttachmentBlob.get_by_id(large).uploaded  # waits for a network sync
    report = ben.sync()
    assert report.files.downloaded == 1 and report.files.missing == 1
    with ben:
        assert (
            blob_path(ben.store.paths, small).read_bytes()
            == (tmp_path / "photo-awa.bin").read_bytes()
        )

    ben_small = _attach(ben, tmp_path, "schema-ben", 50_000, group_id)
    ben_large = _attach(ben, tmp_path, "film-ben", 150_000, group_id)
    ben.sync()
    request, answer = tmp_path / "2.teamsync", tmp_path / "2-reponse.teamsync"
    with awa:
        by_file.write_request(awa.store, request, files_max=LIMIT)
    assert deliver_by_admin(live_server, request, answer).returncode == 0
    with zipfile.ZipFile(answer) as archive:
        assert [n for n in archive.namelist() if n.startswith(FILES)] == [FILES + ben_small]
    with awa:
        report = by_file.import_answer(awa.store, answer)
        assert report.files.downloaded == 1
        assert sha256_file(blob_path(awa.store.paths, ben_small)) == ben_small
        assert not blob_path(awa.store.paths, ben_large).exists()  # above the size chosen
        assert {e.title for e in JournalEntry.select()} >= {"schema-ben", "film-ben"}


def test_a_signed_in_desktop_delivers_a_request_online(make_client, live_server, tmp_path):
    awa, ben, group_id = group_of_two(make_client)
    awa.connection = None
    photo = _attach(awa, tmp_path, "photo-awa", 20_000, group_id)
    usb = tmp_path / "cle-usb"
    usb.mkdir()
    request = usb / "awa-1.teamsync"
    with awa:
        by_file.write_request(awa.store, request, files_max=LIMIT)
    with ben:
        answer, summary = courier.deliver(ben.connection, request)
    assert answer == usb / "awa-1-reponse.teamsync" and answer.is_file()
    assert "Pièces jointes reçues de l'appareil : 1." in summary
    with ben, pytest.raises(ServerRefused, match="déjà été transmis"):
        courier.deliver(ben.connection, request)
    with ben, pytest.raises(BundleError, match="pas une demande"):
        courier.deliver(ben.connection, answer)
    with awa:
        report = by_file.import_answer(awa.store, answer)
        assert report.pushed == 1 and AttachmentBlob.get_by_id(photo).uploaded
    ben.sync()
    with ben:
        assert [e.title for e in JournalEntry.select()] == ["photo-awa"]
        assert sha256_file(blob_path(ben.store.paths, photo)) == photo
