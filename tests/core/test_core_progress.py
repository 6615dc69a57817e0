"""The learner's progress (completion, time, position, resume) and bookmarks."""

from __future__ import annotations

import shutil

import pytest

from team_desktop.core import bookmarks, course, progress
from team_desktop.core.library import install_bundled
from team_desktop.core.store.models import LessonProgress, LessonRecord, TimeSpent


@pytest.fixture
def lessons(store, tmp_path, pack) -> list[LessonRecord]:
    """The mini pack installed; its lessons in reading order."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(pack.root, content / "mini-pack")
    results, failures = install_bundled(store, content)
    assert results and not failures
    rows = list(LessonRecord.select().order_by(LessonRecord.order))
    assert len(rows) >= 2
    return rows


def test_set_completed_and_unset(lessons):
    first, second = lessons[0], lessons[1]

    progress.set_completed(first.uid)

    assert progress.is_completed(first.uid)
    assert not progress.is_completed(second.uid)
    row = LessonProgress.get_by_id(first.uid)
    assert row.completed_at is not None
    assert row.completed_hash == first.content_hash
    module = course.modules()[0]
    assert module.done == 1
    assert [item.completed for item in module.lessons] == [True, False]

    progress.set_completed(first.uid, False)

    assert not progress.is_completed(first.uid)
    row = LessonProgress.get_by_id(first.uid)
    assert row.completed_at is None and row.completed_hash is None
    assert course.modules()[0].done == 0


def test_completing_a_lesson_keeps_its_position(store, lessons):
    uid = lessons[0].uid
    progress.save_position(uid, 0.6)

    progress.set_completed(uid)

    page = course.lesson_page(uid, store.paths.packs)
    assert page.completed
    assert page.scroll == pytest.approx(0.6)


def test_add_time_per_device(lessons):
    first, second = lessons[0].uid, lessons[1].uid

    progress.add_time(first, "laptop", 30)
    progress.add_time(first, "laptop", 45)
    progress.add_time(first, "desktop", 20)
    progress.add_time(second, "laptop", 5)

    per_device = {(r.lesson_uid, r.device_id): r.seconds for r in TimeSpent.select()}
    assert per_device == {(first, "laptop"): 75, (first, "desktop"): 20, (second, "laptop"): 5}
    assert progress.time_spent(first) == 95
    assert progress.time_spent(second) == 5
    assert progress.time_spent() == 100
    assert progress.time_spent("absent/lesson") == 0


@pytest.mark.parametrize("seconds", [0, -10])
def test_add_time_ignores_non_positive(lessons, seconds):
    uid = lessons[0].uid
    progress.add_time(uid, "laptop", 10)

    progress.add_time(uid, "laptop", seconds)

    assert progress.time_spent(uid) == 10


@pytest.mark.parametrize(
    "given, kept",
    [
        (0.25, 0.25),
        (0.0, 0.0),
        (1.0, 1.0),
        (-0.5, 0.0),
        (1.7, 1.0),
        (float("inf"), 1.0),
        (float("-inf"), 0.0),
    ],
)
def test_save_position_clamps(lessons, given, kept):
    uid = lessons[0].uid

    progress.save_position(uid, given)

    assert LessonProgress.get_by_id(uid).scroll == pytest.approx(kept)


def test_resume_point_is_the_last_opened_lesson(store, lessons):
    first, second = lessons[0], lessons[1]
    assert progress.resume_point() is None

    progress.opened(first.uid)
    progress.save_position(first.uid, 0.3)
    progress.opened(second.uid)
    progress.save_position(second.uid, 0.8)
    progress.save_position(first.uid, 0.9)  # scrolling elsewhere does not change the lesson

    point = progress.resume_point()
    assert (point.uid, point.title) == (second.uid, second.title)
    assert point.scroll == pytest.approx(0.8)

    progress.opened(first.uid)
    point = progress.resume_point()
    assert (point.uid, point.scroll) == (first.uid, pytest.approx(0.9))


def test_resume_point_forgets_lessons_no_longer_installed(store, lessons):
    progress.opened("gone-pack/gone-lesson")

    assert progress.resume_point() is None


def test_bookmark_toggle(lessons):
    uid = lessons[0].uid
    assert not bookmarks.is_bookmarked(uid)

    assert bookmarks.toggle(uid) is True
    assert bookmarks.is_bookmarked(uid)
    assert bookmarks.toggle(uid) is False
    assert not bookmarks.is_bookmarked(uid)
    assert bookmarks.listing() == []


def test_bookmark_listing_newest_first(lessons):
    first, second = lessons[0], lessons[1]
    module_title = course.modules()[0].title

    bookmarks.toggle(first.uid)
    bookmarks.toggle(second.uid)
    bookmarks.toggle("gone-pack/gone-lesson")  # not installed: not listed

    items = bookmarks.listing()
    assert [(i.uid, i.title, i.module) for i in items] == [
        (second.uid, second.title, module_title),
        (first.uid, first.title, module_title),
    ]
    assert items[0].created_at >= items[1].created_at

    bookmarks.toggle(first.uid)  # removed, then added again: now the newest
    bookmarks.toggle(first.uid)
    assert [i.uid for i in bookmarks.listing()] == [first.uid, second.uid]
