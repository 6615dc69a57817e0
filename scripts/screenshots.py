"""Make the pictures of docs/screenshots/: the app as a trainer sees it, with real writing in it.

    python scripts/screenshots.py [--out docs/screenshots] [NAME ...]

Two trainers, Awa and Benoît, on two scratch data folders with the bundled course: progress,
a quiz answered, journal entries, a co-preparation note they both wrote, a group on a
throwaway team-server (a free loopback port), a comment. Awa facilitates the group: its
season, an announcement, and two more learners, one of whom does not show their progress.
Awa's evidence of a competency, endorsed and validated by Benoît, and her attestation. The main views are drawn off screen
at 1366×768 and 1024×600, light and dark, into `<size>-<clair|sombre>/`; dialogs alone, at
1366×768, in the folder itself. Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from team_desktop.core import bookmarks, course, feed, library, progress, quiz
from team_desktop.core.competencies import evidence, overview
from team_desktop.core.content.archive import build_archive
from team_desktop.core.credentials import attestations
from team_desktop.core.facilitation import announcements, season, sharing
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.templates import default_template
from team_desktop.core.paths import DataPaths, bundled_content_dir
from team_desktop.core.plans import observation, plans
from team_desktop.core.portfolio import attachments, entries
from team_desktop.core.store.competency_models import Attestation
from team_desktop.core.store.db import Store, open_store
from team_desktop.core.store.models import ActivityRecord
from team_desktop.core.store.sync_models import GroupRecord
from team_desktop.core.sync import account
from team_desktop.core.sync.engine import run_sync
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
PASSWORD = "un mot de passe de démonstration"
S2 = "team-s2-co-intervention"
CONFIGURATIONS = f"{S2}/configurations"
COPREP = f"{S2}/co-preparer"
COPREP_NOTE = "Le plan à deux : qui mène chaque phase, ce que fait l'autre, le plan B."
COPREP_ENTRY = "Les rôles tenus en séance, et ce que nous changerons la prochaine fois."
BENOIT_ENDORSEMENT = (
    "J'ai observé la séance du 14 : chacune savait quand prendre la parole, et le plan B a "
    "servi quand le vidéoprojecteur a lâché."
)
BENOIT_VALIDATION = "Vu en séance et dans la note de préparation."
GIBBS_BODY = """## Description
Que s'est-il passé ? Où, quand, avec qui, qu'avez-vous fait ?

Mardi, atelier d'écriture en 3e avec Claire, professeure documentaliste. Nous avions prévu que \
je présente la consigne et qu'elle circule dans les groupes. Au bout de dix minutes, \
**deux groupes** n'avaient encore rien écrit.

## Ressentis
Qu'avez-vous pensé et ressenti sur le moment ?

De l'agacement, puis de l'inquiétude : j'ai eu peur que Claire trouve ma consigne floue.

## Évaluation
Qu'est-ce qui a bien fonctionné, qu'est-ce qui a moins bien fonctionné ?

- Ce qui a marché : la répartition des rôles, tenue jusqu'au bout.
- Ce qui a moins marché : la consigne orale, trop longue.

## Analyse
Comment l'expliquez-vous ? Quelles lectures, quelles expériences vous aident à comprendre ?

La configuration « un enseigne, l'autre aide » laissait Claire seule face à cinq groupes.
"""

FIRST_WORKSHOP = """Nous avons testé la configuration **un enseigne, l'autre observe** avec une grille \
d'observation.

- ce qui a marché : le signal convenu pour reprendre la parole
- à revoir : le minutage de la mise en commun
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(folder: Path) -> tuple[subprocess.Popen, str]:
    """A throwaway team-server on its own SQLite file; returns (process, base URL)."""
    port = free_port()
    command = [sys.executable, "-m", "team_server", "serve", "--port", str(port)]
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        [*command, "--data-dir", str(folder / "server")], stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if requests.get(url + "/api/v1/health", timeout=1).ok:
                return process, url
        except requests.ConnectionError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit(f"team-server did not start: see {folder / 'server.log'}")


def photo(path: Path) -> Path:
    """A small picture of a whiteboard to attach to an entry."""
    image = QImage(800, 500, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4f1e8"))
    painter = QPainter(image)
    painter.setFont(QFont("DejaVu Sans", 28))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "Consigne : 3 étapes\n1 · 2 · 3")
    painter.end()
    image.save(str(path), "JPG")
    return path


def entry(store: Store, title: str, body: str, days_ago: int, tags: list[str], **sharing) -> str:
    """A journal entry dated `days_ago`, written in the active store."""
    made = entries.create_entry(store.paths.packs, title=title)
    date = dt.date.today() - dt.timedelta(days=days_ago)
    entries.save_entry(made.id, body=body, tags=tags, entry_date=date, **sharing)
    return made.id


def populate(root: Path, url: str) -> tuple[Store, dict[str, str]]:
    """Awa's store (returned, active) and Benoît's, synced through the server."""
    ben = open_store(DataPaths(root / "benoit"))
    ben_link = account.log_in(url, "benoit.martin", PASSWORD, "Portable", "Benoît Martin", True)
    awa = open_store(DataPaths(root / "awa"))
    library.install_bundled(awa, bundled_content_dir())
    awa_link = account.log_in(url, "awa.diallo", PASSWORD, "Portable", "Awa Diallo", True)
    reading(awa)
    ids = {"gibbs": journal(awa, root)}
    group_work(awa, awa_link.connection, ben, ben_link.connection, ids)
    session_plan(awa, awa_link.connection, ben, ben_link.connection, ids)
    facilitation(awa, awa_link.connection, ben, ben_link.connection, root, url, ids)
    competencies(awa, awa_link.connection, ben, ben_link.connection, root, ids)
    # One change not sent yet, for "En attente d'envoi", with a film waiting to be sent.
    ideas = entry(
        awa, "Idées pour la semaine 3", "Un jeu coopératif pour démarrer ?", 0, ["semaine 3"]
    )
    film = root / "seance-filmee.mp4"
    film.write_bytes(os.urandom(3_400_000))
    attachments.add_attachment(awa.paths, ideas, film)
    ben.close()
    return awa, ids


def reading(awa: Store) -> None:
    """Week 1 and the start of week 2 read, a bookmark, the quiz of the lesson answered."""
    sequence = course.lesson_sequence()
    for uid in sequence[: sequence.index(CONFIGURATIONS)]:
        progress.set_completed(uid)
        progress.add_time(uid, awa.device_id, 1260)
    progress.opened(CONFIGURATIONS)
    bookmarks.toggle(CONFIGURATIONS)
    row = ActivityRecord.get(
        ActivityRecord.kind == "quiz", ActivityRecord.lesson_uid == CONFIGURATIONS
    )
    fields = json.loads(row.fields_json)
    state = quiz.QuizState()
    for number, question in enumerate(fields["questions"]):
        right = next(i for i, c in enumerate(question["choices"]) if c.get("correct"))
        # One mistake, so the feedback shows both colours.
        quiz.toggle_choice(fields, state, number, right if number != 1 else (right + 1) % 2)
    quiz.submit(row.uid, fields, state)


def journal(awa: Store, root: Path) -> str:
    """Three private entries; returns the Gibbs one (two versions, tags, an attachment)."""
    entry(awa, "Premier jour avec le nouveau groupe", "Tour de table.", 25, ["accueil"])
    entry(awa, "Retour sur la réunion d'équipe", "Les consignes.", 22, ["équipe", "consignes"])
    title = "Atelier d'écriture à deux : les groupes silencieux"
    gibbs = entry(awa, title, GIBBS_BODY, 18, ["co-intervention", "consignes"])
    entries.save_entry(gibbs, body=GIBBS_BODY + "\nÀ reprendre avec Claire.\n", new_version=True)
    attachments.add_attachment(awa.paths, gibbs, photo(root / "tableau-atelier.jpg"))
    return gibbs


def group_work(awa: Store, awa_link, ben: Store, ben_link, ids: dict[str, str]) -> None:
    """A group, a note written by both, then shared entries and a comment, in that order
    (the shared feed shows the newest first)."""
    group = account.create_group(awa_link, "CFA du Cher — binômes")
    ids["group"], ids["code"] = group.id, group.invite_code
    shared = {"visibility": "group", "group_id": group.id}
    ids["note"] = notes.create("Atelier « débat réglé » en CAP 🗣", default_template())
    notes.set_sharing(ids["note"], "group", group.id)
    fill(ids["note"], {"sauront…": " argumenter à l'oral en respectant un temps de parole."})
    fill(ids["note"], {"besoins :": " 14 élèves de CAP, deux dyslexiques."})
    run_sync(awa, awa_link)
    with ben.bound():
        account.join_group(ben_link, group.invite_code)
        run_sync(ben, ben_link)
        fill(ids["note"], {"Pourquoi ce choix :": " un enseigne, l'autre observe (grille 📋)."})
        fill(ids["note"], {"### Accueil\n- Qui mène et ce qu'il fait :": " Benoît, les consignes"})
        fill(
            ids["note"],
            {
                "### Accueil\n- Qui mène et ce qu'il fait : Benoît, les consignes\n"
                "- Ce que fait l'autre :": " Awa passe dans les groupes"
            },
        )
        fill(ids["note"], {"- Synthèse : … min": "\n- Débat : 20 min ⏱"})
        notes.set_ready(ids["note"], True)
        run_sync(ben, ben_link)
    run_sync(awa, awa_link)
    ids["shared"] = entry(awa, "Premier atelier en co-animation", FIRST_WORKSHOP, 2, [], **shared)
    attachments.add_attachment(awa.paths, ids["shared"], photo(awa.paths.tmp / "grille.jpg"))
    run_sync(awa, awa_link)
    with ben.bound():
        mardi = "Le groupe d'adultes a bien réagi à l'alternance des deux voix."
        entry(ben, "Retour sur la séance de mardi", mardi, 1, [], **shared)
        run_sync(ben, ben_link)
        comment = "Très utile, nous allons reprendre votre grille avec nos apprentis."
        feed.add_comment("entry", ids["shared"], comment)
        run_sync(ben, ben_link)
    run_sync(awa, awa_link)


def facilitation(awa: Store, awa_link, ben: Store, ben_link, root: Path, url, ids) -> None:
    """Awa's season (weekly from ten days ago, week 5 at one's own pace), an announcement;
    Benoît and Chloé show their progress, David does not."""
    start = dt.date.today() - dt.timedelta(days=10)
    weeks = season.weekly_dates(start, [1, 2, 3, 4]) | {5: None}
    packs = [module.pack_id for module in course.modules()]
    season.set_season(ids["group"], start, packs, weeks)
    announcements.publish(
        ids["group"],
        "Classe virtuelle jeudi à 17 h",
        "Nous mettrons en commun vos grilles d'observation de la semaine 2. Lien envoyé par "
        "courriel ; sans connexion, envoyez vos questions d'avance.",
    )
    run_sync(awa, awa_link)
    sequence = course.lesson_sequence()
    with ben.bound():
        sharing.set_share(ids["group"], True)
        for uid in sequence[:5]:
            progress.set_completed(uid)
        run_sync(ben, ben_link)
    for name, username, done, shares in (
        ("Chloé Bernard", "chloe.bernard", 9, True),
        ("David Leroy", "david.leroy", 4, False),
    ):
        with awa.bound():
            learner = open_store(DataPaths(root / username))
            library.install_bundled(learner, bundled_content_dir())
            link = account.log_in(url, username, PASSWORD, "Portable", name, True)
            account.join_group(link.connection, ids["code"])
            sharing.set_share(ids["group"], shares)
            for uid in sequence[:done]:
                progress.set_completed(uid)
            for row in (
                ActivityRecord.select().where(ActivityRecord.kind == "quiz").limit(done // 3)
            ):
                fields, state = json.loads(row.fields_json), quiz.QuizState()
                quiz.toggle_choice(fields, state, 0, 0)
                quiz.submit(row.uid, fields, state)
            run_sync(learner, link.connection)
            learner.close()


def competencies(awa: Store, awa_link, ben: Store, ben_link, root: Path, ids) -> None:
    """Awa's evidence for "co-préparer", shared and endorsed by Benoît, who validates it as
    the facilitator of a network group they are both in; then her attestation, and the
    module's, from the server (which publishes the bundled module)."""
    archive = root / "s2.teampack"
    build_archive(bundled_content_dir() / "s2-co-intervention", archive)
    subprocess.run(
        [sys.executable, "-m", "team_server", "publish-pack", str(archive)]
        + ["--data-dir", str(root / "server")],
        check=True,
        capture_output=True,
    )
    first = evidence.link(COPREP, "note", ids["note"], COPREP_NOTE)
    second = evidence.link(COPREP, "entry", ids["shared"], COPREP_ENTRY)
    for proof in (first, second):
        evidence.share(proof, ids["group"])
    run_sync(awa, awa_link)
    with ben.bound():
        network = account.create_group(ben_link, "Réseau des formateurs du Cher")
        run_sync(ben, ben_link)
        evidence.endorse(first, BENOIT_ENDORSEMENT)
        run_sync(ben, ben_link)
    account.join_group(awa_link, network.invite_code)
    with ben.bound():
        run_sync(ben, ben_link)
        awa_id = next(p.author_id for p in overview.peers_evidence() if p.id == first)
        evidence.validate(COPREP, awa_id, network.id, comment=BENOIT_VALIDATION)
        run_sync(ben, ben_link)
    run_sync(awa, awa_link)
    attestations.request(awa_link, "competency", COPREP, [first, second])


def printed_attestation(out: Path, root: Path) -> None:
    """The printable attestation's first page, as the PDF shows it (pdftoppm, poppler)."""
    pdf = root / "attestation.pdf"
    write_attestation_pdf(Attestation.get(), pdf)
    target = out / "attestation-pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(target)], check=True
    )
    print(target.with_suffix(".png"))


def session_plan(awa: Store, awa_link, ben: Store, ben_link, ids: dict[str, str]) -> None:
    """A plan Awa and Benoît both wrote, the session Benoît observed, and Awa observing now."""
    plan_id = ids["plan"] = plans.create_plan(
        "Débat réglé en CAP : une heure à deux",
        template_id="une-heure-variee",
        group_id=ids["group"],
        visibility="group",
    )
    plan = plans.load_plan(plan_id)
    me = note_authors.local_author()
    plan.set_text("public", "14 élèves de CAP, deux dyslexiques", me)
    plan.set_text("objectives", "Argumenter à l'oral en respectant un temps de parole.", me)
    for phase_id, lead in zip(
        plan.phase_ids(),
        ("Awa : la situation", "Awa : îlot arguments", "Awa : demi-groupe A", ""),
        strict=True,
    ):
        plan.set_phase_text(phase_id, "lead", lead, me)
    plans.save_plan(plan_id, plan)
    run_sync(awa, awa_link)
    with ben.bound():
        run_sync(ben, ben_link)
        plan = plans.load_plan(plan_id)
        me = note_authors.local_author()
        others = (
            "Benoît : la règle du débat",
            "Benoît : îlot temps de parole",
            "Benoît : demi-groupe B",
            "Benoît : synthèse au tableau",
        )
        for phase_id, other in zip(plan.phase_ids(), others, strict=True):
            plan.set_phase_text(phase_id, "other", other, me)
        plans.save_plan(plan_id, plan)
        observer = observation.Observer(plan_id)
        start = dt.datetime.now(dt.UTC).replace(hour=9, minute=0) - dt.timedelta(days=2)
        observer.start(start)
        for minute, number, note in OBSERVED:
            category = observer.plan.categories()[number - 1]
            observer.tap(category, note, start + dt.timedelta(minutes=minute))
        for minute in (12, 47, 60):
            observer.next_phase(start + dt.timedelta(minutes=minute))
        observer.end(start + dt.timedelta(minutes=66))
        run_sync(ben, ben_link)
    run_sync(awa, awa_link)
    # Awa observes a second session, 23 minutes in.
    observer = observation.Observer(plan_id)
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=23)
    observer.start(start)
    for minute, number, note in OBSERVED[:7]:
        observer.tap(
            observer.plan.categories()[number - 1], note, start + dt.timedelta(minutes=minute)
        )
    observer.next_phase(start + dt.timedelta(minutes=11))


# (minute, category number in the course's grid, short note) of Benoît's observation.
OBSERVED = [
    (1, 1, "Awa lance, Benoît complète"),
    (3, 2, ""),
    (5, 3, "regard : on accélère"),
    (8, 5, "deux élèves décrochent"),
    (11, 4, "îlots lents à se former"),
    (15, 2, ""),
    (19, 1, "Benoît parle 6 min d'affilée"),
    (24, 5, ""),
    (30, 2, "questions de Lina"),
    (38, 3, ""),
    (44, 5, "tous au travail"),
    (47, 4, ""),
    (52, 1, ""),
    (55, 2, ""),
    (58, 5, "fatigue"),
    (61, 4, "synthèse écourtée"),
]


def fill(note_id: str, after: dict[str, str]) -> None:
    """Write in a note as this store's author: each text goes right after its anchor."""
    doc = notes.load(note_id)
    for anchor, text in after.items():
        position = doc.text.index(anchor) + len(anchor)
        utf16 = len(doc.text[:position].encode("utf-16-le")) // 2
        doc.apply_local_edit(utf16, 0, text, note_authors.local_author())
    notes.save(note_id, doc)


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

FILMED = "Dix minutes de mise en commun, filmées avec l'accord du groupe."


def show_competencies(window: MainWindow, tab: int) -> None:
    """The competencies view on "co-préparer", or on the attestations tab."""
    window.competencies.show()
    view = window.competencies.view
    for top in range(view.tree.topLevelItemCount()):
        module = view.tree.topLevelItem(top)
        for child in range(module.childCount()):
            if module.child(child).data(0, Qt.ItemDataRole.UserRole) == COPREP:
                view.tree.setCurrentItem(module.child(child))
                view.tree.scrollToItem(module.child(child))
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
