"""What the research export's files mean: the data dictionary and the questionnaires' codebook.

The dictionary describes every column with its true format. The codebook describes every
item of every questionnaire in the course packs published on this server (newest version of
each pack): its id, its wording, its scale and the values the export holds for it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from team_desktop.core.content.activities import likert_scale
from team_desktop.core.content.archive import PackArchiveError, extract_archive
from team_server import blobstore
from team_server.models import Pack
from team_server.publishing import newest_versions

LEARNER = (
    "pseudonyme de l'apprenant : 32 chiffres hexadécimaux (HMAC-SHA256 de son compte par une "
    "clé secrète du serveur), le même dans tous les fichiers et tous les exports"
)
HEX32 = "texte, 32 chiffres hexadécimaux (0-9, a-f)"
DAY = "date AAAA-MM-JJ, décalée de quelques jours par apprenant (voir LISEZMOI.md)"
LESSON = ("texte <pack>/<leçon>", "identifiant de la leçon")
ACTIVITY = "texte <pack>/<activité>"

# (file, column, type, description): the data dictionary, written with the data.
DICTIONARY: list[tuple[str, str, str, str]] = [
    ("apprenants.csv", "apprenant", HEX32, LEARNER),
    ("apprenants.csv", "version_consentement", "texte", "version du texte d'information accepté"),
    ("apprenants.csv", "date_consentement", DAY, "jour de l'accord en vigueur"),
    ("progression.csv", "apprenant", HEX32, LEARNER),
    ("progression.csv", "lecon", *LESSON),
    ("progression.csv", "terminee", "booléen (0/1)", "la leçon est marquée comme terminée"),
    ("progression.csv", "date", DAY, "jour du dernier changement de l'état"),
    ("temps.csv", "apprenant", HEX32, LEARNER),
    ("temps.csv", "lecon", *LESSON),
    ("temps.csv", "secondes", "entier", "temps de lecture, tous appareils confondus"),
    ("quiz.csv", "apprenant", HEX32, LEARNER),
    ("quiz.csv", "tentative", HEX32, "identifiant de la tentative (fait sur l'appareil)"),
    ("quiz.csv", "activite", ACTIVITY, "identifiant du quiz"),
    ("quiz.csv", "score", "entier", "questions réussies"),
    ("quiz.csv", "score_max", "entier", "nombre de questions"),
    ("quiz.csv", "date", DAY, "jour de la validation"),
    ("reponses.csv", "apprenant", HEX32, LEARNER),
    ("reponses.csv", "reponse", HEX32, "identifiant d'un envoi du questionnaire"),
    (
        "reponses.csv",
        "activite",
        ACTIVITY,
        "identifiant du questionnaire (voir livre-de-codes.csv)",
    ),
    ("reponses.csv", "item", "texte", "identifiant de l'item (voir livre-de-codes.csv)"),
    (
        "reponses.csv",
        "valeur",
        "entier",
        "rang choisi sur l'échelle de l'item, de 1 à n (1 = premier libellé) ; les réponses "
        "ouvertes ne sont pas exportées",
    ),
    ("reponses.csv", "date", DAY, "jour de l'envoi"),
    ("livre-de-codes.csv", "questionnaire", ACTIVITY, "identifiant du questionnaire"),
    ("livre-de-codes.csv", "titre", "texte", "titre du questionnaire dans le cours"),
    ("livre-de-codes.csv", "item", "texte", "identifiant de l'item, comme dans reponses.csv"),
    ("livre-de-codes.csv", "type", "likert | ouvert", "item à échelle ou question ouverte"),
    ("livre-de-codes.csv", "libelle", "texte", "la question telle que l'apprenant la lit"),
    ("livre-de-codes.csv", "echelle", "texte", "les libellés de l'échelle, « 1 = … ; 2 = … »"),
    ("livre-de-codes.csv", "valeurs", "texte", "ce que reponses.csv contient pour cet item"),
    ("livre-de-codes.csv", "version_pack", "texte", "version du pack d'où vient l'item"),
    (
        "traces-xapi.json",
        "(tableau)",
        "xAPI 1.0.3",
        "les traces d'apprentissage : acteur pseudonyme, context.registration propre à "
        "l'apprenant et à la session du cours, timestamp ramené au jour décalé",
    ),
]


def columns(name: str) -> list[str]:
    """The columns of one file of the export, in order."""
    return [column for file, column, _type, _text in DICTIONARY if file == name]


def codebook_rows() -> list[list[str]]:
    """One row per questionnaire item of the newest published version of each pack."""
    rows = []
    for pack in newest_versions():
        for activity_uid, title, item in _questionnaire_items(pack):
            if item.get("kind") == "likert":
                labels = likert_scale(item)
                scale = " ; ".join(f"{n} = {label}" for n, label in enumerate(labels, start=1))
                values = f"entier de 1 à {len(labels)}"
                kind = "likert"
            else:
                scale, values, kind = "", "non exportées (réponse ouverte)", "ouvert"
            rows.append(
                [activity_uid, title, item["id"], kind, item["text"], scale, values, pack.version]
            )
    return rows


def _questionnaire_items(pack: Pack) -> list[tuple[str, str, dict]]:
    with tempfile.TemporaryDirectory(prefix="team-codebook-") as scratch:
        archive = Path(scratch) / "pack.teampack"
        with archive.open("wb") as handle:
            size = blobstore.size_of(pack.blob_id) or 0
            for piece in blobstore.read(pack.blob_id, 0, max(size - 1, 0)):
                handle.write(piece)
        (Path(scratch) / "pack").mkdir()
        try:
            loaded = extract_archive(archive, Path(scratch) / "pack")
        except PackArchiveError:
            return []  # published after the same checks; a damaged blob has no codebook
    return [
        (f"{loaded.id}/{activity.id}", activity.title, item)
        for lesson in loaded.lessons
        for activity in lesson.activities
        if activity.kind == "questionnaire"
        for item in activity.fields.get("items", [])
    ]
