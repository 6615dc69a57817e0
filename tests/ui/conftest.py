"""Fixtures for GUI tests: a real store on a temporary data directory, and a real window."""

from __future__ import annotations

from pathlib import Path

import pytest

from team_desktop.core import library
from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import open_store
from team_desktop.ui.app import application
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.tasks import TaskRunner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="session")
def qapp():
    """The app's own QApplication (names, style sheet), replacing pytest-qt's plain one."""
    return application()


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def store(data_paths: DataPaths):
    """A store with the small test pack installed (through the bundled-pack path)."""
    store = open_store(data_paths)
    installed, failures = library.install_bundled(store, FIXTURES)
    assert [r.pack_id for r in installed] == ["test-mini"] and not failures
    yield store
    store.close()


@pytest.fixture
def window(qtbot, store):
    runner = TaskRunner()
    win = MainWindow(store, runner)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    yield win
    runner.wait()
