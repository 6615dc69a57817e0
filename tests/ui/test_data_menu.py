"""Export, backup and restore from the window: menu, background work, messages, next start."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from team_desktop.core import restore
from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import open_store
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.store.sync_models import Person
from team_desktop.core.sync import state as sync_state
from team_desktop.ui.actions import Act
from team_desktop.ui.export_dialog import ExportChoice, ExportDialog
from tests.core.export_kit import add_entry, png_bytes, store_blob


def shown_boxes(window) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def finish(window, qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: not window.runner.busy)
    qtbot.waitUntil(lambda: bool(shown_boxes(window)))
    return shown_boxes(window)[-1]


def test_file_menu_holds_the_three_actions(window):
    file_menu = next(
        a.menu()
        for a in window.menuBar().actions()
        if a.menu() and window.actions_[Act.QUIT] in a.menu().actions()
    )
    names = [a.objectName() for a in file_menu.actions() if not a.isSeparator()]
    assert names[-4:] == ["export_journal", "backup", "restore", "quit"]


def test_export_dialog_limits_notes_to_markdown_and_pdf(window, qtbot):
    add_entry("Un", tags=["bilan"])
    dialog = window.data.choose_export()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ExportDialog)
    assert dialog.tag.findData("bilan") > 0
    assert dialog.choice() == ExportChoice(False, "html", None)
    dialog.what.button(1).setChecked(True)
    assert not dialog.formats.button(1).isEnabled()  # HTML
    assert not dialog.formats.button(3).isEnabled()  # Leap2A
    assert dialog.choice() == ExportChoice(True, "pdf", None)
    dialog.reject()


def test_export_dialog_asks_for_peers_and_for_the_name_mahara_needs(window, qtbot, tmp_path):
    sync_state.save(user_id="moi", display_name="Camille Martin")
    Person.create(id="pair", display_name="Nadia Benali")
    add_entry("À moi", author_id="moi")
    add_entry("À Nadia", author_id="pair", visibility="group", group_id="g")
    dialog = window.data.choose_export()
    qtbot.addWidget(dialog)
    assert not dialog.peers.isChecked() and not dialog.author.isEnabled()
    dialog.formats.button(3).setChecked(True)  # Leap2A
    assert dialog.author.isEnabled() and dialog.author.text() == "Camille Martin"
    dialog.author.clear()
    assert not dialog.ok.isEnabled()  # Mahara refuses a file without a name
    dialog.author.setText("  Camille   M.  ")
    dialog.peers.setChecked(True)
    choice = dialog.choice()
    assert choice == ExportChoice(False, "leap2a", None, include_peers=True, author="Camille M.")
    dialog.reject()
    window.data.export(choice, tmp_path / "mahara.zip")
    assert "2 entrées exportées" in finish(window, qtbot).text()
    feed = zipfile.ZipFile(tmp_path / "mahara.zip").read("leap2a.xml").decode("utf-8")
    assert "<author><name>Camille M.</name></author>" in feed and "Nadia Benali" in feed


def test_pdf_export_runs_in_the_background(window, qtbot, tmp_path, opened_files):
    photo = store_blob(window.store.paths, png_bytes(), "photo.png", "image/png")
    add_entry("Séance", "Texte", attachments=[photo])
    output = tmp_path / "journal.pdf"
    window.data.export(ExportChoice(False, "pdf"), output)
    box = finish(window, qtbot)
    assert "1 entrée exportée" in box.text() and str(output) in box.text()
    assert output.read_bytes().startswith(b"%PDF")
    assert window.progress_panel.isHidden()
    buttons = {b.text(): b for b in box.buttons()}
    assert {"Ouvrir le fichier", "Ouvrir le dossier"} <= set(buttons)
    buttons["Ouvrir le fichier"].click()
    buttons["Ouvrir le dossier"].click()
    assert [Path(u.toLocalFile()) for u in opened_files] == [output, tmp_path]


def test_export_refusal_is_explained(window, qtbot, tmp_path):
    add_entry("Séance")
    (tmp_path / "plein").mkdir()
    (tmp_path / "plein" / "x.txt").write_text("à moi", encoding="utf-8")
    window.data.export(ExportChoice(False, "markdown"), tmp_path / "plein")
    box = finish(window, qtbot)
    assert box.icon() == QMessageBox.Icon.Warning and "n'est pas vide" in box.text()


def test_backup_then_schedule_restore_then_change_mind(window, qtbot, tmp_path):
    add_entry("À sauvegarder")
    backup = tmp_path / "mes-donnees.teambackup"
    window.data.backup(backup)
    box = finish(window, qtbot)
    assert "Sauvegarde écrite" in box.text() and backup.is_file()
    box.close()
    qtbot.waitUntil(lambda: not shown_boxes(window))

    window.data.schedule_restore(backup)
    box = finish(window, qtbot)
    assert box.objectName() == "restoreScheduled"
    assert "prochain démarrage" in box.text() and "avant-restauration" in box.text()
    assert restore.pending_restore(window.store.paths) is not None
    give_up = next(b for b in box.buttons() if b.text() == "Ne pas restaurer")
    give_up.click()
    assert restore.pending_restore(window.store.paths) is None


def test_damaged_backup_is_refused_before_anything(window, qtbot, tmp_path):
    bad = tmp_path / "abimee.teambackup"
    bad.write_bytes(b"PK\x03\x04 pas vraiment")
    window.data.schedule_restore(bad)
    box = finish(window, qtbot)
    assert box.icon() == QMessageBox.Icon.Warning
    assert "n'ont pas changé" in box.text()
    assert restore.pending_restore(window.store.paths) is None


def test_scheduled_restore_happens_at_next_start(tmp_path):
    paths = DataPaths(tmp_path / "donnees")
    store = open_store(paths)
    add_entry("Avant la sauvegarde")
    store.close()
    backup = tmp_path / "b.teambackup"
    from team_desktop.core.backup import create_backup

    create_backup(paths, backup)
    store = open_store(paths)
    add_entry("Écrite après")
    store.close()
    restore.schedule_restore(backup, paths)

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "team_desktop",
            "--data-dir",
            str(paths.root),
            "--screenshot",
            str(tmp_path / "x.png"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert restore.pending_restore(paths) is None
    store = open_store(paths)
    try:
        assert [e.title for e in JournalEntry.select()] == ["Avant la sauvegarde"]
    finally:
        store.close()
    aside = list(paths.backups.glob("avant-restauration-*/team.sqlite3"))
    assert len(aside) == 1  # the data written after the backup is kept, not lost
