"""Two copies of a note, edited apart in two data directories, merged through `.teamnote` files."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from team_desktop.core import outbox, search
from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import files as note_files
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.export import authors
from team_desktop.core.notes.files import NoteFileError, NoteFileMismatch
from team_desktop.core.notes.positions import index_to_utf16
from team_desktop.core.notes.templates import default_template
from team_desktop.core.paths import DataPaths
from team_desktop.core.store.db import Store, open_store
from team_desktop.core.store.portfolio_models import Note


class Trainer:
    """One trainer's machine: a data directory of their own, used one at a time."""

    def __init__(self, root: Path, name: str):
        self.store = open_store(DataPaths(root))
        self.name = name
        note_authors.set_name(name)

    @contextlib.contextmanager
    def active(self) -> Iterator[Store]:
        self.store.activate()
        yield self.store

    def type_after(self, note_id: str, anchor: str, text: str) -> None:
        """Type `text` just after `anchor` (first occurrence), as the editor would report it."""
        with self.active():
            doc = notes.load(note_id)
            where = doc.text.index(anchor) + len(anchor)
            doc.apply_local_edit(
                index_to_utf16(doc.text, where), 0, text, note_authors.local_author()
            )
            notes.save(note_id, doc)

    def delete(self, note_id: str, words: str) -> None:
        with self.active():
            doc = notes.load(note_id)
            where = doc.text.index(words)
            start = index_to_utf16(doc.text, where)
            length = index_to_utf16(doc.text, where + len(words)) - start
            doc.apply_local_edit(start, length, "", note_authors.local_author())
            notes.save(note_id, doc)

    def text(self, note_id: str) -> str:
        with self.active():
            return notes.load(note_id).text


@pytest.fixture
def awa_and_julien(tmp_path: Path) -> Iterator[tuple[Trainer, Trainer]]:
    julien = Trainer(tmp_path / "julien", "Julien")
    awa = Trainer(tmp_path / "awa", "Awa")
    yield awa, julien
    awa.store.close()
    julien.store.close()


def _shared_note(awa: Trainer, julien: Trainer, tmp_path: Path) -> str:
    """Awa creates a note from the template and hands a copy to Julien."""
    with awa.active():
        note_id = notes.create("Séance co-animée 🙂", default_template())
        note_files.export_note(note_id, tmp_path / "depart.teamnote")
    with julien.active():
        result = note_files.import_note(tmp_path / "depart.teamnote")
    assert (result.note_id, result.created) == (note_id, True)
    return note_id


def test_edits_made_apart_merge_both_ways_with_every_edit_kept(awa_and_julien, tmp_path):
    awa, julien = awa_and_julien
    note_id = _shared_note(awa, julien, tmp_path)

    awa.type_after(note_id, "## Objectifs\n", "Que chaque élève ose prendre la parole 🗣️.\n")
    awa.type_after(note_id, "## Matériel\n", "- Fiches « rôles » imprimées\n")
    awa.delete(note_id, "Pourquoi ce choix :")
    julien.type_after(note_id, "## Public\n", "Seize adultes en reconversion, dont Zoé 👩‍🏫.\n")
    julien.type_after(note_id, "## Matériel\n", "- Tableau numérique ✅\n")
    julien.type_after(note_id, "Débriefing après la séance", " (jeudi, 10 h)")

    with awa.active():
        note_files.export_note(note_id, tmp_path / "awa.teamnote")
    with julien.active():
        note_files.export_note(note_id, tmp_path / "julien.teamnote")
        to_julien = note_files.import_note(tmp_path / "awa.teamnote", into=note_id)
    with awa.active():
        to_awa = note_files.import_note(tmp_path / "julien.teamnote", into=note_id)

    assert to_julien.changed and to_awa.changed and not to_awa.created
    merged = awa.text(note_id)
    assert merged == julien.text(note_id)
    for kept in (
        "Que chaque élève ose prendre la parole 🗣️.",
        "- Fiches « rôles » imprimées",
        "Seize adultes en reconversion, dont Zoé 👩‍🏫.",
        "- Tableau numérique ✅",
        "Débriefing après la séance (jeudi, 10 h)",
    ):
        assert kept in merged
    assert "Pourquoi ce choix :" not in merged
    assert merged.index("## Matériel\n") < merged.index("Fiches") < merged.index("## Ce que")
    assert merged.index("## Matériel\n") < merged.index("Tableau") < merged.index("## Ce que")

    with awa.active():
        doc = notes.load(note_id)
        names = {a.name: a.characters for a in authors(doc)}
        assert set(names) == {"Awa", "Julien"}
        by_author = {}
        for span in doc.spans():
            by_author.setdefault(doc.author_names().get(span.author_id, "?"), []).append(span.text)
        assert "Que chaque élève ose prendre la parole 🗣️.\n" in "".join(by_author["Awa"])
        assert "Seize adultes en reconversion" in "".join(by_author["Julien"])
        assert [h.ref for h in search.search("reconversion")] == [note_id]
        assert note_id in [row.record_id for row in outbox.pending()]

    # Importing the same file again changes nothing.
    with julien.active():
        again = note_files.import_note(tmp_path / "awa.teamnote")
        assert not again.changed and julien.text(note_id) == merged


def test_concurrent_typing_at_the_same_place_keeps_both(awa_and_julien, tmp_path):
    awa, julien = awa_and_julien
    note_id = _shared_note(awa, julien, tmp_path)
    awa.type_after(note_id, "## Public\n", "Première année 🎓, ")
    julien.type_after(note_id, "## Public\n", "Groupe de 12 👥, ")
    with julien.active():
        note_files.export_note(note_id, tmp_path / "j.teamnote")
    with awa.active():
        note_files.export_note(note_id, tmp_path / "a.teamnote")
        note_files.import_note(tmp_path / "j.teamnote")
    with julien.active():
        note_files.import_note(tmp_path / "a.teamnote")
    merged = awa.text(note_id)
    assert merged == julien.text(note_id)
    block = merged.split("## Public\n", 1)[1]
    # Both insertions, each whole (never interleaved), at the place both typed.
    assert block.startswith("Première année 🎓, Groupe de 12 👥, ") or block.startswith(
        "Groupe de 12 👥, Première année 🎓, "
    )


def test_ready_marks_and_titles_travel(awa_and_julien, tmp_path):
    awa, julien = awa_and_julien
    note_id = _shared_note(awa, julien, tmp_path)
    with awa.active():
        notes.set_ready(note_id, True)
        note_files.export_note(note_id, tmp_path / "a.teamnote")
    with julien.active():
        notes.set_ready(note_id, True)
        note_files.import_note(tmp_path / "a.teamnote")
        marked = {a.name for a in authors(notes.load(note_id)) if a.ready_at}
    assert marked == {"Awa", "Julien"}
    with julien.active():
        assert Note.get_by_id(note_id).title_cache == "Séance co-animée 🙂"


def test_import_brings_a_note_back_from_the_bin_or_the_grave(store, tmp_path):
    note_id = notes.create("Revenante", "texte")
    path = note_files.export_note(note_id, tmp_path / "r.teamnote")
    notes.trash(note_id)
    result = note_files.import_note(path)
    assert not result.created and [n.id for n in notes.list_notes()] == [note_id]
    notes.trash(note_id)
    notes.empty_bin()
    result = note_files.import_note(path)
    assert result.created and notes.load(note_id).text == "texte"


def _envelope(store_note: str, tmp_path: Path) -> dict:
    path = note_files.export_note(store_note, tmp_path / "good.teamnote")
    return json.loads(path.read_text(encoding="utf-8"))


def _write(tmp_path: Path, name: str, data: bytes | dict) -> Path:
    path = tmp_path / name
    if isinstance(data, dict):
        data = json.dumps(data).encode()
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "damage",
    [
        "random bytes",
        "truncated",
        "another json",
        "bad base64",
        "checksum",
        "update not yjs",
        "missing id",
        "zip",
        "empty",
    ],
)
def test_corrupt_or_foreign_files_are_refused_clearly(store, tmp_path, damage):
    note_id = notes.create("Intacte", "texte intact")
    good = _envelope(note_id, tmp_path)
    text = json.dumps(good).encode()
    if damage == "random bytes":
        data = bytes(range(256)) * 4
    elif damage == "truncated":
        data = text[: len(text) // 2]
    elif damage == "another json":
        data = {"format": "teampack", "version": 1}
    elif damage == "bad base64":
        data = dict(good, update="@@ pas du base64 @@")
    elif damage == "checksum":
        update = bytearray(base64.b64decode(good["update"]))
        update[-3] ^= 0x55
        data = dict(good, update=base64.b64encode(bytes(update)).decode())
    elif damage == "update not yjs":
        junk = b"pas une mise a jour"
        data = dict(
            good,
            update=base64.b64encode(junk).decode(),
            sha256=hashlib.sha256(junk).hexdigest(),
        )
    elif damage == "missing id":
        data = {k: v for k, v in good.items() if k != "note_id"}
    elif damage == "zip":
        with zipfile.ZipFile(tmp_path / "x.zip", "w") as archive:
            archive.writestr("pack.toml", "id = 'x'")
        data = (tmp_path / "x.zip").read_bytes()
    else:
        data = b""
    path = _write(tmp_path, "abime.teamnote", data)
    before = notes.load(note_id).text
    with pytest.raises(NoteFileError) as caught:
        note_files.import_note(path)
    message = str(caught.value)
    assert "abime.teamnote" in message
    assert "endommagé" in message or "abîmé" in message
    assert notes.load(note_id).text == before
    assert [n.id for n in notes.list_notes()] == [note_id]


def test_a_file_from_a_newer_version_asks_for_an_update(store, tmp_path):
    note_id = notes.create("Future", "")
    path = _write(tmp_path, "futur.teamnote", dict(_envelope(note_id, tmp_path), version=2))
    with pytest.raises(NoteFileError, match="plus récente"):
        note_files.import_note(path)


def test_an_unreadable_file_says_so(store, tmp_path):
    with pytest.raises(NoteFileError, match="Impossible de lire"):
        note_files.import_note(tmp_path / "absent.teamnote")


def test_merging_another_note_into_the_open_one_is_refused(store, tmp_path):
    ours = notes.create("Notre séance", "notre texte")
    theirs = notes.create("Leur séance", "leur texte")
    path = note_files.export_note(theirs, tmp_path / "leur.teamnote")
    notes.trash(theirs)
    with pytest.raises(NoteFileMismatch) as caught:
        note_files.import_note(path, into=ours)
    assert "Leur séance" in str(caught.value) and "Notre séance" in str(caught.value)
    assert notes.load(ours).text == "notre texte"
    assert [n.id for n in notes.list_notes()] == [ours]  # nothing imported either


def test_export_replaces_the_file_whole(store, tmp_path):
    note_id = notes.create("Exportée", "v1")
    path = tmp_path / "n.teamnote"
    path.write_text("ancien contenu", encoding="utf-8")
    note_files.export_note(note_id, path)
    assert note_files.read_note_file(path).note_id == note_id
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != "") == ["n.teamnote"]


def test_a_file_nesting_maps_in_the_notes_names_is_refused_not_a_crash(store, tmp_path):
    import pycrdt

    note_id = notes.create("Intacte", "texte intact")
    doc = pycrdt.Doc()
    nested = doc.get("meta", type=pycrdt.Map)
    for _level in range(3000):  # to_py() recursed once per level: RecursionError
        nested["x"] = pycrdt.Map()
        nested = nested["x"]
    update = doc.get_update()
    envelope = _envelope(note_id, tmp_path) | {
        "update": base64.b64encode(update).decode("ascii"),
        "sha256": hashlib.sha256(update).hexdigest(),
    }
    path = _write(tmp_path, "profonde.teamnote", envelope)
    for into in (note_id, None):
        with pytest.raises(NoteFileError, match="n'est pas une note"):
            note_files.import_note(path, into=into)
    assert notes.load(note_id).text == "texte intact"
