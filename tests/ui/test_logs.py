"""Logs a trainer can send: a rotating file in the data folder, no secrets, no words."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

from team_desktop.core.logs import LOG_FILE, log_folder, setup_logging
from team_desktop.core.portfolio import entries
from team_desktop.ui.actions import Act
from team_desktop.ui.crash import CrashReporter


@pytest.fixture(autouse=True)
def _no_file_log_after():
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == "team-desktop-file"]:
        root.removeHandler(handler)
        handler.close()


def _read(paths) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (log_folder(paths) / LOG_FILE).read_text(encoding="utf-8")


def test_the_log_is_a_rotating_file_without_secrets_or_the_learners_words(window, qtbot, store):
    path = setup_logging(store.paths)
    assert path.parent == store.paths.root / "logs"
    log = logging.getLogger("team_desktop.test")
    log.warning("login refused: password=hunter2 token: abc123 Authorization: Bearer s3cr3t")
    try:
        raise ValueError('{"password": "hunter2"}')
    except ValueError:
        log.exception("bad reply")
    entry = entries.create_entry(store.paths.packs, title="Intime")
    window.journal.show(entry.id)
    qtbot.keyClicks(window.journal.view.editor.text, "Mes doutes secrets")
    window.journal.view.editor.flush()
    text = _read(store.paths)
    assert "login refused" in text and "bad reply" in text and "ValueError" in text
    for secret in ("hunter2", "abc123", "s3cr3t", "Mes doutes secrets"):
        assert secret not in text
    for _ in range(1500):
        log.info("x" * 1000)
    assert (path.parent / f"{LOG_FILE}.1").is_file()
    assert path.stat().st_size <= 1_000_000


def test_an_unexpected_error_in_a_thread_is_logged_and_told(qtbot, store):
    setup_logging(store.paths)
    reporter = CrashReporter()
    reporter.interactive = False
    hooks = sys.excepthook, threading.excepthook
    reporter.install()
    try:
        with qtbot.waitSignal(reporter.caught, timeout=5000) as caught:
            thread = threading.Thread(target=lambda: 1 / 0)
            thread.start()
            thread.join()
    finally:
        sys.excepthook, threading.excepthook = hooks
    assert "ZeroDivisionError" in caught.args[0]
    assert "ZeroDivisionError" in _read(store.paths)


def test_the_help_menu_opens_the_logs_folder(window, opened_files):
    action = window.actions_[Act.OPEN_LOGS]
    assert action in window.help_menu.actions()
    assert action.text().replace("&", "") == "Ouvrir le dossier des journaux techniques"
    action.trigger()
    assert [u.toLocalFile() for u in opened_files] == [str(log_folder(window.store.paths))]
    assert log_folder(window.store.paths).is_dir()
