"""Co-preparation notes in one store: create, edit, ready marks, bin, search, outbox, sync API."""

from __future__ import annotations

import json
import shutil

import pytest
from pycrdt import Doc, Text

from team_desktop.core import library, outbox, search
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.doc import TEMPLATE_AUTHOR, NoteDoc
from team_desktop.core.notes.export import authors, authorship_html, note_export
from team_desktop.core.notes.positions import utf16_len
from team_desktop.core.notes.templates import default_template
from team_desktop.core.store.models import ActivityRecord
from team_desktop.core.store.portfolio_models import DEVICE, Note


def _type_at_end(note_id: str, text: str) -> NoteDoc:
    doc = notes.load(note_id)
    doc.apply_local_edit(utf16_len(doc.text), 0, text, note_authors.local_author())
    notes.save(note_id, doc)
    return doc


def _clocks(state_vector: bytes) -> dict[int, int]:
    """A Yjs state vector decoded (client id -> clock); its byte order is not fixed."""
    numbers, value, shift = [], 0, 0
    for byte in state_vector:
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            numbers.append(value)
            value, shift = 0, 0
    count, pairs = numbers[0], numbers[1:]
    assert len(pairs) == 2 * count
    return dict(zip(pairs[::2], pairs[1::2], strict=True))


def _queued() -> list[tuple[str, str]]:
    return [(row.kind, row.record_id) for row in outbox.pending()]


def test_author_has_no_name_until_named_never_the_os_login(store):
    me = note_authors.local_author()
    assert me.name == ""  # asked once in the notes view; the OS login is never used
    assert not note_authors.has_chosen_name()
    note_authors.set_name("  Awa   Diallo ")
    assert note_authors.local_author() == type(me)(me.id, "Awa Diallo")
    assert note_authors.has_chosen_name()
    with pytest.raises(ValueError):
        note_authors.set_name("   ")


def test_create_from_the_default_template(store):
    note_id = notes.create("Séance du jeudi", default_template())
    doc = notes.load(note_id)
    assert doc.title == "Séance du jeudi"
    for heading in ("Objectifs", "Public", "Configuration", "Rôles", "Minutage", "Matériel"):
        assert heading in doc.text
    assert "Ce que nous observerons" in doc.text and "Débriefing" in doc.text
    assert {span.author_id for span in doc.spans()} == {TEMPLATE_AUTHOR}
    assert authors(doc) == []  # the template is nobody's text
    assert _queued() == [("note", note_id)]
    row = Note.get_by_id(note_id)
    assert row.title_cache == "Séance du jeudi" and "Objectifs" in row.text_cache


def test_create_empty_note(store):
    note_id = notes.create()
    assert notes.load(note_id).text == ""
    assert notes.summary(note_id).title == ""
    assert notes.display_title("") == "Note sans titre"


def test_activity_template_and_link(store, tmp_path, pack):
    pack.replace(
        "02-seconde.md",
        'instructions = "Choisissez un collègue."',
        'instructions = "Choisissez un collègue."\ntemplate = """\n## Notre objectif commun\n"""',
    )
    content = tmp_path / "content"
    shutil.copytree(pack.root, content / "mini-pack")
    _installed, failures = library.install_bundled(store, content)
    assert failures == []
    activity = ActivityRecord.get(ActivityRecord.kind == "copreparation")
    assert json.loads(activity.fields_json)["template"].strip() == "## Notre objectif commun"

    note_id = notes.create_for_activity(activity.uid)
    doc = notes.load(note_id)
    assert doc.text == "## Notre objectif commun\n"
    assert doc.title == activity.title
    assert [n.id for n in notes.list_notes(activity_uid=activity.uid)] == [note_id]
    # An activity of a pack that is gone: the standard template, no title.
    other = notes.create_for_activity("gone/activity")
    assert notes.load(other).text == default_template()


def test_local_edits_are_saved_indexed_and_queued(store):
    note_id = notes.create("Atelier", "")
    outbox.drop("note", note_id)
    _type_at_end(note_id, "Coopération des élèves 🙂")
    assert notes.load(note_id).text == "Coopération des élèves 🙂"
    assert _queued() == [("note", note_id)]
    assert [hit.ref for hit in search.search("cooperation eleves")] == [note_id]
    assert Note.get_by_id(note_id).text_cache == "Coopération des élèves 🙂"


def test_device_notes_never_enter_the_outbox(store):
    note_id = notes.create("Brouillon", visibility=DEVICE)
    _type_at_end(note_id, "rien ne sort")
    notes.trash(note_id)
    assert _queued() == []
    other = notes.create("Partagée")
    notes.set_sharing(other, DEVICE)
    assert _queued() == []
    notes.set_sharing(other, "group", "g1")
    assert _queued() == [("note", other)]
    assert (notes.summary(other).visibility, notes.summary(other).group_id) == ("group", "g1")
    notes.set_sharing(other, "private")
    assert notes.summary(other).group_id == "g1"  # remembered for next time
    with pytest.raises(ValueError):
        notes.set_sharing(other, "group")  # which group?
    with pytest.raises(ValueError):
        notes.set_sharing(other, "everyone")


def test_save_merges_what_reached_the_store_meanwhile(store):
    note_id = notes.create("N", "")
    editor_doc = notes.load(note_id)
    me = note_authors.local_author()
    editor_doc.apply_local_edit(0, 0, "mon texte", me)
    # Meanwhile, another copy of the note writes to the store (an import, a sync).
    _type_at_end(note_id, " + l'autre")
    changes = notes.save(note_id, editor_doc)
    stored = notes.load(note_id).text
    assert "mon texte" in stored and " + l'autre" in stored
    assert editor_doc.text == stored
    assert changes  # the open editor is told what arrived


def test_ready_marks(store):
    note_id = notes.create("Prête ?", default_template())
    me = note_authors.local_author()
    notes.set_ready(note_id, True)
    marks = notes.load(note_id).ready_marks()
    assert list(marks) == [me.id] and marks[me.id][:4].isdigit()
    assert [a.ready_at for a in authors(notes.load(note_id))] == [marks[me.id]]
    notes.set_ready(note_id, True)  # twice: unchanged
    assert notes.load(note_id).ready_marks() == marks
    notes.set_ready(note_id, False)
    assert notes.load(note_id).ready_marks() == {}


def test_authors_and_who_wrote_what(store):
    note_authors.set_name("Awa")
    note_id = notes.create("Séance", "## Objectifs\n")
    _type_at_end(note_id, "Lire <vite> & bien")
    doc = notes.load(note_id)
    assert [(a.name, a.characters) for a in authors(doc)] == [("Awa", len("Lire <vite> & bien"))]
    html = authorship_html(doc)
    assert "Lire &lt;vite&gt; &amp; bien" in html and "<vite>" not in html
    assert 'title="Awa"' in html and "Texte du modèle" in html
    exported = note_export(note_id)
    assert exported.title == "Séance" and exported.markdown == "## Objectifs\nLire <vite> & bien"
    assert [a.name for a in exported.authors] == ["Awa"]


def test_bin_restore_and_purge(store):
    note_id = notes.create("Séance à la corbeille", "texte unique zygomatique")
    notes.trash(note_id)
    assert notes.list_notes() == [] and [n.id for n in notes.list_notes(trashed=True)] == [note_id]
    assert search.search("zygomatique") == []
    notes.restore(note_id)
    assert [n.id for n in notes.list_notes()] == [note_id]
    assert [h.ref for h in search.search("zygomatique")] == [note_id]
    notes.trash(note_id)
    assert notes.empty_bin() == 1
    row = Note.get_by_id(note_id)
    assert row.deleted and row.text_cache == "" and NoteDoc(row.crdt_state).text == ""
    assert notes.list_notes(trashed=True) == [] and search.search("zygomatique") == []
    assert _queued() == [("note", note_id)]  # the tombstone syncs
    with pytest.raises(notes.NoteNotFound):
        notes.load(note_id)


def test_sync_api_round_trip_without_enqueueing(store):
    note_id = notes.create("Sync", "")
    _type_at_end(note_id, "d'ici 🙂")
    # A "server" document that already has this device's text, plus a co-author's edit.
    server = Doc()
    server.apply_update(notes.local_update_since(note_id, b"\x00"))
    before = server.get_state()
    server_text = server.get("body", type=Text)
    server_text.insert(len(server_text), " et de là-bas 🎉", {"author": "co"})
    outbox.drop("note", note_id)

    # Only what the server lacks is sent.
    assert notes.local_update_since(note_id, server.get_state()) in (b"\x00\x00", b"\x00\x00\x00")
    notes.apply_remote_update(note_id, server.get_update(notes.state_vector(note_id)))
    assert notes.load(note_id).text == "d'ici 🙂 et de là-bas 🎉"
    assert _queued() == []  # a write made by sync does not go back out
    assert _clocks(notes.state_vector(note_id)) == _clocks(server.get_state())
    assert _clocks(server.get_state()) != _clocks(before)
    with pytest.raises(ValueError):
        notes.apply_remote_update(note_id, b"garbage")
    assert notes.load(note_id).text == "d'ici 🙂 et de là-bas 🎉"


def test_remote_update_creates_trashes_and_deletes(store):
    remote = NoteDoc()
    remote.set_title("Venue d'ailleurs")
    remote.body.insert(0, "bonjour", {"author": "co"})
    notes.apply_remote_update("a" * 32, remote.encode(), group_id="g1", visibility="group")
    row = Note.get_by_id("a" * 32)
    assert (row.title_cache, row.group_id, row.visibility) == ("Venue d'ailleurs", "g1", "group")
    assert _queued() == []
    notes.apply_remote_update("a" * 32, b"\x00\x00", trashed_at=row.updated_at)
    assert notes.list_notes(trashed=True)[0].id == "a" * 32
    notes.apply_remote_update("a" * 32, b"\x00\x00", deleted=True)
    assert Note.get_by_id("a" * 32).deleted and _queued() == []
    # A note deleted here for good stays deleted.
    notes.apply_remote_update("a" * 32, remote.encode())
    assert Note.get_by_id("a" * 32).deleted


def test_an_update_arriving_before_its_predecessor_is_kept(store):
    source = Doc()
    text = source.get("body", type=Text)
    text.insert(0, "un ", {"author": "co"})
    first = source.get_update()
    state = source.get_state()
    text.insert(3, "deux 🙂", {"author": "co"})
    second = source.get_update(state)

    notes.apply_remote_update("b" * 32, second)  # waits for `first`
    assert notes.load("b" * 32).text == ""
    notes.apply_remote_update("b" * 32, first)
    assert notes.load("b" * 32).text == "un deux 🙂"


def test_remote_merge_reports_editor_changes(store):
    """What `merge` tells an open editor rebuilds the merged text exactly."""
    doc = NoteDoc()
    doc.apply_local_edit(0, 0, "Préparer 🙂 la séance", note_authors.local_author())
    other = NoteDoc(doc.encode())
    other.body.insert(0, "« ", {"author": "co"})
    del other.body[len("« Préparer ".encode()) : len("« Préparer 🙂".encode())]
    other.body.insert(len(other.text.encode()), " ensemble 🎉", {"author": "co"})
    editor = doc.text
    for change in doc.merge(other.encode()):
        units = editor.encode("utf-16-le")
        start = 2 * change.position
        units = (
            units[:start] + change.added.encode("utf-16-le") + units[start + 2 * change.removed :]
        )
        editor = units.decode("utf-16-le")
    assert editor == doc.text == "« Préparer  la séance ensemble 🎉"
