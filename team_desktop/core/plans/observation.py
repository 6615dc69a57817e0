"""Observation runs: time-coded taps and phase changes, appended to the plan and stored at once.

Each event is an immutable JSON value appended to the plan's "plan:events" array: one author's
record that co-authors' edits cannot merge into. `Observer` writes every event to the store
in its own transaction before returning, so a kill or a sleep loses nothing; the run's clock
is the wall clock since its start, so it resumes where it is after either.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from dataclasses import dataclass, field

from team_desktop.core.notes import store as notes
from team_desktop.core.notes.authors import local_author
from team_desktop.core.plans.plan_doc import MAX_LABEL, PlanDoc

START, PHASE, TAP, END = "start", "phase", "tap", "end"
TYPES = (START, PHASE, TAP, END)
MAX_NOTE = 280
MAX_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Event:
    """One event of a run, checked (a peer may have written anything)."""

    id: str
    run: str
    author: str
    type: str
    seconds: float
    at: str
    phase: str = ""
    category: str = ""
    note: str = ""


@dataclass
class Run:
    """One observer's pass over the session, its events in time order."""

    id: str
    author: str
    started_at: dt.datetime
    events: list[Event] = field(default_factory=list)

    @property
    def ended(self) -> bool:
        return any(event.type == END for event in self.events)

    @property
    def taps(self) -> list[Event]:
        return [event for event in self.events if event.type == TAP]

    def current_phase(self) -> str:
        """The phase the run is in now (its last phase mark)."""
        marks = [event.phase for event in self.events if event.type in (START, PHASE)]
        return marks[-1] if marks else ""


def _event(value: object) -> Event | None:
    if not isinstance(value, dict):
        return None
    text = {key: value.get(key) for key in ("id", "run", "author", "type", "at")}
    seconds = value.get("t")
    if not all(isinstance(v, str) and v for v in text.values()) or text["type"] not in TYPES:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        return None
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_SECONDS:
        return None
    extra = {key: value.get(key) for key in ("phase", "category", "note")}
    extra = {key: v if isinstance(v, str) else "" for key, v in extra.items()}
    return Event(
        text["id"][:40],
        text["run"][:40],
        text["author"][:64],
        text["type"],
        float(seconds),
        text["at"][:40],
        extra["phase"][:40],
        extra["category"][:MAX_LABEL],
        extra["note"][:MAX_NOTE],
    )


def parse_time(value: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def runs(plan: PlanDoc) -> list[Run]:
    """Every run in the plan, oldest first; events that do not read are skipped."""
    found: dict[str, Run] = {}
    for value in plan.event_list:
        event = _event(value)
        if event is None:
            continue
        run = found.get(event.run)
        if run is None and event.type == START:
            started = parse_time(event.at)
            if started is not None:
                found[event.run] = Run(event.run, event.author, started, [event])
        elif run is not None and event.author == run.author:
            run.events.append(event)
    for run in found.values():
        run.events.sort(key=lambda event: (event.seconds, event.type != START))
    return sorted(found.values(), key=lambda run: run.started_at)


def open_run(plan: PlanDoc, author_id: str) -> Run | None:
    """The author's latest run that was never ended (to resume after a kill), or None."""
    mine = [run for run in runs(plan) if run.author == author_id and not run.ended]
    return mine[-1] if mine else None


def append(plan: PlanDoc, run: Run, type_: str, now: dt.datetime, **values: str) -> Event:
    """Add one event to `run` in the document (not yet stored: `Observer` stores it)."""
    seconds = min(max((now - run.started_at).total_seconds(), 0.0), MAX_SECONDS)
    value = {
        "id": uuid.uuid4().hex,
        "run": run.id,
        "author": run.author,
        "type": type_,
        "t": round(seconds, 1),
        "at": now.isoformat(timespec="seconds"),
        **{key: v for key, v in values.items() if v},
    }
    plan.event_list.append(value)
    event = _event(value)
    run.events.append(event)
    return event


class Observer:
    """The observation mode's writer: every call stores its event before returning."""

    def __init__(self, note_id: str):
        self.note_id = note_id
        self.plan = PlanDoc(notes.load(note_id))
        self.author = local_author()
        self.run: Run | None = open_run(self.plan, self.author.id)

    def start(self, now: dt.datetime | None = None) -> Run:
        """A new run, in the plan's first phase (or the open one, if a run was cut)."""
        if self.run is not None:
            return self.run
        now = now or dt.datetime.now(dt.UTC)
        phases = self.plan.phase_ids()
        self.run = Run(uuid.uuid4().hex, self.author.id, now.replace(microsecond=0))
        self._store(START, self.run.started_at, phase=phases[0] if phases else "")
        return self.run

    def seconds(self, now: dt.datetime | None = None) -> float:
        if self.run is None:
            return 0.0
        return ((now or dt.datetime.now(dt.UTC)) - self.run.started_at).total_seconds()

    def tap(self, category: str, note: str = "", now: dt.datetime | None = None) -> Event:
        note = " ".join(note.split())[:MAX_NOTE]
        return self._store(TAP, now, category=category, note=note, phase=self.run.current_phase())

    def set_phase(self, phase_id: str, now: dt.datetime | None = None) -> Event:
        return self._store(PHASE, now, phase=phase_id)

    def next_phase(self, now: dt.datetime | None = None) -> Event | None:
        """Move to the phase after the current one (None after the last)."""
        ids = self.plan.phase_ids()
        current = self.run.current_phase()
        index = ids.index(current) + 1 if current in ids else 0
        return self.set_phase(ids[index], now) if index < len(ids) else None

    def end(self, now: dt.datetime | None = None) -> Event:
        event = self._store(END, now)
        self.run = None
        return event

    def _store(self, type_: str, now: dt.datetime | None, **values: str) -> Event:
        if self.run is None:
            raise RuntimeError("no observation run under way")
        with self.plan.note.doc.transaction():
            event = append(self.plan, self.run, type_, now or dt.datetime.now(dt.UTC), **values)
            self.plan.note.sign(self.author)
        notes.save(self.note_id, self.plan.note)
        return event
