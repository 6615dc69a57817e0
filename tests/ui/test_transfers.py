"""File transfers in the window: bytes and percent in the pending view, pause and resume.

A pause in the middle of a file, and the resume from its byte, are checked against a real
server in tests/sync/test_sync_transfers.py (the pause there lands at a known piece).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from team_desktop.core.portfolio.attachments import add_attachment
from team_desktop.core.portfolio.entries import create_entry, save_entry
from team_desktop.core.store.models import PackRecord
from team_desktop.core.sync import account
from team_desktop.core.sync.files import PIECE
from team_desktop.ui.actions import Act
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from clients import PASSWORD, unique  # noqa: E402
from test_sync_packs import _publish, _version  # noqa: E402


def _entry_with_video(store, tmp_path: Path, size: int) -> tuple[Path, str]:
    video = tmp_path / "séance filmée.mp4"
    video.write_bytes(os.urandom(size))
    entry = create_entry(store.paths.packs, title="Séance filmée")
    save_entry(entry.id, body="La vidéo de la séance.")
    add_attachment(store.paths, entry.id, video)
    return video, hashlib.sha256(video.read_bytes()).hexdigest()


def _received(server, token: str, digest: str) -> dict:
    answer = server.session(token).get(f"{server.api}/blobs/{digest}/upload", timeout=10)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_paused_transfers_wait_and_resume_with_bytes_and_percent(
    window, qtbot, server, store, tmp_path
):
    login = account.log_in(server.url, unique("awa"), PASSWORD, "portable", "Awa", create=True)
    video, digest = _entry_with_video(store, tmp_path, 2 * PIECE + 5000)
    sharing = window.sharing
    panel = sharing.pending.transfers
    sharing.show_pending()
    assert panel.label.text() == "1 fichier à transférer (516,9 Ko)"
    assert panel.button.text() == "Mettre en pause"

    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    assert sharing.service.transfers.paused
    assert panel.button.text() == "Reprendre les transferts"
    assert panel.label.text().startswith("En pause. 1 fichier à transférer")
    with qtbot.waitSignal(sharing.service.synced, timeout=20000) as synced:
        window.actions_[Act.SYNC_NOW].trigger()
    assert synced.args[0].pushed == 1 and synced.args[0].files.paused  # the text went
    assert "transferts de fichiers en pause" in sharing.status.text()
    assert _received(server, login.connection.token, digest)["received"] == 0

    moves: list = []
    sharing.service.transfer.connect(lambda progress: moves.append(panel.bar.text()))
    with qtbot.waitSignal(sharing.service.synced, timeout=20000) as synced:
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)  # "Reprendre"
    assert synced.args[0].files.uploaded == 1
    assert moves == [
        "256 Ko sur 516,9 Ko (49 %)",
        "512 Ko sur 516,9 Ko (99 %)",
        "516,9 Ko sur 516,9 Ko (100 %)",
    ]
    assert panel.label.text() == "Aucun fichier en attente de transfert."
    assert panel.button.text() == "Mettre en pause"
    assert _received(server, login.connection.token, digest)["complete"]


def test_a_pack_update_pauses_and_resumes_from_the_status_bar(
    window, qtbot, server, store, tmp_path
):
    account.log_in(server.url, unique("gil"), PASSWORD, "portable", "Gil", create=True)
    _publish(server, _version(tmp_path, "1.7.0"))
    sharing, panel = window.sharing, window.progress_panel
    update = window.actions_[Act.UPDATE_PACKS]
    with qtbot.waitSignal(sharing.service.synced, timeout=20000):
        window.actions_[Act.SYNC_NOW].trigger()
    qtbot.waitUntil(update.isEnabled, timeout=10000)  # the server's newer pack is offered

    sharing.show_pending()
    qtbot.mouseClick(sharing.pending.transfers.button, Qt.MouseButton.LeftButton)  # Pause
    update.trigger()
    qtbot.waitUntil(lambda: panel.pause_button.text() == "Reprendre", timeout=10000)
    assert panel.isVisible() and panel.label.text() == "Téléchargement des modules en pause"
    assert not panel.cancel_button.isVisible()
    assert PackRecord.get_by_id("test-mini").version == "1.0.0"
    assert sharing.pending.transfers.button.text() == "Reprendre les transferts"

    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)  # Reprendre
    qtbot.waitUntil(lambda: PackRecord.get_by_id("test-mini").version == "1.7.0", timeout=20000)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10000)
    assert not sharing.service.transfers.paused
    assert sharing.pending.transfers.button.text() == "Mettre en pause"
    for box in window.findChildren(QMessageBox):
        box.close()  # "Modules mis à jour"


def test_updating_the_modules_just_after_the_start_looks_for_them_then_installs(
    qtbot, server, store, tmp_path
):
    account.log_in(server.url, unique("ines"), PASSWORD, "portable", "Inès", create=True)
    _publish(server, _version(tmp_path, "1.7.0"))
    runner = TaskRunner()
    window = MainWindow(store, runner)
    qtbot.addWidget(window)
    assert not MainWindow.sharing.built(window)  # before the first paint builds it
    window.actions_[Act.UPDATE_PACKS].trigger()  # no sync has looked for newer modules yet
    qtbot.waitUntil(lambda: PackRecord.get_by_id("test-mini").version == "1.7.0", timeout=20000)
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=10000)
    for box in window.findChildren(QMessageBox):
        box.close()  # "Modules mis à jour"
    runner.wait()
