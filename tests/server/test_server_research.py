"""Research on a real server: consent with its history, statements, the export, the role."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from live_server import Account, LiveServer
from research_helpers import consent, read_csv, team_server
from server_helpers import Device, new_id, xapi_statement

T1 = "2026-11-29T08:15:00Z"


def answer_data(**answers) -> dict:
    return {
        "activity_uid": "team-s1/s1-questionnaire-profil",
        "answers": answers,
        "answered_at": T1,
    }


def test_consent_keeps_its_version_date_and_history(live_server: LiveServer):
    learner = live_server.new_account("consent")
    me = learner.get("/me").json()
    assert me["research_consent"] is False and me["research_consent_version"] is None
    answer = consent(learner, True, "1", decided_at="2026-11-28T10:00:00Z")
    assert answer["research_consent"] is True
    assert answer["research_consent_version"] == "1"
    assert answer["research_consent_at"] == "2026-11-28T10:00:00Z"
    # A decision made earlier on another device, sent later, does not override a newer one,
    # and is kept in the history all the same.
    stale = consent(learner, False, "1", decided_at="2026-11-27T10:00:00Z")
    assert stale["research_consent"] is True
    # A long version name is kept whole (a cut one would make the app ask again).
    long_version = "2026-11-consentement-recherche-ercae-v2.1"
    withdrawn = consent(learner, False, long_version)
    assert withdrawn["research_consent"] is False
    assert withdrawn["research_consent_version"] == long_version
    history = learner.get("/me/data").json()["consent"]["history"]
    assert [(e["consent"], e["decided_at"][:10]) for e in history][:2] == [
        (False, "2026-11-27"),
        (True, "2026-11-28"),
    ]
    assert [e["version"] for e in history] == ["1", "1", long_version]


def test_a_decision_dated_in_the_future_counts_as_now(live_server: LiveServer):
    learner = live_server.new_account("horloge")
    answer = consent(learner, True, "1", decided_at="2099-01-01T00:00:00Z")
    assert answer["research_consent_at"] < "2099"
    # So a later real decision still wins over a device clock far ahead.
    assert consent(learner, False, "1")["research_consent"] is False


def test_an_unreadable_decision_date_is_refused_in_french(live_server: LiveServer):
    learner = live_server.new_account("datefausse")
    refused = learner.http.put(
        live_server.api + "/me/research-consent",
        json={"consent": True, "version": "1", "decided_at": "hier soir"},
    )
    assert refused.status_code == 422
    assert "decided_at" in refused.json()["detail"]
    assert learner.get("/me").json()["research_consent"] is False


def test_statements_are_checked_made_pseudonymous_and_never_pulled_back(
    live_server: LiveServer,
):
    learner = live_server.new_account("traces", "Zoé Traces")
    consent(learner, True)
    device = Device(learner)
    statement = xapi_statement(timestamp="2099-01-01T00:00:00Z")
    statement["actor"]["account"]["name"] = learner.username  # a device must not decide this
    assert device.push("statement", statement["id"], statement)["status"] == "applied"
    bad = [
        xapi_statement(verb="a b"),  # the verb id is not an IRI
        {**xapi_statement(), "authority": {"mbox": "mailto:x@example.org"}},
        {**xapi_statement(), "object": {"id": "pas une IRI"}},
        {**xapi_statement(), "result": {"score": {"scaled": 2}}},
    ]
    for wrong in bad:
        ack = device.push("statement", wrong["id"], wrong)
        assert ack["status"] == "rejected" and "xAPI" in ack["error"], wrong
    mismatched = xapi_statement()
    ack = device.push("statement", str(uuid.uuid4()), mismatched)
    assert ack["status"] == "rejected"
    assert all(c["kind"] != "statement" for c in Device(learner).pull_all())
    out = live_server.data_dir.parent / f"export-{new_id()}"
    assert team_server(live_server, "research-export", "--out", str(out)).returncode == 0
    [kept] = [
        s for s in json.loads((out / "traces-xapi.json").read_text()) if s["id"] == statement["id"]
    ]
    assert kept["actor"]["account"]["homePage"] == "https://mooc-team.fr"
    name = kept["actor"]["account"]["name"]
    assert len(name) == 32 and name not in (learner.username, learner.id)
    assert kept["timestamp"] < "2099"


def test_the_export_holds_consenting_learners_only_until_they_withdraw(
    live_server: LiveServer, tmp_path: Path
):
    yes = live_server.new_account("oui", "Amina Consentante")
    no = live_server.new_account("non", "Sébastien Refus")
    consent(yes, True)
    for learner in (yes, no):
        device = Device(learner)
        device.push("progress", "team-s1/recherche", {"completed": True, "changed_at": T1})
        quiz = {
            "activity_uid": "team-s1/s1-quiz-reperes",
            "answers": {},
            "score": 5,
            "max_score": 6,
            "answered_at": T1,
        }
        device.push("quiz", new_id(), quiz)
        device.push("time", f"team-s1/recherche|{device.id}", {"seconds": 300})
    answered = Device(yes).push(
        "answer", new_id(), answer_data(**{"preparer-ensemble": 4, "attente-ouverte": "Du temps"})
    )
    assert answered["status"] == "applied"
    assert (
        Device(no).push("answer", new_id(), answer_data(**{"preparer-ensemble": 2}))["status"]
        == "rejected"
    )

    first = tmp_path / "premier"
    done = team_server(live_server, "research-export", "--out", str(first))
    assert done.returncode == 0, done.stderr
    learners = read_csv(first / "apprenants.csv")
    pseudonyms = {row["apprenant"] for row in learners}
    assert len(pseudonyms) >= 1 and all(len(p) == 32 for p in pseudonyms)
    progress = read_csv(first / "progression.csv")
    assert {row["apprenant"] for row in progress} <= pseudonyms
    # The open answer stays out: only the rank reaches the research team.
    ours = [row for row in read_csv(first / "reponses.csv") if row["item"] == "preparer-ensemble"]
    assert not [row for row in read_csv(first / "reponses.csv") if row["item"] == "attente-ouverte"]
    mine = {row["apprenant"] for row in ours if row["valeur"] == "4"}
    assert len(mine) == 1
    assert {row["apprenant"] for row in read_csv(first / "quiz.csv")} >= mine
    assert {row["apprenant"] for row in read_csv(first / "temps.csv")} >= mine
    everything = "".join(p.read_text(encoding="utf-8") for p in first.iterdir())
    for secret in (
        yes.username,
        no.username,
        yes.id,
        no.id,
        "Amina Consentante",
        "Sébastien Refus",
    ):
        assert secret not in everything
    dictionary = read_csv(first / "dictionnaire-des-donnees.csv")
    for name in ("apprenants.csv", "progression.csv", "quiz.csv", "reponses.csv", "temps.csv"):
        header = (first / name).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == [row["colonne"] for row in dictionary if row["fichier"] == name]

    consent(yes, False)
    second = tmp_path / "second"
    assert team_server(live_server, "research-export", "--out", str(second)).returncode == 0
    later = {row["apprenant"] for row in read_csv(second / "apprenants.csv")}
    assert not (mine & later)
    assert not [r for r in read_csv(second / "reponses.csv") if r["apprenant"] in mine]
    assert not [r for r in read_csv(second / "progression.csv") if r["apprenant"] in mine]


def test_only_researchers_download_the_export(live_server: LiveServer):
    researcher = live_server.new_account("chercheur")
    refused = researcher.get("/research/export")
    assert refused.status_code == 403 and "grant-researcher" in refused.json()["detail"]
    granted = team_server(live_server, "grant-researcher", researcher.username)
    assert granted.returncode == 0, granted.stderr
    assert researcher.get("/me").json()["researcher"] is True
    answer = researcher.get("/research/export")
    assert answer.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(answer.content)).namelist()
    assert {
        "apprenants.csv",
        "traces-xapi.json",
        "dictionnaire-des-donnees.csv",
        "LISEZMOI.md",
    } <= set(names)
    unknown = team_server(live_server, "grant-researcher", "personne-de-connu")
    assert unknown.returncode == 1 and "compte inconnu" in unknown.stderr
    team_server(live_server, "grant-researcher", researcher.username, "--revoke")
    assert researcher.get("/research/export").status_code == 403


def test_forwarding_without_an_lrs_says_so(live_server: LiveServer):
    done = team_server(live_server, "forward-statements")
    assert done.returncode == 2 and "aucun LRS" in done.stderr


@pytest.fixture
def learner_with_data(live_server: LiveServer) -> tuple[Account, str]:
    learner = live_server.new_account("donnees", "Awa Données")
    consent(learner, True)
    device = Device(learner)
    device.push("progress", "team-s1/recherche", {"completed": True, "changed_at": T1})
    answer_id = new_id()
    device.push("answer", answer_id, answer_data(**{"preparer-ensemble": 3}))
    return learner, answer_id


def test_my_data_lists_and_downloads_everything(learner_with_data: tuple[Account, str]):
    learner, answer_id = learner_with_data
    summary = learner.get("/me/data").json()
    assert summary["account"]["username"] == learner.username
    counts = {row["kind"]: row["count"] for row in summary["records"]}
    assert counts["progress"] == 1 and counts["answer"] == 1 and counts["entry"] == 0
    assert summary["consent"]["research_consent"] is True
    assert summary["devices"][0]["device_name"] == "test"
    download = learner.get("/me/data.zip")
    assert download.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    answers = json.loads(archive.read("enregistrements/answer.json"))
    assert [a["id"] for a in answers] == [answer_id]
    assert json.loads(archive.read("mes-donnees.json"))["account"]["id"] == learner.id
