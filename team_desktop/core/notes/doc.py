"""One co-preparation note as a pycrdt document: its text, title, authors and ready marks.

Layout of the Y document (docs/decisions/0005-note-crdt.md):
- Text "body": the note's Markdown; every inserted run carries {"author": <author id>};
- Map "meta": "title", and "author:<id>" -> display name (flat keys: a nested map made
  concurrently on two devices would keep only one of them), and "alias:<id>" -> author id
  (the id a learner wrote under before having an account, pointing to their account's);
- Map "ready": author id -> ISO date when that author marked the note ready.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from team_desktop.core.notes.deletions import deletions_covered
from team_desktop.core.notes.positions import (
    TextChange,
    delta_to_changes,
    index_to_utf8,
    narrow_change,
    single_change,
    utf8_len,
)

BODY, META, READY = "body", "meta", "ready"
TITLE_KEY = "title"
AUTHOR_PREFIX = "author:"
ALIAS_PREFIX = "alias:"
TEMPLATE_AUTHOR = "template"  # the template's text belongs to nobody


@dataclass(frozen=True)
class Author:
    """Who writes on this device: a stable id and the name co-authors see."""

    id: str
    name: str


@dataclass(frozen=True)
class Span:
    """A run of text written by one author (`author_id` None when the run carries none)."""

    text: str
    author_id: str | None


class NoteDoc:
    """A note's CRDT document in memory; edits here are later saved by `notes.save`."""

    def __init__(self, state: bytes | None = None):
        """Load from a stored state (a full update); raises ValueError if it cannot be read."""
        # pycrdt loads with the first note opened, not at the app's start.
        from pycrdt import Doc, Map, Text

        self.doc = Doc()
        self.body = self.doc.get(BODY, type=Text)
        self.meta = self.doc.get(META, type=Map)
        self.ready = self.doc.get(READY, type=Map)
        if state:
            self.doc.apply_update(state)

    # -- reading ----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return str(self.body)

    @property
    def title(self) -> str:
        value = self.meta.get(TITLE_KEY)
        return value if isinstance(value, str) else ""

    def author_names(self) -> dict[str, str]:
        """Display names of everyone who wrote in or marked this note, by author id."""
        names = {}
        for key in self.meta.keys():
            value = self.meta.get(key)
            if key.startswith(AUTHOR_PREFIX) and isinstance(value, str):
                names[key[len(AUTHOR_PREFIX) :]] = value
        return names

    def aliases(self) -> dict[str, str]:
        """Former author id -> the id it now stands for (one step: never a chain to follow)."""
        found = {}
        for key in self.meta.keys():
            value = self.meta.get(key)
            if key.startswith(ALIAS_PREFIX) and isinstance(value, str) and value:
                found[key[len(ALIAS_PREFIX) :]] = value
        return found

    def author_ids(self) -> set[str]:
        """Every author id the text, the names or the ready marks mention (aliases unresolved)."""
        ids = {author for _content, author in self._runs() if author}
        return ids | set(self.author_names()) | set(self.ready.keys())

    def _runs(self) -> list[tuple[str, str | None]]:
        runs = []
        for content, attrs in self.body.diff():
            if isinstance(content, str) and content:
                author = (attrs or {}).get("author")
                runs.append((content, author if isinstance(author, str) else None))
        return runs

    def spans(self) -> list[Span]:
        """The text as runs of one author each, in order (adjacent runs of one author joined).

        Text written under a former id is its writer's current one (see `alias`)."""
        aliases = self.aliases()
        spans: list[Span] = []
        for content, author in self._runs():
            author = aliases.get(author, author) if author else author
            if spans and spans[-1].author_id == author:
                spans[-1] = Span(spans[-1].text + content, author)
            else:
                spans.append(Span(content, author))
        return spans

    @property
    def kind(self) -> str:
        """ "plan" for a session plan (docs/decisions/0016-session-plans.md), else "note"."""
        return "plan" if self.meta.get("kind") == "plan" else "note"

    def ready_marks(self) -> dict[str, str]:
        """Author id (former ids resolved) -> ISO date of each "ready" mark."""
        aliases = self.aliases()
        return {aliases.get(k, k): v for k, v in self.ready.items() if isinstance(v, str)}

    # -- local edits ------------------------------------------------------------------------

    def set_title(self, title: str) -> bool:
        """Change the title (last writer wins on concurrent edits); False if unchanged."""
        title = " ".join(title.split())
        if title == self.title:
            return False
        self.meta[TITLE_KEY] = title
        return True

    def sign(self, author: Author) -> None:
        """Record `author`'s display name in the note (only when it is new or changed)."""
        key = AUTHOR_PREFIX + author.id
        if self.meta.get(key) != author.name:
            self.meta[key] = author.name

    def alias(self, former_id: str, author: Author) -> bool:
        """Attribute what `former_id` wrote to `author` (the learner's account); False if done."""
        key = ALIAS_PREFIX + former_id
        if former_id == author.id or self.meta.get(key) == author.id:
            return False
        with self.doc.transaction():
            self.meta[key] = author.id
            self.sign(author)
        return True

    def insert_template(self, template: str) -> None:
        """Put a template's text at the end, attributed to no one."""
        if template:
            self.body.insert(utf8_len(self.text), template, {"author": TEMPLATE_AUTHOR})

    def apply_local_edit(self, position: int, removed: int, added: str, author: Author) -> bool:
        """An edit in the editor's terms (UTF-16 position, units removed, text added).

        `position` and `removed` refer to the text before the edit, which is this document's
        text. Returns False when nothing actually changed.
        """
        old = self.text
        start, end, inserted = narrow_change(old, position, removed, added)
        return self._replace(old, start, end, inserted, author)

    def replace_all(self, new_text: str, author: Author) -> bool:
        """Make the text `new_text` with the smallest single replacement (a safety net)."""
        old = self.text
        start, end, inserted = single_change(old, new_text)
        return self._replace(old, start, end, inserted, author)

    def _replace(self, old: str, start: int, end: int, inserted: str, author: Author) -> bool:
        if start == end and not inserted:
            return False
        offset = index_to_utf8(old, start)
        with self.doc.transaction():
            if end > start:
                del self.body[offset : offset + utf8_len(old[start:end])]
            if inserted:
                self.body.insert(offset, inserted, {"author": author.id})
            self.sign(author)
        return True

    def set_ready(self, author: Author, ready: bool, when: dt.datetime | None = None) -> bool:
        """Mark or unmark the note as ready for `author`; False if already so."""
        if ready == (author.id in self.ready_marks()):
            return False
        with self.doc.transaction():
            if ready:
                moment = when or dt.datetime.now(dt.UTC)
                self.ready[author.id] = moment.isoformat(timespec="seconds")
                self.sign(author)
            else:
                aliases = self.aliases()
                for key in list(self.ready.keys()):
                    if aliases.get(key, key) == author.id:  # a mark made under a former id too
                        self.ready.pop(key)
        return True

    # -- merging ----------------------------------------------------------------------------

    def merge(self, update: bytes) -> list[TextChange]:
        """Apply an update from elsewhere; returns the text changes for an open editor.

        Raises ValueError when `update` cannot be decoded (nothing is changed then).
        """
        old = self.text
        deltas: list[list[dict]] = []
        subscription = self.body.observe(lambda event: deltas.append(list(event.delta)))
        try:
            self.doc.apply_update(update)
        finally:
            self.body.unobserve(subscription)
        changes: list[TextChange] = []
        for delta in deltas:
            more, old = delta_to_changes(old, delta)
            changes += more
        return changes

    # -- encoding ---------------------------------------------------------------------------

    def state_vector(self) -> bytes:
        return self.doc.get_state()

    def encode(self, *known: bytes) -> bytes:
        """The whole document as one update, for storing.

        `known` are the updates this document was built from: parts of them still waiting
        for a predecessor are not in `doc.get_update()`, so they are merged back in.
        """
        from pycrdt import get_update, merge_updates

        encoded = self.doc.get_update()
        if not known:
            return encoded
        merged = merge_updates(*known)
        # Waiting: structs beyond this document's state vector, or deletions of items it does
        # not have yet. (Comparing sizes was wrong: deletions made here, such as Yrs's
        # formatting clean-up, can outweigh a small waiting update, which was then dropped.)
        structs_waiting = get_update(merged, self.doc.get_state())[0] != 0
        if structs_waiting or not deletions_covered(merged, encoded):
            return merge_updates(merged, encoded)
        return encoded
