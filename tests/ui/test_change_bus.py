"""Every view that shows a kind of record refreshes when a pull changes that kind.

A pull is applied as the sync applies it (`records.apply_incoming` in one transaction, the
sync as initiator); the views hear of it only through the change bus.
"""

from __future__ import annotations

import base64
import os
import threading
import uuid

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from team_desktop.core import outbox, progress
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.doc import Author, NoteDoc
from team_desktop.core.portfolio import entries
from team_desktop.core.research import answers
from team_desktop.core.store import changes, writer
from team_desktop.core.store.models import database, utcnow
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.sync import records
from team_desktop.core.wire_time import iso
from team_desktop.ui.tasks import TaskRunner

LESSON = "test-mini/premiere"
CO_AUTHOR = Author("julien-device", "Julien")


def pull(*pulled: dict, me: str = "") -> None:
    """Apply changes as a sync applies a pulled page."""
    with changes.initiated_by(changes.SYNC), database.atomic():
        for change in pulled:
            records.apply_incoming(change, me)


def synced_entry(window, title: str, body: str) -> str:
    """An entry written here and already sent (nothing of it waits in the outbox)."""
    entry = entries.create_entry(window.store.paths.packs, title=title)
    entries.save_entry(entry.id, body=body)
    outbox.drop("entry", entry.id)
    return entry.id


def entry_change(entry_id: str, title: str, body: str, rev: int = 1, **data) -> dict:
    now = iso(utcnow())
    fields = {"title": title, "body": body, "entry_date": "2026-12-03", "visibility": "private"}
    fields.update(created_at=now, updated_at=now, **data)
    return {"kind": "entry", "id": entry_id, "rev": rev, "data": fields}


def note_change(note_id: str, doc: NoteDoc) -> dict:
    update = base64.b64encode(doc.encode()).decode()
    return {"kind": "note", "id": note_id, "data": {"update": update, "visibility": "private"}}


def test_the_journal_list_shows_a_pulled_entry(window, qtbot):
    window.journal.show()
    arrived = uuid.uuid4().hex
    pull(entry_change(arrived, "Écrite sur l'autre appareil", "Bonjour"))
    view = window.journal.view
    qtbot.waitUntil(lambda: any(s.id == arrived for s in view.summaries), timeout=5000)
    assert "Écrite sur l'autre appareil" in view.list.item(0).text()


def test_the_open_entry_shows_a_pulled_text_when_nothing_is_unsaved(window, qtbot):
    entry_id = synced_entry(window, "Séance", "Premier jet de la séance.")
    window.journal.show(entry_id)
    editor = window.journal.view.editor
    cursor = editor.text.textCursor()
    cursor.setPosition(6)
    editor.text.setTextCursor(cursor)
    pull(entry_change(entry_id, "Séance", "Premier jet de la séance, relu sur la tablette."))
    qtbot.waitUntil(lambda: "tablette" in editor.text.toPlainText(), timeout=5000)
    assert editor.text.textCursor().position() == 6
    assert not editor.dirty and not editor.conflict.isVisible()


def test_the_open_entry_keeps_both_texts_when_the_learner_has_unsaved_words(window, qtbot):
    entry_id = synced_entry(window, "Séance", "Texte commun.")
    window.journal.show(entry_id)
    editor = window.journal.view.editor
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.text, " Mot de B")
    assert editor.dirty
    pull(entry_change(entry_id, "Séance", "Texte commun. Paragraphe de A."))
    qtbot.waitUntil(editor.conflict.isVisible, timeout=5000)
    assert editor.text.toPlainText().endswith("Mot de B")
    assert entries.get_entry(entry_id).body.endswith("Mot de B")
    [copy] = JournalEntry.select().where(JournalEntry.conflict_of == entry_id)
    assert copy.body == "Texte commun. Paragraphe de A."
    assert "version reçue d'un autre appareil" in copy.title
    assert outbox.count() >= 2  # both texts travel to the other devices
    # The notice leads to the other version, and the list shows it.
    qtbot.waitUntil(lambda: any(s.id == copy.id for s in window.journal.view.summaries))
    editor.conflict.linkActivated.emit(f"entry:{copy.id}")
    assert editor.entry.id == copy.id
    assert editor.text.toPlainText() == "Texte commun. Paragraphe de A."


def test_the_open_note_takes_in_a_co_authors_words_and_ready_mark_without_typing(window, qtbot):
    note_id = notes.create(title="Séance commune")
    doc = notes.load(note_id)
    doc.apply_local_edit(0, 0, "Début. ", notes.local_author())
    notes.save(note_id, doc)
    window.notes.show(note_id)
    editor = window.notes.view.editor
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(3)
    editor.text_edit.setTextCursor(cursor)
    theirs = notes.load(note_id)
    theirs.apply_local_edit(len("Début. "), 0, "Idée de Julien.", CO_AUTHOR)
    theirs.set_ready(CO_AUTHOR, True)
    pull(note_change(note_id, theirs))
    qtbot.waitUntil(lambda: "Idée de Julien." in editor.text_edit.toPlainText(), timeout=5000)
    assert editor.text_edit.textCursor().position() == 3  # the caret stayed where it was
    assert "Julien" in editor.ready_label.text()


def test_the_home_page_counts_a_lesson_completed_elsewhere(window, qtbot):
    window.show_home()
    assert "0 leçon" in window.home.findChild(QWidget, "homeStatus").text()
    pull(
        {"kind": "progress", "id": LESSON, "data": {"completed": True, "changed_at": iso(utcnow())}}
    )
    qtbot.waitUntil(
        lambda: "1 leçon" in window.home.findChild(QWidget, "homeStatus").text(), timeout=5000
    )


def test_the_navigator_marks_a_lesson_completed_elsewhere(window, qtbot):
    item = window.navigator._lesson_items[LESSON]
    assert item.text(0).startswith("○")
    pull(
        {"kind": "progress", "id": LESSON, "data": {"completed": True, "changed_at": iso(utcnow())}}
    )
    qtbot.waitUntil(
        lambda: window.navigator._lesson_items[LESSON].text(0).startswith("✔"), timeout=5000
    )


def test_the_lesson_shows_a_pulled_answer_under_its_activity(window, qtbot):
    window.open_lesson(LESSON)
    uid = "test-mini/mini-reflexion"
    pull(
        entry_change(
            uuid.uuid4().hex,
            "Réponse de la tablette",
            "Ma réponse.",
            activity_uid=uid,
            lesson_uid=LESSON,
        )
    )
    qtbot.waitUntil(
        lambda: "Réponse de la tablette" in window.lesson.browser.toPlainText(), timeout=5000
    )


def test_the_lesson_reads_again_only_the_extras_of_the_kind_a_write_changed(
    window, qtbot, monkeypatch
):
    window.open_lesson("test-mini/seconde")
    page = window.lesson.reading
    rendered: list[str] = []
    show_html = window.lesson.browser.show_html
    monkeypatch.setattr(
        window.lesson.browser,
        "show_html",
        lambda html, *a: (rendered.append(html), show_html(html, *a)),
    )
    read: list[str] = []
    for facts in page.facts.values():
        monkeypatch.setattr(facts, "read", lambda f=facts, r=facts.read: (read.append(f.uid), r()))
    # Written elsewhere in the app (another window, an import): the lesson hears of it by the bus.
    notes.create(title="Préparée à deux", activity_uid="test-mini/mini-coprep")
    qtbot.waitUntil(lambda: "Préparée à deux" in window.lesson.browser.toPlainText(), timeout=5000)
    assert read == ["test-mini/mini-coprep"] and len(rendered) == 1
    items = page.facts["test-mini/mini-questionnaire"].activity.fields["items"]
    answers.save("test-mini/mini-questionnaire", items, {"confiance": 3})
    qtbot.waitUntil(
        lambda: "Vous avez répondu le" in window.lesson.browser.toPlainText(), timeout=5000
    )
    assert read[1:] == ["test-mini/mini-questionnaire"] and len(rendered) == 2
    # Nothing under this lesson's activities is an entry: no re-reading, no re-rendering.
    with qtbot.waitSignal(window.changes.changed, timeout=5000):  # after the window's own slot
        entries.create_entry(window.store.paths.packs, title="Sans lien")
    assert len(read) == 2 and len(rendered) == 2
    assert window.lesson.reading is page  # the lesson itself was not loaded again


def test_the_favourites_show_a_lesson_bookmarked_elsewhere(window, qtbot):
    window.show_bookmarks()
    assert window.bookmarks.list.count() == 0
    when = iso(utcnow())
    pull({"kind": "bookmark", "id": LESSON, "data": {"bookmarked": True, "changed_at": when}})
    qtbot.waitUntil(lambda: window.bookmarks.list.count() == 1, timeout=5000)
    assert window.bookmarks.list.item(0).data(Qt.ItemDataRole.UserRole) == LESSON


def test_the_notes_list_shows_a_note_pulled_while_it_is_shown(window, qtbot):
    window.notes.show()
    doc = NoteDoc()
    doc.apply_local_edit(0, 0, "Préparée par Julien.", CO_AUTHOR)
    doc.set_title("Note de Julien")
    pull(note_change(uuid.uuid4().hex, doc))
    qtbot.waitUntil(
        lambda: any(
            "Note de Julien" in window.notes.view.list.item(n).text()
            for n in range(window.notes.view.list.count())
        ),
        timeout=5000,
    )


def test_the_feed_shows_what_a_peer_shared(window, qtbot):
    window.sharing.show_feed()
    pull(
        entry_change(
            uuid.uuid4().hex,
            "Partagée par Awa",
            "Pour le groupe.",
            visibility="group",
            group_id="g1",
        )
        | {"owner": "awa", "owner_name": "Awa"}
    )
    qtbot.waitUntil(lambda: "Partagée par Awa" in window.sharing.feed.toPlainText(), timeout=5000)


def test_the_pending_view_and_the_sync_service_hear_of_local_writes_without_polling(window, qtbot):
    service = window.sharing.service
    assert not hasattr(service, "_watch")  # no outbox poll any more
    window.sharing.show_pending()
    assert window.sharing.pending.table.rowCount() == 0
    progress.set_completed(LESSON, True)
    qtbot.waitUntil(lambda: window.sharing.pending.table.rowCount() == 1, timeout=5000)
    assert service._debounce.isActive()
    service._debounce.stop()
    # What a sync applies is already on the server: it does not start another sync.
    pull({"kind": "progress", "id": "test-mini/seconde", "data": {"completed": True}})
    qtbot.wait(50)
    assert not service._debounce.isActive()


def test_a_late_result_for_a_closed_window_is_dropped_for_methods_and_closures(qtbot):
    runner = TaskRunner(synchronous=False)
    widget = QWidget()
    seen = []
    gate = threading.Event()

    def closure(result):
        widget.setWindowTitle(str(result))  # would raise on a deleted widget
        seen.append(result)

    runner.run(lambda _task: gate.wait(5) and "1", closure)
    runner.run(lambda _task: gate.wait(5) and "2", widget.setWindowTitle)
    shiboken6.delete(widget)  # the window closed while its work was running
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert seen == []
    kept = QWidget()
    runner.run(lambda _task: 3, lambda result: seen.append((kept.isHidden(), result)))
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert seen == [(True, 3)]
    runner.wait()


def test_progress_reported_to_a_deleted_sync_service_is_dropped(qtbot, store):
    """A sync's progress queued for a closed window once raised "Signal source has been
    deleted" in the next event loop (tests/ui/test_research.py failed after other tests)."""
    from team_desktop.ui.sync_service import SyncService

    runner = TaskRunner(synchronous=False)
    service = SyncService(store, runner)
    heard = []
    service.progress.connect(lambda done, total: heard.append(done))
    gate = threading.Event()

    def work(task):
        task.progress(1, 3)  # delivered while the service lives
        gate.wait(5)
        task.progress(2, 3)  # queued after the service is gone
        return "fin"

    runner.run(work, None, None, service._progress)
    qtbot.waitUntil(lambda: heard == [1], timeout=5000)
    shiboken6.delete(service)
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)  # no exception in the event loop
    assert heard == [1]
    runner.wait()


def test_an_editor_closed_while_a_sync_applies_waits_for_it_and_saves(window, qtbot, store):
    entry_id = synced_entry(window, "Fermeture", "Avant.")
    window.journal.show(entry_id)
    editor = window.journal.view.editor
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.text, " Dernier mot.")
    inside, release = threading.Event(), threading.Event()

    def apply_a_page() -> None:
        with store.bound(), changes.initiated_by(changes.SYNC), database.atomic():
            records.apply_incoming(entry_change(uuid.uuid4().hex, "Reçue", "Texte reçu."), "")
            inside.set()
            release.wait(10)

    applying = threading.Thread(target=apply_a_page)
    applying.start()
    assert inside.wait(10)
    threading.Timer(0.3, release.set).start()
    window.close()  # the editor saves as it hides, behind the apply, without failing
    applying.join(10)
    assert entries.get_entry(entry_id).body == "Avant. Dernier mot."
    assert editor._failure is None
    assert JournalEntry.select().where(JournalEntry.title == "Reçue").count() == 1


def test_reading_bookkeeping_neither_rebuilds_the_course_plan_nor_blocks_reading(
    window, qtbot, store, monkeypatch
):
    window.open_lesson(LESSON)
    item = window.navigator._lesson_items[LESSON]
    window.lesson.save_position()
    window.lesson.go_next()  # previous/next open a lesson without rebuilding the course plan
    qtbot.wait(50)
    assert window.lesson.page.uid == "test-mini/seconde"
    assert window.navigator._lesson_items[LESSON] is item  # no rebuild for a scroll position
    window.lesson.go_previous()
    # A store that cannot be written (here: another writer holds it too long) still reads.
    monkeypatch.setattr(writer, "WRITER_WAIT_SECONDS", 0.1)
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.bound(), database.atomic():
            inside.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert inside.wait(10)
        window.show_home()
        assert window.open_lesson("test-mini/seconde")
        qtbot.wait(50)
        assert window.lesson.page.uid == "test-mini/seconde"
    finally:
        release.set()
        holder.join(10)


def test_an_entry_closed_while_its_attachment_is_being_saved_keeps_it(window, qtbot, tmp_path):
    view = window.journal.view
    window.journal.show()
    entry_id = view.start_entry("libre")
    qtbot.keyClicks(view.editor.text, "Le compte rendu joint.")
    video = tmp_path / "seance.mp4"
    video.write_bytes(os.urandom(8 * 1024 * 1024))  # copied and hashed in the background
    view.editor.attachments.add_files([video])
    assert window.runner.busy  # the copy is in flight when the learner closes the window
    window.close()  # waits for the copy; the editor saves its text as it hides
    qtbot.waitUntil(lambda: not window.runner.busy)  # its result reaches a closed window
    entry = entries.get_entry(entry_id)
    assert entry.body == "Le compte rendu joint."
    assert [a.name for a in entry.attachments] == ["seance.mp4"]


def quiz_change(answers: dict, score: int, answered_at: str) -> dict:
    data = {
        "activity_uid": "test-mini/mini-quiz",
        "answers": answers,
        "score": score,
        "max_score": 2,
        "answered_at": answered_at,
    }
    return {"kind": "quiz", "id": uuid.uuid4().hex, "rev": 1, "data": data}


def test_the_lesson_shows_a_quiz_attempt_pulled_but_keeps_a_quiz_being_answered(window, qtbot):
    window.open_lesson(LESSON)
    browser = window.lesson.browser
    assert "Votre score" not in browser.toPlainText()
    pull(quiz_change({"0": [0]}, 1, "2026-12-01T08:00:00Z"))  # answered on the tablet
    qtbot.waitUntil(lambda: "Votre score : 1 / 2" in browser.toPlainText(), timeout=5000)
    # The learner starts answering again here; a later attempt pulled leaves those choices.
    window.lesson._quiz_action("quiz-reset", "test-mini/mini-quiz", ())
    window.lesson._quiz_action("quiz", "test-mini/mini-quiz", ("0", "1"))
    being_answered = window.lesson.quiz_states["test-mini/mini-quiz"]
    with qtbot.waitSignal(window.changes.changed, timeout=5000):
        pull(quiz_change({"0": [1]}, 0, "2026-12-02T08:00:00Z"))
    assert window.lesson.quiz_states["test-mini/mini-quiz"] is being_answered
    assert "Votre score" not in browser.toPlainText()
    # The reading time counted every minute is a PROGRESS write too: it redraws nothing.
    rendered = []
    show_html = browser.show_html
    browser.show_html = lambda html, *a: (rendered.append(html), show_html(html, *a))
    with qtbot.waitSignal(window.changes.changed, timeout=5000):
        progress.add_time(LESSON, "cet-appareil", 30)
    assert rendered == []
