"""The `team-desktop` command as a user runs it: version, screenshot, data directory, lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtGui import QImage

from team_desktop import __version__


def run(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "team_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"TEAM Desktop {__version__}"


def test_screenshot_of_bundled_lesson_in_data_dir(tmp_path: Path):
    shot = tmp_path / "lecon.png"
    data = tmp_path / "cle-usb"
    result = run(
        "--data-dir",
        str(data),
        "--screenshot",
        str(shot),
        "--lesson",
        "team-s2-co-intervention/configurations",
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    assert (data / "team.sqlite3").is_file()  # everything stays under --data-dir
    assert (data / "packs" / "team-s2-co-intervention").is_dir()


def without_a_screen() -> dict:
    """The environment of a server or a console: no display at all, no Qt platform chosen."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return env


def test_a_screenshot_needs_no_screen(tmp_path: Path):
    # The README's first check on a fresh machine, over ssh: it used to abort (exit 134).
    shot = tmp_path / "accueil.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "team_desktop",
            "--data-dir",
            str(tmp_path),
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=without_a_screen(),
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(shot)).width() == 1280


def test_the_window_without_a_screen_says_so_in_french(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "team_desktop", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=without_a_screen(),
    )
    assert result.returncode == 1
    assert "aucun écran ici" in result.stderr and "--screenshot" in result.stderr
    assert not (tmp_path / "team.sqlite3").exists()  # nothing was opened


def test_unknown_lesson_is_an_error(tmp_path: Path):
    result = run(
        "--data-dir",
        str(tmp_path),
        "--screenshot",
        str(tmp_path / "x.png"),
        "--lesson",
        "nope/nope",
    )
    assert result.returncode == 2
    assert "leçon inconnue" in result.stderr


def test_environment_variable_names_data_dir(tmp_path: Path):
    result = run(
        "--screenshot",
        str(tmp_path / "x.png"),
        env_extra={"TEAM_DESKTOP_DATA_DIR": str(tmp_path / "env")},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env" / "team.sqlite3").is_file()


def test_second_instance_on_same_data_dir_refused(tmp_path: Path):
    tmp_path.mkdir(exist_ok=True)
    lock = QLockFile(str(tmp_path / "team-desktop.lock"))
    assert lock.tryLock(100)
    try:
        result = run("--data-dir", str(tmp_path), "--screenshot", str(tmp_path / "x.png"))
    finally:
        lock.unlock()
    assert result.returncode == 1
    assert "déjà ouvert" in result.stderr


def test_pack_files_on_the_command_line_are_imported_not_parsed():
    from team_desktop.cli import build_parser, split_pack_files

    packs, rest = split_pack_files(["--data-dir", "/media/cle", "/tmp/Semaine 2.TEAMPACK"])
    assert packs == ["/tmp/Semaine 2.TEAMPACK"]
    assert build_parser().parse_args(rest).data_dir == "/media/cle"
