"""Two texts of one entry: a save over a text that changed underneath it keeps both.

An editor shows an entry; meanwhile a sync stores what another device wrote. If the learner
then saves, their text must not silently replace the one that arrived (nor the reverse): the
arrived text becomes a conflict copy, a new entry beside the first, and the learner's text
stays in the entry they are writing. Whatever they do next, no device's words are lost.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from team_desktop.core.i18n import _
from team_desktop.core.portfolio import entries
from team_desktop.core.portfolio.errors import writing
from team_desktop.core.store.portfolio_models import JournalEntry


@dataclass(frozen=True)
class SaveOutcome:
    """What a save from an editor did besides saving.

    `copy_id`: the conflict copy holding the text that arrived meanwhile (None: no conflict).
    `arrived`: the text changed underneath and the learner had not changed it: it was kept,
    and the editor should show it.
    """

    saved: bool
    copy_id: str | None = None
    arrived: bool = False


def save_over(entry_id: str, seen: tuple[str, str], **fields) -> SaveOutcome:
    """Save an editor's fields over the text (title, body) it last showed, keeping both texts.

    `fields` are those of `entries.save_entry`. One transaction: the copy and the save.
    """
    with writing():
        row = JournalEntry.get_or_none((JournalEntry.id == entry_id) & ~JournalEntry.deleted)
        stored = (row.title, row.body) if row is not None else seen
        mine = (fields.get("title", seen[0]), fields.get("body", seen[1]))
        copy_id, arrived = None, False
        if stored != seen:
            if mine == seen:
                # Only the learner's other fields changed: the arrived text stays as it is.
                fields.pop("title", None)
                fields.pop("body", None)
                arrived = True
            elif mine != stored:
                copy_id = keep_copy(row)
        saved = entries.save_entry(entry_id, **fields)
    return SaveOutcome(saved=saved, copy_id=copy_id, arrived=arrived)


def keep_copy(row: JournalEntry) -> str:
    """A new entry holding `row`'s stored text, named as the version from another device."""
    copy = JournalEntry(**{name: getattr(row, name) for name in JournalEntry._meta.fields})
    copy.id = uuid.uuid4().hex
    copy.title = _("{title} (version reçue d'un autre appareil)").format(
        title=row.title or _("Sans titre")
    )
    copy.conflict_of = row.id
    copy.server_rev = None
    copy.save(force_insert=True)
    entries.after_change(copy)
    return copy.id
