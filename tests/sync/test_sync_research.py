"""The research issue's "done when", end to end: two learners work through a module and sync,
one consenting; the export holds her alone, pseudonymous, with valid xAPI statements (judged by
the specification's required fields, by edX's tincan library and by Ralph); withdrawing takes
her out of the next export; deleting her account leaves no trace but the shared words she
chose to keep."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

from clients import Client, unique, write_entry
from ralph_lrs import LrsServer
from xapi_checks import problems, tincan_problems

from team_desktop.core import feed, progress, quiz
from team_desktop.core.research import answers, consent, my_data
from team_desktop.core.store.models import ActivityRecord
from team_desktop.core.sync import account, credentials
from team_desktop.core.sync import state as sync_state

sys.path.insert(0, str(Path(__file__).parents[1] / "server"))
from research_helpers import read_csv, team_server, traces  # noqa: E402

LESSONS = ("test-mini/premiere", "test-mini/seconde")
QUIZ, QUESTIONNAIRE = "test-mini/mini-quiz", "test-mini/mini-questionnaire"


def work_through_the_module(client: Client, group_id: str, comment_on: str | None) -> str:
    """What a learner does in the mini module; returns the id of the entry they shared."""
    with client:
        for lesson in LESSONS:
            progress.opened(lesson)
            progress.set_completed(lesson)
        fields = json.loads(ActivityRecord.get_by_id(QUIZ).fields_json)
        state = quiz.QuizState()
        quiz.toggle_choice(fields, state, 0, 0)
        quiz.submit(QUIZ, fields, state)
        items = json.loads(ActivityRecord.get_by_id(QUESTIONNAIRE).fields_json)["items"]
        answers.save(QUESTIONNAIRE, items, {"confiance": 4, "frein": "Le temps qui manque"})
        shared = write_entry(client, "Notre séance", "Ce qui a marché.", "group", group_id)
        if comment_on:
            feed.add_comment("entry", comment_on, "Merci pour ce partage")
    return shared


def export(server, out: Path) -> dict:
    done = team_server(server, "research-export", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return {
        "learners": {row["apprenant"] for row in read_csv(out / "apprenants.csv")},
        "answers": read_csv(out / "reponses.csv"),
        "quiz": read_csv(out / "quiz.csv"),
        "progress": read_csv(out / "progression.csv"),
        "statements": json.loads((out / "traces-xapi.json").read_text(encoding="utf-8")),
        "text": "".join(p.read_text(encoding="utf-8") for p in out.iterdir()),
    }


def test_consent_export_withdrawal_and_deletion(make_client, live_server, ralph_factory, tmp_path):
    amina_name, seb_name = unique("Amina Oui"), unique("Sébastien Non")
    amina = make_client("amina").sign_up(unique("amina"), amina_name)
    seb = make_client("seb").sign_up(unique("seb"), seb_name)
    with amina:
        consent.decide(True, consent.load_text().version)
        group = account.create_group(amina.connection, "Atelier recherche")
    with seb:
        consent.decide(False, consent.load_text().version)
        account.join_group(seb.connection, group.invite_code)
    amina_entry = work_through_the_module(amina, group.id, comment_on=None)
    amina.sync()
    work_through_the_module(seb, group.id, comment_on=amina_entry)
    for client in (seb, amina, seb):
        report = client.sync()
        assert report.rejected == {}, report.rejected
    with amina:
        assert consent.decision().synced
        mine = my_data.server_summary(amina.connection)["research_pseudonym"]
    with seb:
        his = my_data.server_summary(seb.connection)["research_pseudonym"]

    first = export(live_server, tmp_path / "export-1")
    assert mine in first["learners"] and his not in first["learners"]
    assert his not in first["text"]
    for secret in (amina_name, seb_name, "Ce qui a marché", "Merci pour ce partage"):
        assert secret not in first["text"]
    ours = [s for s in first["statements"] if s["actor"]["account"]["name"] == mine]
    verbs = sorted(s["verb"]["id"].rsplit("/", 1)[1] for s in ours)
    assert verbs == ["answered", "answered", "completed", "completed", "experienced"] + [
        "experienced",
        "shared",
    ]
    for statement in ours:
        assert problems(statement) == [], statement
        assert tincan_problems(statement) == [], statement
    assert len({s["context"]["registration"] for s in ours}) == 1
    ralph = ralph_factory()
    assert ralph.strict_errors(ours) == ["ok"] * len(ours)
    ralph.start()
    assert ralph.post(ours).status_code == 200
    # The open answer stays with the learner; the research team gets the rank.
    assert {row["valeur"] for row in first["answers"] if row["apprenant"] == mine} == {"4"}
    assert "Le temps qui manque" not in first["text"]
    assert [row["score"] for row in first["quiz"] if row["apprenant"] == mine] == ["1"]

    with amina:
        consent.decide(False, consent.load_text().version)
    amina.sync()
    second = export(live_server, tmp_path / "export-2")
    assert mine not in second["learners"] and mine not in second["text"]

    with amina:
        state = sync_state.load()
        token = credentials.load_token(state.server_url, state.username)
        user_id = state.user_id
        my_data.delete_account(amina.connection, "un mot de passe assez long", my_data.ANONYMISE)
        assert not sync_state.load().configured
        assert progress.is_completed(LESSONS[0])  # the local copy stays
    token_hash = hashlib.sha256(token.encode()).hexdigest()
    for needle in (state.username, amina_name, token_hash):
        assert traces(live_server, needle) == [], needle
    assert {table for table, _column in traces(live_server, user_id)} <= {"record"}
    # Her shared entry stays with the group, anonymised; Séb's comment on it too.
    seb.sync()
    with seb:
        [item] = [i for i in feed.items() if i.id == amina_entry]
        assert item.author == "Participant·e anonyme"
        assert [c.body for c in item.comments] == ["Merci pour ce partage"]


def test_statements_made_in_the_app_reach_the_lrs(ralph_factory, tmp_path):
    """The whole chain: the app records, syncs; the server forwards to Ralph, once each."""
    ralph = ralph_factory().start()
    server = LrsServer(tmp_path / "server", None, ralph).start()
    client = Client(tmp_path / "awa", server.url).sign_up(unique("awa"), "Awa")
    try:
        with client:
            consent.decide(True, consent.load_text().version)
        work_through_the_module(client, account_group(client), comment_on=None)
        client.sync()
        deadline = time.monotonic() + 60
        while len(ralph.stored()) < 7 and time.monotonic() < deadline:
            time.sleep(0.2)
        stored = ralph.stored()
        assert len(stored) == 7 and len({s["id"] for s in stored}) == 7
        assert ralph.strict_errors(stored) == ["ok"] * 7
        assert all(problems(s) == [] and tincan_problems(s) == [] for s in stored)
    finally:
        client.close()
        server.stop()


def account_group(client: Client) -> str:
    with client:
        return account.create_group(client.connection, "Atelier").id
