"""The journal as Leap2A 2010-07: well-formed Atom, namespaces, selection, tags, files, links."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile

from team_desktop.core.export.leap2a import export_leap2a
from team_desktop.core.export.selection import select_entries
from team_desktop.core.store.models import ActivityRecord, PackRecord, database
from team_desktop.core.store.portfolio_models import GROUP
from tests.core.export_kit import add_entry, png_bytes, store_blob

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "leap2": "http://terms.leapspecs.org/",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
CATEGORIES = "http://wiki.leapspecs.org/2A/categories/"


def _add_course() -> None:
    with database.atomic():
        PackRecord.create(
            id="mod", title="Module test", version="1", week=1, order=1, meta_json="{}"
        )
        ActivityRecord.create(
            uid="mod/obs",
            pack="mod",
            lesson_uid="mod/l1",
            kind="journal",
            title="Observer une séance",
            fields_json=json.dumps({}),
        )


def _export(store, tmp_path):
    output = tmp_path / "portfolio.zip"
    result = export_leap2a(select_entries(store.paths), output, author="Camille")
    archive = zipfile.ZipFile(output)
    raw = archive.read("leap2a.xml")
    return result, archive, raw, ET.fromstring(raw)


def _type(item) -> str:
    return item.find("rdf:type", NS).get(f"{{{NS['rdf']}}}resource")


def test_feed_structure_and_namespaces(store, tmp_path):
    _add_course()
    image = store_blob(store.paths, png_bytes(), "tableau.png", "image/png")
    first = add_entry(
        "Observation",
        "Du **gras** et <script>x</script>",
        ["co-intervention", "bilan"],
        attachments=[image],
        activity_uid="mod/obs",
        visibility=GROUP,
    )
    second = add_entry("Copie en conflit", "autre version", conflict_of=first)
    result, archive, raw, feed = _export(store, tmp_path)

    assert feed.tag == f"{{{NS['atom']}}}feed"
    declared = raw.decode().split(">", 2)[1]
    for uri in (*NS.values(), CATEGORIES):
        if uri != NS["xhtml"]:
            assert f'"{uri}"' in declared
    assert feed.findtext("leap2:version", namespaces=NS) == "http://www.leapspecs.org/2010-07/2A/"
    for required in ("atom:id", "atom:title", "atom:updated", "atom:author/atom:name"):
        assert feed.findtext(required, namespaces=NS)
    assert feed.findtext("atom:author/atom:name", namespaces=NS) == "Camille"

    items = {
        item.findtext("atom:id", namespaces=NS): item for item in feed.findall("atom:entry", NS)
    }
    by_type: dict[str, list] = {}
    for item in items.values():
        assert item.findtext("atom:title", namespaces=NS) is not None
        assert item.findtext("atom:updated", namespaces=NS)
        by_type.setdefault(_type(item), []).append(item)
    # No item of its own for the activity: Mahara would make it a post of a second blog.
    assert sorted((t, len(v)) for t, v in by_type.items()) == [
        ("leap2:entry", 2),
        ("leap2:resource", 1),
        ("leap2:selection", 1),
    ]

    # The journal: a selection of type Blog that has the entries as parts, in order.
    journal = by_type["leap2:selection"][0]
    blog = journal.find("atom:category", NS)
    assert (blog.get("scheme"), blog.get("term")) == ("categories:selection_type#", "Blog")
    parts = [
        link.get("href")
        for link in journal.findall("atom:link", NS)
        if link.get("rel") == "leap2:has_part"
    ]
    entries = {i.findtext("atom:title", namespaces=NS): i for i in by_type["leap2:entry"]}
    assert parts == [
        entries["Observation"].findtext("atom:id", namespaces=NS),
        entries["Copie en conflit"].findtext("atom:id", namespaces=NS),
    ]

    entry = entries["Observation"]
    links = {(link.get("rel"), link.get("href")) for link in entry.findall("atom:link", NS)}
    assert ("leap2:is_part_of", journal.findtext("atom:id", namespaces=NS)) in links
    # Tags are plain categories (no scheme); the group entry is not marked private.
    plain = [c.get("term") for c in entry.findall("atom:category", NS) if c.get("scheme") is None]
    assert plain == ["co-intervention", "bilan"]
    assert not any(
        c.get("scheme") == "categories:audience#" for c in entry.findall("atom:category", NS)
    )
    private = entries["Copie en conflit"].findall("atom:category", NS)
    assert [(c.get("scheme"), c.get("term")) for c in private] == [
        ("categories:audience#", "Private")
    ]

    # Content: an XHTML div, sanitized.
    content = entry.find("atom:content", NS)
    assert content.get("type") == "xhtml"
    div = content.find("xhtml:div", NS)
    assert div.find("xhtml:p/xhtml:strong", NS).text == "gras"
    assert b"<script" not in raw

    # The attachment: a resource item with an enclosure to the file in the zip.
    resource = by_type["leap2:resource"][0]
    assert ("related", resource.findtext("atom:id", namespaces=NS)) in links
    enclosure = resource.find("atom:link[@rel='enclosure']", NS)
    assert enclosure.get("type") == "image/png"
    assert enclosure.get("length") == str(len(png_bytes()))
    assert archive.read(enclosure.get("href")) == png_bytes()
    assert enclosure.get("href").startswith("files/")
    assert result.attachments == 1

    # The activity the entry is about is written atop the post.
    assert (
        div.find("xhtml:p/xhtml:em", NS).text
        == "Activité : Observer une séance (module « Module test »)"
    )
    conflict_links = {
        (link.get("rel"), link.get("href"))
        for link in entries["Copie en conflit"].findall("atom:link", NS)
    }
    assert ("related", entry.findtext("atom:id", namespaces=NS)) in conflict_links
    assert second != first


def test_xhtml_opening_is_what_mahara_expects(store, tmp_path):
    add_entry("Ligne", "Un<br>deux &amp; trois\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    _result, _archive, raw, _feed = _export(store, tmp_path)
    assert b'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">' in raw


def test_ids_are_stable_across_exports(store, tmp_path):
    add_entry("Stable", "x")
    first = _export(store, tmp_path)[3]
    (tmp_path / "portfolio.zip").unlink()
    second = _export(store, tmp_path)[3]

    def entry_ids(feed):
        return sorted(i.findtext("atom:id", namespaces=NS) for i in feed.findall("atom:entry", NS))

    assert entry_ids(first) == entry_ids(second)


def test_characters_xml_cannot_hold_are_dropped(store, tmp_path):
    add_entry("Titre\x0cpage", "Texte\x0c collé\x01 d'un traitement de texte", ["mot\x08clé"])
    _result, _archive, _raw, feed = _export(store, tmp_path)  # parses: well-formed
    entry = next(i for i in feed.findall("atom:entry", NS) if _type(i) == "leap2:entry")
    assert entry.findtext("atom:title", namespaces=NS) == "Titrepage"
    assert "Texte collé d'un traitement de texte" in "".join(
        entry.find("atom:content", NS).itertext()
    )
    assert [c.get("term") for c in entry.findall("atom:category", NS)][0] == "motclé"
