"""Session plans in the window: edit and check, merge a co-author's offline copy, observe
through a kill, debrief planned against actual time, print the plan."""

from __future__ import annotations

import datetime as dt
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import files as note_files
from team_desktop.core.paths import DataPaths
from team_desktop.core.plans import observation
from team_desktop.core.plans.plans import create_plan, load_plan, save_plan
from team_desktop.core.store.db import open_store
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.ui.actions import Act
from team_desktop.ui.plans_controller import write_plan_pdf

DRIVER = Path(__file__).with_name("observation_driver.py")
STARTUP_LIMIT_S = 90
T0 = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def _new_plan_from_menu(window, qtbot, start_text: str) -> str:
    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.title_edit.setText("")
        dialog.start_choice.setCurrentIndex(dialog.start_choice.findText(start_text))
        dialog.accept()

    QTimer.singleShot(0, choose)
    window.actions_[Act.NEW_PLAN].trigger()
    return window.plans.view.note_id


def test_new_plan_from_the_course_is_checked_as_it_is_edited(window, qtbot):
    note_id = _new_plan_from_menu(
        window, qtbot, "Modèle du cours : Une heure en variant les configurations"
    )
    editor = window.plans.view.editor
    assert window.stack.currentWidget() is window.plans.view
    assert editor.table.rowCount() == 4
    assert "Phase 1 : personne ne mène cette phase." not in editor.problems_label.text()
    assert "Présentation de la situation : personne ne mène" in editor.problems_label.text()
    for row, (lead, other) in enumerate(
        [("Awa", "Ben"), ("Awa : îlot geste", "Ben : îlot langue"), ("Awa", "Ben"), ("Awa", "rien")]
    ):
        editor.table.item(row, 3).setText(lead)
        editor.table.item(row, 4).setText(other)
    assert editor.problems_label.text() == (
        "⚠ Synthèse et lien avec la suite : l'autre adulte n'a pas de rôle (« rien » n'en est pas un)."
    )
    editor.table.item(3, 4).setText("Ben : fait le lien avec la séance suivante")
    editor.minutes_spin.setValue(50)
    assert "Les phases durent 60 min, 10 de plus que la séance (50 min)." in (
        editor.problems_label.text()
    )
    assert editor.total_label.text() == "Total des phases : 60 min sur 50"
    editor.table.setCurrentCell(3, 0)
    editor.remove_phase()
    assert "55 min, 5 de plus" in editor.problems_label.text()
    editor.minutes_spin.setValue(55)
    assert "✔" in editor.problems_label.text()
    qtbot.waitUntil(lambda: not editor.save_timer.isActive(), timeout=3000)
    plan = load_plan(note_id)
    assert plan.minutes == 55 and len(plan.phases()) == 3
    assert plan.phases()[1].lead == "Awa : îlot geste"


def test_a_co_authors_offline_copy_merges_into_the_open_plan(window, qtbot, tmp_path):
    note_authors.set_name("Awa")
    note_id = _new_plan_from_menu(
        window, qtbot, "Modèle du cours : Une heure en variant les configurations"
    )
    sent = note_files.export_note(note_id, tmp_path / "pour-ben.teamnote")
    # Ben, on his own machine, offline: adds a phase and writes the objectives.
    ben_store = open_store(DataPaths(tmp_path / "ben"))
    try:
        with ben_store.bound():
            note_authors.set_name("Ben")
            note_files.import_note(sent)
            plan = load_plan(note_id)
            me = note_authors.local_author()
            plan.set_text("objectives", "Présenter son métier en trois phrases", me)
            plan.add_phase(me, name="Bilan écrit", minutes=10, lead="Ben", other="Awa relit")
            save_plan(note_id, plan)
            back = note_files.export_note(note_id, tmp_path / "pour-awa.teamnote")
    finally:
        ben_store.close()
        window.store.activate()  # opening a store makes it the active one
    # Meanwhile Awa changed the first phase's role in her window.
    editor = window.plans.view.editor
    editor.table.item(0, 3).setText("Awa présente la situation")
    editor.save_now()
    assert window.notes.view.import_file(back)
    window.plans.show(note_id)
    assert editor.objectives_edit.toPlainText() == "Présenter son métier en trois phrases"
    names = [editor.table.item(row, 0).text() for row in range(editor.table.rowCount())]
    assert names[-1] == "Bilan écrit" and len(names) == 5
    assert editor.table.item(0, 3).text() == "Awa présente la situation"
    assert editor.authors_label.text() == "Écrit par : Awa, Ben"
    assert editor.table.verticalHeaderItem(4).toolTip() == "Écrit par : Ben"


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.strip())
    lines.put(None)


def _drive(data: Path, plan_id: str, taps: int, end: bool, kill_after: int | None):
    """Run the driver; returns (run id, taps printed) and whether it was killed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    args = [sys.executable, str(DRIVER), str(data), plan_id, str(taps)] + (["end"] if end else [])
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True).start()
    run_id, printed = None, []
    deadline = time.monotonic() + STARTUP_LIMIT_S
    try:
        while True:
            line = lines.get(timeout=max(1.0, deadline - time.monotonic()))
            if line is None:
                break
            if line.startswith("run "):
                run_id = line.split()[1]
            elif line.startswith("tap "):
                printed.append(float(line.split()[2]))
                if kill_after is not None and len(printed) >= kill_after:
                    process.send_signal(signal.SIGKILL)
                    break
        process.wait(timeout=STARTUP_LIMIT_S)
    finally:
        process.kill()
        process.wait()
        error = process.stderr.read()
        process.stdout.close()
        process.stderr.close()
    return run_id, printed, process.returncode, error


def test_observation_killed_mid_run_loses_no_tap_and_resumes(tmp_path):
    data = tmp_path / "data"
    store = open_store(DataPaths(data))
    try:
        plan_id = create_plan("Observée", template_id="une-heure-variee")
    finally:
        store.close()
    first_run, before_kill, code, error = _drive(data, plan_id, 10_000, False, kill_after=25)
    assert code == -signal.SIGKILL, error
    second_run, after, code, error = _drive(data, plan_id, 20, True, kill_after=None)
    assert code == 0, error
    assert first_run == second_run, "the second start did not resume the cut run"
    assert after[0] >= before_kill[-1]  # the run's clock went on across the kill

    store = open_store(DataPaths(data))
    try:
        [run] = observation.runs(load_plan(plan_id))
    finally:
        store.close()
    taps = run.taps
    # Every tap printed was stored before the print; a tap made after the last print may too.
    assert len(before_kill) + len(after) <= len(taps) <= len(before_kill) + len(after) + 1
    assert len(taps) >= 45 and run.ended
    assert [t.category for t in taps[:5]] == [
        "Qui parle",
        "Interactions avec les apprenants",
        "Signaux entre adultes",
        "Transitions",
        "Engagement des apprenants",
    ]


def test_debrief_shows_planned_against_actual_and_writes_the_debrief(window, qtbot):
    note_authors.set_name("Awa")
    note_id = create_plan("Jeudi", template_id="une-heure-variee")
    observer = observation.Observer(note_id)
    observer.start(T0)
    for minute in (1, 2, 3, 13, 20):
        observer.tap(
            "Transitions" if minute == 13 else "Qui parle", now=T0 + dt.timedelta(minutes=minute)
        )
    observer.next_phase(T0 + dt.timedelta(minutes=12))
    observer.next_phase(T0 + dt.timedelta(minutes=47))
    observer.end(T0 + dt.timedelta(minutes=55))
    window.plans.show(note_id)
    view = window.plans.view
    view.tabs.setCurrentWidget(view.observation)
    assert view.observation.buttons[0].text() == "1  Qui parle"
    # Long category labels wrap: the window still fits a 1024-pixel screen.
    assert view.observation.buttons[1].text() == "2  Interactions avec les\napprenants"
    assert window.minimumSizeHint().width() <= 1024
    view.tabs.setCurrentWidget(view.debrief)
    table = view.debrief.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [
        ["Présentation de la situation", "10 min", "12 min", "+2 min"],
        ["Deux îlots qui tournent", "30 min", "35 min", "+5 min"],
        ["Présentations orales en demi-groupes", "15 min", "8 min", "-7 min"],
        ["Synthèse et lien avec la suite", "5 min", "non atteinte", ""],
    ]
    timeline = view.debrief.timeline.toPlainText()
    assert "12:00 Deux îlots qui tournent" in timeline and "13:00 Transitions" in timeline
    assert "Qui parle : 4" in timeline and "Transitions : 1" in timeline
    view.debrief.journal_button.click()
    entry = JournalEntry.select().where(JournalEntry.title == "Débriefing — Jeudi").get()
    assert entry.body.startswith("Plan de séance : [Jeudi](team:note/")
    assert "### Nos décisions (3 minutes)" in entry.body
    assert window.stack.currentWidget() is window.journal.view
    # The entry's link to the plan (and a search hit) opens the plan, not its bare text.
    window.notes.open_link(f"notes/{note_id}")
    assert window.stack.currentWidget() is window.plans.view
    window.plans.show(note_id)
    view.tabs.setCurrentWidget(view.debrief)
    view.debrief.notes_button.click()
    assert window.stack.currentWidget() is window.notes.view
    text = window.notes.view.editor.text_edit.toPlainText()
    assert "Les apprenants d’abord (5 minutes)" in text and "- 13:00 Transitions" in text


def test_printed_plan_is_one_readable_page(window, tmp_path):
    note_id = create_plan("Séance du jeudi", template_id="sophie-karim")
    path = tmp_path / "plan.pdf"
    assert write_plan_pdf(note_id, path) == 1
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Pages:           1" in info
    flat = " ".join(text.split())
    for expected in (
        "Séance du jeudi",
        "Élèves de CAP cuisine",
        "Démonstration",
        # Cells wrap where the layout decides: words and short runs only.
        "Un enseigne,",
        "(tandem)",
        "Karim : réalise",
        "d’évaluation",
        "Grille d’observation",
        "Engagement des apprenants",
    ):
        assert expected in flat, expected


def test_observation_buttons_show_a_peers_labels_as_written(window, qtbot):
    note_id = create_plan("Grille", template_id="une-heure-variee")
    plan = load_plan(note_id)
    plan.set_categories(["Q&R", "<b>gras</b>"])
    save_plan(note_id, plan)
    window.plans.show(note_id)
    view = window.plans.view
    view.tabs.setCurrentWidget(view.observation)
    first, second = view.observation.buttons
    assert first.text() == "1  Q&&R"  # shown as "Q&R", not as a mnemonic
    assert second.text() == "2  <b>gras</b>"
    view.observation.start_button.click()
    qtbot.keyClick(view.observation, "1")
    assert [t.category for t in view.observation.observer.run.taps] == ["Q&R"]
