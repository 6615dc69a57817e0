"""The research dataset: consenting learners only, pseudonymous, as CSV and as xAPI JSON.

No names, no usernames, no e-mail addresses, no free text at all (journal, notes, comments,
open answers to questionnaires): progress, time, quiz scores, questionnaire ranks and
statements, each keyed by the learner's pseudonym, dated to a shifted day
(`disclosure.Dates`), every cell safe to open in a spreadsheet (`team_desktop.core.csv_cells`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from team_desktop.core.csv_cells import write_rows
from team_server.models import Record, User, utcnow
from team_server.research.codebook import DICTIONARY, codebook_rows, columns
from team_server.research.consent import latest
from team_server.research.disclosure import Dates, hex_id
from team_server.research.pseudonyms import pseudonym, secret


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
    with path.open("w", newline="", encoding="utf-8") as handle:
        return write_rows(handle, columns, rows)


def write_dataset(out: Path) -> dict[str, int]:
    """Write the dataset into the folder `out` (created); returns the rows per file."""
    out.mkdir(parents=True, exist_ok=True)
    learners = consenting_learners()
    owners = [user.id for user in learners]
    key = secret()
    dates = Dates(key)
    aliases = {user.id: pseudonym(user.id, key) for user in learners}
    counts = {}

    def consent_row(user: User) -> list:
        event = latest(user.id)
        return [
            aliases[user.id],
            event.text_version if event else "",
            dates.day(user.id, event and event.decided_at),
        ]

    def rows(kind: str, make) -> Iterable[list]:
        for record in _records(kind, owners):
            yield from make(record.owner_id, record.record_id, json.loads(record.data))

    def progress(owner: str, record_id: str, d: dict) -> Iterable[list]:
        yield [
            aliases[owner],
            record_id,
            int(bool(d.get("completed"))),
            dates.day(owner, d.get("changed_at")),
        ]

    def quiz(owner: str, record_id: str, d: dict) -> Iterable[list]:
        yield [
            aliases[owner],
            hex_id(record_id),
            d.get("activity_uid", ""),
            d.get("score"),
            d.get("max_score"),
            dates.day(owner, d.get("answered_at")),
        ]

    def answers(owner: str, record_id: str, d: dict) -> Iterable[list]:
        answered = dates.day(owner, d.get("answered_at"))
        for item, value in sorted(d.get("answers", {}).items()):
            # Only ranks: an open answer (any text) can name a third party; it stays out.
            if isinstance(value, int) and not isinstance(value, bool):
                yield [aliases[owner], hex_id(record_id), d["activity_uid"], item, value, answered]

    def write(name: str, produced: Iterable[list]) -> None:
        counts[name] = _write_csv(out / name, columns(name), produced)

    write("apprenants.csv", (consent_row(u) for u in learners))
    write("progression.csv", rows("progress", progress))
    write("temps.csv", _times(owners, aliases))
    write("quiz.csv", rows("quiz", quiz))
    write("reponses.csv", rows("answer", answers))
    write("livre-de-codes.csv", codebook_rows())
    statements = []
    for record in _records("statement", owners):
        statement = json.loads(record.data)
        statement["timestamp"] = dates.timestamp(record.owner_id, statement.get("timestamp"))
        statements.append(statement)
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


def _times(owners: list[str], aliases: dict[str, str]) -> Iterable[list]:
    """Reading time per learner and lesson, all devices added up."""
    times: dict[tuple[str, str], int] = {}
    for record in _records("time", owners):
        lesson = record.record_id.partition("|")[0]
        key = (record.owner_id, lesson)
        times[key] = times.get(key, 0) + int(json.loads(record.data)["seconds"])
    return ([aliases[owner], lesson, seconds] for (owner, lesson), seconds in sorted(times.items()))


def _readme(counts: dict[str, int]) -> str:
    lines = [
        "# Jeu de données de recherche du MOOC TEAM",
        "",
        f"Exporté le {utcnow().date().isoformat()} par team-server.",
        "",
        "Seuls y figurent les apprenants qui consentent à la recherche au moment de l'export ;",
        "un apprenant qui retire son accord disparaît des exports suivants. Chaque apprenant y",
        "est désigné par un pseudonyme qui ne peut être relié à son compte sans la clé secrète",
        "du serveur. Aucun nom, identifiant de connexion ni adresse électronique ; aucun texte",
        "libre : ni journal, ni note, ni commentaire, ni réponse aux questions ouvertes des",
        "questionnaires (seuls les rangs choisis sur les échelles sont exportés).",
        "",
        "Les dates sont données au jour, et toutes les dates d'un même apprenant sont décalées",
        "d'un même nombre de jours vers le passé (de 0 à 6, tiré une fois pour toutes à partir",
        "de la clé secrète) : les durées entre ses événements sont exactes, leur place dans le",
        "calendrier l'est à une semaine près. Ce décalage empêche un chercheur membre d'un",
        "groupe de reconnaître un pair à l'heure d'un partage ou d'un commentaire.",
        "",
        "Les cellules qui commencent par =, +, -, @ sont précédées d'une apostrophe, pour qu'un",
        "tableur ne les exécute pas.",
        "",
        "| fichier | lignes |",
        "| --- | --- |",
        *(f"| {name} | {count} |" for name, count in counts.items()),
        "",
        "Les colonnes sont décrites dans dictionnaire-des-donnees.csv, les items des",
        "questionnaires dans livre-de-codes.csv. traces-xapi.json est un tableau de traces",
        "xAPI 1.0.3 (acteur : compte pseudonyme sur la page d'accueil du cours).",
        "",
    ]
    return "\n".join(lines)
