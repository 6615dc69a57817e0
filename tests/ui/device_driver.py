"""Test-only entry point: one device, the real app window on its own data folder, driven by lines.

Run as `python device_driver.py DATA_DIR SERVER_URL`. Each line on stdin is a JSON command
`{"op": ..., ...}`; each answer is one JSON line on stdout. Operations act as the learner
would (typing into the real editors, clicking links) or as the sync does (the window's own
sync service). Syncs happen only when the test asks: the automatic sync after local writes
is pushed far away, so two devices' exchanges happen in the order the scenario says.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from team_desktop.core import library
from team_desktop.core.facilitation import announcements
from team_desktop.core.notes import store as notes
from team_desktop.core.paths import DataPaths
from team_desktop.core.portfolio import entries
from team_desktop.core.store.db import open_store
from team_desktop.core.store.models import database
from team_desktop.core.store.portfolio_models import JournalEntry
from team_desktop.core.sync import account, records
from team_desktop.ui.app import application
from team_desktop.ui.main_window import MainWindow
from team_desktop.ui.tasks import TaskRunner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSWORD = "un mot de passe assez long"


def _type(widget, text: str) -> None:
    for char in text:
        # Key and text given explicitly: QTest maps only ASCII characters to keys by itself.
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


class Device(QObject):
    """Runs each command on the GUI thread. Signals: command(dict)."""

    command = Signal(object)

    def __init__(self, window: MainWindow, url: str):
        super().__init__()
        self.window, self.url = window, url
        self.command.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, command: dict) -> None:
        try:
            answer = getattr(self, "op_" + command.pop("op"))(**command)
        except Exception as error:  # noqa: BLE001 (reported to the test, which fails)
            answer = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer if answer is not None else {}), flush=True)

    # -- account and groups -----------------------------------------------------------------

    def op_log_in(self, username: str, name: str, create: bool) -> dict:
        login = account.log_in(self.url, username, PASSWORD, f"appareil-{name}", name, create)
        return {"user": login.connection is not None}

    def op_create_group(self, name: str) -> dict:
        group = account.create_group(account.connect(), name)
        return {"id": group.id, "code": group.invite_code}

    def op_join_group(self, code: str) -> dict:
        return {"id": account.join_group(account.connect(), code).id}

    def op_sync(self) -> dict:
        service = self.window.sharing.service
        service.sync_now()
        deadline = time.monotonic() + 60
        while service.running and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        for _ in range(5):  # the change bus delivers on the next turns of the event loop
            QApplication.processEvents()
        return {"state": service.state, "text": service.text}

    def op_sync_killed_mid_apply(self, after: int) -> None:
        """Sync, and die (SIGKILL, as a power cut or the task manager would) inside the
        transaction applying the pulled page, once `after` records of it are applied. Never
        answers: the test waits for the process to end."""
        apply = records.apply_incoming
        applied = 0

        def apply_then_die(change: dict, me: str):
            nonlocal applied
            if applied == after:
                os.kill(os.getpid(), signal.SIGKILL)
            applied += 1
            return apply(change, me)

        records.apply_incoming = apply_then_die
        self.op_sync()

    # -- journal ----------------------------------------------------------------------------

    def op_new_entry(self, title: str, body: str) -> dict:
        entry = entries.create_entry(self.window.store.paths.packs, title=title)
        entries.save_entry(entry.id, body=body)
        return {"id": entry.id}

    def op_open_entry(self, id: str) -> dict:  # noqa: A002 (the protocol's word)
        return {"opened": self.window.journal.show(id)}

    def op_type(self, text: str, save: bool = True) -> dict:
        editor = self.window.journal.view.editor
        editor.text.moveCursor(QTextCursor.MoveOperation.End)
        _type(editor.text, text)
        if save:
            editor.flush()
        else:  # the learner is still typing: the autosave has not come yet
            editor._debounce.stop()
            editor._deadline.stop()
        return {"dirty": editor.dirty}

    def op_many_entries(self, count: int, size: int) -> dict:
        """`count` entries of `size` characters: a large page for the other device to pull."""
        with database.atomic():  # one commit: written quickly, as an import would
            for n in range(count):
                entry = entries.create_entry(self.window.store.paths.packs, title=f"Entrée {n}")
                entries.save_entry(entry.id, body=(f"Séance {n} : " + "coopérer, " * size)[:size])
        return {}

    def op_type_during_sync(self, text: str) -> dict:
        """Type into the open entry, one character every 15 ms with the real autosave, while
        the window's sync pulls and applies; then say what was saved and what failed."""
        editor = self.window.journal.view.editor
        service = self.window.sharing.service
        editor.text.moveCursor(QTextCursor.MoveOperation.End)
        saves_during_sync = 0

        def count(_entry_id: str) -> None:
            nonlocal saves_during_sync
            saves_during_sync += service.running

        editor.saved.connect(count)
        service.sync_now()
        typed = 0
        while service.running or typed < len(text):
            if typed < len(text):
                _type(editor.text, text[typed])
                typed += 1
            deadline = time.monotonic() + 0.015
            while time.monotonic() < deadline:
                QApplication.processEvents()
        editor.flush()
        editor.saved.disconnect(count)
        return {
            "sync": service.state,
            "saves_during_sync": saves_during_sync,
            "failure": editor._failure,
            "shown": editor.text.toPlainText(),
            "stored": entries.get_entry(editor.entry.id).body,
        }

    def op_entry_state(self) -> dict:
        editor = self.window.journal.view.editor
        QApplication.processEvents()
        return {
            "id": editor.entry.id if editor.entry else None,
            "title": editor.title.text(),
            "text": editor.text.toPlainText(),
            "dirty": editor.dirty,
            "conflict": editor.conflict.text() if editor.conflict.isVisible() else "",
            "listed": [s.id for s in self.window.journal.view.summaries],
            "stored": [
                {"id": r.id, "title": r.title, "body": r.body, "conflict_of": r.conflict_of}
                for r in JournalEntry.select().where(JournalEntry.trashed_at.is_null())
            ],
        }

    def op_open_other_version(self) -> dict:
        editor = self.window.journal.view.editor
        href = editor.conflict.text().split('href="', 1)[1].split('"', 1)[0]
        editor.conflict.linkActivated.emit(href)
        return {"id": editor.entry.id, "text": editor.text.toPlainText()}

    def op_trash_open_entry(self) -> dict:
        editor = self.window.journal.view.editor
        entry_id = editor.entry.id
        editor.trash_button.click()
        return {"trashed": entries.get_entry(entry_id).trashed_at is not None}

    # -- notes ------------------------------------------------------------------------------

    def op_new_note(self, title: str, text: str, group_id: str) -> dict:
        note_id = notes.create(title=title)
        doc = notes.load(note_id)
        doc.apply_local_edit(0, 0, text, notes.local_author())
        notes.save(note_id, doc)
        notes.set_sharing(note_id, "group", group_id)
        return {"id": note_id}

    def op_open_note(self, id: str, caret: int = 0) -> dict:  # noqa: A002
        opened = self.window.notes.show(id)
        editor = self.window.notes.view.editor
        cursor = editor.text_edit.textCursor()
        cursor.setPosition(caret)
        editor.text_edit.setTextCursor(cursor)
        return {"opened": opened}

    def op_note_type(self, text: str) -> dict:
        editor = self.window.notes.view.editor
        editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
        _type(editor.text_edit, text)
        editor.save_now()
        return {}

    def op_note_ready(self) -> dict:
        self.window.notes.view.editor.ready_box.click()
        return {}

    def op_note_state(self) -> dict:
        editor = self.window.notes.view.editor
        QApplication.processEvents()
        return {
            "text": editor.text_edit.toPlainText(),
            "caret": editor.text_edit.textCursor().position(),
            "ready": editor.ready_label.text(),
        }

    # -- reading and the group's animation ------------------------------------------------

    def op_open_lesson(self, uid: str) -> dict:
        self.window.open_lesson(uid)
        return {"shown": self.window.lesson.current_uid}

    def op_click(self, url: str) -> dict:
        """A link of the open lesson clicked (a quiz choice, its submit button)."""
        self.window.lesson.browser.anchorClicked.emit(QUrl(url))
        return {}

    def op_lesson_text(self) -> dict:
        QApplication.processEvents()
        return {"text": self.window.lesson.browser.toPlainText()}

    def op_show_home(self) -> dict:
        self.window.show_home()
        return {}

    def op_home_texts(self) -> dict:
        """What the home page shows in its labels, as the learner reads it."""
        QApplication.processEvents()
        return {"texts": [label.text() for label in self.window.home.widget().findChildren(QLabel)]}

    def op_announce(self, group_id: str, title: str, body: str) -> dict:
        return {"id": announcements.publish(group_id, title, body)}

    def op_correct_announcement(self, id: str, title: str, body: str) -> dict:  # noqa: A002
        announcements.edit(id, title, body)
        return {}

    def op_quit(self) -> dict:
        self.window.close()
        QApplication.instance().quit()
        return {}


def main(data_dir: str, url: str) -> int:
    app = application()
    store = open_store(DataPaths(Path(data_dir)))
    library.install_bundled(store, FIXTURES)
    window = MainWindow(store, TaskRunner())
    window.sharing.service._debounce.setInterval(24 * 3600 * 1000)  # syncs only when asked
    window.resize(1100, 700)
    window.show()
    device = Device(window, url)

    def read() -> None:
        for line in sys.stdin:
            device.command.emit(json.loads(line))

    threading.Thread(target=read, daemon=True).start()
    print(json.dumps({"ready": True}), flush=True)
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
