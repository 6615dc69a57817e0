"""Where a built app keeps its data: --data-dir, the variable, the stick's data/, platformdirs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from team_desktop.core.paths import ENV_DATA_DIR, portable_data_dir, resolve_data_dir


@pytest.fixture
def user_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs' folder points into tmp_path, so no test writes to the real home."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    return home


def stick(tmp_path: Path, *, with_data: bool = True) -> Path:
    """A USB stick as trainers get it: team-desktop/ (the built app) and data/ side by side."""
    root = tmp_path / "cle-usb"
    app = root / "team-desktop"
    app.mkdir(parents=True)
    (app / "team-desktop").write_bytes(b"")
    if with_data:
        (root / "data").mkdir()
    return root


def run_frozen(monkeypatch: pytest.MonkeyPatch, executable: Path) -> None:
    """What PyInstaller's bootloader sets before our code runs."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))


def test_frozen_app_uses_data_beside_its_folder(tmp_path, monkeypatch, user_data_home):
    root = stick(tmp_path)
    run_frozen(monkeypatch, root / "team-desktop" / "team-desktop")
    assert resolve_data_dir() == (root / "data").resolve()
    assert not user_data_home.exists()


def test_frozen_app_without_data_folder_uses_user_folder(tmp_path, monkeypatch, user_data_home):
    root = stick(tmp_path, with_data=False)
    run_frozen(monkeypatch, root / "team-desktop" / "team-desktop")
    chosen = resolve_data_dir()
    assert chosen == (user_data_home / "TEAM Desktop").resolve()
    assert chosen.is_dir()
    assert not (root / "data").exists()


def test_data_file_is_not_a_portable_folder(tmp_path, monkeypatch, user_data_home):
    root = stick(tmp_path, with_data=False)
    (root / "data").write_text("pas un dossier", encoding="utf-8")
    run_frozen(monkeypatch, root / "team-desktop" / "team-desktop")
    assert portable_data_dir() is None
    assert resolve_data_dir() == (user_data_home / "TEAM Desktop").resolve()


def test_command_line_and_variable_come_before_the_stick(tmp_path, monkeypatch, user_data_home):
    root = stick(tmp_path)
    run_frozen(monkeypatch, root / "team-desktop" / "team-desktop")
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_data_dir() == (tmp_path / "from-env").resolve()
    assert resolve_data_dir(tmp_path / "from-cli") == (tmp_path / "from-cli").resolve()
    assert list((root / "data").iterdir()) == []


def test_source_tree_ignores_a_data_folder(tmp_path, monkeypatch, user_data_home):
    root = stick(tmp_path)
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    monkeypatch.setattr(sys, "executable", str(root / "team-desktop" / "team-desktop"))
    assert portable_data_dir() is None
    assert resolve_data_dir() == (user_data_home / "TEAM Desktop").resolve()


def test_macos_bundle_looks_beside_the_app(tmp_path, monkeypatch, user_data_home):
    root = tmp_path / "cle-usb"
    macos = root / "TEAM Desktop.app" / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    (root / "data").mkdir()
    run_frozen(monkeypatch, macos / "team-desktop")
    assert portable_data_dir() == (root / "data").resolve()
