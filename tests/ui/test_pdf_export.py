"""PDF of the journal and notes: a real PDF, A4, one entry per page, long entries paginated."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from team_desktop.core.export.html import journal_html
from team_desktop.core.export.notes import notes_html, select_notes
from team_desktop.core.export.pdf_language import PdfLanguageError, add_language
from team_desktop.core.export.selection import select_entries
from team_desktop.ui.pdf_export import write_pdf
from tests.core.export_kit import add_entry, png_bytes, store_blob, write_note

PAGE = re.compile(rb"/Type\s*/Page[^s]")
A4_POINTS = (595, 842)


def pages_in(pdf: bytes) -> int:
    return len(PAGE.findall(pdf))


def test_short_entries_one_page_each_after_contents(qapp, store, tmp_path):
    image = store_blob(store.paths, png_bytes(3000, 800), "très large.png", "image/png")
    add_entry("Un", "Texte *court* : é à ç œ", ["bilan"], attachments=[image])
    add_entry("Deux", "Encore")
    add_entry("Trois", "Fin")
    output = tmp_path / "journal.pdf"
    count = write_pdf(journal_html(select_entries(store.paths)), output, "Journal")
    data = output.read_bytes()
    assert data.startswith(b"%PDF")
    assert count == 4  # contents, then each entry on a page of its own
    assert pages_in(data) == 4
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert (round(float(box.group(1))), round(float(box.group(2)))) == A4_POINTS


def test_long_entry_runs_over_several_pages(qapp, store, tmp_path):
    add_entry("Court", "Une ligne")
    add_entry("Long", "\n\n".join(f"Paragraphe {n} : " + "réflexion " * 90 for n in range(80)))
    output = tmp_path / "long.pdf"
    count = write_pdf(journal_html(select_entries(store.paths)), output)
    assert count >= 6  # contents, the short entry, then the long one over at least 4 pages
    assert pages_in(output.read_bytes()) == count


def test_notes_pdf(qapp, store, tmp_path):
    for n in range(2):
        write_note(f"Séance {n}", "Objectifs\n- observer\n\nDéroulé")
    output = tmp_path / "notes.pdf"
    count = write_pdf(notes_html(select_notes()), output)
    assert count == 3 and pages_in(output.read_bytes()) == 3


def _poppler(tool: str, *args: str) -> str:
    """Run a poppler-utils tool (installed by .ci/run), as a reader of the PDF would."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: apt-get install poppler-utils")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def test_emoji_stay_in_the_text_or_are_named_never_dropped(qapp, store, tmp_path):
    add_entry("Séance 🙂", "Une élève : « génial » 🎉 ✅ ❤ fin 👩🏽‍🏫")
    output = tmp_path / "emoji.pdf"
    write_pdf(journal_html(select_entries(store.paths)), output, "Journal", "Camille Martin")
    text = _poppler("pdftotext", str(output), "-")
    assert "Une élève : « génial »" in text
    # Each emoji is either in the text layer or replaced by words, in its place.
    for emoji, name in (("🙂", "sourire"), ("🎉", "fête"), ("✅", "coche"), ("❤", "cœur")):
        assert emoji in text or f"[émoji : {name}]" in text, (emoji, text)
    assert "U+1F469" in text or "👩" in text
    # No ligature glyph in the text layer: a search for "fin" finds it.
    assert " fin " in text and "\ufb01" not in text


def test_pdf_carries_title_author_and_language(qapp, store, tmp_path):
    add_entry("Un", "x")
    output = tmp_path / "meta.pdf"
    write_pdf(journal_html(select_entries(store.paths)), output, "Mon journal", "Camille Martin")
    info = _poppler("pdfinfo", str(output))
    assert re.search(r"^Title:\s+Mon journal$", info, re.M)
    assert re.search(r"^Author:\s+Camille Martin$", info, re.M)
    metadata = _poppler("pdfinfo", "-meta", str(output))
    assert "<dc:language><rdf:Bag><rdf:li>fr-FR</rdf:li></rdf:Bag></dc:language>" in metadata
    # The catalog's /Lang, what screen readers use, read by a strict parser.
    reader = PdfReader(output, strict=True)
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    assert reader.metadata.title == "Mon journal" and len(reader.pages) == 2
    checked = subprocess.run(["pdfinfo", str(output)], capture_output=True, text=True)
    assert checked.returncode == 0 and "Error" not in checked.stderr


def test_a_file_not_laid_out_as_expected_is_left_alone(tmp_path):
    odd = tmp_path / "odd.pdf"
    odd.write_bytes(b"%PDF-1.4\nrien\n%%EOF\n")
    with pytest.raises(PdfLanguageError):
        add_language(odd, "fr-FR")
    assert odd.read_bytes() == b"%PDF-1.4\nrien\n%%EOF\n"


def test_notes_pdf_shows_formatting_not_markdown_marks(qapp, store, tmp_path):
    write_note(
        "Séance",
        "## Objectifs\n\n**Coopérer**\n\n| Phase | Durée |\n|---|---|\n| Accueil | 10 min |",
    )
    output = tmp_path / "notes.pdf"
    write_pdf(notes_html(select_notes()), output)
    text = _poppler("pdftotext", "-layout", str(output), "-")
    assert "Objectifs" in text and "Coopérer" in text and "Accueil" in text
    assert "**" not in text and "##" not in text and "|" not in text
