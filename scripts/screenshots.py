"""Make the pictures of docs/screenshots/: the app as a trainer sees it, with real writing in it.

    python scripts/screenshots.py [--out docs/screenshots] [NAME ...]

The app shows Awa's data folder as scripts/screenshot_data.py writes it (two trainers, their
writing, a group on a throwaway team-server on a free loopback port). The main views are drawn
off screen at 1366×768 and 1024×600, light and dark, into `<size>-<clair|sombre>/`; dialogs
alone, at 1366×768, in the folder itself. Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from screenshot_data import CONFIGURATIONS, COPREP, FILMED, S2, entry, populate, start_server

from team_desktop.core.portfolio import attachments
from team_desktop.core.store.competency_models import Attestation
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.ui import themes
from team_desktop.ui.account_dialog import AccountDialog
from team_desktop.ui.announcements_dialog import AnnouncementsDialog
from team_desktop.ui.app import application
from team_desktop.ui.competencies_controller import write_attestation_pdf
from team_desktop.ui.export_dialog import ExportDialog
from team_desktop.ui.group_progress_view import GroupProgressDialog
from team_desktop.ui.groups_dialog import GroupsDialog
from team_desktop.ui.history_dialog import HistoryDialog
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.my_data_dialog import MyDataDialog
from team_desktop.ui.preferences import METERED, THEME
from team_desktop.ui.preferences_dialog import PreferencesDialog
from team_desktop.ui.season_dialog import SeasonDialog
from team_desktop.ui.tasks import TaskRunner

REPO = Path(__file__).resolve().parents[1]
# Every main view at a common laptop size and at a small one, light and dark.
MATRIX = [
    ((1366, 768), themes.LIGHT),
    ((1366, 768), themes.DARK),
    ((1024, 600), themes.LIGHT),
    ((1024, 600), themes.DARK),
]
THEME_NAMES = {themes.LIGHT: "clair", themes.DARK: "sombre"}


def printed_attestation(out: Path, root: Path) -> None:
    """The printable attestation's first page, as the PDF shows it (pdftoppm, poppler)."""
    pdf = root / "attestation.pdf"
    write_attestation_pdf(Attestation.get(), pdf)
    target = out / "attestation-pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(target)], check=True
    )
    print(target.with_suffix(".png"))


def settle(runner: TaskRunner) -> None:
    app = QApplication.instance()
    for _ in range(3):
        runner.wait()
        for _ in range(10):
            app.processEvents()


def lesson_view(window: MainWindow, find: str | None = None) -> QWidget:
    """The configurations lesson from its top, or with the words `find` at the top."""
    window.open_lesson(CONFIGURATIONS, find)
    for _ in range(5):
        QApplication.processEvents()  # the lesson scrolls (or finds) after a tick
    browser = window.lesson.browser
    bar = browser.verticalScrollBar()
    if find:  # the words at the top, not selected
        bar.setValue(bar.value() + browser.cursorRect().top() - 40)
        cursor = browser.textCursor()
        cursor.clearSelection()
        browser.setTextCursor(cursor)
    else:
        bar.setValue(0)
    return window


def show_plan(window: MainWindow, plan_id: str, tab: int) -> None:
    """The session plan on one of its tabs: the plan, observing, the debrief."""
    window.plans.show(plan_id)
    window.plans.view.tabs.setCurrentIndex(tab)


def show_competencies(window: MainWindow, tab: int) -> None:
    """The competencies view on "co-préparer", or on the attestations tab."""
    window.competencies.show()
    view = window.competencies.view
    tree = view.mine.tree
    for top in range(tree.topLevelItemCount()):
        module = tree.topLevelItem(top)
        for child in range(module.childCount()):
            if module.child(child).data(0, Qt.ItemDataRole.UserRole) == COPREP:
                tree.setCurrentItem(module.child(child))
                tree.scrollToItem(module.child(child))
    view.tabs.setCurrentIndex(tab)


def main_views(window: MainWindow, ids: dict[str, str]) -> dict[str, Callable[[], QWidget]]:
    """Name → show the view in the window and return the window to grab."""

    def shown(show: Callable[[], object]) -> Callable[[], QWidget]:
        return lambda: (show(), window)[1]

    return {
        "accueil": shown(window.show_home),
        "lecon": lambda: lesson_view(window),
        "quiz": lambda: lesson_view(window, "Reconnaître les configurations"),
        "module": shown(lambda: window.show_module(S2)),
        "favoris": shown(window.show_bookmarks),
        "journal": shown(lambda: window.journal.show(ids["gibbs"])),
        "note": shown(lambda: window.notes.show(ids["note"])),
        "mutualisation": shown(window.sharing.show_feed),
        "plan-seance": shown(lambda: show_plan(window, ids["plan"], 0)),
        "observation": shown(lambda: show_plan(window, ids["plan"], 1)),
        "debriefing": shown(lambda: show_plan(window, ids["plan"], 2)),
        "en-attente": shown(window.sharing.show_pending),
        "competences": shown(lambda: show_competencies(window, 0)),
        "attestation": shown(lambda: show_competencies(window, 2)),
        # Last: the search words stay in the search box.
        "recherche": shown(lambda: window.run_search("observer")),
    }


def dialog_views(window: MainWindow, ids: dict[str, str]) -> dict[str, Callable[[], QWidget]]:
    """Name → open a dialog (or a special view) and return the widget to grab."""

    def dialog(make: Callable[[], QWidget]) -> Callable[[], QWidget]:
        def show() -> QWidget:
            made = make()
            made.show()
            return made

        return show

    def group() -> GroupRecord:
        return GroupRecord.get_by_id(ids["group"])

    def authorship() -> QWidget:
        window.notes.show(ids["note"])
        window.notes.view.editor.authors_button.setChecked(True)
        return window

    def contrast() -> QWidget:
        window.appearance.preferences.set(THEME, themes.CONTRAST)
        window.appearance.apply_theme()
        return lesson_view(window)

    def metered_pending() -> QWidget:
        # A shared entry with a film, on a metered line: the text leaves, the film waits.
        window.appearance.preferences.set(METERED, 1)
        shared = {"visibility": "group", "group_id": ids["group"]}
        filmed = entry(window.store, "Séance filmée : la mise en commun", FILMED, 0, [], **shared)
        film = window.store.paths.tmp / "mise-en-commun.mp4"
        film.write_bytes(os.urandom(3 * 2**20 + 400_000))
        attachments.add_attachment(window.store.paths, filmed, film)
        window.sharing.show_pending()
        return window

    def sync_file() -> QWidget:
        dialog = window.sharing.files.choose_request()
        dialog.path.setText("/media/awa/CLE-USB/synchro-team-awa.teamsync")
        return dialog

    return {
        "qui-a-ecrit-quoi": authorship,
        "compte": dialog(lambda: AccountDialog(window.runner, window)),
        "groupes": dialog(lambda: GroupsDialog(window.runner, window)),
        "saison": dialog(lambda: SeasonDialog(group(), window)),
        "annonces": dialog(lambda: AnnouncementsDialog(group(), window)),
        "progression-groupe": dialog(lambda: GroupProgressDialog(window.runner, group(), window)),
        "export": dialog(
            lambda: ExportDialog(["co-intervention", "consignes"], window, "Awa Diallo")
        ),
        "historique": dialog(lambda: HistoryDialog(ids["gibbs"], window)),
        "preferences": dialog(lambda: PreferencesDialog(window.appearance.preferences, window)),
        "mes-donnees": dialog(lambda: MyDataDialog(window.store, window.runner, window)),
        "en-attente-connexion-limitee": metered_pending,
        "synchroniser-par-fichier": sync_file,
        "theme-contraste": contrast,  # last: it changes the theme
    }


def grab_all(
    window: MainWindow, views: dict[str, Callable[[], QWidget]], folder: Path, only: list[str]
) -> None:
    """Show each view, grab it into `folder`/<name>.png, close it if it is a dialog."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, show in views.items():
        if only and name not in only:
            continue
        widget = show()
        settle(window.runner)
        path = folder / f"{name}.png"
        widget.grab().save(str(path))
        print(path)
        if widget is not window:
            widget.close()


def set_look(window: MainWindow, size: tuple[int, int], theme: str) -> None:
    window.appearance.preferences.set(THEME, theme)
    window.appearance.apply_theme()
    window.resize(*size)
    window.statusBar().clearMessage()
    settle(window.runner)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("names", nargs="*", help="only these pictures (default: all)")
    args = parser.parse_args()
    # Drawn off screen: the same pictures on any machine, with or without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    root = Path(tempfile.mkdtemp(prefix="team-screenshots-"))
    server, url = start_server(root)
    try:
        store, ids = populate(root, url)
        runner = TaskRunner()
        window = MainWindow(store, runner)
        # The film stays to be sent: "En attente" shows the transfers paused.
        window.sharing.service.pause_transfers()
        window.show()
        for size, theme in MATRIX:
            set_look(window, size, theme)
            folder = args.out / f"{size[0]}x{size[1]}-{THEME_NAMES[theme]}"
            grab_all(window, main_views(window, ids), folder, args.names)
        set_look(window, MATRIX[0][0], themes.LIGHT)
        grab_all(window, dialog_views(window, ids), args.out, args.names)
        if not args.names or "attestation-pdf" in args.names:
            printed_attestation(args.out, root)
        themes.apply_theme(app, themes.LIGHT)
        window.lesson.leave()
        window.close()
        settle(runner)
        store.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
