"""Plans the course gives as starting points (week 2, "Préparer à deux", "Choisir, et varier").

Course material: French in every interface language, like the course.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlanTemplate:
    id: str
    title: str
    minutes: int
    public: str
    objectives: str
    phases: tuple[dict, ...]


TEMPLATES = (
    PlanTemplate(
        "sophie-karim",
        "Présenter un plat à un client (Sophie et Karim, lycée professionnel)",
        60,
        "Élèves de CAP cuisine, un professeur de cuisine et une professeure de lettres",
        "À la fin de la séance, les élèves sauront présenter un plat à un client en utilisant "
        "au moins trois termes techniques.",
        (
            dict(
                name="Accueil",
                minutes=5,
                configuration="tandem",
                lead="Karim : annonce le plat du jour",
                other="Sophie : annonce l’objectif, le présenter à un client",
            ),
            dict(
                name="Démonstration",
                minutes=10,
                configuration="observe",
                lead="Karim : réalise le plat en nommant chaque geste",
                other="Sophie : note au tableau les mots des élèves et ceux du professionnel",
                observe="Les mots que les élèves reprennent",
            ),
            dict(
                name="Ateliers",
                minutes=30,
                configuration="ateliers",
                lead="Karim : dressage et vocabulaire du geste",
                other="Sophie : trois phrases pour présenter le plat",
                material="Fiches d’atelier, minuteur",
            ),
            dict(
                name="Oraux",
                minutes=10,
                configuration="parallele",
                lead="Karim : écoute la moitié du groupe, note sans interrompre",
                other="Sophie : écoute l’autre moitié avec la même grille",
                material="Grille d’évaluation commune",
            ),
            dict(
                name="Synthèse",
                minutes=5,
                configuration="tandem",
                lead="Karim : une remarque technique collective",
                other="Sophie : le lien avec la séance suivante",
            ),
        ),
    ),
    PlanTemplate(
        "une-heure-variee",
        "Une heure en variant les configurations",
        60,
        "",
        "",
        (
            dict(name="Présentation de la situation", minutes=10, configuration="tandem"),
            dict(name="Deux îlots qui tournent", minutes=30, configuration="ateliers"),
            dict(
                name="Présentations orales en demi-groupes",
                minutes=15,
                configuration="parallele",
                material="Grille commune",
            ),
            dict(name="Synthèse et lien avec la suite", minutes=5, configuration="tandem"),
        ),
    ),
)
BY_ID = {template.id: template for template in TEMPLATES}
