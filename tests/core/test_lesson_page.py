"""The lesson page as data: the learner's own facts under each activity, read without writing."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

from team_desktop.core import course, library, quiz
from team_desktop.core.notes import store as notes
from team_desktop.core.portfolio import entries
from team_desktop.core.quiz import QuizState
from team_desktop.core.render.lesson_page import lesson_html, load_page
from team_desktop.core.research import answers
from team_desktop.core.store import changes
from tests.core.conftest import table_snapshot

FIRST, SECOND = "test-mini/premiere", "test-mini/seconde"
REFLECTION, QUIZ = "test-mini/mini-reflexion", "test-mini/mini-quiz"
COPREP, QUESTIONNAIRE = "test-mini/mini-coprep", "test-mini/mini-questionnaire"


def _entry(store, title: str) -> str:
    entry = entries.create_entry(store.paths.packs, "libre", activity_uid=REFLECTION)
    entries.save_entry(entry.id, title=title, body="Texte.")
    return entry.id


def _answer_everything(store) -> dict[str, str]:
    """An entry, a note, a questionnaire answer and a quiz attempt for the mini pack."""
    made = {"entry": _entry(store, "Ma séance de mardi")}
    made["note"] = notes.create(title="Préparer à deux", activity_uid=COPREP)
    items = load_page(SECOND, store.paths.packs).facts[QUESTIONNAIRE].activity.fields["items"]
    answers.save(QUESTIONNAIRE, items, {"confiance": 4, "frein": "Le temps."})
    fields = load_page(FIRST, store.paths.packs).facts[QUIZ].activity.fields
    quiz.submit(QUIZ, fields, QuizState({0: {1}}))
    return made


def test_the_page_carries_the_learners_own_facts_under_each_activity(course):
    made = _answer_everything(course)

    first = load_page(FIRST, course.paths.packs)
    second = load_page(SECOND, course.paths.packs)

    assert [e.id for e in first.facts[REFLECTION].entries] == [made["entry"]]
    assert first.facts[QUIZ].quiz == QuizState({0: {1}}, submitted=True)
    assert [n.id for n in second.facts[COPREP].notes] == [made["note"]]
    assert second.facts[QUESTIONNAIRE].answered_at is not None
    assert second.facts["test-mini/mini-pairs"].entries == []
    # Rendered from the data alone: each fact under its activity.
    first_html, second_html = lesson_html(first), lesson_html(second)
    assert "Ma séance de mardi" in first_html
    assert f"team:quiz-reset/{QUIZ}" in first_html  # the last attempt, shown submitted
    assert "Préparer à deux" in second_html
    assert "Vous avez répondu le" in second_html
    # A quiz being answered wins over the last attempt.
    assert f"team:quiz-submit/{QUIZ}" in lesson_html(first, {QUIZ: QuizState()})


def test_loading_and_rendering_a_page_write_nothing(course):
    _answer_everything(course)
    heard: list[changes.ChangeSet] = []
    course.db.subscribe(heard.append)
    before = table_snapshot()

    for uid in (FIRST, SECOND):
        lesson_html(load_page(uid, course.paths.packs))

    assert heard == []
    assert table_snapshot() == before


def test_a_page_reads_while_another_process_holds_the_write_lock(course):
    _entry(course, "Écrite avant le verrou")
    hold = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1]); c.execute('BEGIN IMMEDIATE')\n"
        "print('held', flush=True); time.sleep(30)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", hold, course.db.database], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "held"
            started = time.monotonic()
            page = load_page(FIRST, course.paths.packs)
            # Reading waits for no lock: well under SQLite's busy timeout of 3 s.
            assert time.monotonic() - started < 2
        finally:
            holder.kill()
    assert [e.title for e in page.facts[REFLECTION].entries] == ["Écrite avant le verrou"]


def test_refresh_reads_again_only_the_facts_of_the_kinds_changed(course):
    page = load_page(SECOND, course.paths.packs)
    note_id = notes.create(title="Arrivée après l'ouverture", activity_uid=COPREP)

    assert page.refresh([changes.ENTRIES, changes.PROGRESS]) is False  # none on this page
    assert page.facts[COPREP].notes == []
    assert page.refresh([changes.NOTES]) is True
    assert [n.id for n in page.facts[COPREP].notes] == [note_id]
    assert "Arrivée après l'ouverture" in lesson_html(page)


def test_previous_and_next_come_with_the_page_in_course_order(store, tmp_path, pack):
    content = tmp_path / "content"
    shutil.copytree(pack.root, content / "mini-pack")
    # A second module, earlier in the course, whose lessons come first.
    shutil.copytree(pack.root, content / "avant")
    toml = content / "avant" / "pack.toml"
    text = toml.read_text(encoding="utf-8").replace('"test-mini"', '"test-avant"')
    toml.write_text(text.replace("order = 9", "order = 1"), encoding="utf-8")
    installed, failures = library.install_bundled(store, content)
    assert len(installed) == 2 and not failures

    sequence = course.lesson_sequence()

    assert sequence == [lesson.uid for m in course.modules() for lesson in m.lessons]
    assert sequence == ["test-avant/premiere", "test-avant/seconde", FIRST, SECOND]
    first = load_page(FIRST, store.paths.packs)
    assert (first.previous, first.next) == ("test-avant/seconde", SECOND)
    assert load_page(SECOND, store.paths.packs).next is None
    assert load_page("test-mini/absente", store.paths.packs) is None


def test_a_lessons_text_is_cut_and_rendered_once_per_version_of_its_pack(store, tmp_path, pack):
    content = tmp_path / "content"
    shutil.copytree(pack.root, content / "mini-pack")
    assert len(library.install_bundled(store, content)[0]) == 1
    page = load_page(FIRST, store.paths.packs)
    html = lesson_html(page)

    again = load_page(FIRST, store.paths.packs)
    assert again.text is page.text  # not cut nor rendered again
    assert lesson_html(again) == html
    assert load_page(SECOND, store.paths.packs).text is not page.text

    # A new version of the pack, the lesson changed: its new text shows.
    lesson = content / "mini-pack" / "01-premiere.md"
    lesson.write_text(
        lesson.read_text(encoding="utf-8") + "\nUne phrase de la version 2.\n", encoding="utf-8"
    )
    toml = content / "mini-pack" / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"1.0.0"', '"2.0.0"'), "utf-8")
    assert len(library.install_bundled(store, content)[0]) == 1
    newer = load_page(FIRST, store.paths.packs)
    assert newer.text is not page.text
    assert "Une phrase de la version 2." in lesson_html(newer)
