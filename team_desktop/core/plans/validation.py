"""What is wrong with a plan before the session: time against the session's length, roles."""

from __future__ import annotations

from dataclasses import dataclass

from team_desktop.core.i18n import _
from team_desktop.core.plans.plan_doc import Phase, PlanDoc

NOBODY = {"rien", "-", "—", "personne", "aucun", "aucune"}


@dataclass(frozen=True)
class Problem:
    """One thing to fix; `phase_id` is "" for the plan as a whole."""

    phase_id: str
    message: str


def phase_label(phase: Phase, index: int) -> str:
    return phase.name.strip() or _("Phase {n}").format(n=index + 1)


def _missing(role: str) -> bool:
    return role.strip().strip(".!").lower() in NOBODY | {""}


def check(plan: PlanDoc) -> list[Problem]:
    """Problems of the plan, the whole plan's first, then phase by phase."""
    problems: list[Problem] = []
    phases = plan.phases()
    total = sum(phase.minutes for phase in phases)
    if not phases:
        problems.append(Problem("", _("Le plan n'a encore aucune phase.")))
    if plan.minutes and total > plan.minutes:
        problems.append(
            Problem(
                "",
                _(
                    "Les phases durent {total} min, {over} de plus que la séance ({length} min)."
                ).format(total=total, over=total - plan.minutes, length=plan.minutes),
            )
        )
    elif plan.minutes and phases and total < plan.minutes:
        problems.append(
            Problem(
                "",
                _(
                    "Les phases durent {total} min : {left} min de la séance ({length} min) ne sont pas prévues."
                ).format(total=total, left=plan.minutes - total, length=plan.minutes),
            )
        )
    for index, phase in enumerate(phases):
        label = phase_label(phase, index)
        if _missing(phase.lead):
            problems.append(
                Problem(phase.id, _("{phase} : personne ne mène cette phase.").format(phase=label))
            )
        if _missing(phase.other):
            problems.append(
                Problem(
                    phase.id,
                    _(
                        "{phase} : l'autre adulte n'a pas de rôle (« rien » n'en est pas un)."
                    ).format(phase=label),
                )
            )
        if not phase.minutes:
            problems.append(
                Problem(phase.id, _("{phase} : durée non indiquée.").format(phase=label))
            )
    return problems


def total_minutes(plan: PlanDoc) -> int:
    return sum(phase.minutes for phase in plan.phases())
