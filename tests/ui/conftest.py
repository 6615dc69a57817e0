"""Fixtures for GUI tests: a real store on a temporary data directory, and a real window."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from team_desktop.core import library
from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import open_store
from team_desktop.ui.app import application
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.tasks import TaskRunner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRANSLATIONS_SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "translations.py"


@pytest.fixture(scope="session")
def translations():
    """packaging/translations.py, the tool that extracts and compiles the catalogues."""
    spec = importlib.util.spec_from_file_location("translations", TRANSLATIONS_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["translations"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def qapp(translations):
    """The app's own QApplication (names, style sheet), replacing pytest-qt's plain one.

    The catalogues are compiled first, as the build does, so the tests see the committed
    translations (French plural forms included) even in a tree that was never built.
    """
    translations.build()
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
def server(server_factory):
    """A team-server process on SQLite, for the GUI tests that sync."""
    return server_factory("sqlite")


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


class _OpenedUrls(QObject):
    """Receives what QDesktopServices would hand to the system (its own hook for file: URLs)."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened_files():
    """The local files the app asked the system to open, in order (nothing is launched)."""
    opened = _OpenedUrls()
    QDesktopServices.setUrlHandler("file", opened, "open")
    yield opened.urls
    QDesktopServices.unsetUrlHandler("file")
