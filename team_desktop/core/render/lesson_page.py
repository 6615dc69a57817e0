"""The lesson page as data (the lesson, its activities, the learner's own facts under each one),
and that data as safe HTML.

The reader asks for a page once (`load_page`), renders it (`lesson_html`), and when a write
changes a kind of the learner's records it re-reads only those facts (`ReadingPage.refresh`):
the lesson is never parsed again in the window, and nothing here writes to the store.
A lesson's text is cut and its prose rendered once per pack version (`lesson_text`): opening
it again, or going back and forth between lessons, only reads the learner's facts.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from team_desktop.core import course, quiz
from team_desktop.core.content.lesson_file import Segment, split_segments
from team_desktop.core.content.model import Activity
from team_desktop.core.course import LessonPage
from team_desktop.core.i18n import _, format_datetime
from team_desktop.core.notes.links import notes_html
from team_desktop.core.notes.store import NoteSummary, list_notes
from team_desktop.core.portfolio.lesson_links import entries_html
from team_desktop.core.portfolio.listing import EntrySummary, entries_for_activity
from team_desktop.core.quiz import QuizState
from team_desktop.core.render import clean_html, escape, render_markdown
from team_desktop.core.render.activity import activity_html
from team_desktop.core.research import answers
from team_desktop.core.store import changes

# Which kind of record shows under which kind of activity. A quiz attempt is a PROGRESS
# write, as is the reading time counted every minute: the reader asks for it after a pull only.
FACT_KINDS = {
    changes.ENTRIES: "reflection",
    changes.NOTES: "copreparation",
    changes.ANSWERS: "questionnaire",
    changes.PROGRESS: "quiz",
}
TEXTS_KEPT = 16  # lessons whose cut text and rendered prose stay in memory (a few MB at most)


@dataclass
class ActivityFacts:
    """One activity of the page and what the learner did for it, as read from the store."""

    uid: str
    activity: Activity
    entries: list[EntrySummary] = field(default_factory=list)  # a reflection's entries
    notes: list[NoteSummary] = field(default_factory=list)  # a copreparation's notes
    answered_at: dt.datetime | None = None  # a questionnaire's last answer
    quiz: QuizState | None = None  # a quiz's last submitted answers

    def read(self) -> None:
        """(Re)read the learner's records for this activity."""
        kind = self.activity.kind
        if kind == "reflection":
            self.entries = entries_for_activity(self.uid)
        elif kind == "copreparation":
            self.notes = list_notes(activity_uid=self.uid)
        elif kind == "questionnaire":
            latest = answers.latest(self.uid)
            self.answered_at = latest.answered_at if latest else None
        elif kind == "quiz":
            self.quiz = quiz.last_state(self.uid)


@dataclass
class LessonText:
    """A lesson's body cut into prose and activities, and its prose as HTML (each piece
    rendered when first shown). The same for every reader of one version of the lesson."""

    segments: list[Segment]
    links: dict[str, str]
    prose: dict[int, str] = field(default_factory=dict)

    def prose_html(self, index: int) -> str:
        """Safe HTML of prose segment `index`."""
        html = self.prose.get(index)
        if html is None:
            html = self.prose[index] = render_markdown(self.segments[index].markdown, self.links)
        return html


_texts: OrderedDict[tuple[str, str, str], LessonText] = OrderedDict()
_texts_lock = threading.Lock()


def lesson_text(lesson: LessonPage) -> LessonText:
    """The cut text of `lesson`, kept for its pack version (its folder) and its exact body."""
    key = (lesson.uid, str(lesson.folder), lesson.body)
    with _texts_lock:
        text = _texts.get(key)
        if text is not None:
            _texts.move_to_end(key)
            return text
    segments, _problems = split_segments(lesson.body, "", 1)
    text = LessonText(segments, dict(lesson.lesson_links))
    with _texts_lock:
        _texts[key] = text
        while len(_texts) > TEXTS_KEPT:
            _texts.popitem(last=False)
    return text


@dataclass
class ReadingPage:
    """Everything the reader shows for one lesson: its text cut once into prose and
    activities, the learner's facts per activity uid, and the lessons around it."""

    lesson: LessonPage
    text: LessonText
    facts: dict[str, ActivityFacts]
    previous: str | None
    next: str | None

    @property
    def segments(self) -> list[Segment]:
        return self.text.segments

    def refresh(self, kinds: Iterable[str]) -> bool:
        """Re-read the facts a change of `kinds` may concern; True when some were re-read."""
        activity_kinds = {FACT_KINDS[kind] for kind in kinds if kind in FACT_KINDS}
        touched = [f for f in self.facts.values() if f.activity.kind in activity_kinds]
        for facts in touched:
            facts.read()
        return bool(touched)


def load_page(uid: str, packs_dir: Path) -> ReadingPage | None:
    """The lesson `uid` as the reader shows it; None when it is not installed. Reads only."""
    lesson = course.lesson_page(uid, packs_dir)
    if lesson is None:
        return None
    text = lesson_text(lesson)
    facts = {}
    for segment in text.segments:
        if segment.activity is not None:
            activity_uid = f"{lesson.pack_id}/{segment.activity.id}"
            facts[activity_uid] = ActivityFacts(activity_uid, segment.activity)
            facts[activity_uid].read()
    previous, following = course.neighbours(uid)
    return ReadingPage(lesson, text, facts, previous, following)


def lesson_html(page: ReadingPage, quiz_states: dict[str, QuizState] | None = None) -> str:
    """The page as safe HTML; `quiz_states` are quizzes being answered (else the last one)."""
    quiz_states = quiz_states or {}
    lesson = page.lesson
    parts = [
        f'<p class="meta">{escape(lesson.pack_title)} · '
        f"{escape(_('{n} min').format(n=lesson.minutes))}"
        f"{' · ' + escape(_('✔ terminée')) if lesson.completed else ''}</p>"
    ]
    if lesson.updated_since_completed:
        parts.append(
            f'<p class="notice">{escape(_("Cette leçon a été mise à jour depuis que vous l’avez terminée."))}</p>'
        )
    for index, segment in enumerate(page.segments):
        if segment.activity is None:
            parts.append(page.text.prose_html(index))
            continue
        facts = page.facts[f"{lesson.pack_id}/{segment.activity.id}"]
        state = quiz_states.get(facts.uid, facts.quiz)
        parts.append(activity_html(facts.activity, facts.uid, state, facts_html(facts)))
    # Already sanitized piece by piece; cleaning the whole page once more costs little.
    return clean_html("".join(parts))


def facts_html(facts: ActivityFacts) -> str:
    """Safe HTML of what the learner did for an activity, shown under it ("" for nothing)."""
    if facts.entries:
        return entries_html(facts.entries)
    if facts.notes:
        return notes_html(facts.notes)
    if facts.answered_at is not None:
        notice = _("Vous avez répondu le {d} : vous pouvez revoir ou changer vos réponses.")
        return (
            f"<p><small>{escape(notice.format(d=format_datetime(facts.answered_at)))}</small></p>"
        )
    return ""
