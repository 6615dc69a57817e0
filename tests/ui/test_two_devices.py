"""Done when: two real app windows (two data folders, one real server) lose no word.

Each device is the real window in its own process (`device_driver.py`), so each has its own
store; the test says who types and who syncs, in the order of each scenario of issue 12.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from live_server import LiveServer

DRIVER = Path(__file__).with_name("device_driver.py")
QUIZ = "test-mini/mini-quiz"
ROOT = Path(__file__).resolve().parents[2]


class Device:
    """A running app window in another process, driven one command at a time."""

    def __init__(self, data_dir: Path, url: str):
        # The code under test is this checkout's, whatever the environment's install points at.
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), str(data_dir), url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )

    def wait_ready(self) -> Device:
        """Wait until the window is up (devices started together start side by side)."""
        assert self._answer() == {"ready": True}
        return self

    def _answer(self) -> dict:
        line = self.process.stdout.readline()
        assert line, f"the device stopped (exit code {self.process.poll()})"
        return json.loads(line)

    def __call__(self, op: str, **args) -> dict:
        self.send(op, **args)
        answer = self._answer()
        assert "error" not in answer, answer["error"]
        return answer

    def send(self, op: str, **args) -> None:
        """A command that is not answered (the device is meant to die doing it)."""
        self.process.stdin.write(json.dumps({"op": op, **args}) + "\n")
        self.process.stdin.flush()

    def wait_end(self) -> int:
        """Wait for the device's process to end by itself; its exit code."""
        return self.process.wait(60)

    def close(self) -> None:
        if self.process.poll() is None:
            self("quit")
        self.process.wait(30)
        self.process.stdin.close()
        self.process.stdout.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the module: each scenario signs up learners of its own."""
    started = LiveServer(tmp_path_factory.mktemp("server")).start()
    yield started
    started.stop()


@pytest.fixture
def devices(tmp_path, server):
    made: list[Device] = []

    def make(*names: str) -> list[Device]:
        started = [Device(tmp_path / name, server.url) for name in names]
        made.extend(started)
        return [device.wait_ready() for device in started]

    yield make
    for device in made:
        device.close()


def _same_learner(devices) -> tuple[Device, Device]:
    username = f"claire-{uuid.uuid4().hex[:8]}"
    a, b = devices("a", "b")
    a("log_in", username=username, name="Claire", create=True)
    b("log_in", username=username, name="Claire", create=False)
    a.username = b.username = username
    return a, b


def test_an_entry_open_on_b_shows_what_a_wrote_and_b_s_next_word_keeps_it(devices):
    a, b = _same_learner(devices)
    entry_id = a("new_entry", title="Séance à deux", body="Plan de départ.")["id"]
    a("sync")
    b("sync")
    b("open_entry", id=entry_id)
    assert b("entry_state")["text"] == "Plan de départ."
    a("open_entry", id=entry_id)
    a("type", text=" Ajout de A.")
    a("sync")
    b("sync")
    # Without reopening anything, B's open editor shows A's words...
    assert b("entry_state")["text"] == "Plan de départ. Ajout de A."
    # ...so B's next word is written after them, and every device ends with both.
    b("type", text=" Mot de B.")
    b("sync")
    a("sync")
    for device in (a, b):
        [stored] = device("entry_state")["stored"]
        assert stored["body"] == "Plan de départ. Ajout de A. Mot de B."
    assert a("entry_state")["text"] == "Plan de départ. Ajout de A. Mot de B."


def test_a_pull_that_arrives_while_b_types_keeps_both_texts_and_the_learner_resolves(devices):
    a, b = _same_learner(devices)
    entry_id = a("new_entry", title="Bilan", body="Début commun.")["id"]
    a("sync")
    b("sync")
    b("open_entry", id=entry_id)
    a("open_entry", id=entry_id)
    a("type", text=" Paragraphe de A.")
    a("sync")
    b("type", text=" Phrase de B en cours", save=False)  # not saved yet when the pull comes
    b("sync")
    state = b("entry_state")
    assert state["text"] == "Début commun. Phrase de B en cours"
    assert "modifiée sur un autre appareil" in state["conflict"]
    bodies = {s["body"]: s for s in state["stored"]}
    assert set(bodies) == {"Début commun. Phrase de B en cours", "Début commun. Paragraphe de A."}
    assert bodies["Début commun. Paragraphe de A."]["conflict_of"] == entry_id
    b("sync")
    a("sync")
    # Both texts are on A too; nothing of either device is lost.
    assert {s["body"] for s in a("entry_state")["stored"]} == set(bodies)
    # The learner reads the other version, copies what they want, and bins the copy.
    other = b("open_other_version")
    assert other["text"] == "Début commun. Paragraphe de A."
    b("open_entry", id=entry_id)
    b("type", text=" Paragraphe de A.")
    b("open_entry", id=other["id"])
    assert b("trash_open_entry") == {"trashed": True}
    b("sync")
    a("sync")
    [kept] = a("entry_state")["stored"]
    assert kept["body"] == "Début commun. Phrase de B en cours Paragraphe de A."


def test_an_autosave_during_a_sync_applying_a_large_page_succeeds(devices):
    a, b = _same_learner(devices)
    a("many_entries", count=200, size=2_000)  # one full pulled page
    entry_id = b("new_entry", title="Pendant la synchronisation", body="")["id"]
    b("open_entry", id=entry_id)
    a("sync")
    typed = "Je continue d'écrire pendant que la synchronisation applique une grosse page."
    result = b("type_during_sync", text=typed)
    assert result["sync"] == "ok"
    assert result["failure"] is None  # no "locked by another program"
    assert result["saves_during_sync"] >= 1
    assert result["shown"] == result["stored"] == typed
    assert len(b("entry_state")["stored"]) == 201


def test_a_note_open_on_both_co_authors_shows_the_others_words_and_ready_mark(devices):
    awa, ben = devices("awa", "ben")
    awa("log_in", username=f"awa-{uuid.uuid4().hex[:8]}", name="Awa", create=True)
    ben("log_in", username=f"ben-{uuid.uuid4().hex[:8]}", name="Ben", create=True)
    group = awa("create_group", name="Collège Jean Moulin")
    ben("join_group", code=group["code"])
    note_id = awa("new_note", title="Séance commune", text="Objectif : ", group_id=group["id"])[
        "id"
    ]
    awa("sync")
    ben("sync")
    awa("open_note", id=note_id, caret=3)
    ben("open_note", id=note_id)
    ben("note_type", text="coopérer.")
    ben("note_ready")
    ben("sync")
    awa("sync")
    state = awa("note_state")  # Awa typed nothing since the note opened
    assert state["text"] == "Objectif : coopérer."
    assert state["caret"] == 3
    assert "Ben" in state["ready"]


def test_a_sync_killed_while_it_applies_a_large_page_loses_nothing_and_resumes(devices):
    a, b = _same_learner(devices)
    a("many_entries", count=200, size=200)  # one full pulled page for B
    a("sync")
    mine = b("new_entry", title="Écrite avant la coupure", body="Mes mots.")["id"]
    b("open_entry", id=mine)
    b("type", text=" Et ceux-ci.")
    # B's sync sends its entry, then the process is killed halfway through applying the page.
    b.send("sync_killed_mid_apply", after=100)
    assert b.wait_end() == -signal.SIGKILL
    [b] = devices("b")  # the app started again on the same data folder
    state = b("entry_state")
    # The page's transaction died with the process: nothing of it is half there, and B's
    # own words are intact.
    assert [(s["id"], s["body"]) for s in state["stored"]] == [(mine, "Mes mots. Et ceux-ci.")]
    # No keyring on this machine: the token lived in the killed process's memory, so the
    # learner signs in again (as the status bar asks), then the sync starts again.
    asked = b("sync")
    assert asked["state"] == "login" and "Connectez-vous" in asked["text"], asked
    b("log_in", username=a.username, name="Claire", create=False)
    assert b("sync")["state"] == "ok"
    stored = b("entry_state")["stored"]
    assert len(stored) == 201
    assert len({s["id"] for s in stored}) == 201
    a("sync")
    on_a = {s["id"]: s["body"] for s in a("entry_state")["stored"]}
    assert len(on_a) == 201 and on_a[mine] == "Mes mots. Et ceux-ci."  # sent again, once


def test_a_quiz_answered_on_a_shows_its_score_in_the_lesson_open_on_b(devices):
    a, b = _same_learner(devices)
    b("open_lesson", uid="test-mini/premiere")
    assert "Votre score" not in b("lesson_text")["text"]
    a("open_lesson", uid="test-mini/premiere")
    a("click", url=f"team:quiz/{QUIZ}/0/0")  # the right answer to question 1
    a("click", url=f"team:quiz/{QUIZ}/1/0")  # question 2: one of its two right answers
    a("click", url=f"team:quiz-submit/{QUIZ}")
    assert "Votre score : 1 / 2" in a("lesson_text")["text"]
    a("sync")
    b("sync")
    # Without reopening the lesson, B shows the attempt, its answers and their feedback.
    text = b("lesson_text")["text"]
    assert "Votre score : 1 / 2" in text and "Oui, ensemble." in text


def test_an_announcement_and_its_correction_reach_the_home_page_open_on_a_learners_device(
    devices,
):
    awa, ben = devices("awa", "ben")
    awa("log_in", username=f"awa-{uuid.uuid4().hex[:8]}", name="Awa", create=True)
    ben("log_in", username=f"ben-{uuid.uuid4().hex[:8]}", name="Ben", create=True)
    group = awa("create_group", name="SPOC TEAM saison 2")  # Awa facilitates it
    ben("join_group", code=group["code"])
    ben("sync")
    ben("show_home")
    made = awa("announce", group_id=group["id"], title="Classe virtuele jeudi", body="À 17 h.")
    awa("sync")
    ben("sync")
    texts = ben("home_texts")["texts"]
    assert "● Nouveau — Classe virtuele jeudi" in texts and "À 17 h." in texts
    awa("correct_announcement", id=made["id"], title="Classe virtuelle jeudi", body="À 17 h 30.")
    awa("sync")
    ben("sync")
    texts = ben("home_texts")["texts"]
    assert "● Nouveau — Classe virtuelle jeudi" in texts and "À 17 h 30." in texts
    assert not any("virtuele" in text or text == "À 17 h." for text in texts)
