"""The journal as one HTML file: self-contained, sanitized, with a table of contents."""

from __future__ import annotations

import base64
import re

import lxml.html

from team_desktop.core.export.html import export_html, journal_html
from team_desktop.core.export.selection import select_entries
from tests.core.export_kit import add_entry, png_bytes, store_blob

HOSTILE = (
    "Bonjour <script>alert('x')</script>\n\n"
    '<img src="x" onerror="alert(1)">\n\n'
    "[piège](javascript:alert(2))\n\n"
    "![distante](https://example.org/espion.png)\n\n"
    '<iframe src="file:///etc/passwd"></iframe>'
)


def test_file_is_self_contained_with_images_inline(store, tmp_path):
    image = store_blob(store.paths, png_bytes(), "tableau.png", "image/png")
    sheet = store_blob(
        store.paths, b"PK fiche", "fiche.odt", "application/vnd.oasis.opendocument.text"
    )
    add_entry("Avec image", "Voir ![le tableau](tableau.png)", attachments=[image, sheet])
    output = tmp_path / "journal.html"
    result = export_html(select_entries(store.paths), output)
    html = output.read_text(encoding="utf-8")
    assert result.attachments == 2
    # Nothing is fetched: every source is inline, no style sheet or script from elsewhere.
    sources = re.findall(r'\b(?:src|href)="([^"]*)"', html)
    inside = ("data:image/png;base64,", "data:application/vnd.oasis.opendocument.text;", "#")
    assert sources and all(s.startswith(inside) for s in sources)
    assert not re.search(r"https?:|file:|<link\b|@import|url\(", html)
    inline = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    assert len(inline) == 2  # the attachment, and the image in the text naming it
    assert all(base64.b64decode(data) == png_bytes() for data in inline)
    # A non-image attachment is in the file too, as a link that saves it under its name.
    [(uri, name)] = re.findall(r'<a href="(data:[^"]+)" download="([^"]+)"', html)
    assert name == "fiche.odt" and base64.b64decode(uri.split(",", 1)[1]) == b"PK fiche"


def test_every_attachment_is_in_the_file_a_pdf_too(store, tmp_path):
    pdf = store_blob(store.paths, b"%PDF-1.4 fiche", "fiche séance.pdf", "application/pdf")
    image = store_blob(store.paths, png_bytes(), "photo.png", "image/png")
    add_entry("Pièces", "Voir la fiche", attachments=[pdf, image])
    output = tmp_path / "journal.html"
    result = export_html(select_entries(store.paths), output)
    assert result.attachments == 2 and result.missing_attachments == []
    document = lxml.html.parse(str(output)).getroot()
    saved = {
        link.get("download"): base64.b64decode(link.get("href").split(",", 1)[1])
        for link in document.iter("a")
        if link.get("download")
    }
    assert saved == {"fiche séance.pdf": b"%PDF-1.4 fiche"}
    shown = [img.get("src") for img in document.iter("img")]
    assert [base64.b64decode(s.split(",", 1)[1]) for s in shown] == [png_bytes()]


def test_hostile_text_comes_out_inert(store, tmp_path):
    add_entry("Piège", HOSTILE)
    html = journal_html(select_entries(store.paths))
    body = html.split("<body>", 1)[1]
    assert "Bonjour" in body
    assert "<script" not in body
    assert "onerror" not in body
    assert "javascript:" not in body
    assert "<iframe" not in body
    assert "espion.png" not in body and "example.org" not in body


def test_table_of_contents_and_page_breaks(store):
    add_entry("Premier", "un")
    add_entry("Second", "deux")
    html = journal_html(select_entries(store.paths))
    toc = html.split('<ol class="toc">', 1)[1].split("</ol>", 1)[0]
    assert re.findall(r'href="#(entree-\d)">([^<]+)<', toc) == [
        ("entree-1", "Premier"),
        ("entree-2", "Second"),
    ]
    assert html.count('id="entree-') == 2
    assert ".pagebreak { page-break-before: always; }" in html
    assert html.count("pagebreak") == 3  # the rule, then one per entry
    assert "@media print" in html
