"""Search results: highlighted snippets, each opening the lesson at the hit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QWidget

from team_desktop.core.render import escape
from team_desktop.ui.lesson_browser import LessonBrowser

if TYPE_CHECKING:
    from team_desktop.core.search import SearchHit


class SearchView(LessonBrowser):
    """Lists hits for a query.

    Signals: hit_chosen(kind, ref, words) — words to find inside the opened page.
    """

    hit_chosen = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Résultats de recherche"))
        self.hits: list[SearchHit] = []
        # What each hit is, since the course and the learner's writing are searched together.
        self._kind_labels = {
            "lesson": self.tr("Leçon ·"),
            "entry": self.tr("Mon journal ·"),
            "note": self.tr("Note de co-préparation ·"),
            "shared": self.tr("Partagé par le groupe ·"),
        }
        self.anchorClicked.connect(self._open)

    def run(self, text: str) -> int:
        """Search and show the results; returns how many were found."""
        from team_desktop.core import search  # at the first search, not before the first paint

        self.hits = search.search(text)
        # tr() outside the f-strings: lupdate does not look inside them.
        heading = self.tr("Recherche : « {q} »").format(q=text)
        parts = [f"<h1>{escape(heading)}</h1>"]
        if not self.hits:
            nothing = self.tr("Aucun résultat. Essayez un autre mot, ou moins de mots.")
            parts.append(f"<p>{escape(nothing)}</p>")
        else:
            count = self.tr("%n résultat(s)", "", len(self.hits))
            parts.append(f'<p class="meta">{escape(count)}</p>')
        untitled = self.tr("Sans titre")
        for index, hit in enumerate(self.hits):
            label = self._kind_labels.get(hit.kind, "")
            parts.append(
                f'<p><span class="meta">{escape(label)}</span> '
                f'<a href="team:hit/{index}"><b>{escape(hit.title or untitled)}</b></a>'
                f"<br/>{hit.snippet_html}</p>"
            )
        self.show_html("".join(parts))
        return len(self.hits)

    def _open(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("team:hit/") and text[9:].isdigit() and int(text[9:]) < len(self.hits):
            hit = self.hits[int(text[9:])]
            self.hit_chosen.emit(hit.kind, hit.ref, " ".join(hit.terms))
