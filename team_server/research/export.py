"""The research dataset: consenting learners only, pseudonymous, as CSV and as xAPI JSON.

No names, no usernames, no e-mail addresses, no journal or note text: progress, time, quiz
scores, questionnaire answers and statements, each keyed by the learner's pseudonym.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from team_server.models import Record, User, utcnow
from team_server.research.consent import latest
from team_server.research.pseudonyms import pseudonymiser

LEARNER = "identifiant pseudonyme de l'apprenant (HMAC-SHA256 de son compte par une clé secrète du serveur)"

# (file, column, type, description): the data dictionary, written with the data.
DICTIONARY: list[tuple[str, str, str, str]] = [
    ("apprenants.csv", "apprenant", "texte (32 hex)", LEARNER),
    ("apprenants.csv", "version_consentement", "texte", "version du texte d'information accepté"),
    ("apprenants.csv", "date_consentement", "date ISO 8601 (UTC)", "moment de l'accord en vigueur"),
    ("progression.csv", "apprenant", "texte (32 hex)", LEARNER),
    ("progression.csv", "lecon", "texte", "identifiant de la leçon : <pack>/<leçon>"),
    ("progression.csv", "terminee", "booléen (0/1)", "la leçon est marquée comme terminée"),
    ("progression.csv", "date", "date ISO 8601 (UTC)", "dernier changement de l'état"),
    ("temps.csv", "apprenant", "texte (32 hex)", LEARNER),
    ("temps.csv", "lecon", "texte", "identifiant de la leçon : <pack>/<leçon>"),
    ("temps.csv", "secondes", "entier", "temps de lecture, tous appareils confondus"),
    ("quiz.csv", "apprenant", "texte (32 hex)", LEARNER),
    ("quiz.csv", "tentative", "UUID", "identifiant de la tentative (fait sur l'appareil)"),
    ("quiz.csv", "activite", "texte", "identifiant du quiz : <pack>/<activité>"),
    ("quiz.csv", "score", "nombre", "questions réussies"),
    ("quiz.csv", "score_max", "nombre", "nombre de questions"),
    ("quiz.csv", "date", "date ISO 8601 (UTC)", "moment de la validation"),
    ("reponses.csv", "apprenant", "texte (32 hex)", LEARNER),
    ("reponses.csv", "reponse", "UUID", "identifiant d'un envoi du questionnaire"),
    ("reponses.csv", "activite", "texte", "identifiant du questionnaire : <pack>/<activité>"),
    ("reponses.csv", "item", "texte", "identifiant de l'item dans le questionnaire"),
    (
        "reponses.csv",
        "valeur",
        "texte",
        "item likert : rang choisi de 1 à n (1 = premier libellé de l'échelle) ; item ouvert : le texte écrit",
    ),
    ("reponses.csv", "date", "date ISO 8601 (UTC)", "moment de l'envoi"),
    (
        "traces-xapi.json",
        "(tableau)",
        "xAPI 1.0.3",
        "les traces d'apprentissage, acteur pseudonyme",
    ),
]


def _iso(value: dt.datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value.replace(tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")


def consenting_learners() -> list[User]:
    """Learners who consent now (a withdrawal removes them from every later export)."""
    return list(User.select().where(User.research_consent).order_by(User.id))


def _records(kind: str, owners: list[str]) -> Iterable[Record]:
    return (
        Record.select()
        .where((Record.kind == kind) & Record.owner.in_(owners or [""]))
        .order_by(Record.owner, Record.seq)
    )


def _write_csv(path: Path, columns: list[str], rows: Iterable[list]) -> int:
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _columns(name: str) -> list[str]:
    return [column for file, column, _type, _text in DICTIONARY if file == name]


def write_dataset(out: Path) -> dict[str, int]:
    """Write the dataset into the folder `out` (created); returns the rows per file."""
    out.mkdir(parents=True, exist_ok=True)
    learners = consenting_learners()
    owners = [user.id for user in learners]
    alias: Callable[[str], str] = pseudonymiser()
    counts = {}

    def consent_row(user: User) -> list:
        event = latest(user.id)
        return [
            alias(user.id),
            event.text_version if event else "",
            _iso(event and event.decided_at),
        ]

    counts["apprenants.csv"] = _write_csv(
        out / "apprenants.csv", _columns("apprenants.csv"), (consent_row(u) for u in learners)
    )
    counts["progression.csv"] = _write_csv(
        out / "progression.csv",
        _columns("progression.csv"),
        (
            [alias(r.owner_id), r.record_id, int(bool(d["completed"])), d["changed_at"]]
            for r, d in _with_data(_records("progress", owners))
        ),
    )
    times: dict[tuple[str, str], int] = {}
    for record, data in _with_data(_records("time", owners)):
        lesson = record.record_id.partition("|")[0]
        key = (record.owner_id, lesson)
        times[key] = times.get(key, 0) + int(data["seconds"])
    counts["temps.csv"] = _write_csv(
        out / "temps.csv",
        _columns("temps.csv"),
        ([alias(owner), lesson, seconds] for (owner, lesson), seconds in sorted(times.items())),
    )
    counts["quiz.csv"] = _write_csv(
        out / "quiz.csv",
        _columns("quiz.csv"),
        (
            [
                alias(r.owner_id),
                r.record_id,
                d["activity_uid"],
                d["score"],
                d["max_score"],
                d["answered_at"],
            ]
            for r, d in _with_data(_records("quiz", owners))
        ),
    )
    counts["reponses.csv"] = _write_csv(
        out / "reponses.csv",
        _columns("reponses.csv"),
        (
            [alias(r.owner_id), r.record_id, d["activity_uid"], item, value, d["answered_at"]]
            for r, d in _with_data(_records("answer", owners))
            for item, value in sorted(d["answers"].items())
        ),
    )
    statements = [data for _record, data in _with_data(_records("statement", owners))]
    (out / "traces-xapi.json").write_text(
        json.dumps(statements, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    counts["traces-xapi.json"] = len(statements)
    _write_csv(
        out / "dictionnaire-des-donnees.csv",
        ["fichier", "colonne", "type", "description"],
        (list(row) for row in DICTIONARY),
    )
    (out / "LISEZMOI.md").write_text(_readme(counts), encoding="utf-8")
    return counts


def _with_data(records: Iterable[Record]) -> Iterable[tuple[Record, dict]]:
    for record in records:
        yield record, json.loads(record.data)


def _readme(counts: dict[str, int]) -> str:
    lines = [
        "# Jeu de données de recherche du MOOC TEAM",
        "",
        f"Exporté le {_iso(utcnow())} par team-server.",
        "",
        "Seuls y figurent les apprenants qui consentent à la recherche au moment de l'export ;",
        "un apprenant qui retire son accord disparaît des exports suivants. Chaque apprenant y",
        "est désigné par un pseudonyme qui ne peut être relié à son compte sans la clé secrète",
        "du serveur. Aucun nom, identifiant de connexion ni adresse électronique ; aucun texte",
        "de journal ni de note. Les réponses aux questions ouvertes sont le texte écrit par",
        "l'apprenant pour la recherche.",
        "",
        "| fichier | lignes |",
        "| --- | --- |",
        *(f"| {name} | {count} |" for name, count in counts.items()),
        "",
        "Les colonnes sont décrites dans dictionnaire-des-donnees.csv. traces-xapi.json est un",
        "tableau de traces xAPI 1.0.3 (acteur : compte pseudonyme sur la page d'accueil du cours).",
        "",
    ]
    return "\n".join(lines)
