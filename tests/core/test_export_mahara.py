"""The Leap2A file as Mahara reads it, with libxml2 (lxml) doing what it does in Mahara's PHP.

Checked against MaharaProject/mahara (23.04 development, commit 0881d0f9c2):
- htdocs/artefact/blog/import/leap/lib.php, `get_import_strategies_for_entry`: a `selection`
  categorised `selection_type#Blog` becomes a blog (score 100) and its `has_part` targets its
  posts; any other item no plugin claims becomes a post of a catch-all blog (score 10).
- htdocs/artefact/file/import/leap/lib.php, `LeapImportFile::is_file`: an item with exactly one
  `enclosure` to something that is not an item is a file (score 110).
- htdocs/import/leap/lib.php, `get_entry_content` (the XHTML div's `asXML()` less its 42-char
  opening) then, when the text holds `rel="enclosure"` and `<img`, `fix_artefact_reference`:
  `DOMDocument::loadHTML` of those UTF-8 bytes, which libxml2's HTML parser reads as Latin-1
  unless they start with a byte order mark.
- htdocs/artefact/internal/import/leap/lib.php, `import_author_data`: the feed's
  `<author><name>` is required and split at its first space into first and last names.
"""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from lxml import etree

from team_desktop.core.export.leap2a import export_leap2a
from team_desktop.core.export.output import ExportError
from team_desktop.core.export.selection import Selection, select_entries
from team_desktop.core.store.models import database
from team_desktop.core.store.sync_models import Person
from team_desktop.core.sync import state as sync_state
from tests.core.export_kit import add_entry, png_bytes, store_blob

NS = {
    "a": "http://www.w3.org/2005/Atom",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "x": "http://www.w3.org/1999/xhtml",
}
XHTML_DIV = '<div xmlns="http://www.w3.org/1999/xhtml">'
TEXT = "Une élève a dit : « c'est génial » 🎉 — 👩🏽‍🏫 ✅"


def _feed(store, tmp_path, selection: Selection | None = None, author: str = ""):
    output = tmp_path / "mahara.zip"
    output.unlink(missing_ok=True)
    export_leap2a(select_entries(store.paths, selection), output, author)
    return zipfile.ZipFile(output), etree.fromstring(zipfile.ZipFile(output).read("leap2a.xml"))


def _strategy(item, ids: set[str], posts: set[str]) -> str:
    """What Mahara's importer makes of one item: blog, file, post, or catch-all post."""
    kind = item.find("rdf:type", NS).get(f"{{{NS['rdf']}}}resource")
    categories = {(c.get("scheme"), c.get("term")) for c in item.findall("a:category", NS)}
    if kind == "leap2:selection" and ("categories:selection_type#", "Blog") in categories:
        return "blog"
    enclosures = [
        link.get("href")
        for link in item.findall("a:link", NS)
        if link.get("rel") == "enclosure" and link.get("href") not in ids
    ]
    if len(enclosures) == 1:
        return "file"
    return "post" if item.findtext("a:id", namespaces=NS) in posts else "catch-all post"


def _description(item) -> str:
    """A post's text once Mahara stored it: get_entry_content, then fix_artefact_reference."""
    div = etree.fromstring(etree.tostring(item.find("a:content/x:div", NS)))
    etree.cleanup_namespaces(div)  # asXML() of a node carries only the namespaces it uses
    content = etree.tostring(div, encoding="utf-8")
    assert content.startswith(XHTML_DIV.encode())
    field = content[len(XHTML_DIV.encode()) : -len(b"</div>")]
    if b'rel="enclosure"' not in field or b"<img" not in field:
        return field.decode("utf-8")
    body = etree.fromstring(field, etree.HTMLParser()).find("body")  # loadHTML: no encoding
    return "".join(etree.tostring(child, encoding="unicode") for child in body)


def test_mahara_makes_one_blog_of_the_journal_and_files_of_the_attachments(store, tmp_path):
    sync_state.save(display_name="Camille Martin")
    image = store_blob(store.paths, png_bytes(), "tableau.png", "image/png")
    sheet = store_blob(store.paths, b"%PDF-1.4\n", "fiche séance.pdf", "application/pdf")
    add_entry("Observer", "Texte", attachments=[image, sheet], activity_uid="mod/obs")
    add_entry("Bilan", "Autre", lesson_uid="mod/l1")
    _archive, feed = _feed(store, tmp_path)

    items = feed.findall("a:entry", NS)
    ids = {item.findtext("a:id", namespaces=NS) for item in items}
    [journal] = [
        i
        for i in items
        if i.find("a:category", NS) is not None and i.find("a:category", NS).get("term") == "Blog"
    ]
    posts = {
        link.get("href")
        for link in journal.findall("a:link", NS)
        if link.get("rel") == "leap2:has_part"
    }
    made = sorted(_strategy(item, ids, posts) for item in items)
    assert made == ["blog", "file", "file", "post", "post"]
    # The feed's author is the learner, whom Mahara names "Camille" "Martin".
    assert feed.findtext("a:author/a:name", namespaces=NS) == "Camille Martin"


def test_text_with_an_inline_image_keeps_its_accents_and_emoji_in_mahara(store, tmp_path):
    image = store_blob(store.paths, png_bytes(), "tableau.png", "image/png")
    add_entry("Séance", f"{TEXT}\n\n![le tableau](tableau.png)", attachments=[image])
    add_entry("Sans image", TEXT)
    _archive, feed = _feed(store, tmp_path, author="Camille")
    posts = {
        item.findtext("a:title", namespaces=NS): item
        for item in feed.findall("a:entry", NS)
        if item.find("a:content", NS).get("type") == "xhtml"
    }
    with_image = _description(posts["Séance"])
    assert f"<p>{TEXT}</p>" in with_image
    file_item = next(
        i
        for i in feed.findall("a:entry", NS)
        if i.findtext("a:title", namespaces=NS) == "tableau.png"
    )
    # Mahara would point this `src` at the imported file.
    assert f'src="{file_item.findtext("a:id", namespaces=NS)}"' in with_image
    assert _description(posts["Sans image"]) == f"<p>{TEXT}</p>"


@pytest.fixture
def with_a_peer(store):
    """The learner's entry, and one a peer shared with the group."""
    sync_state.save(user_id="moi", display_name="Camille Martin")
    with database.atomic():
        Person.create(id="pair", display_name="Nadia Benali")
    add_entry("Mon entrée", "À moi", author_id="moi", day=dt.date(2024, 5, 2))
    add_entry("Son entrée", "À Nadia", author_id="pair", visibility="group", group_id="g")
    add_entry("Écrite avant le compte", "Aussi à moi")


def test_only_my_entries_unless_asked_and_then_with_their_author(store, tmp_path, with_a_peer):
    _archive, feed = _feed(store, tmp_path)
    titles = sorted(i.findtext("a:title", namespaces=NS) for i in feed.findall("a:entry", NS))
    assert titles == ["Mon entrée", "Mon journal de formation", "Écrite avant le compte"]

    _archive, feed = _feed(store, tmp_path, Selection(include_peers=True))
    [peer] = [
        i
        for i in feed.findall("a:entry", NS)
        if i.findtext("a:title", namespaces=NS) == "Son entrée"
    ]
    assert peer.findtext("a:author/a:name", namespaces=NS) == "Nadia Benali"
    # Mahara ignores an entry's own author: the post says it.
    assert _description(peer).startswith("<p><em>Par Nadia Benali</em></p>")


def test_no_name_no_file_mahara_would_refuse(store, tmp_path):
    add_entry("Sans nom", "x")
    with pytest.raises(ExportError, match="Indiquez votre nom"):
        export_leap2a(select_entries(store.paths), tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()
