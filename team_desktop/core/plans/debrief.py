"""The debrief of an observed session: timeline, planned versus actual time, counts, a text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from team_desktop.core.i18n import _
from team_desktop.core.plans.course import DEBRIEF_PROTOCOL, configuration_label
from team_desktop.core.plans.observation import END, PHASE, START, TAP, Run
from team_desktop.core.plans.plan_doc import PlanDoc
from team_desktop.core.plans.summary import markdown_literal
from team_desktop.core.plans.validation import phase_label
from team_desktop.core.render import escape


@dataclass(frozen=True)
class PhaseTime:
    """A planned phase and the time it really took (None if the run never reached it)."""

    phase_id: str
    label: str
    configuration: str
    planned_minutes: int
    actual_seconds: float | None

    @property
    def difference_minutes(self) -> float | None:
        if self.actual_seconds is None:
            return None
        return self.actual_seconds / 60 - self.planned_minutes


@dataclass(frozen=True)
class TimelineItem:
    """A moment of the run: a phase starting, an observation, or the end."""

    seconds: float
    kind: str  # "phase", "tap" or "end"
    label: str
    note: str = ""


@dataclass
class Debrief:
    run: Run
    phases: list[PhaseTime]
    timeline: list[TimelineItem]
    counts: dict[str, int] = field(default_factory=dict)
    total_seconds: float = 0.0


def clock(seconds: float) -> str:
    """Seconds as "m:ss" (or "h:mm:ss" past an hour)."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def compute(plan: PlanDoc, run: Run, now_seconds: float | None = None) -> Debrief:
    """What `run` observed against `plan`; an unfinished run counts up to `now_seconds`."""
    phases = plan.phases()
    labels = {phase.id: phase_label(phase, index) for index, phase in enumerate(phases)}
    marks = [event for event in run.events if event.type in (START, PHASE)]
    ends = [event.seconds for event in run.events if event.type == END]
    last = run.events[-1].seconds if run.events else 0.0
    finish = ends[0] if ends else max(last, now_seconds or 0.0)
    spent: dict[str, float] = {}
    for mark, following in zip(marks, marks[1:] + [None], strict=True):
        until = following.seconds if following is not None else finish
        if mark.phase:
            spent[mark.phase] = spent.get(mark.phase, 0.0) + max(until - mark.seconds, 0.0)
    rows = [
        PhaseTime(
            phase.id,
            labels[phase.id],
            configuration_label(phase.configuration),
            phase.minutes,
            spent.get(phase.id),
        )
        for phase in phases
    ]
    timeline = []
    for event in run.events:
        if event.type in (START, PHASE):
            label = labels.get(event.phase, _("Phase retirée du plan"))
            timeline.append(TimelineItem(event.seconds, "phase", label))
        elif event.type == TAP:
            timeline.append(TimelineItem(event.seconds, "tap", event.category, event.note))
        elif event.type == END:
            timeline.append(TimelineItem(event.seconds, "end", _("Fin de l'observation")))
    tallies = Counter(event.category for event in run.taps)
    counts = {label: tallies.pop(label, 0) for label in plan.categories()}
    counts.update(sorted(tallies.items()))  # categories since removed from the grid
    return Debrief(run, rows, timeline, counts, finish)


def minutes_text(seconds: float | None) -> str:
    if seconds is None:
        return _("non atteinte")
    return _("{m} min").format(m=round(seconds / 60))


def debrief_markdown(plan: PlanDoc, debrief: Debrief, observer: str) -> str:
    """The debrief to write together: the course's protocol, then what was observed."""
    lines = [f"## {_('Débriefing')}", ""]
    for heading, advice in DEBRIEF_PROTOCOL:
        lines += [f"### {heading}", f"*{advice}*", "", ""]
    lines += [f"### {_('Ce que montre l’observation de {name}').format(name=observer)}", ""]
    lines += [f"| {_('Phase')} | {_('Prévu')} | {_('Réel')} |", "| --- | --- | --- |"]
    for row in debrief.phases:
        lines.append(
            f"| {markdown_literal(row.label)} | {row.planned_minutes} min | "
            f"{minutes_text(row.actual_seconds)} |"
        )
    lines += ["", f"{_('Observations par catégorie')} :"]
    lines += [f"- {markdown_literal(label)} : {count}" for label, count in debrief.counts.items()]
    lines += ["", f"{_('Au fil de la séance')} :"]
    for item in debrief.timeline:
        if item.kind == "tap":
            note = f" — {markdown_literal(item.note)}" if item.note else ""
            lines.append(f"- {clock(item.seconds)} {markdown_literal(item.label)}{note}")
        else:
            lines.append(f"- {clock(item.seconds)} **{markdown_literal(item.label)}**")
    return "\n".join(lines) + "\n"


def timeline_html(result: Debrief) -> str:
    """Phases and observations side by side, one row per phase reached, then the counts."""
    rows, current = [], None
    for item in result.timeline:
        if item.kind in ("phase", "end"):
            current = [item, []]
            rows.append(current)
        elif current is not None:
            current[1].append(item)
    parts = [
        '<table class="timeline" width="100%" cellpadding="6" border="1">'
        f"<tr><th>{escape(_('Phases'))}</th><th>{escape(_('Observations'))}</th></tr>"
    ]
    for mark, taps in rows:
        observed = "<br/>".join(
            f"{clock(t.seconds)} <b>{escape(t.label)}</b>"
            + (f" — {escape(t.note)}" if t.note else "")
            for t in taps
        )
        parts.append(
            f"<tr><td>{clock(mark.seconds)} <b>{escape(mark.label)}</b></td><td>{observed}</td></tr>"
        )
    parts.append("</table>")
    parts.append(f"<h3>{escape(_('Observations par catégorie'))}</h3><ul>")
    parts += [f"<li>{escape(label)} : {count}</li>" for label, count in result.counts.items()]
    parts.append("</ul>")
    return "".join(parts)
