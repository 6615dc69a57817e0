"""Attachments: copied once by content hash, listed on the entry, missing files explained."""

from __future__ import annotations

import hashlib

import pytest

from team_desktop.core import outbox
from team_desktop.core.portfolio import attachments, bin, entries
from team_desktop.core.portfolio.errors import AttachmentMissing, PortfolioError
from team_desktop.core.store.portfolio_models import AttachmentBlob


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "tableau de séance.png"
    path.write_bytes(b"\x89PNG fake image " * 1000)
    return path


def test_a_file_is_stored_once_by_its_hash(course, photo, tmp_path):
    one = entries.create_entry(course.paths.packs, "libre")
    two = entries.create_entry(course.paths.packs, "libre")
    copy = tmp_path / "copie.png"
    copy.write_bytes(photo.read_bytes())
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()

    first = attachments.add_attachment(course.paths, one.id, photo)
    attachments.add_attachment(course.paths, one.id, photo)  # twice on one entry: listed once
    attachments.add_attachment(course.paths, two.id, copy)

    assert first.hash == digest and first.size == photo.stat().st_size
    assert first.mime == "image/png" and first.name == "tableau de séance.png"
    stored = course.paths.attachments / digest[:2] / digest
    assert stored.read_bytes() == photo.read_bytes()
    assert [p for p in course.paths.attachments.rglob("*") if p.is_file()] == [stored]
    assert AttachmentBlob.select().count() == 1
    assert [a.hash for a in entries.get_entry(one.id).attachments] == [digest]
    assert [a.name for a in entries.get_entry(two.id).attachments] == ["copie.png"]
    assert list(course.paths.tmp.glob("attachment-*")) == []


def test_adding_a_file_that_does_not_exist_says_so(course, tmp_path):
    entry = entries.create_entry(course.paths.packs, "libre")

    with pytest.raises(AttachmentMissing, match="introuvable"):
        attachments.add_attachment(course.paths, entry.id, tmp_path / "absent.pdf")
    assert entries.get_entry(entry.id).attachments == []


def test_a_stored_file_deleted_behind_our_back_is_explained(course, photo):
    entry = entries.create_entry(course.paths.packs, "libre")
    attachment = attachments.add_attachment(course.paths, entry.id, photo)
    attachments.blob_path(course.paths, attachment.hash).unlink()

    with pytest.raises(AttachmentMissing) as raised:
        attachments.openable_copy(course.paths, attachment)

    assert "tableau de séance.png" in str(raised.value)
    assert "retirer" in str(raised.value)
    # The entry still lists it, so the learner can see what is missing and remove it.
    assert [a.name for a in entries.get_entry(entry.id).attachments] == ["tableau de séance.png"]


def test_open_copy_carries_the_original_name(course, photo):
    entry = entries.create_entry(course.paths.packs, "libre")
    attachment = attachments.add_attachment(course.paths, entry.id, photo)

    opened = attachments.openable_copy(course.paths, attachment)

    assert opened.name == "tableau de séance.png"
    assert opened.read_bytes() == photo.read_bytes()


def test_remove_and_prune_when_the_bin_is_emptied(course, photo):
    entry = entries.create_entry(course.paths.packs, "libre")
    attachment = attachments.add_attachment(course.paths, entry.id, photo)
    seq = max(r.seq for r in outbox.pending())

    attachments.remove_attachment(entry.id, attachment.hash)

    assert entries.get_entry(entry.id).attachments == []
    assert max(r.seq for r in outbox.pending()) > seq
    # Still stored until nothing could want it back.
    assert attachments.blob_path(course.paths, attachment.hash).is_file()
    attachments.add_attachment(course.paths, entry.id, photo)
    bin.trash_entry(entry.id)
    assert attachments.blob_path(course.paths, attachment.hash).is_file()

    bin.empty_bin(course.paths)

    assert not attachments.blob_path(course.paths, attachment.hash).exists()
    assert AttachmentBlob.select().count() == 0


def test_too_big_a_file_is_refused(course, photo, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 100)
    entry = entries.create_entry(course.paths.packs, "libre")

    with pytest.raises(PortfolioError, match="trop volumineux"):
        attachments.add_attachment(course.paths, entry.id, photo)
    assert not course.paths.attachments.exists() or not any(course.paths.attachments.iterdir())
