"""What the research team receives, read as they read it: CSV in a spreadsheet, the codebook,
dates that no group member can match to a peer's shared entry, statements with a registration.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from live_server import LiveServer
from research_helpers import consent, read_csv, team_server
from server_helpers import Device, new_id, xapi_statement

from team_desktop.core.content.archive import build_archive

MINI_PACK = Path(__file__).resolve().parents[1] / "fixtures" / "mini-pack"
T1, T3 = "2026-11-29T08:15:00Z", "2026-12-01T21:40:00Z"
HEX32 = re.compile(r"^[0-9a-f]{32}$")


def export(server: LiveServer, out: Path) -> Path:
    done = team_server(server, "research-export", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def dataset(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two consenting learners with hostile cells, an open answer, statements; the mini pack
    published so the codebook has its questionnaire."""
    scratch = tmp_path_factory.mktemp("research")
    shutil.copytree(MINI_PACK, scratch / "pack")
    build_archive(scratch / "pack", scratch / "mini.teampack")
    published = live_server.admin("publish-pack", str(scratch / "mini.teampack"))
    assert published.returncode == 0, published.stderr
    first, second = live_server.new_account("cellules"), live_server.new_account("pair")
    consent(first, True)
    consent(second, True)
    device = Device(first)
    device.push("progress", '=HYPERLINK("http://x")', {"completed": True, "changed_at": T1})
    quiz = {
        "activity_uid": "@SUM(A1:A9)",
        "answers": {},
        "score": 2,
        "max_score": 3,
        "answered_at": T3,
    }
    device.push("quiz", "-2+3", quiz)
    device.push("time", f"test-mini/seconde|{device.id}", {"seconds": 120})
    answer = {
        "activity_uid": "test-mini/mini-questionnaire",
        "answers": {"confiance": 4, "frein": "Mon collègue Jean Dupont, 06 12 34 56 78"},
        "answered_at": T1,
    }
    device.push("answer", new_id(), answer)
    statements = [xapi_statement(timestamp=T1), xapi_statement(verb="shared", timestamp=T3)]
    for statement in statements:
        device.push("statement", statement["id"], statement)
    Device(second).push("statement", (other := xapi_statement(timestamp=T1))["id"], other)
    out = export(live_server, scratch / "export")
    return {"out": out, "mine": [s["id"] for s in statements], "other": other["id"]}


def test_no_cell_would_run_as_a_formula_in_a_spreadsheet(dataset: dict):
    out = dataset["out"]
    for name in ("apprenants.csv", "progression.csv", "quiz.csv", "reponses.csv", "temps.csv"):
        for row in read_csv(out / name):
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@")), (name, value)
    assert '\'=HYPERLINK("http://x")' in {r["lecon"] for r in read_csv(out / "progression.csv")}
    [quiz] = [r for r in read_csv(out / "quiz.csv") if r["activite"] == "'@SUM(A1:A9)"]
    # A device-chosen id becomes 32 hex digits, as the data dictionary says.
    assert HEX32.match(quiz["tentative"])


def test_open_answers_never_reach_the_research_team(dataset: dict):
    out = dataset["out"]
    everything = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    for words in ("Jean Dupont", "06 12 34 56 78"):
        assert words not in everything
    ranks = [r for r in read_csv(out / "reponses.csv") if r["activite"].startswith("test-mini/")]
    assert [(r["item"], r["valeur"]) for r in ranks] == [("confiance", "4")]


def test_dates_are_days_shifted_the_same_way_for_each_learner(dataset: dict):
    out = dataset["out"]
    statements = {s["id"]: s for s in json.loads((out / "traces-xapi.json").read_text())}
    mine = [statements[i] for i in dataset["mine"]]
    days = [dt.date.fromisoformat(s["timestamp"][:10]) for s in mine]
    assert all(s["timestamp"].endswith("T00:00:00Z") for s in statements.values())
    # The interval between one learner's events is kept; their place in the calendar moves
    # back by at most six days, never forward (no export date lies in the future).
    assert days[1] - days[0] == dt.timedelta(days=2)
    assert dt.timedelta(0) <= dt.date(2026, 11, 29) - days[0] <= dt.timedelta(days=6)
    [progress] = [r for r in read_csv(out / "progression.csv") if r["lecon"].startswith("'=")]
    assert progress["date"] == days[0].isoformat()
    [quiz] = [r for r in read_csv(out / "quiz.csv") if r["activite"] == "'@SUM(A1:A9)"]
    assert quiz["date"] == days[1].isoformat()
    for row in read_csv(out / "apprenants.csv"):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date_consentement"])


def test_statements_carry_one_registration_per_learner(dataset: dict):
    statements = {s["id"]: s for s in json.loads((dataset["out"] / "traces-xapi.json").read_text())}
    mine = {statements[i]["context"]["registration"] for i in dataset["mine"]}
    other = statements[dataset["other"]]["context"]["registration"]
    assert len(mine) == 1 and other not in mine
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", other
    )


def test_the_codebook_and_dictionary_describe_what_is_there(dataset: dict):
    out = dataset["out"]
    codebook = [
        r
        for r in read_csv(out / "livre-de-codes.csv")
        if r["questionnaire"].startswith("test-mini/")
    ]
    assert [(r["item"], r["type"]) for r in codebook] == [
        ("confiance", "likert"),
        ("frein", "ouvert"),
    ]
    likert, open_item = codebook
    assert likert["libelle"] == "Je me sens capable de préparer une séance à deux."
    assert likert["echelle"].startswith("1 = Pas du tout d'accord ; 2 = ")
    assert likert["valeurs"] == "entier de 1 à 5" and likert["version_pack"] == "1.0.0"
    assert "non exportées" in open_item["valeurs"]
    dictionary = read_csv(out / "dictionnaire-des-donnees.csv")
    assert not [r for r in dictionary if "UUID" in r["type"]]
    for row in dictionary:
        if row["colonne"] in ("apprenant", "tentative", "reponse"):
            assert "32 chiffres hexadécimaux" in row["type"], row
            column = [r[row["colonne"]] for r in read_csv(out / row["fichier"])]
            assert column and all(HEX32.match(value) for value in column), row
    for name in ("livre-de-codes.csv", "reponses.csv", "quiz.csv"):
        header = (out / name).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == [r["colonne"] for r in dictionary if r["fichier"] == name]
