"""Long transfers pause and resume at their byte; a removed attachment leaves the server only
once every device of its learner agrees."""

from __future__ import annotations

import hashlib
import os

import pytest
from clients import unique, write_entry
from test_sync_packs import _publish, _version

from team_desktop.core.portfolio.attachments import add_attachment, blob_path, remove_attachment
from team_desktop.core.portfolio.bin import trash_entry
from team_desktop.core.store.db import get_setting
from team_desktop.core.store.models import PackRecord
from team_desktop.core.store.portfolio_models import AttachmentBlob
from team_desktop.core.sync import kept_files, packs
from team_desktop.core.sync import state as sync_state
from team_desktop.core.sync.engine import run_sync
from team_desktop.core.sync.errors import ServerRefused
from team_desktop.core.sync.files import PIECE, REFUSED_KEY, waiting
from team_desktop.core.sync.transfers import DOWN, UP, TransferControl, TransfersPaused


def _pause_after_first_piece(seen: list) -> TransferControl:
    control = TransferControl()

    def listener(progress) -> None:
        seen.append(progress)
        if len(seen) == 1:
            control.pause()  # the learner clicks "Pause" while the first piece is out

    control.listener = listener
    return control


def _server_has(client, digest: str) -> bool:
    try:
        client.connection.request("HEAD", f"/blobs/{digest}")
    except ServerRefused as error:
        assert error.status == 404
        return False
    return True


def test_attachment_transfers_pause_and_resume_at_their_byte(make_client, tmp_path):
    user = unique("awa")
    laptop = make_client("portable").sign_up(user, "Awa")
    video = tmp_path / "seance.mp4"
    video.write_bytes(os.urandom(4 * PIECE + 1000))
    digest = hashlib.sha256(video.read_bytes()).hexdigest()
    with laptop:
        entry_id = write_entry(laptop, "Séance filmée", "Voir la vidéo.")
        add_attachment(laptop.store.paths, entry_id, video)
        seen: list = []
        report = run_sync(laptop.store, laptop.connection, control=_pause_after_first_piece(seen))
        assert report.pushed == 1  # the writing went; the file waits
        assert report.files.paused and report.files.uploaded == 0
        assert [(p.direction, p.name, p.done, p.total) for p in seen] == [
            (UP, "seance.mp4", PIECE, video.stat().st_size)
        ]
        assert seen[0].percent == 24
        [left] = waiting(laptop.store.paths, sync_state.load().user_id)
        assert (left.direction, left.total) == (UP, video.stat().st_size)
        status = laptop.connection.json("GET", f"/blobs/{digest}/upload")
        assert status == {"received": PIECE, "complete": False}

        resumed: list = []
        report = run_sync(laptop.store, laptop.connection, control=TransferControl(resumed.append))
        assert report.files.uploaded == 1 and not report.files.paused
        # Only the rest went: the first report is the second piece, the last one is whole.
        assert resumed[0].done == 2 * PIECE
        assert resumed[-1].done == resumed[-1].total and resumed[-1].percent == 100
        assert waiting(laptop.store.paths, sync_state.load().user_id) == []

    desktop = make_client("bureau").log_in(user)
    with desktop:
        seen = []
        report = run_sync(desktop.store, desktop.connection, control=_pause_after_first_piece(seen))
        assert report.files.paused and report.files.downloaded == 0
        assert seen[0].direction == DOWN and 0 < seen[0].done < seen[0].total
        partial = desktop.store.paths.tmp / f"telechargement-{digest}.part"
        kept = partial.stat().st_size
        assert kept == seen[0].done
        resumed = []
        report = run_sync(
            desktop.store, desktop.connection, control=TransferControl(resumed.append)
        )
        assert report.files.downloaded == 1
        assert resumed[0].done > kept  # went on from the partial file
        assert blob_path(desktop.store.paths, digest).read_bytes() == video.read_bytes()


def test_pack_download_pauses_and_resumes(make_client, live_server, tmp_path):
    learner = make_client("apprenant").sign_up(unique("gil"), "Gil")
    _publish(live_server, _version(tmp_path, "1.6.0"))
    with learner:
        [offer] = [o for o in packs.offers(learner.connection) if o.id == "test-mini"]
        seen: list = []
        with pytest.raises(TransfersPaused):
            packs.download_and_install(
                learner.store, learner.connection, offer, control=_pause_after_first_piece(seen)
            )
        assert PackRecord.get_by_id("test-mini").version == "1.0.0"
        assert seen[0].name == offer.title and seen[0].total == offer.size
        resumed: list = []
        result = packs.download_and_install(
            learner.store, learner.connection, offer, control=TransferControl(resumed.append)
        )
        assert result.version == "1.6.0"
        assert resumed[0].done > seen[0].done and resumed[-1].done == offer.size


def test_a_removed_attachment_leaves_the_server_once_every_device_agrees(make_client, tmp_path):
    user = unique("awa")
    laptop = make_client("portable").sign_up(user, "Awa")
    desktop = make_client("bureau").log_in(user)
    photo = tmp_path / "tableau.jpg"
    photo.write_bytes(os.urandom(50_000))
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    with laptop:
        entry_id = write_entry(laptop, "Le tableau", "Voir la photo.")
        add_attachment(laptop.store.paths, entry_id, photo)
    assert laptop.sync().files.uploaded == 1
    assert desktop.sync().files.downloaded == 1
    with laptop:  # the server heard this list: the next syncs do not send it again
        assert kept_files.request_body(laptop.store.device_id, sync_state.load().user_id) is None
        assert get_setting(REFUSED_KEY) is None  # nothing refused: a sync wrote no empty list

    with laptop:
        remove_attachment(entry_id, digest)
        assert kept_files.request_body(laptop.store.device_id, sync_state.load().user_id) == {
            "device_id": laptop.store.device_id,
            "hashes": [],
        }
    # The desktop still has an entry with the photo: the server keeps it.
    assert laptop.sync().released == 0
    assert _server_has(laptop, digest)
    # The desktop learns of the removal: now no device keeps it, and it goes.
    assert desktop.sync().released == 1
    assert not _server_has(laptop, digest)
    assert laptop.sync().released == 0

    # The photo comes back on another entry: the server has it again, sent once more.
    with laptop:
        other = write_entry(laptop, "Le tableau, suite", "Encore la photo.")
        add_attachment(laptop.store.paths, other, photo)
    report = laptop.sync()
    assert report.files.uploaded == 1
    assert _server_has(laptop, digest)
    with laptop:
        assert AttachmentBlob.get_by_id(digest).uploaded


def test_a_file_in_the_bin_is_kept_and_others_declarations_release_nothing(make_client, tmp_path):
    awa = make_client("awa").sign_up(unique("awa"), "Awa")
    ben = make_client("ben").sign_up(unique("ben"), "Ben")
    photo = tmp_path / "grille.png"
    photo.write_bytes(os.urandom(20_000))
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    with awa:
        entry_id = write_entry(awa, "Grille", "La grille.")
        add_attachment(awa.store.paths, entry_id, photo)
    awa.sync()
    with awa:
        trash_entry(entry_id)  # restorable: its file stays
    assert awa.sync().released == 0
    # Another account's declaration concerns its own files only.
    answer = ben.connection.json("PUT", "/kept-files", {"device_id": "x", "hashes": [digest]})
    assert answer == {"held": [], "released": 0}
    assert _server_has(awa, digest)
