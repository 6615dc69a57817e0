"""Importing a .teampack from the window: progress off the GUI thread, clear refusals."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from team_desktop.core.content.archive import build_archive
from team_desktop.core.store.models import LessonRecord, PackRecord

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def make_pack(tmp_path: Path, pack_id: str, version: str = "1.0.0") -> Path:
    folder = tmp_path / f"src-{pack_id}-{version}"
    shutil.copytree(FIXTURES / "mini-pack", folder)
    meta = (folder / "pack.toml").read_text(encoding="utf-8")
    meta = meta.replace('id = "test-mini"', f'id = "{pack_id}"').replace(
        'version = "1.0.0"', f'version = "{version}"'
    )
    (folder / "pack.toml").write_text(meta, encoding="utf-8")
    output = tmp_path / f"{pack_id}-{version}.teampack"
    build_archive(folder, output)
    return output


def last_message(window) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes, "no message shown"
    return boxes[-1]


def test_import_new_pack_appears_in_navigator(window, qtbot, tmp_path):
    archive = make_pack(tmp_path, "autre-module")
    window.import_pack(archive)
    qtbot.waitUntil(lambda: PackRecord.get_or_none(PackRecord.id == "autre-module") is not None)
    qtbot.waitUntil(lambda: not window.runner.busy)
    box = last_message(window)
    assert "est installé" in box.text()
    module = window.navigator.topLevelItem(0)
    assert module.childCount() == 2


def test_same_version_refused_politely(window, qtbot, tmp_path):
    archive = make_pack(tmp_path, "test-mini")
    window.import_pack(archive)
    qtbot.waitUntil(lambda: not window.runner.busy)
    box = last_message(window)
    assert box.icon() == QMessageBox.Icon.Warning
    assert "déjà installé dans cette version" in box.text()


def test_corrupt_file_refused_store_unchanged(window, qtbot, tmp_path):
    before = sorted(LessonRecord.select(LessonRecord.uid).tuples())
    bad = tmp_path / "abime.teampack"
    bad.write_bytes(b"ceci n'est pas un zip")
    window.import_pack(bad)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert "pas une archive zip" in last_message(window).text()
    assert sorted(LessonRecord.select(LessonRecord.uid).tuples()) == before


def test_drop_teampack_on_window_imports_it(window, qtbot, tmp_path):
    archive = make_pack(tmp_path, "depose")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(archive))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: PackRecord.get_or_none(PackRecord.id == "depose") is not None)
    qtbot.waitUntil(lambda: not window.runner.busy)
