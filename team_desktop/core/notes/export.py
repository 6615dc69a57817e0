"""A note as others read it: its authors, Markdown for exports, "who wrote what" as HTML."""

from __future__ import annotations

from dataclasses import dataclass

from team_desktop.core.i18n import _
from team_desktop.core.notes.doc import TEMPLATE_AUTHOR, NoteDoc
from team_desktop.core.notes.store import display_title, load, stored_row
from team_desktop.core.plans.summary import readable_text
from team_desktop.core.render import escape

# Pale backgrounds that keep black text readable, one per author in order of appearance; the
# text is set black on them, whatever the theme's text colour.
AUTHOR_COLOURS = ("#ffe3b3", "#c9e6ff", "#d6f5d0", "#f7d4f0", "#e8e0ff", "#fff6a8", "#d9f2f2")
TEMPLATE_COLOUR = "#f3f3f3"
TEXT_ON_COLOUR = "#1b1b1b"


@dataclass(frozen=True)
class NoteAuthor:
    """A co-author: who wrote in the note or marked it; `ready_at` an ISO date or None."""

    id: str
    name: str
    ready_at: str | None
    characters: int  # how much of the current text is theirs


@dataclass(frozen=True)
class NoteExport:
    """What an export needs: the title, the Markdown text, the authors."""

    id: str
    title: str
    markdown: str
    authors: list[NoteAuthor]
    activity_uid: str | None


def unknown_author() -> str:
    return _("Co-auteur inconnu")


def authors(doc: NoteDoc) -> list[NoteAuthor]:
    """Everyone who wrote some of the current text or marked the note ready, first writer first."""
    names, ready = doc.author_names(), doc.ready_marks()
    counts: dict[str, int] = {}
    for span in doc.spans():
        if span.author_id != TEMPLATE_AUTHOR:
            key = span.author_id or ""
            counts[key] = counts.get(key, 0) + len(span.text)
    for author_id in ready:
        counts.setdefault(author_id, 0)
    return [
        NoteAuthor(key, names.get(key) or unknown_author(), ready.get(key), count)
        for key, count in counts.items()
    ]


def note_export(note_id: str) -> NoteExport:
    """Title, Markdown and authors of a note (raises notes.NoteNotFound)."""
    row = stored_row(note_id)
    doc = load(note_id)
    return NoteExport(
        note_id, display_title(doc.title), readable_text(doc), authors(doc), row.activity_uid
    )


def authorship_html(doc: NoteDoc) -> str:
    """The text with each author's runs on their own colour, and a legend (safe HTML)."""
    colours: dict[str | None, str] = {TEMPLATE_AUTHOR: TEMPLATE_COLOUR}
    for index, author in enumerate(authors(doc)):
        colours[author.id or None] = AUTHOR_COLOURS[index % len(AUTHOR_COLOURS)]
    names = doc.author_names()
    legend = [_legend_item(TEMPLATE_COLOUR, _("Texte du modèle"))]
    for author in authors(doc):
        if author.characters:
            legend.append(_legend_item(colours[author.id or None], author.name))
    runs = []
    for span in doc.spans():
        colour = colours.get(span.author_id, TEMPLATE_COLOUR)
        who = (
            _("Modèle")
            if span.author_id == TEMPLATE_AUTHOR
            else names.get(span.author_id or "", unknown_author())
        )
        runs.append(
            f'<span style="background-color:{colour}; color:{TEXT_ON_COLOUR}" title="{escape(who)}">'
            f"{escape(span.text)}</span>"
        )
    hint = _("Lecture seule : désactivez « Qui a écrit quoi » pour écrire.")
    return (
        f'<p class="legend">{" ".join(legend)} <br/><small>{escape(hint)}</small></p>'
        f'<pre style="white-space: pre-wrap; font-family: sans-serif">{"".join(runs)}</pre>'
    )


def _legend_item(colour: str, label: str) -> str:
    return (
        f'<span style="background-color:{colour}; color:{TEXT_ON_COLOUR}">'
        f"&nbsp;{escape(label)}&nbsp;</span>"
    )
