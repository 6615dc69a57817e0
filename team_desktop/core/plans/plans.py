"""Session plans in the store: create (blank, from a course template, as a copy), list, load.

A plan is a co-preparation note whose document carries a plan (plan_doc.py): it is shared,
synced, binned, commented and exported like any note, through the same code.
"""

from __future__ import annotations

import datetime as dt

from team_desktop.core.i18n import _
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.authors import local_author
from team_desktop.core.plans.plan_doc import PHASE_TEXTS, PLAN_TEXTS, PlanDoc
from team_desktop.core.plans.templates import BY_ID
from team_desktop.core.store.models import database
from team_desktop.core.store.portfolio_models import PRIVATE, Note

PLAN = "plan"
DEFAULT_MINUTES = 60


class NotAPlan(ValueError):
    """The note exists but holds no plan."""


def create_plan(
    title: str = "",
    template_id: str | None = None,
    copy_of: str | None = None,
    group_id: str | None = None,
    visibility: str = PRIVATE,
) -> str:
    """A new plan: blank, from a course template, or a copy of a previous plan (not its
    observations nor its notes); returns its note id."""
    note_id = notes.create(title, group_id=group_id, visibility=visibility)
    with database.atomic():
        plan = load_plan(note_id, require=False)
        author = local_author()
        with plan.note.doc.transaction():
            plan.make_plan(author)
            if copy_of is not None:
                _copy(load_plan(copy_of), plan, title)
            elif template_id is not None:
                _from_template(template_id, plan, title)
            else:
                plan.set_minutes(DEFAULT_MINUTES)
                plan.set_date(dt.date.today().isoformat())
        notes.save(note_id, plan.note)
    return note_id


def _from_template(template_id: str, plan: PlanDoc, title: str) -> None:
    template = BY_ID[template_id]
    author = local_author()
    plan.note.set_title(title or template.title)
    plan.set_minutes(template.minutes)
    plan.set_date(dt.date.today().isoformat())
    for name in PLAN_TEXTS:
        plan.texts[name].insert(0, getattr(template, name), {"author": "template"})
    for values in template.phases:
        phase_id = plan.add_phase(
            author, minutes=values.get("minutes", 0), configuration=values.get("configuration", "")
        )
        for name in PHASE_TEXTS:
            if values.get(name):
                plan.phase_data[f"{phase_id}:{name}"].insert(
                    0, values[name], {"author": "template"}
                )


def _copy(source: PlanDoc, plan: PlanDoc, title: str) -> None:
    author = local_author()
    plan.note.set_title(
        title or _("{title} (copie)").format(title=notes.display_title(source.note.title))
    )
    plan.set_minutes(source.minutes)
    plan.set_date(dt.date.today().isoformat())
    for name in PLAN_TEXTS:
        plan.set_text(name, source.text(name), author)
    for phase in source.phases():
        plan.add_phase(
            author,
            minutes=phase.minutes,
            configuration=phase.configuration,
            **{name: getattr(phase, name) for name in PHASE_TEXTS},
        )
    plan.set_categories(source.categories())


def load_plan(note_id: str, require: bool = True) -> PlanDoc:
    """The plan held in a note; NotAPlan if it holds none (NoteNotFound if there is no note)."""
    plan = PlanDoc(notes.load(note_id))
    if require and not plan.is_plan:
        raise NotAPlan(note_id)
    return plan


def save_plan(note_id: str, plan: PlanDoc) -> None:
    """Store an edited plan, merged with whatever reached the store meanwhile."""
    notes.save(note_id, plan.note)


def list_plans(trashed: bool = False) -> list[notes.NoteSummary]:
    """Plans in the bin or out of it, latest first."""
    query = Note.select().where((Note.deleted == False) & (Note.kind == PLAN))  # noqa: E712
    query = query.where(Note.trashed_at.is_null(not trashed))
    return [notes.summary(row.id) for row in query.order_by(Note.updated_at.desc())]
