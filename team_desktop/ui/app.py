"""Starting the GUI: QApplication, store, bundled course, main window (or a screenshot)."""

from __future__ import annotations

import argparse
import gc
import logging
import platform
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QLockFile, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from team_desktop import __version__
from team_desktop.core import i18n, library
from team_desktop.core.logs import setup_logging
from team_desktop.core.paths import (
    DataPaths,
    bundled_content_dir,
    private_files_from_now,
    resolve_data_dir,
    resources_dir,
)
from team_desktop.core.store.db import StoreError, open_store
from team_desktop.ui import themes
from team_desktop.ui.crash import CrashReporter
from team_desktop.ui.deferred import after_first_paint
from team_desktop.ui.language import choose_language, install_language
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.preferences import LANGUAGE, Preferences
from team_desktop.ui.tasks import TaskRunner

SCREENSHOT_SIZE = (1280, 800)

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with the app's names, icon, light style sheet, in French.

    The window's language, theme and text size come later, from the data directory's
    preferences (`start_language`, then the window's AppearanceController).
    """
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("TEAM Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("MOOC TEAM")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "team-desktop.svg")))
    app.setStyleSheet(themes.style_sheet(themes.LIGHT))
    install_language(app, i18n.SOURCE_LANGUAGE)
    return app


def start_language(app: QApplication, requested: str | None, paths: DataPaths | None) -> str:
    """Install the language of the command line, else of the preferences, else of the system."""
    saved = Preferences(paths.ui_state).get(LANGUAGE) if paths else LANGUAGE.default
    language = choose_language(requested, saved, QLocale.system().name())
    install_language(app, language)
    return language


def error_box(text: str, interactive: bool) -> None:
    """Tell why the app cannot start: on stderr, and in a dialog when someone is watching."""
    print(f"team-desktop: {text}", file=sys.stderr)
    if interactive:
        QMessageBox.critical(None, "TEAM Desktop", text)


def run_gui(args: argparse.Namespace) -> int:
    """Run the app (or take a screenshot) on the data directory the arguments name."""
    app = application()
    interactive = not args.screenshot
    requested = getattr(args, "lang", None)
    start_language(app, requested, None)
    private_files_from_now()
    try:
        paths = DataPaths(resolve_data_dir(args.data_dir))
    except OSError as error:
        error_box(
            app.translate("App", "Impossible de créer le dossier de données : {e}").format(e=error),
            interactive,
        )
        return 1
    start_language(app, requested, paths)
    setup_logging(paths)
    log.info("TEAM Desktop %s starting (Python %s)", __version__, platform.python_version())
    reporter = CrashReporter(app)
    reporter.interactive = interactive
    reporter.install()
    lock = QLockFile(str(paths.lock))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        error_box(
            app.translate(
                "App",
                "TEAM Desktop est déjà ouvert sur ce dossier de données ({d}). "
                "Utilisez la fenêtre existante.",
            ).format(d=paths.root),
            interactive,
        )
        return 1
    restored = None
    if paths.pending_restore.is_file():
        # A restore asked for in the last session: now, while no store is open.
        from team_desktop.core.restore import RestoreError, apply_pending_restore

        try:
            restored = apply_pending_restore(paths)
        except RestoreError as error:
            error_box(str(error), interactive)
    try:
        store = open_store(paths)
    except StoreError as error:
        error_box(str(error), interactive)
        return 1
    _installed, failures = library.install_bundled(store, bundled_content_dir())
    for failure in failures:
        # A broken bundled pack is a packaging bug; the rest of the course still opens.
        print(f"team-desktop: pack fourni invalide :\n{failure}", file=sys.stderr)
    runner = TaskRunner()
    window = MainWindow(store, runner)
    if args.screenshot:
        return take_screenshot(window, args, Path(args.screenshot))
    window.restore_state()
    window.show()
    after_first_paint(window, lambda: start_background(window))
    for pack in getattr(args, "import_files", []):
        window.import_pack(Path(pack))
    if restored:
        window.data.show_restored(restored)
    if args.lesson:
        window.open_lesson(args.lesson)
    elif args.search:
        window.run_search(args.search)
    code = app.exec()
    store.close()
    lock.unlock()
    return code


def start_background(window: MainWindow) -> None:
    """Once the window shows: garbage collection, sync (now, then periodically), then ask for
    research consent."""
    # What the start built lives as long as the window: the collector need not go over it again.
    gc.freeze()
    gc.enable()
    window.sharing.start()
    window.research.start()


def take_screenshot(window: MainWindow, args: argparse.Namespace, output: Path) -> int:
    """Render the window at 1280×800 on the requested view and save it as a PNG."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if args.lesson and not window.open_lesson(args.lesson):
        print(f"team-desktop: leçon inconnue : {args.lesson}", file=sys.stderr)
        return 2
    if args.search:
        window.run_search(args.search)
    if args.view == "bookmarks":
        window.show_bookmarks()
    elif args.view == "journal":
        window.journal.show_latest()
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    QTimer.singleShot(0, lambda: None)
    app.processEvents()
    ok = window.grab().save(str(output))
    window.leave_lesson()
    window.close()
    if not ok:
        print(f"team-desktop: impossible d'écrire {output}", file=sys.stderr)
        return 1
    print(output)
    return 0
