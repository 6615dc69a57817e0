"""Where the learner is in the course's weeks: what is done, where they are, what comes."""

from __future__ import annotations

from dataclasses import dataclass

from team_desktop.core.course import Module

DONE, CURRENT, STARTED, TO_COME = "done", "current", "started", "to-come"


@dataclass(frozen=True)
class Step:
    """One module on the path, with its state."""

    module: Module
    state: str


def path(modules: list[Module], reading_uid: str | None) -> list[Step]:
    """Each module with its state; the current one holds the lesson being read, else the
    first one not finished."""
    current = next(
        (m.pack_id for m in modules if any(lesson.uid == reading_uid for lesson in m.lessons)),
        None,
    )
    if current is None:
        current = next((m.pack_id for m in modules if m.done < len(m.lessons)), None)
    steps = []
    for module in modules:
        if module.pack_id == current:
            state = CURRENT
        elif module.lessons and module.done == len(module.lessons):
            state = DONE
        else:
            state = STARTED if module.done else TO_COME
        steps.append(Step(module, state))
    return steps
