"""A session plan as a structure inside a co-preparation note's pycrdt document.

Layout, beside the note's own "body", "meta" and "ready" (docs/decisions/0016-session-plans.md):
- meta "kind" = "plan" marks the note as a plan;
- Text "plan:public", "plan:objectives": co-edited character by character, runs carry authors;
- Map "plan": "date" (ISO day), "minutes" (the session's length);
- Array "plan:phases": phase ids in order (a concurrent move may repeat one: read once);
- Map "plan:phase": flat keys "<id>:minutes", "<id>:configuration", and a Text per
  "<id>:<field>" made by the phase's creator (its id is new, so nobody else makes it);
- Array "plan:categories": the observation grid's labels;
- Array "plan:events": immutable observation-run events, appended only (observation.py).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field

from team_desktop.core.notes.doc import Author, NoteDoc
from team_desktop.core.notes.positions import index_to_utf8, single_change, utf8_len
from team_desktop.core.plans.course import BY_KEY, DEFAULT_CATEGORIES

KIND_KEY, PLAN_KIND = "kind", "plan"
PLAN_TEXTS = ("public", "objectives")
PHASE_TEXTS = ("name", "lead", "other", "material", "observe")
MAX_MINUTES = 24 * 60
MAX_CATEGORIES = 9  # one per shortcut key, 1 to 9
MAX_LABEL = 60


@dataclass
class Phase:
    """One phase as read from the document (peers' values already checked)."""

    id: str
    minutes: int = 0
    configuration: str = ""
    name: str = ""
    lead: str = ""
    other: str = ""
    material: str = ""
    observe: str = ""
    authors: set[str] = field(default_factory=set)


def clamp_minutes(value: object) -> int:
    """A duration in whole minutes from anything a peer may have stored (0 if unreadable)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return 0
    return int(min(max(value, 0), MAX_MINUTES))


class PlanDoc:
    """Read and edit the plan held in `note`; save with `notes.save(note_id, plan.note)`."""

    def __init__(self, note: NoteDoc):
        from pycrdt import Array, Map, Text

        self.note = note
        doc = note.doc
        self.texts = {name: doc.get(f"plan:{name}", type=Text) for name in PLAN_TEXTS}
        self.fields = doc.get("plan", type=Map)
        self.order = doc.get("plan:phases", type=Array)
        self.phase_data = doc.get("plan:phase", type=Map)
        self.category_list = doc.get("plan:categories", type=Array)
        self.event_list = doc.get("plan:events", type=Array)

    # -- the plan itself --------------------------------------------------------------------

    @property
    def is_plan(self) -> bool:
        return self.note.meta.get(KIND_KEY) == PLAN_KIND

    def make_plan(self, author: Author) -> None:
        """Mark the note as a plan, with the course's observation grid."""
        with self.note.doc.transaction():
            self.note.meta[KIND_KEY] = PLAN_KIND
            if not len(self.category_list):
                self.category_list.extend(list(DEFAULT_CATEGORIES))
            self.note.sign(author)

    def text(self, name: str) -> str:
        return str(self.texts[name])

    def set_text(self, name: str, value: str, author: Author) -> bool:
        return self._replace(self.texts[name], value, author)

    @property
    def date(self) -> str:
        value = self.fields.get("date")
        return value[:10] if isinstance(value, str) else ""

    def set_date(self, iso_day: str) -> None:
        if iso_day != self.date:
            self.fields["date"] = iso_day

    @property
    def minutes(self) -> int:
        return clamp_minutes(self.fields.get("minutes"))

    def set_minutes(self, minutes: int) -> None:
        if clamp_minutes(minutes) != self.minutes:
            self.fields["minutes"] = clamp_minutes(minutes)

    # -- phases -----------------------------------------------------------------------------

    def phase_ids(self) -> list[str]:
        seen: list[str] = []
        for value in self.order:
            if isinstance(value, str) and value not in seen:
                seen.append(value)
        return seen

    def phases(self) -> list[Phase]:
        return [self.phase(phase_id) for phase_id in self.phase_ids()]

    def phase(self, phase_id: str) -> Phase:
        phase = Phase(phase_id, clamp_minutes(self.phase_data.get(f"{phase_id}:minutes")))
        configuration = self.phase_data.get(f"{phase_id}:configuration")
        phase.configuration = configuration if configuration in BY_KEY else ""
        for name in PHASE_TEXTS:
            text = self._phase_text(phase_id, name)
            if text is not None:
                setattr(phase, name, str(text))
                phase.authors |= authors_of(text)
        return phase

    def add_phase(self, author: Author, index: int | None = None, **values) -> str:
        """A new phase (at the end, or at `index`) with optional initial values."""
        from pycrdt import Text

        phase_id = uuid.uuid4().hex[:12]
        with self.note.doc.transaction():
            for name in PHASE_TEXTS:
                self.phase_data[f"{phase_id}:{name}"] = Text()
            self.phase_data[f"{phase_id}:minutes"] = clamp_minutes(values.get("minutes", 0))
            self.phase_data[f"{phase_id}:configuration"] = values.get("configuration", "")
            for name in PHASE_TEXTS:
                if values.get(name):
                    self.set_phase_text(phase_id, name, values[name], author)
            ids = self.phase_ids()
            position = len(self.order) if index is None or index >= len(ids) else index
            self.order.insert(self._raw_index(ids, position), phase_id)
            self.note.sign(author)
        return phase_id

    def set_phase_text(self, phase_id: str, name: str, value: str, author: Author) -> bool:
        text = self._phase_text(phase_id, name)
        return text is not None and self._replace(text, value, author)

    def set_phase_minutes(self, phase_id: str, minutes: int) -> None:
        if clamp_minutes(minutes) != self.phase(phase_id).minutes:
            self.phase_data[f"{phase_id}:minutes"] = clamp_minutes(minutes)

    def set_phase_configuration(self, phase_id: str, key: str) -> None:
        if key in BY_KEY or key == "":
            if self.phase_data.get(f"{phase_id}:configuration") != key:
                self.phase_data[f"{phase_id}:configuration"] = key

    def remove_phase(self, phase_id: str) -> None:
        with self.note.doc.transaction():
            for index in reversed(range(len(self.order))):
                if self.order[index] == phase_id:
                    del self.order[index]

    def move_phase(self, phase_id: str, position: int) -> None:
        """Move a phase to `position` among the phases (a delete and an insert)."""
        ids = self.phase_ids()
        if phase_id not in ids:
            return
        with self.note.doc.transaction():
            self.remove_phase(phase_id)
            ids.remove(phase_id)
            position = max(0, min(position, len(ids)))
            self.order.insert(self._raw_index(ids, position), phase_id)

    def _raw_index(self, ids: list[str], position: int) -> int:
        """Index in the raw array for inserting before the `position`-th distinct phase."""
        if position >= len(ids):
            return len(self.order)
        target = ids[position]
        return next(i for i, value in enumerate(self.order) if value == target)

    def _phase_text(self, phase_id: str, name: str):
        from pycrdt import Text

        text = self.phase_data.get(f"{phase_id}:{name}")
        return text if isinstance(text, Text) else None

    # -- the observation grid ---------------------------------------------------------------

    def categories(self) -> list[str]:
        labels: list[str] = []
        for value in self.category_list:
            if isinstance(value, str) and value.strip() and value not in labels:
                labels.append(value.strip()[:MAX_LABEL])
        return labels[:MAX_CATEGORIES]

    def set_categories(self, labels: list[str]) -> None:
        clean: list[str] = []
        for label in labels:
            label = " ".join(label.split())[:MAX_LABEL]
            if label and label not in clean:
                clean.append(label)
        clean = clean[:MAX_CATEGORIES]
        if clean == self.categories():
            return
        with self.note.doc.transaction():
            del self.category_list[0 : len(self.category_list)]
            self.category_list.extend(clean)

    # -- authorship -------------------------------------------------------------------------

    def plan_authors(self) -> set[str]:
        """Ids of everyone who wrote in the plan's texts or phases."""
        found: set[str] = set()
        for text in self.texts.values():
            found |= authors_of(text)
        for phase in self.phases():
            found |= phase.authors
        return found

    def _replace(self, target, new_text: str, author: Author) -> bool:
        old = str(target)
        start, end, inserted = single_change(old, new_text)
        if start == end and not inserted:
            return False
        offset = index_to_utf8(old, start)
        with self.note.doc.transaction():
            if end > start:
                del target[offset : offset + utf8_len(old[start:end])]
            if inserted:
                target.insert(offset, inserted, {"author": author.id})
            self.note.sign(author)
        return True


def authors_of(text) -> set[str]:
    """Author ids carried by a Text's runs."""
    found = set()
    for content, attrs in text.diff():
        author = (attrs or {}).get("author")
        if isinstance(content, str) and content and isinstance(author, str):
            found.add(author)
    return found
