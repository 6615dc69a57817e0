"""Co-preparation notes to Markdown and to the PDF's HTML: text as written, co-authors, ready."""

from __future__ import annotations

import json

import lxml.html

from team_desktop.core.export.notes import export_notes_markdown, notes_html, select_notes
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import store as notes
from tests.core.export_kit import write_note


def front_matter(text: str) -> dict:
    front = text.split("---\n", 2)[1]
    return {k: json.loads(v) for k, _s, v in (line.partition(": ") for line in front.splitlines())}


def test_markdown_keeps_text_authors_and_ready_marks(store, tmp_path):
    note_authors.set_name("Camille Martin")
    text = "Objectifs\n- observer les élèves\n\nDéroulé <b>brut</b>"
    write_note("Préparer la séance", text, ready=True)
    write_note("Brouillon", "à finir")
    result = export_notes_markdown(select_notes(), tmp_path / "notes")
    assert result.entries == 2
    written = (tmp_path / "notes" / "preparer-la-seance.md").read_text(encoding="utf-8")
    meta = front_matter(written)
    assert meta["title"] == "Préparer la séance"
    assert meta["authors"] == ["Camille Martin"] and meta["ready"] == ["Camille Martin"]
    assert "*Co-auteurs : Camille Martin (prête le " in written
    assert written.rstrip().endswith(text)
    draft = front_matter((tmp_path / "notes" / "brouillon.md").read_text(encoding="utf-8"))
    assert draft["ready"] == []
    index = (tmp_path / "notes" / "index.md").read_text(encoding="utf-8")
    assert "(brouillon.md)" in index and "(preparer-la-seance.md)" in index


def test_bin_is_left_out(store):
    kept = write_note("Gardée", "x")
    notes.trash(write_note("Jetée", "y"))
    assert [n.id for n in select_notes()] == [kept]


def test_html_is_formatted_and_inert(store):
    """The PDF of notes shows formatting, not `**`, `##` and pipes; nothing runs."""
    text = (
        "## Objectifs\n\nFaire **coopérer** les apprenants.\n\n"
        "| Phase | Durée |\n|---|---|\n| Accueil | 10 min |\n\n"
        "ligne <img src=x onerror=alert(1)>\n\nsuite"
    )
    write_note("<script>titre</script>", text)
    html = notes_html(select_notes())
    body = lxml.html.fromstring(html.split("<body>", 1)[1])
    [note] = body.find_class("entry-body")
    assert note.findtext(".//h2") == "Objectifs" and note.findtext(".//strong") == "coopérer"
    assert [td.text for td in body.iter("td")] == ["Accueil", "10 min"]
    shown = body.text_content()
    assert "**" not in shown and "##" not in shown and "|" not in shown
    assert "<script" not in html.split("<body>", 1)[1] and "onerror" not in html
    assert "suite" in shown
