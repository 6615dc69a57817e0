"""A metered connection from the window: text goes at once, larger files wait, the pending view says why."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from team_desktop.core import outbox
from team_desktop.core.portfolio.attachments import add_attachment
from team_desktop.core.store.portfolio_models import AttachmentBlob
from team_desktop.core.sync import account
from team_desktop.ui.actions import Act

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from clients import PASSWORD, unique, write_entry  # noqa: E402


def _sync(window, qtbot):
    with qtbot.waitSignal(window.sharing.service.synced, timeout=30000):
        window.actions_[Act.SYNC_NOW].trigger()


def test_on_a_metered_line_large_files_wait_and_the_pending_view_says_why(
    window, qtbot, server, store, tmp_path
):
    account.log_in(server.url, unique("lea"), PASSWORD, "portable", "Léa", create=True)
    # Each sync is started here (F5): none starts by itself after a write, mid-assertion.
    window.changes.changed.disconnect(window.sharing.service.on_changes)
    dialog = window.appearance.show_preferences()
    dialog.metered.setChecked(True)
    dialog.metered_max.setValue(1)
    dialog.accept()
    photo, film = tmp_path / "photo.jpg", tmp_path / "film.mp4"
    photo.write_bytes(os.urandom(200_000))
    film.write_bytes(os.urandom(3 * 2**20))
    entry_id = write_entry(store, "Séance filmée", "Le déroulé, minute par minute.")
    small = add_attachment(store.paths, entry_id, photo).hash
    large = add_attachment(store.paths, entry_id, film).hash

    window.actions_[Act.PENDING].trigger()
    pending = window.sharing.pending
    qtbot.waitUntil(lambda: "ici pour l'instant" in pending.what_leaves.text())
    text = pending.what_leaves.text()
    assert "Pièces jointes : 1 fichier, 195,3 Ko" in text
    assert "Reste ici pour l'instant : 1 fichier, 3 Mo — connexion limitée" in text
    assert "plus de 1 Mo attendent une connexion non limitée" in text

    _sync(window, qtbot)
    assert outbox.count() == 0  # the text went first, and whole
    assert AttachmentBlob.get_by_id(small).uploaded and not AttachmentBlob.get_by_id(large).uploaded
    assert "connexion limitée : 1 fichier attend" in window.sharing.status.text()
    qtbot.waitUntil(
        lambda: "Reste ici pour l'instant : 1 fichier, 3 Mo" in pending.what_leaves.text()
    )

    dialog = window.appearance.show_preferences()
    assert dialog.metered.isChecked() and dialog.metered_max.value() == 1  # kept
    dialog.metered.setChecked(False)
    dialog.accept()
    _sync(window, qtbot)
    assert AttachmentBlob.get_by_id(large).uploaded
    window.sharing.preview_pending()
    qtbot.waitUntil(lambda: "Rien ne quittera cet appareil" in pending.what_leaves.text())
    qtbot.waitUntil(lambda: not window.runner.busy)
