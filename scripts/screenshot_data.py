"""The demonstration data of scripts/screenshots.py: two trainers, Awa and Benoît, on scratch
data folders with the bundled course, a group on a throwaway team-server, and what they wrote.

Awa's progress and quiz, journal entries, a co-preparation note both wrote, a comment; the
season, an announcement and two more learners of the group she facilitates, one of whom does
not show their progress; her evidence of a competency, endorsed and validated by Benoît, her
attestation; a session plan both wrote, observed by Benoît and by Awa.
"""

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

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
from team_desktop.core.store.db import Store, open_store
from team_desktop.core.store.models import ActivityRecord
from team_desktop.core.sync import account
from team_desktop.core.sync.engine import run_sync

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


FILMED = "Dix minutes de mise en commun, filmées avec l'accord du groupe."
