"""Session plans through the real server: co-edited offline by two co-intervenants, observed."""

from __future__ import annotations

import datetime as dt

from test_sync_groups import _group_of_two

from team_desktop.core import feed, outbox
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import store as notes
from team_desktop.core.plans import debrief, observation, plans

T0 = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def test_plan_co_edited_offline_merges_and_observations_reach_the_partner(make_client):
    awa, ben, group_id = _group_of_two(make_client)
    with awa:
        plan_id = plans.create_plan(
            template_id="sophie-karim", group_id=group_id, visibility="group"
        )
    awa.sync()
    ben.sync()
    with ben:
        assert [p.id for p in plans.list_plans()] == [plan_id]
        accueil = plans.load_plan(plan_id).phase_ids()[0]
    # Both offline: Awa changes the length and a role, Ben the objectives and adds a phase.
    with awa:
        note_authors.set_name("Awa")
        plan = plans.load_plan(plan_id)
        before = notes.state_vector(plan_id)
        plan.set_minutes(75)
        plan.set_phase_text(
            accueil,
            "other",
            "Sophie : annonce l’objectif et note les absents",
            note_authors.local_author(),
        )
        plans.save_plan(plan_id, plan)
        edit_bytes = len(notes.local_update_since(plan_id, before))
    with ben:
        note_authors.set_name("Ben")
        plan = plans.load_plan(plan_id)
        me = note_authors.local_author()
        plan.set_text("objectives", plan.text("objectives") + " Sans lire leurs notes.", me)
        plan.add_phase(
            me,
            name="Bilan écrit",
            minutes=15,
            configuration="observe",
            lead="Ben",
            other="Awa observe la grille",
        )
        plans.save_plan(plan_id, plan)
    awa.sync()
    ben.sync()
    awa.sync()
    views = []
    for client in (awa, ben):
        with client:
            plan = plans.load_plan(plan_id)
            views.append(
                (plan.minutes, plan.text("objectives"), [(p.name, p.other) for p in plan.phases()])
            )
            assert outbox.count() == 0
    assert views[0] == views[1]
    minutes, objectives, phases = views[0]
    assert minutes == 75 and objectives.endswith("Sans lire leurs notes.")
    assert phases[0] == ("Accueil", "Sophie : annonce l’objectif et note les absents")
    assert phases[-1] == ("Bilan écrit", "Awa observe la grille")
    with awa:
        names = plans.load_plan(plan_id).note.author_names()
        assert {"Awa", "Ben"} <= set(names.values())
    # Ben observes; each tap crosses the wire as a small delta, and Awa debriefs from it.
    with ben:
        observer = observation.Observer(plan_id)
        observer.start(T0)
        before = notes.state_vector(plan_id)
        observer.tap("Qui parle", note="Karim", now=T0 + dt.timedelta(minutes=2))
        tap_bytes = len(notes.local_update_since(plan_id, before))
        for minute in range(3, 8):
            observer.tap("Transitions", now=T0 + dt.timedelta(minutes=minute))
        observer.next_phase(T0 + dt.timedelta(minutes=7))
        observer.end(T0 + dt.timedelta(minutes=20))
    ben.sync()
    awa.sync()
    with awa:
        plan = plans.load_plan(plan_id)
        [run] = observation.runs(plan)
        result = debrief.compute(plan, run)
        assert result.counts["Transitions"] == 5 and result.counts["Qui parle"] == 1
        assert result.phases[0].actual_seconds == 7 * 60
        assert result.phases[1].actual_seconds == 13 * 60
        [item] = [i for i in feed.items() if i.id == plan_id]
        assert "| Bilan écrit | 15 min |" in item.body
    print(f"\nwire: one field edit {edit_bytes} B of Yjs update, one tap {tap_bytes} B")
    assert edit_bytes < 400 and tap_bytes < 400
