"""`team-desktop export|backup|restore` as a script runs them: real data directory, no window."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import open_store
from team_desktop.core.store.portfolio_models import JournalEntry
from tests.core.export_kit import add_entry, png_bytes, store_blob, write_note


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.pop("TEAM_DESKTOP_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "team_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )


@pytest.fixture
def data(tmp_path) -> DataPaths:
    """A data directory with three entries (one with a photo) and a note; store closed."""
    paths = DataPaths(tmp_path / "donnees")
    store = open_store(paths)
    photo = store_blob(paths, png_bytes(), "photo.png", "image/png")
    add_entry("Séance un", "Premier *bilan*", ["bilan"], attachments=[photo])
    add_entry("Séance deux", "Deuxième", ["outil"])
    add_entry("Séance trois", "Troisième", ["bilan"])
    write_note("Préparer", "Objectifs")
    store.close()
    return paths


def test_export_to_every_format(data, tmp_path):
    outputs = {
        "markdown": tmp_path / "journal-md",
        "html": tmp_path / "journal.html",
        "pdf": tmp_path / "journal.pdf",
        "leap2a": tmp_path / "journal.zip",
    }
    unnamed = run("export", "--data-dir", str(data.root), "--format", "leap2a", "-o", "x.zip")
    assert unnamed.returncode != 0 and "Indiquez votre nom" in unnamed.stderr
    for fmt, output in outputs.items():
        named = ["--author", "Camille Martin"] if fmt == "leap2a" else []
        result = run(
            "export", "--data-dir", str(data.root), "--format", fmt, "-o", str(output), *named
        )
        assert result.returncode == 0, result.stderr
        assert "Journal exporté" in result.stdout and "3 entrées" in result.stdout
    assert len(list(outputs["markdown"].glob("*.md"))) == 4  # three entries and the index
    assert "Séance deux" in outputs["html"].read_text(encoding="utf-8")
    assert outputs["pdf"].read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(outputs["leap2a"]) as archive:
        assert {"leap2a.xml", "files/photo.png"} <= set(archive.namelist())


def test_selection_by_tag_and_data_dir_before_command(data, tmp_path):
    output = tmp_path / "bilan.html"
    result = run(
        "--data-dir",
        str(data.root),
        "export",
        "--format",
        "html",
        "--tag",
        "bilan",
        "-o",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    assert "2 entrées" in result.stdout
    html = output.read_text(encoding="utf-8")
    assert "Séance un" in html and "Séance trois" in html and "Séance deux" not in html


def test_notes_to_markdown_and_pdf(data, tmp_path):
    folder = tmp_path / "notes"
    result = run(
        "export", "--data-dir", str(data.root), "--notes", "--format", "markdown", "-o", str(folder)
    )
    assert result.returncode == 0, result.stderr
    assert "Objectifs" in (folder / "preparer.md").read_text(encoding="utf-8")
    pdf = tmp_path / "notes.pdf"
    result = run(
        "export", "--data-dir", str(data.root), "--notes", "--format", "pdf", "-o", str(pdf)
    )
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    refused = run(
        "export",
        "--data-dir",
        str(data.root),
        "--notes",
        "--format",
        "leap2a",
        "-o",
        str(tmp_path / "n.zip"),
    )
    assert refused.returncode == 1 and "Markdown ou en PDF" in refused.stderr


def test_clear_errors(data, tmp_path):
    missing = tmp_path / "nulle-part"
    result = run(
        "export", "--data-dir", str(missing), "--format", "html", "-o", str(tmp_path / "x.html")
    )
    assert result.returncode == 1 and "n'existe pas" in result.stderr
    assert not missing.exists()
    busy = tmp_path / "occupe"
    busy.mkdir()
    (busy / "a-garder.txt").write_text("x", encoding="utf-8")
    result = run("export", "--data-dir", str(data.root), "--format", "markdown", "-o", str(busy))
    assert result.returncode == 1 and "n'est pas vide" in result.stderr
    assert [p.name for p in busy.iterdir()] == ["a-garder.txt"]


def test_backup_then_restore(data, tmp_path):
    backup = tmp_path / "sauvegarde.teambackup"
    result = run("backup", "--data-dir", str(data.root), "-o", str(backup))
    assert result.returncode == 0, result.stderr
    assert "Sauvegarde écrite" in result.stdout and "3 entrées" in result.stdout

    other = tmp_path / "autre-poste"
    result = run("restore", "--data-dir", str(other), str(backup))
    assert result.returncode == 0, result.stderr
    assert "restaurée" in result.stdout
    store = open_store(DataPaths(other))
    try:
        assert JournalEntry.select().count() == 3
    finally:
        store.close()


def test_restore_refused_while_app_is_open_or_file_damaged(data, tmp_path):
    backup = tmp_path / "sauvegarde.teambackup"
    assert run("backup", "--data-dir", str(data.root), "-o", str(backup)).returncode == 0
    before = data.database.read_bytes()

    lock = QLockFile(str(data.lock))  # what the running app holds
    assert lock.tryLock(100)
    try:
        result = run("restore", "--data-dir", str(data.root), str(backup))
    finally:
        lock.unlock()
    assert result.returncode == 1 and "est ouvert" in result.stderr

    damaged = tmp_path / "abimee.teambackup"
    damaged.write_bytes(backup.read_bytes()[:-200])
    result = run("restore", "--data-dir", str(data.root), str(damaged))
    assert result.returncode == 1 and "vos données n'ont pas changé" in result.stderr
    assert data.database.read_bytes() == before
    assert not data.backups.exists() or not any(data.backups.iterdir())
