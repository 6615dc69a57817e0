"""The co-preparation note editor: every keystroke becomes a CRDT operation, saved within a second."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from peewee import OperationalError
from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.notes import files as note_files
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.authors import local_author
from team_desktop.core.notes.doc import Author, NoteDoc
from team_desktop.core.notes.export import authors, authorship_html
from team_desktop.core.notes.positions import PositionError, TextChange, editor_text
from team_desktop.core.notes.templates import activity_title
from team_desktop.core.store import changes as bus
from team_desktop.ui.language import format_date, format_time
from team_desktop.ui.markdown_editor import FormatBar, MarkdownTextEdit
from team_desktop.ui.messages import Icon, show_message
from team_desktop.ui.text_size import scale_text
from team_desktop.ui.visibility_choice import VisibilityChoice, share_open_note

SAVE_DELAY_MS = 700  # the first unsaved keystroke is on disk within this delay
RETRY_DELAY_MS = 5000
log = logging.getLogger(__name__)


class NoteEditor(QWidget):
    """Edits one note at a time.

    Signals: saved(note id) after each save (titles in lists may have changed).
    """

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.note_id: str | None = None
        self.doc: NoteDoc | None = None
        self.author: Author | None = None
        self._dirty = False
        self._applying = False  # text changes that come from the CRDT, not the keyboard

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Titre de la note"))
        self.title_edit.setAccessibleName(self.tr("Titre de la note"))
        self.title_edit.setObjectName("noteTitle")
        self.activity_label = QLabel()
        self.activity_label.setObjectName("noteActivity")
        self.authors_button = QPushButton(self.tr("Qui a écrit quoi"))
        self.authors_button.setCheckable(True)
        self.authors_button.setToolTip(self.tr("Colorer le texte selon son auteur (lecture seule)"))
        self.export_button = QPushButton(self.tr("Exporter…"))
        self.export_button.setToolTip(
            self.tr("Enregistrer une copie .teamnote à envoyer à vos co-auteurs")
        )
        self.merge_button = QPushButton(self.tr("Fusionner une copie…"))
        self.merge_button.setToolTip(
            self.tr("Ajouter à cette note les modifications d'une copie .teamnote reçue")
        )
        font = self.title_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title_edit.setFont(font)
        tools = QHBoxLayout()
        tools.addWidget(self.activity_label, 1)
        for button in (self.authors_button, self.export_button, self.merge_button):
            tools.addWidget(button)

        # One edit per mark: a co-author's words between two marks are never rewritten.
        self.text_edit = MarkdownTextEdit(separate_edits=True)
        self.text_edit.setAccessibleName(self.tr("Texte de la note"))
        self.text_edit.setTabChangesFocus(True)
        scale_text(self.text_edit)
        self.authorship = QTextBrowser()
        self.authorship.setAccessibleName(self.tr("Qui a écrit quoi"))
        self.authorship.setOpenLinks(False)
        scale_text(self.authorship)
        self.format_bar = FormatBar(self.text_edit)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.text_edit)
        self.stack.addWidget(self.authorship)

        self.ready_box = QCheckBox(self.tr("Je considère cette note prête"))
        self.ready_label = QLabel()
        self.ready_label.setTextFormat(Qt.TextFormat.PlainText)  # co-authors' names: never HTML
        self.ready_label.setWordWrap(True)
        self.ready_label.setObjectName("noteReady")
        self.status_label = QLabel()
        self.status_label.setObjectName("noteStatus")
        self.sharing = VisibilityChoice()
        self.sharing.setAccessibleName(self.tr("Partage de la note"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.ready_box)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.sharing)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_edit)
        layout.addLayout(tools)
        layout.addWidget(self.format_bar)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        layout.addWidget(
            self.ready_label
        )  # its own line: beside the others it wrapped word by word

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self.text_edit.document().contentsChange.connect(self._on_contents_change)
        self.title_edit.textEdited.connect(lambda _text: self._changed())
        self.title_edit.editingFinished.connect(self.save_now)
        self.authors_button.toggled.connect(self._show_authorship)
        self.ready_box.toggled.connect(self._set_ready)
        self.export_button.clicked.connect(self._choose_export)
        self.merge_button.clicked.connect(self._choose_merge)
        self.sharing.activated.connect(lambda index: share_open_note(self, index))
        self.setEnabled(False)

    # -- opening and closing ----------------------------------------------------------------

    def open_note(self, note_id: str) -> bool:
        """Show note `note_id` (after saving the one open); False if it is gone."""
        self.close_note()
        try:
            doc = notes.load(note_id)
            summary = notes.summary(note_id)
        except notes.NoteNotFound:
            return False
        self.note_id, self.doc, self.author = note_id, doc, local_author()
        self._applying = True
        try:
            self.text_edit.setPlainText(doc.text)
        finally:
            self._applying = False
        self.text_edit.document().clearUndoRedoStacks()
        self.title_edit.setText(doc.title)
        self.title_edit.setCursorPosition(0)
        title = activity_title(summary.activity_uid) if summary.activity_uid else None
        self.activity_label.setText(
            self.tr("Pour l'activité « {t} »").format(t=title) if title else ""
        )
        self.authors_button.setChecked(False)
        self.status_label.clear()
        self.sharing.show_value(summary.visibility, summary.group_id)
        self._sync_ready()
        self.setEnabled(True)
        return True

    def close_note(self) -> None:
        """Save what is pending and show nothing."""
        self.save_now()
        self.note_id = self.doc = None
        self._applying = True
        try:
            self.text_edit.clear()
        finally:
            self._applying = False
        self.title_edit.clear()
        self.activity_label.clear()
        self.ready_label.clear()
        self.setEnabled(False)

    # -- local edits ------------------------------------------------------------------------

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._applying or self.doc is None:
            return
        document = self.text_edit.document()
        cursor = QTextCursor(document)
        end = min(position + added, document.characterCount() - 1)
        cursor.setPosition(min(position, end))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        added_text = editor_text(cursor.selectedText())
        try:
            changed = self.doc.apply_local_edit(position, removed, added_text, self.author)
        except PositionError:
            changed = False  # a position inside a character: repaired just below
        shown = editor_text(document.toRawText())
        if shown != self.doc.text:
            # Qt reported the change in a way we did not expect: the editor's text wins.
            log.warning("note editor and CRDT disagreed after an edit; repaired")
            changed = self.doc.replace_all(shown, self.author)
        if changed:
            self._changed()

    def _changed(self) -> None:
        self._dirty = True
        self.status_label.setText(self.tr("Modifications…"))
        if not self._save_timer.isActive():
            self._save_timer.start(SAVE_DELAY_MS)

    def save_now(self) -> None:
        """Write pending edits to the store (merging anything that arrived there)."""
        if self.doc is None or not self._dirty:
            return
        self._save_timer.stop()
        self.doc.set_title(self.title_edit.text())
        try:
            with bus.initiated_by(self):
                changes = notes.save(self.note_id, self.doc)
        except OperationalError as error:
            # Locked or full disk: the text stays in memory and the save is tried again.
            self.status_label.setText(self.tr("Non enregistré, nouvel essai dans un instant"))
            self.status_label.setToolTip(str(error))
            self._save_timer.start(RETRY_DELAY_MS)
            return
        except notes.NoteNotFound:
            return
        self._dirty = False
        self.status_label.setText(self.tr("Enregistré à {t}").format(t=format_time()))
        self.status_label.setToolTip("")
        self._show_changes(changes)
        self.saved.emit(self.note_id)

    # -- changes from elsewhere -------------------------------------------------------------

    def reload_from_store(self) -> None:
        """Show what reached the store for the open note (an import, sync), keeping local typing."""
        if self.doc is None:
            return
        try:
            self._show_changes(notes.refresh(self.note_id, self.doc))
        except notes.NoteNotFound:
            self.close_note()

    def _show_changes(self, changes: list[TextChange]) -> None:
        if changes:
            document = self.text_edit.document()
            self._applying = True
            try:
                cursor = QTextCursor(document)
                for change in changes:
                    cursor.setPosition(change.position)
                    cursor.setPosition(
                        change.position + change.removed, QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.insertText(change.added)
                if editor_text(document.toRawText()) != self.doc.text:
                    self._replace_text(self.doc.text)
            finally:
                self._applying = False
            # Undoing now would delete a co-author's words as if they were ours.
            document.clearUndoRedoStacks()
        if not self.title_edit.hasFocus() and self.title_edit.text() != self.doc.title:
            self.title_edit.setText(self.doc.title)
        self._sync_ready()
        if self.authors_button.isChecked():
            self._show_authorship(True)

    def _replace_text(self, text: str) -> None:
        position = self.text_edit.textCursor().position()
        self.text_edit.setPlainText(text)
        cursor = self.text_edit.textCursor()
        cursor.setPosition(min(position, self.text_edit.document().characterCount() - 1))
        self.text_edit.setTextCursor(cursor)

    # -- who wrote what, ready marks --------------------------------------------------------

    def _show_authorship(self, shown: bool) -> None:
        if shown and self.doc is not None:
            self.authorship.setHtml(authorship_html(self.doc))
            self.stack.setCurrentWidget(self.authorship)
        else:
            self.stack.setCurrentWidget(self.text_edit)

    def _set_ready(self, ready: bool) -> None:
        if self.doc is not None and self.doc.set_ready(self.author, ready):
            self._dirty = True
            self.save_now()
            self._sync_ready()

    def _sync_ready(self) -> None:
        if self.doc is None:
            return
        marks = self.doc.ready_marks()
        self.ready_box.blockSignals(True)
        self.ready_box.setChecked(self.author.id in marks)
        self.ready_box.blockSignals(False)
        ready = [a for a in authors(self.doc) if a.ready_at]
        if not ready:
            self.ready_label.setText(self.tr("Personne n'a encore marqué cette note comme prête."))
            return
        names = [
            self.tr("{name} (le {date})").format(name=a.name, date=_local_date(a.ready_at))
            for a in ready
        ]
        self.ready_label.setText(self.tr("Prête pour : {names}").format(names=", ".join(names)))

    # -- sharing --------------------------------------------------------------------------

    # -- .teamnote files --------------------------------------------------------------------

    def export_to(self, path: Path) -> bool:
        """Save, then write the note to `path` as a .teamnote; tells the learner the outcome."""
        self.save_now()
        try:
            note_files.export_note(self.note_id, Path(path))
        except OSError as error:
            show_message(
                self,
                Icon.Warning,
                self.tr("Note non exportée"),
                self.tr("Le fichier n'a pas pu être écrit ({e}). La note n'a pas changé.").format(
                    e=error
                ),
            )
            return False
        self.status_label.setText(self.tr("Exportée vers {f}").format(f=Path(path).name))
        return True

    def merge_file(self, path: Path) -> bool:
        """Merge a co-author's copy of this very note into it."""
        self.save_now()
        try:
            result = note_files.import_note(Path(path), into=self.note_id)
        except note_files.NoteFileError as error:
            show_message(self, Icon.Warning, self.tr("Copie non fusionnée"), str(error))
            return False
        self.reload_from_store()
        self.status_label.setText(
            self.tr("Copie fusionnée : toutes les modifications sont réunies.")
            if result.changed
            else self.tr("Cette copie n'apportait rien de nouveau.")
        )
        self.saved.emit(self.note_id)
        return True

    def _choose_export(self) -> None:
        name = "".join(c for c in self.title_edit.text() if c.isalnum() or c in " -_").strip()
        default = Path.home() / f"{name or 'note'}{note_files.SUFFIX}"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Exporter la note"), str(default), self.tr("Notes TEAM (*.teamnote)")
        )
        if path:
            if not path.endswith(note_files.SUFFIX):
                path += note_files.SUFFIX
            self.export_to(Path(path))

    def _choose_merge(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Fusionner une copie"),
            str(Path.home()),
            self.tr("Notes TEAM (*.teamnote)"),
        )
        if path:
            self.merge_file(Path(path))


def _local_date(iso: str) -> str:
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso[:10]
    day = moment.toLocalTime().date()
    return format_date(dt.date(day.year(), day.month(), day.day()))
