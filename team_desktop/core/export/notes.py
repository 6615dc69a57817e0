"""Co-preparation notes to Markdown (a folder) and to the HTML the PDF is printed from.

Title, text, co-authors and ready marks come from the note's CRDT document through
`core.notes.export`; the text is kept as written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from team_desktop.core.export.html import page
from team_desktop.core.export.labels import long_date, visibility_label
from team_desktop.core.export.naming import UniqueNames, slugify
from team_desktop.core.export.output import staged_folder
from team_desktop.core.export.selection import CourseLink, ExportResult, as_datetime
from team_desktop.core.i18n import _
from team_desktop.core.notes.export import NoteAuthor, note_export
from team_desktop.core.render import escape, render_markdown
from team_desktop.core.store.models import ActivityRecord
from team_desktop.core.store.portfolio_models import Note

Progress = Callable[[int, int], None]


@dataclass
class ExportNote:
    """One co-preparation note as the exports see it."""

    id: str
    title: str
    text: str
    visibility: str
    updated_at: dt.datetime
    activity: CourseLink | None = None
    authors: list[NoteAuthor] = field(default_factory=list)

    def authors_line(self) -> str:
        """`Camille (prête le 2 mai 2024), Dominique`, or '' when nobody is known."""
        parts = []
        for author in self.authors:
            if author.ready_at:
                day = long_date(dt.date.fromisoformat(author.ready_at[:10]))
                parts.append(_("{name} (prête le {d})").format(name=author.name, d=day))
            else:
                parts.append(author.name)
        return ", ".join(parts)


def select_notes(note_ids: tuple[str, ...] = ()) -> list[ExportNote]:
    """Notes of the active store (all, or these ids), bin and tombstones left out, by title."""
    query = Note.select().where(Note.trashed_at.is_null() & (Note.deleted == False))  # noqa: E712
    if note_ids:
        query = query.where(Note.id.in_(list(note_ids)))
    notes = []
    for row in query:
        activity = None
        if row.activity_uid:
            record = ActivityRecord.get_or_none(ActivityRecord.uid == row.activity_uid)
            activity = CourseLink(row.activity_uid, record.title if record else row.activity_uid)
        exported = note_export(row.id)
        notes.append(
            ExportNote(
                id=row.id,
                title=exported.title,
                text=exported.markdown,
                visibility=row.visibility,
                updated_at=as_datetime(row.updated_at),
                activity=activity,
                authors=exported.authors,
            )
        )
    return sorted(notes, key=lambda n: (n.title.casefold(), n.id))


def note_markdown(note: ExportNote) -> str:
    """A note as Markdown: front matter, title, its text as written."""
    meta = {"title": note.title, "updated": note.updated_at.date().isoformat()}
    if note.activity:
        meta["activity"] = note.activity.title
        meta["activity_uid"] = note.activity.uid
    meta["authors"] = [author.name for author in note.authors]
    meta["ready"] = [author.name for author in note.authors if author.ready_at]
    meta["visibility"] = note.visibility
    meta["id"] = note.id
    front = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
    title = " ".join(note.title.split()) or _("Note sans titre")
    byline = _("Co-auteurs : {a}").format(a=note.authors_line()) if note.authors else ""
    parts = [f"---\n{front}\n---", f"# {title}", f"*{byline}*" if byline else "", note.text.strip()]
    return "\n\n".join(part for part in parts if part) + "\n"


def export_notes_markdown(
    notes: list[ExportNote], output: Path, progress: Progress | None = None
) -> ExportResult:
    """Write `output/` (absent or empty): `index.md` and one `.md` per note."""
    with staged_folder(Path(output)) as folder:
        names = UniqueNames()
        names.take("index", ".md")
        index = [f"# {_('Mes notes de co-préparation')}", ""]
        for done, note in enumerate(notes):
            if progress:
                progress(done, len(notes))
            name = names.take(slugify(note.title, "note"), ".md")
            (folder / name).write_text(note_markdown(note), encoding="utf-8")
            index.append(f"- [{' '.join(note.title.split()) or _('Note sans titre')}]({name})")
        (folder / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return ExportResult(Path(output), len(notes))


def notes_html(notes: list[ExportNote]) -> str:
    """Every note on its own page, its Markdown shown formatted (headings, lists, tables)."""
    title = _("Mes notes de co-préparation")
    sections = []
    for note in notes:
        meta = [escape(_("Modifiée le {d}").format(d=long_date(note.updated_at.date())))]
        meta.append(escape(visibility_label(note.visibility)))
        if note.activity:
            meta.append(escape(_("Activité : {t}").format(t=note.activity.title)))
        if note.authors:
            meta.append(escape(_("Co-auteurs : {a}").format(a=note.authors_line())))
        paragraphs = render_markdown(note.text.strip())
        sections.append(
            f'<div class="entry"><h2 class="entry-title pagebreak">'
            f"{escape(note.title or _('Note sans titre'))}</h2>"
            f'<p class="meta">{" · ".join(meta)}</p><div class="entry-body">{paragraphs}</div></div>'
        )
    return page(title, f"<h1>{escape(title)}</h1>" + "".join(sections))
