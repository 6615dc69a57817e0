"""Session plans in one store: create, edit, validate, merge offline copies, observe, debrief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pycrdt import Doc, Map

from team_desktop.core import feed, feed_page, outbox, search
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.doc import Author, NoteDoc
from team_desktop.core.plans import course, debrief, observation, plans, validation
from team_desktop.core.plans.plan_doc import PlanDoc
from team_desktop.core.store.portfolio_models import Note

DIAGRAM = (
    Path(__file__).resolve().parents[2] / "content/s2-co-intervention/assets/configurations.svg"
)
T0 = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def _at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def test_blank_plan_is_a_note_with_the_course_grid(store):
    note_id = plans.create_plan("Jeudi, CAP cuisine")
    row = Note.get_by_id(note_id)
    assert row.kind == "plan" and row.title_cache == "Jeudi, CAP cuisine"
    plan = plans.load_plan(note_id)
    assert plan.categories() == list(course.DEFAULT_CATEGORIES)
    assert plan.minutes == 60 and plan.phases() == []
    assert [p.id for p in plans.list_plans()] == [note_id]
    assert outbox.pending()[0].record_id == note_id
    other = notes.create("Une note ordinaire")
    assert [p.id for p in plans.list_plans()] == [note_id]
    with pytest.raises(plans.NotAPlan):
        plans.load_plan(other)
    assert validation.check(plan)[0].message == "Le plan n'a encore aucune phase."


def test_template_validation_and_readable_summary(store):
    note_id = plans.create_plan(template_id="sophie-karim")
    plan = plans.load_plan(note_id)
    assert [p.name for p in plan.phases()] == [
        "Accueil",
        "Démonstration",
        "Ateliers",
        "Oraux",
        "Synthèse",
    ]
    assert validation.total_minutes(plan) == 60 and validation.check(plan) == []
    me = note_authors.local_author()
    first, second = plan.phase_ids()[:2]
    plan.set_phase_text(second, "other", "rien", me)
    plan.set_phase_text(first, "lead", "", me)
    plan.set_phase_minutes(first, 20)
    plans.save_plan(note_id, plan)
    messages = [problem.message for problem in validation.check(plans.load_plan(note_id))]
    assert messages == [
        "Les phases durent 75 min, 15 de plus que la séance (60 min).",
        "Accueil : personne ne mène cette phase.",
        "Démonstration : l'autre adulte n'a pas de rôle (« rien » n'en est pas un).",
    ]
    text = Note.get_by_id(note_id).text_cache
    assert "| Démonstration | 10 min | Un enseigne, l’autre observe |" in text
    assert search.search("dressage")[0].ref == note_id


def test_copy_keeps_the_plan_not_its_observations(store):
    source = plans.create_plan(template_id="une-heure-variee")
    observer = observation.Observer(source)
    observer.start(T0)
    observer.tap("Qui parle", now=_at(1))
    plan = plans.load_plan(source)
    plan.set_categories(["Qui parle", "Silences"])
    plans.save_plan(source, plan)
    copy_id = plans.create_plan(copy_of=source)
    copy = plans.load_plan(copy_id)
    assert copy.note.title == "Une heure en variant les configurations (copie)"
    original = plans.load_plan(source)
    assert [(p.name, p.minutes, p.configuration) for p in copy.phases()] == [
        (p.name, p.minutes, p.configuration) for p in original.phases()
    ]
    assert copy.categories() == ["Qui parle", "Silences"]
    assert observation.runs(copy) == [] and len(observation.runs(original)) == 1


def test_phases_move_and_remove_and_a_concurrent_move_never_doubles_a_phase(store):
    me = note_authors.local_author()
    note_id = plans.create_plan("Ordre")
    plan = plans.load_plan(note_id)
    a, b, c = (plan.add_phase(me, name=name, minutes=10) for name in "ABC")
    plans.save_plan(note_id, plan)
    mine, theirs = plans.load_plan(note_id), plans.load_plan(note_id)
    mine.move_phase(c, 0)
    theirs.move_phase(c, 1)
    mine.note.merge(theirs.note.doc.get_update())
    assert sorted(mine.phase_ids()) == sorted([a, b, c]) and len(mine.phase_ids()) == 3
    assert mine.phase_ids()[0] == c  # both moved C before A; each copy keeps one C
    mine.remove_phase(c)
    assert [p.name for p in mine.phases()] == ["A", "B"]
    mine.move_phase(b, 0)
    assert [p.name for p in mine.phases()] == ["B", "A"]


def _edit_offline(state: bytes, author: Author, edit) -> bytes:
    plan = PlanDoc(NoteDoc(state))
    edit(plan, author)
    return plan.note.doc.get_update()


def test_two_offline_copies_merge_every_edit_with_authors():
    awa, ben = Author("awa-id", "Awa"), Author("ben-id", "Ben")
    start = PlanDoc(NoteDoc())
    start.make_plan(awa)
    first = start.add_phase(awa, name="Accueil", minutes=5, lead="Awa", other="Ben accueille")
    start.set_text("objectives", "Présenter un plat", awa)
    base = start.note.doc.get_update()

    def awa_edits(plan: PlanDoc, me: Author) -> None:
        plan.set_text("objectives", "Présenter un plat à un client", me)
        plan.set_phase_minutes(first, 10)
        plan.add_phase(me, name="Ateliers", minutes=30, configuration="ateliers")

    def ben_edits(plan: PlanDoc, me: Author) -> None:
        plan.set_text("objectives", "Savoir présenter un plat 🙂", me)
        plan.set_phase_text(first, "other", "Ben accueille et note les absents", me)
        plan.add_phase(me, name="Synthèse", minutes=5, configuration="tandem")

    updates = [_edit_offline(base, awa, awa_edits), _edit_offline(base, ben, ben_edits)]
    merged = []
    for order in (updates, updates[::-1]):
        doc = PlanDoc(NoteDoc(base))
        for update in order:
            doc.note.merge(update)
        merged.append(doc)
    a, b = merged
    assert a.text("objectives") == b.text("objectives")
    # Both typed at the end of "plat": Yjs orders the two insertions by client id.
    assert a.text("objectives") in (
        "Savoir présenter un plat à un client 🙂",
        "Savoir présenter un plat 🙂 à un client",
    )
    assert [p.name for p in a.phases()] == [p.name for p in b.phases()]
    assert {p.name for p in a.phases()} == {"Accueil", "Ateliers", "Synthèse"}
    accueil = a.phase(first)
    assert (accueil.minutes, accueil.other) == (10, "Ben accueille et note les absents")
    assert accueil.authors == {"awa-id", "ben-id"}
    assert a.plan_authors() == {"awa-id", "ben-id"}


def test_a_hostile_peer_cannot_break_the_plan():
    start = PlanDoc(NoteDoc())
    start.make_plan(Author("a", "A"))
    phase = start.add_phase(Author("a", "A"), name="Accueil")
    peer = Doc()
    peer.apply_update(start.note.doc.get_update())
    data = peer.get("plan:phase", type=Map)
    data[f"{phase}:minutes"] = "beaucoup"
    data[f"{phase}:configuration"] = "<script>"
    peer.get("plan", type=Map)["minutes"] = 1e300
    from pycrdt import Array

    peer.get("plan:events", type=Array).extend([{"type": "tap"}, "x", {"t": float("inf")}])
    start.note.merge(peer.get_update(start.note.doc.get_state()))
    read = start.phase(phase)
    assert (read.minutes, read.configuration) == (0, "")
    assert start.minutes == 24 * 60
    assert observation.runs(start) == []


def test_observation_survives_reloading_and_debrief_compares_times(store):
    note_id = plans.create_plan(template_id="une-heure-variee")
    observer = observation.Observer(note_id)
    observer.start(T0)
    for minute in range(0, 12):
        observer.tap("Qui parle", note="A" if minute == 3 else "", now=_at(minute + 0.5))
    observer.next_phase(_at(12))  # 12 min instead of the 10 planned
    # The app is killed here: a new observer resumes the run where it was, same clock.
    resumed = observation.Observer(note_id)
    assert resumed.run is not None and resumed.run.id == observer.run.id
    assert resumed.seconds(_at(13)) == pytest.approx(13 * 60)
    resumed.tap("Transitions", now=_at(13))
    resumed.tap("Signaux entre adultes", note="regard | signe *convenu*", now=_at(20))
    resumed.next_phase(_at(40))
    resumed.end(_at(50))
    assert observation.open_run(plans.load_plan(note_id), resumed.author.id) is None

    plan = plans.load_plan(note_id)
    [run] = observation.runs(plan)
    result = debrief.compute(plan, run)
    times = [(row.planned_minutes, row.actual_seconds) for row in result.phases]
    assert times == [(10, 12 * 60), (30, 28 * 60), (15, 10 * 60), (5, None)]
    assert result.phases[0].difference_minutes == 2
    assert result.counts == {
        "Qui parle": 12,
        "Interactions avec les apprenants": 0,
        "Signaux entre adultes": 1,
        "Transitions": 1,
        "Engagement des apprenants": 0,
    }
    assert [item.kind for item in result.timeline][:2] == ["phase", "tap"]
    assert result.timeline[-1].kind == "end" and result.total_seconds == 50 * 60
    text = debrief.debrief_markdown(plan, result, "Awa")
    assert "### Les apprenants d’abord (5 minutes)" in text
    assert "| Présentation de la situation | 10 min | 12 min |" in text
    assert "- 20:00 Signaux entre adultes — regard \\| signe \\*convenu\\*" in text
    assert "non atteinte" in text


def test_two_observers_keep_their_own_runs(store):
    note_id = plans.create_plan(template_id="une-heure-variee")
    mine = observation.Observer(note_id)
    mine.start(T0)
    mine.tap("Qui parle", now=_at(1))
    plan = plans.load_plan(note_id)
    other = Author("collegue", "Ben")
    run = observation.Run("r2", other.id, _at(2))
    observation.append(plan, run, observation.START, _at(2), phase=plan.phase_ids()[0])
    observation.append(plan, run, observation.TAP, _at(3), category="Transitions")
    # A forged event claiming my run under another author is not mine.
    observation.append(
        plan, observation.Run(mine.run.id, other.id, T0), observation.TAP, _at(4), category="x"
    )
    plans.save_plan(note_id, plan)
    runs = observation.runs(plans.load_plan(note_id))
    assert [(r.author, len(r.taps)) for r in runs] == [(mine.author.id, 1), ("collegue", 1)]


def test_icons_are_cropped_from_the_course_diagram():
    svg = DIAGRAM.read_text(encoding="utf-8")
    icon = course.icon_svg(svg, "parallele")
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="20 370 180 160">' in icon
    assert course.icon_svg(svg, "inconnue") is None and course.icon_svg("", "tandem") is None


def test_shared_plan_reads_as_a_summary_in_mutualisation(store):
    note_authors.set_name("Awa")
    note_id = plans.create_plan(template_id="sophie-karim")
    plan = plans.load_plan(note_id)
    plan.set_text("public", "CAP cuisine", note_authors.local_author())
    plans.save_plan(note_id, plan)
    notes.set_sharing(note_id, "group", "g1")
    [item] = feed.items()
    assert item.author == "Awa"  # wrote in the plan's fields, not in its notes
    folded = feed_page.feed_html([item])
    assert "PLAN DE SÉANCE" in folded and "Présenter un plat à un client" in folded
    whole = feed_page.feed_html([item], expanded={note_id})
    assert "<td>Karim : dressage et vocabulaire du geste</td>" in whole
