"""The journal as a folder of Markdown files: content, names, attachments, selection."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from team_desktop.core.export.markdown import export_markdown
from team_desktop.core.export.output import ExportError
from team_desktop.core.export.selection import Selection, select_entries
from team_desktop.core.store.models import utcnow
from tests.core.export_kit import add_entry, png_bytes, store_blob


def read_entry(path: Path) -> tuple[dict, str]:
    """Front matter (JSON values) and the text after the title heading."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front, _sep, rest = text[4:].partition("\n---\n")
    meta = {}
    for line in front.splitlines():
        key, _colon, value = line.partition(": ")
        meta[key] = json.loads(value)
    body = rest.lstrip("\n").split("\n", 1)[1]  # drop "# Title"
    return meta, body.split("\n## Pièces jointes", 1)[0].strip()


def test_round_trip_of_text_tags_and_context(store, tmp_path):
    body = (
        "Première *séance* en co-intervention.\n\n- préparer\n- observer\n\n> Citation « exacte »"
    )
    add_entry("Séance d'été : bilan", body, ["co-intervention", "été"], lesson_uid="x/y")
    output = tmp_path / "export"
    result = export_markdown(select_entries(store.paths), output)
    assert result.entries == 1
    meta, text = read_entry(output / "2024-05-02-seance-d-ete-bilan.md")
    assert meta["title"] == "Séance d'été : bilan"
    assert meta["tags"] == ["co-intervention", "été"]
    assert meta["date"] == "2024-05-02"
    assert meta["visibility"] == "private"
    assert meta["lesson_uid"] == "x/y"
    assert text == body
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "(2024-05-02-seance-d-ete-bilan.md)" in index


def test_same_titles_get_unique_file_names(store, tmp_path):
    for _ in range(3):
        add_entry("Bilan")
    add_entry("index")  # must not overwrite the index
    export_markdown(select_entries(store.paths), tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").glob("*.md"))
    assert names == [
        "2024-05-02-bilan-2.md",
        "2024-05-02-bilan-3.md",
        "2024-05-02-bilan.md",
        "2024-05-02-index.md",
        "index.md",
    ]


def test_attachments_copied_once_and_linked(store, tmp_path):
    image = store_blob(store.paths, png_bytes(), "Photo tableau.PNG", "image/png")
    other = store_blob(store.paths, b"%PDF-1.4 fiche", "fiche.pdf", "application/pdf")
    add_entry("Avec fichiers", "Texte", attachments=[image, other])
    add_entry("Même photo", "Encore", attachments=[image])
    result = export_markdown(select_entries(store.paths), tmp_path / "out")
    copied = sorted(p.name for p in (tmp_path / "out" / "attachments").iterdir())
    assert copied == ["fiche.pdf", "photo-tableau.png"]
    assert (tmp_path / "out/attachments/photo-tableau.png").read_bytes() == png_bytes()
    assert result.attachments == 2 and not result.missing_attachments
    text = (tmp_path / "out/2024-05-02-avec-fichiers.md").read_text(encoding="utf-8")
    assert "[Photo tableau.PNG](attachments/photo-tableau.png)" in text


def test_missing_blob_is_named_not_fatal(store, tmp_path):
    ghost = {"hash": "ab" * 32, "name": "perdu.txt", "size": 3, "mime": "text/plain"}
    add_entry("Fantôme", "x", attachments=[ghost])
    result = export_markdown(select_entries(store.paths), tmp_path / "out")
    assert result.missing_attachments == ["perdu.txt"]
    assert "perdu.txt" in (tmp_path / "out/2024-05-02-fantome.md").read_text(encoding="utf-8")


def test_bin_and_tombstones_are_not_exported(store, tmp_path):
    add_entry("Gardée")
    add_entry("À la corbeille", trashed_at=utcnow())
    add_entry("", deleted=True)
    titles = [e.title for e in select_entries(store.paths)]
    assert titles == ["Gardée"]


def test_selection_by_ids_tags_module_and_dates(store):
    first = add_entry("Un", tags=["Réflexion"], day=dt.date(2024, 1, 5), lesson_uid="mod-a/l1")
    add_entry("Deux", tags=["outil"], day=dt.date(2024, 2, 5), activity_uid="mod-b/a1")
    add_entry("Trois", tags=["réflexion", "outil"], day=dt.date(2024, 3, 5))

    def titles(selection: Selection) -> list[str]:
        return [e.title for e in select_entries(store.paths, selection)]

    assert titles(Selection()) == ["Un", "Deux", "Trois"]
    assert titles(Selection(entry_ids=(first,))) == ["Un"]
    assert titles(Selection(tags=("réflexion",))) == ["Un", "Trois"]
    assert titles(Selection(module="mod-b")) == ["Deux"]
    assert titles(Selection(since=dt.date(2024, 2, 1), until=dt.date(2024, 2, 28))) == ["Deux"]


def test_existing_non_empty_folder_is_refused_untouched(store, tmp_path):
    add_entry("Un")
    output = tmp_path / "out"
    output.mkdir()
    (output / "mien.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(ExportError, match="n'est pas vide"):
        export_markdown(select_entries(store.paths), output)
    assert [p.name for p in output.iterdir()] == ["mien.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_cancelled_export_leaves_nothing(store, tmp_path):
    for n in range(3):
        add_entry(f"Entrée {n}")

    class Stop(Exception):
        pass

    def progress(done, total):
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        export_markdown(select_entries(store.paths), tmp_path / "out", progress)
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_front_matter_is_yaml_and_inline_images_point_at_exported_files(store, tmp_path):
    """Read by PyYAML, as a static site generator or a note app would."""
    image = store_blob(store.paths, png_bytes(), "mon tableau.png", "image/png")
    body = (
        "Avant ![le tableau](<mon tableau.png>) et ![ailleurs](perdu.png) "
        "et ![web](https://example.org/a.png)"
    )
    add_entry('Titre: "guillemets" # et dièse', body, ["a: b"], attachments=[image])
    output = tmp_path / "out"
    export_markdown(select_entries(store.paths), output)
    [page] = [p for p in output.glob("2024-*.md")]
    text = page.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == 'Titre: "guillemets" # et dièse' and meta["tags"] == ["a: b"]
    targets = re.findall(r"!\[[^\]]*\]\(<?([^)>]+)>?\)", text)
    local = [t for t in targets if not t.startswith("https://")]
    assert local and all((output / t).is_file() for t in local)
    assert (output / local[0]).read_bytes() == png_bytes()
    assert "*[image absente : ailleurs]*" in text  # no link that leads nowhere


def test_a_peer_entry_comes_only_when_asked_with_its_author(store, tmp_path):
    from team_desktop.core.store.sync_models import Person
    from team_desktop.core.sync import state as sync_state

    sync_state.save(user_id="moi")
    Person.create(id="pair", display_name="Nadia Benali")
    add_entry("À moi", "x", author_id="moi")
    add_entry("À Nadia", "y", author_id="pair", visibility="group", group_id="g")
    assert [e.title for e in select_entries(store.paths)] == ["À moi"]
    export_markdown(select_entries(store.paths, Selection(include_peers=True)), tmp_path / "o")
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "o").glob("2024-*.md")}
    peer = pages["2024-05-02-a-nadia.md"]
    assert yaml.safe_load(peer.split("---\n")[1])["author"] == "Nadia Benali"
    assert "*Par Nadia Benali*" in peer
    assert "author" not in yaml.safe_load(pages["2024-05-02-a-moi.md"].split("---\n")[1])
