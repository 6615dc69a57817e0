"""The main window: navigator, the reading views, menus, import and window state."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QToolBar,
    QWidget,
)

from team_desktop import __version__
from team_desktop.core import course, library
from team_desktop.core.logs import log_folder
from team_desktop.core.render.links import parse_team_link
from team_desktop.core.store import changes
from team_desktop.core.store.db import Store
from team_desktop.ui.actions import TOOLBAR, Act, Menu, create_actions, create_menus
from team_desktop.ui.appearance import AppearanceController
from team_desktop.ui.change_bus import ChangeBroadcaster
from team_desktop.ui.deferred import Deferred
from team_desktop.ui.home_view import HomeView
from team_desktop.ui.journal_controller import JournalController
from team_desktop.ui.messages import Icon, show_message
from team_desktop.ui.navigator import CourseNavigator
from team_desktop.ui.notes_controller import NotesController
from team_desktop.ui.progress_panel import ProgressPanel
from team_desktop.ui.task_failures import failure_handler
from team_desktop.ui.tasks import TaskRunner
from team_desktop.ui.window_layout import PageStack, PlanSpace, place_first_window

if TYPE_CHECKING:
    from team_desktop.ui.bookmarks_view import BookmarksView
    from team_desktop.ui.lesson_browser import LessonBrowser
    from team_desktop.ui.lesson_view import LessonView
    from team_desktop.ui.search_view import SearchView

# Not GROUPS: every sync rewrites the group list, and leaving a group removes its season and
# announcements, which say so themselves.
NAVIGATOR_KINDS = (changes.PROGRESS, changes.PACKS, changes.SEASONS)
HOME_KINDS = (changes.PROGRESS, changes.PACKS, changes.BOOKMARKS, changes.ENTRIES, changes.NOTES)
BOOKMARKS_KINDS = (changes.BOOKMARKS, changes.PROGRESS, changes.PACKS)  # marks, done, titles
HOME_KINDS += (changes.SEASONS, changes.ANNOUNCEMENTS)


class MainWindow(QMainWindow):
    """The application window over one store."""

    # Not needed for the first paint: built on first use, their menu entries answer before.
    data = Deferred(
        "data_controller", "DataController", Act.EXPORT_JOURNAL, Act.BACKUP, Act.RESTORE
    )
    plans = Deferred("plans_controller", "PlansController", Act.NEW_PLAN, Act.PLANS)
    competencies = Deferred("competencies_controller", "CompetenciesController", Act.COMPETENCIES)
    sharing = Deferred(
        "sharing",
        "SharingController",
        *(Act.SYNC_NOW, Act.ACCOUNT, Act.GROUPS, Act.FEED, Act.PENDING, Act.UPDATE_PACKS),
        *(Act.SYNC_BY_FILE, Act.DELIVER_FILE, Act.IMPORT_ANSWER),
    )
    research = Deferred(
        "research_controller", "ResearchController", Act.RESEARCH_CONSENT, Act.MY_DATA, Act.PRIVACY
    )

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.setWindowTitle("TEAM Desktop")
        self.setAcceptDrops(True)
        self.actions_ = create_actions(self)
        self.changes = ChangeBroadcaster(store, self)

        self.navigator = CourseNavigator()
        self.home = HomeView()
        self.stack = PageStack()
        self.stack.addWidget(self.home)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 950])
        self.setCentralWidget(self.splitter)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Rechercher dans le cours (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(self.tr("Rechercher"))
        self.search_field.setMaximumWidth(320)
        self.progress_panel = ProgressPanel()
        self.statusBar().addPermanentWidget(self.progress_panel)
        self._build_menus()
        self.plan = PlanSpace(self, self._reading_view)
        self.toolbar.insertAction(self.toolbar.actions()[0], self.plan.action)
        self.actions_[Act.COURSE_PLAN].triggered.connect(self.plan.reveal)
        self._connect()
        self.journal = JournalController(self)
        self.notes = NotesController(self)
        self.notes.plan_chosen.connect(lambda note_id: self.plans.show(note_id))
        Deferred.arm_all(self, self.actions_)
        self.appearance = AppearanceController(self)
        self.statusBar().showMessage(self.tr("Prêt — tout fonctionne hors ligne."), 5000)
        self._settings = QSettings(str(store.paths.ui_state), QSettings.Format.IniFormat)
        self.navigator.reload()
        self.show_home()  # which reads the home view from the store

    # -- construction -----------------------------------------------------------------------

    def _build_menus(self) -> None:
        """The menus and toolbar as `ui/actions.py` declares them; features connect handlers."""
        self.menus = create_menus(self.menuBar(), self.actions_)
        toolbar = QToolBar(self.tr("Navigation"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in TOOLBAR:
            toolbar.addAction(self.actions_[act])
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding,
            spacer.sizePolicy().verticalPolicy().Preferred,
        )
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search_field)
        self.toolbar = toolbar
        self.addToolBar(toolbar)

    @property
    def help_menu(self) -> QMenu:
        return self.menus[Menu.HELP]

    def _connect(self) -> None:
        a = self.actions_
        a[Act.IMPORT_PACK].triggered.connect(self.choose_pack_file)
        a[Act.QUIT].triggered.connect(self.close)
        a[Act.HOME].triggered.connect(self.show_home)
        a[Act.COURSE_PLAN].triggered.connect(self.navigator.take_focus)
        # Enabled only while a lesson is shown, so the lesson page exists when they answer.
        a[Act.PREVIOUS].triggered.connect(lambda: self.lesson.go_previous())
        a[Act.NEXT].triggered.connect(lambda: self.lesson.go_next())
        a[Act.SEARCH].triggered.connect(self._focus_search)
        a[Act.BOOKMARKS].triggered.connect(self.show_bookmarks)
        a[Act.TOGGLE_DONE].triggered.connect(lambda: self.lesson.toggle_completed())
        a[Act.TOGGLE_BOOKMARK].triggered.connect(lambda: self.lesson.toggle_bookmark())
        a[Act.ABOUT].triggered.connect(self._about)
        a[Act.OPEN_LOGS].triggered.connect(self.open_logs)
        self.navigator.lesson_chosen.connect(self.open_lesson)
        self.navigator.module_chosen.connect(self.show_module)
        self.home.resume_requested.connect(self.open_lesson)
        self.home.module_chosen.connect(self.show_module)
        self.search_field.returnPressed.connect(lambda: self.run_search(self.search_field.text()))
        self.stack.currentChanged.connect(lambda _i: self._sync_lesson_actions())
        self.changes.changed.connect(self._on_changes)

    # -- views ------------------------------------------------------------------------------

    # The first paint shows the home view. The lesson and module pages, the search results and
    # the favourites are built when first shown.

    @functools.cached_property
    def lesson(self) -> LessonView:
        from team_desktop.ui.lesson_view import LessonView

        view = LessonView(self.store)
        self.stack.add_page_after(view, self.navigator)
        view.open_lesson.connect(self.open_lesson)
        view.completion_changed.connect(lambda _uid, _done: self.navigator.reload())
        view.activity_requested.connect(self.on_activity_requested)
        return view

    @functools.cached_property
    def module(self) -> LessonBrowser:
        from team_desktop.ui.lesson_browser import LessonBrowser

        view = LessonBrowser()
        view.setAccessibleName(self.tr("Présentation du module"))
        self.stack.add_page_after(view, self.navigator)
        view.anchorClicked.connect(self._module_link)
        return view

    @functools.cached_property
    def search_view(self) -> SearchView:
        from team_desktop.ui.search_view import SearchView

        view = SearchView()
        self.stack.addWidget(view)
        view.hit_chosen.connect(self._open_hit)
        return view

    @functools.cached_property
    def bookmarks(self) -> BookmarksView:
        from team_desktop.ui.bookmarks_view import BookmarksView

        view = BookmarksView()
        self.stack.addWidget(view)
        view.lesson_chosen.connect(self.open_lesson)
        view.changed.connect(self._sync_lesson_actions)
        return view

    def _built(self, name: str) -> QWidget | None:
        """View `name` if it was built already (its cached property ran), without building it."""
        return self.__dict__.get(name)

    def _shown(self, name: str) -> bool:
        """True when view `name` is built and is the one on screen."""
        view = self._built(name)
        return view is not None and self.stack.currentWidget() is view

    def _reading_view(self, view: QWidget | None) -> bool:
        """True for the course's own views, beside which the course plan stays."""
        course_views = (self.home, self._built("lesson"), self._built("module"))
        return view is not None and any(view is shown for shown in course_views)

    def leave_lesson(self) -> None:
        """Keep the reading place of the lesson shown, if any, before another view shows."""
        lesson = self._built("lesson")
        if lesson is not None:
            lesson.leave()

    def refresh(self) -> None:
        """Reload everything that shows the store."""
        self.navigator.reload()
        self.home.reload()

    def _on_changes(self, change_set: changes.ChangeSet) -> None:
        """Refresh, of the course's views, those showing a kind this write changed."""
        lesson = self._built("lesson")
        if lesson is not None and change_set.initiator is lesson:
            return  # reading's bookkeeping; a lesson marked done says so itself
        if any(change_set.touches(kind) for kind in NAVIGATOR_KINDS):
            self.navigator.reload()
        if self.stack.currentWidget() is self.home and any(
            change_set.touches(kind) for kind in HOME_KINDS
        ):
            self.home.reload()
        if self._shown("bookmarks") and any(change_set.touches(kind) for kind in BOOKMARKS_KINDS):
            self.bookmarks.reload()
        if self._shown("lesson"):
            self.lesson.on_changes(change_set)

    def show_home(self) -> None:
        self.leave_lesson()
        self.home.reload()
        self.stack.setCurrentWidget(self.home)

    def open_lesson(self, uid: str, find: str | None = None) -> bool:
        """Show a lesson (optionally at the first hit of `find`)."""
        if not self.lesson.show_lesson(uid, find):
            self.statusBar().showMessage(self.tr("Cette leçon n'est plus installée."), 5000)
            return False
        self.stack.setCurrentWidget(self.lesson)
        self.navigator.select_lesson(uid)
        self.lesson.browser.setFocus()
        return True

    def show_module(self, pack_id: str) -> None:
        from team_desktop.core.render.module_page import module_html

        meta = course.module_meta(pack_id)
        module = next((m for m in course.modules() if m.pack_id == pack_id), None)
        if meta is None or module is None:
            return
        self.leave_lesson()
        self.module.show_html(module_html(module, meta))
        self.stack.setCurrentWidget(self.module)

    def show_bookmarks(self) -> None:
        self.leave_lesson()
        self.bookmarks.reload()
        self.stack.setCurrentWidget(self.bookmarks)
        self.bookmarks.list.setFocus()

    def run_search(self, text: str) -> None:
        if not text.strip():
            return
        self.leave_lesson()
        self.search_field.setText(text)
        count = self.search_view.run(text)
        self.stack.setCurrentWidget(self.search_view)
        self.statusBar().showMessage(self.tr("%n résultat(s)", "", count), 4000)

    def _focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _open_hit(self, kind: str, ref: str, words: str) -> None:
        if kind == "lesson":
            self.open_lesson(ref, find=words)
        elif kind == "note":
            self.notes.show(ref)
        elif kind == "entry":
            self.journal.show(ref, find=words)

    def _module_link(self, url) -> None:
        link = parse_team_link(url.toString())
        if link and link.action == "lesson":
            self.open_lesson(link.uid)

    def _sync_lesson_actions(self) -> None:
        reading = self._shown("lesson") and self.lesson.page is not None
        for act in (Act.PREVIOUS, Act.NEXT, Act.TOGGLE_DONE, Act.TOGGLE_BOOKMARK):
            self.actions_[act].setEnabled(reading)

    def on_activity_requested(self, action: str, uid: str) -> None:
        """An activity's call to action; the portfolio, notes and research layers answer it."""
        if action == "coprep":
            self.notes.answer(uid)
            return
        if action == "note":
            self.notes.open_link(uid)
            return
        if action == "reflect":
            self.journal.answer(uid)
            return
        if action == "entry":
            self.journal.open_link(uid)
            return
        if action == "questionnaire":
            self.research.answer(uid)
            return
        self.statusBar().showMessage(
            self.tr("Activité {uid} : action « {a} »").format(uid=uid, a=action), 4000
        )

    # -- importing packs --------------------------------------------------------------------

    def choose_pack_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Importer un pack"), str(Path.home()), self.tr("Packs TEAM (*.teampack)")
        )
        if path:
            self.import_pack(Path(path))

    def import_pack(self, path: Path) -> None:
        """Verify and install a pack off the GUI thread, its progress in the status bar."""
        from team_desktop.core.content.archive import PackArchiveError

        store = self.store

        def work(state):
            return library.import_pack_file(store, path, state.progress)

        def done(result: library.InstallResult) -> None:
            self.progress_panel.finish()
            self.refresh()
            if result.previous_version:
                text = self.tr(
                    "« {t} » mis à jour : version {old} → {new}. Votre progression est conservée."
                ).format(t=result.title, old=result.previous_version, new=result.version)
            else:
                text = self.tr("« {t} » (version {v}) est installé.").format(
                    t=result.title, v=result.version
                )
            self.statusBar().showMessage(text, 8000)
            show_message(self, Icon.Information, self.tr("Pack importé"), text)

        failed = failure_handler(
            self,
            self.tr("Pack non importé"),
            self.tr("Import annulé : rien n'a été installé."),
            (PackArchiveError, library.PackImportRefused),
            self.tr(
                "Le pack n'a pas pu être écrit sur le disque ({e}). Vos données n'ont pas changé."
            ),
        )
        state = self.runner.run(work, done, failed, self.progress_panel.progress)
        self.progress_panel.start(self.tr("Import de {f}…").format(f=path.name), state)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        if any(url.toLocalFile().endswith(".teampack") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".teampack"):
                self.import_pack(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # -- state ------------------------------------------------------------------------------

    def restore_state(self) -> None:
        """Window geometry and splitter sizes from the last run."""
        geometry = self._settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            place_first_window(self)
        splitter = self._settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        self.leave_lesson()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.sync()
        self.runner.wait()
        self.changes.close()
        super().closeEvent(event)

    def open_logs(self) -> None:
        """Show the folder of technical logs, for the learner to send to their trainer."""
        folder = log_folder(self.store.paths)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _about(self) -> None:
        show_message(
            self,
            Icon.Information,
            self.tr("À propos de TEAM Desktop"),
            self.tr(
                "<b>TEAM Desktop {v}</b><p>Le compagnon hors ligne du MOOC TEAM — Travaillons Ensemble "
                "à la Mutualisation de nos pratiques d'enseignement et de formation.</p>"
                "<p>Contenus du cours sous licence CC BY-SA 4.0. Données enregistrées dans :<br/>{d}</p>"
            ).format(v=__version__, d=self.store.paths.root),
        )
