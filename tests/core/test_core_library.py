"""Installing packs: bundled folders, imported `.teampack` files, updates and refusals."""

from __future__ import annotations

import json
import shutil

import pytest

from team_desktop.core import course, library, progress, search
from team_desktop.core.content.archive import PackArchiveError
from team_desktop.core.library import PackImportRefused, import_pack_file, install_bundled
from team_desktop.core.store.models import ActivityRecord, LessonRecord, PackRecord


def _assert_installed(store, pack_folder):
    """The store holds exactly what the pack folder says, and its files are in place."""
    expected = pack_folder.load()
    record = PackRecord.get_by_id(expected.id)
    assert record.version == expected.version
    assert record.title == expected.title
    assert json.loads(record.meta_json) == expected.meta
    lessons = {r.uid: r for r in LessonRecord.select().where(LessonRecord.pack == expected.id)}
    assert set(lessons) == {f"{expected.id}/{x.id}" for x in expected.lessons}
    for lesson in expected.lessons:
        row = lessons[f"{expected.id}/{lesson.id}"]
        assert (row.body, row.content_hash, row.filename) == (
            lesson.body,
            lesson.content_hash,
            lesson.filename,
        )
    activities = {r.uid: r for r in ActivityRecord.select()}
    assert set(activities) == {f"{expected.id}/{a.id}" for a in expected.activities()}
    for activity in expected.activities():
        row = activities[f"{expected.id}/{activity.id}"]
        assert row.kind == activity.kind
        assert row.lesson_uid == f"{expected.id}/{activity.lesson_id}"
        assert json.loads(row.fields_json) == activity.fields
    folder = library.pack_folder(store, expected.id, expected.version)
    for path in pack_folder.root.rglob("*"):
        if path.is_file():
            assert (folder / path.relative_to(pack_folder.root)).read_bytes() == path.read_bytes()
    return expected


def test_install_bundled(store, tmp_path, pack):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(pack.root, content / "mini-pack")
    (content / "not-a-pack").mkdir()  # folders without pack.toml are ignored

    results, failures = install_bundled(store, content)

    expected = pack.load()
    assert failures == []
    assert [(r.pack_id, r.version, r.previous_version) for r in results] == [
        (expected.id, expected.version, None)
    ]
    _assert_installed(store, pack)
    # Searchable at once.
    assert {hit.ref for hit in search.search(expected.lessons[0].title)} >= {
        f"{expected.id}/{expected.lessons[0].id}"
    }
    # A second start installs nothing again.
    assert install_bundled(store, content) == ([], [])


def test_install_bundled_updates_to_a_newer_bundled_version(store, tmp_path, pack):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(pack.root, content / "mini-pack")
    install_bundled(store, content)
    pack.set_version("1.1.0")
    shutil.rmtree(content / "mini-pack")
    shutil.copytree(pack.root, content / "mini-pack")

    results, failures = install_bundled(store, content)

    assert failures == []
    assert [(r.version, r.previous_version) for r in results] == [("1.1.0", "1.0.0")]
    _assert_installed(store, pack)
    assert sorted(p.name for p in (store.paths.packs / pack.load().id).iterdir()) == ["1.1.0"]


def test_install_bundled_reads_the_version_after_a_line_that_looks_like_a_table(
    store, tmp_path, pack
):
    # The check at start reads a pack.toml up to its first table; a line of text starting
    # with "[" must not hide the version written after it.
    pack.replace("pack.toml", 'version = "1.0.0"\n', "")
    pack.replace(
        "pack.toml",
        'summary = "Un petit module complet pour les tests."',
        'summary = """\n[Essai] Un petit module complet.\n"""\nversion = "1.0.0"',
    )
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(pack.root, content / "mini-pack")
    assert [r.version for r in install_bundled(store, content)[0]] == ["1.0.0"]
    assert install_bundled(store, content) == ([], [])
    (content / "mini-pack" / "pack.toml").write_text(
        pack.text("pack.toml").replace('version = "1.0.0"', 'version = "1.1.0"'),
        encoding="utf-8",
    )
    assert [r.version for r in install_bundled(store, content)[0]] == ["1.1.0"]


def test_install_bundled_skips_a_broken_pack_and_installs_the_others(
    store, tmp_path, pack, make_pack
):
    content = tmp_path / "content"
    content.mkdir()
    broken = make_pack("broken")
    broken.replace("pack.toml", 'id = "test-mini"', 'id = "test-casse"')
    broken.set_version("1.0")
    shutil.copytree(broken.root, content / "a-broken")
    shutil.copytree(pack.root, content / "b-good")

    results, failures = install_bundled(store, content)

    assert [r.pack_id for r in results] == [pack.load().id]
    assert len(failures) == 1
    located = [str(p) for p in failures[0].problems]
    line = broken.line_of("pack.toml", 'version = "1.0"')
    assert any(p.startswith(f"a-broken/pack.toml:{line}: ") for p in located), located
    assert PackRecord.get_or_none(PackRecord.id == "test-casse") is None


def test_import_pack_file_into_fresh_store(store, tmp_path, pack, good_archive):
    calls = []

    result = import_pack_file(store, good_archive, lambda done, total: calls.append(done))

    expected = _assert_installed(store, pack)
    assert (result.pack_id, result.title, result.version) == (
        expected.id,
        expected.title,
        expected.version,
    )
    assert result.previous_version is None
    assert result.changed_completed_lessons == []
    assert calls  # progress was reported
    assert list(store.paths.tmp.iterdir()) == []  # scratch space cleaned
    assert [p.name for p in (store.paths.packs / expected.id).iterdir()] == [expected.version]


def test_same_version_is_refused_and_changes_nothing(
    store, good_archive, snapshot_tables, snapshot_tree
):
    import_pack_file(store, good_archive)
    progress.set_completed(f"{PackRecord.get().id}/premiere")
    tables, files = snapshot_tables(), snapshot_tree(store.paths.packs, store.paths.tmp)

    with pytest.raises(PackImportRefused) as refused:
        import_pack_file(store, good_archive)

    assert "déjà installé" in str(refused.value)
    assert PackRecord.get().version in str(refused.value)
    assert snapshot_tables() == tables
    assert snapshot_tree(store.paths.packs, store.paths.tmp) == files


def test_older_version_is_refused(store, tmp_path, pack, make_pack, snapshot_tables, snapshot_tree):
    older = pack.build(tmp_path / "old.teampack")
    newer = make_pack("newer")
    newer.set_version("1.2.0")
    import_pack_file(store, newer.build(tmp_path / "new.teampack"))
    tables, files = snapshot_tables(), snapshot_tree(store.paths.packs, store.paths.tmp)

    with pytest.raises(PackImportRefused) as refused:
        import_pack_file(store, older)

    message = str(refused.value)
    assert "plus récente" in message and "1.2.0" in message and pack.load().version in message
    assert PackRecord.get().version == "1.2.0"
    assert snapshot_tables() == tables
    assert snapshot_tree(store.paths.packs, store.paths.tmp) == files


def test_newer_version_replaces_and_keeps_progress(store, tmp_path, pack, make_pack, good_archive):
    import_pack_file(store, good_archive)
    old = pack.load()
    first, second = (f"{old.id}/{lesson.id}" for lesson in old.lessons[:2])
    progress.set_completed(first)
    progress.set_completed(second)
    progress.save_position(first, 0.4)
    progress.add_time(first, store.device_id, 120)
    old_folder = library.pack_folder(store, old.id, old.version)
    assert old_folder.is_dir()

    newer = make_pack("newer")
    newer.set_version("1.1.0")
    changed = old.lessons[1]
    newer.replace(changed.filename, "demande de l'écoute", "demande de l'écoute et du tact")
    result = import_pack_file(store, newer.build(tmp_path / "new.teampack"))

    assert result.previous_version == old.version
    assert result.version == "1.1.0"
    assert result.changed_completed_lessons == [second]
    _assert_installed(store, newer)
    # Progress on the unchanged lesson is untouched.
    assert progress.is_completed(first)
    page = course.lesson_page(first, store.paths.packs)
    assert page.completed and not page.updated_since_completed
    assert page.scroll == pytest.approx(0.4)
    assert progress.time_spent(first) == 120
    # The changed lesson stays completed but is flagged as updated.
    page = course.lesson_page(second, store.paths.packs)
    assert page.completed and page.updated_since_completed
    assert "tact" in page.body
    assert page.folder == library.pack_folder(store, old.id, "1.1.0")
    # The search index follows the new text; the old version's files are gone.
    assert second in {hit.ref for hit in search.search("tact")}
    assert not old_folder.exists()
    assert [p.name for p in (store.paths.packs / old.id).iterdir()] == ["1.1.0"]


def test_changed_lesson_not_completed_is_not_reported(store, tmp_path, good_archive, make_pack):
    import_pack_file(store, good_archive)
    newer = make_pack("newer")
    newer.set_version("2.0.0")
    newer.replace("01-premiere.md", "avant la séance.", "avant la séance, ensemble.")

    result = import_pack_file(store, newer.build(tmp_path / "new.teampack"))

    assert result.changed_completed_lessons == []


def _not_a_zip(tmp_path, newer, kit):
    path = tmp_path / "broken.teampack"
    path.write_bytes(b"PK\x03\x04 but nothing else")
    return path


def _wrong_checksum(tmp_path, newer, kit):
    good = newer.build(tmp_path / "good-new.teampack")
    entries = kit.entries(good)
    entries["02-seconde.md"] += b"\nUne ligne ajoutee apres coup.\n"
    return kit.write(tmp_path / "tampered.teampack", list(entries.items()))


def _invalid_content(tmp_path, newer, kit):
    good = newer.build(tmp_path / "good-new.teampack")
    entries = kit.entries(good)
    meta = json.loads(entries["manifest.json"])["pack"]
    entries["02-seconde.md"] = entries["02-seconde.md"].replace(b"+++", b"", 1)
    files = {k: v for k, v in entries.items() if k != "manifest.json"}
    entries["manifest.json"] = kit.manifest_for(meta, files)
    return kit.write(tmp_path / "invalid.teampack", list(entries.items()))


def _traversal(tmp_path, newer, kit):
    good = newer.build(tmp_path / "good-new.teampack")
    entries = kit.entries(good)
    meta = json.loads(entries["manifest.json"])["pack"]
    entries["../../evil.txt"] = b"evil"
    files = {k: v for k, v in entries.items() if k != "manifest.json"}
    entries["manifest.json"] = kit.manifest_for(meta, files)
    return kit.write(tmp_path / "traversal.teampack", list(entries.items()))


BAD = {
    "not-a-zip": _not_a_zip,
    "wrong-checksum": _wrong_checksum,
    "invalid-content": _invalid_content,
    "path-traversal": _traversal,
}


@pytest.mark.parametrize("make_bad", BAD.values(), ids=BAD.keys())
def test_bad_archive_leaves_store_as_before(
    store, tmp_path, good_archive, make_pack, archive_kit, snapshot_tables, snapshot_tree, make_bad
):
    import_pack_file(store, good_archive)
    uid = LessonRecord.select().order_by(LessonRecord.order).first().uid
    progress.set_completed(uid)
    progress.opened(uid)
    newer = make_pack("newer")
    newer.set_version("1.5.0")  # would replace the installed version if it were accepted
    newer.replace("02-seconde.md", "demande de l'écoute", "demande de l'attention")
    bad = make_bad(tmp_path, newer, archive_kit)
    tables = snapshot_tables()
    files = snapshot_tree(store.paths.packs, store.paths.tmp)
    outside = snapshot_tree(tmp_path, exclude=store.paths.root)

    with pytest.raises(PackArchiveError):
        import_pack_file(store, bad)

    assert snapshot_tables() == tables
    assert snapshot_tree(store.paths.packs, store.paths.tmp) == files
    assert snapshot_tree(tmp_path, exclude=store.paths.root) == outside
    assert PackRecord.get().version == pack_version(good_archive, archive_kit)


def pack_version(archive, kit) -> str:
    return json.loads(kit.entries(archive)["manifest.json"])["pack"]["version"]
