"""Co-preparation notes: the list (or the bin), the open note, and the learner's name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.notes import authors as note_authors
from team_desktop.core.notes import files as note_files
from team_desktop.core.notes import store as notes
from team_desktop.core.notes.templates import default_template
from team_desktop.core.store import changes
from team_desktop.ui.language import format_moment
from team_desktop.ui.messages import Icon, show_message
from team_desktop.ui.note_editor import NoteEditor
from team_desktop.ui.record_list import record_list

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole


class NotesView(QWidget):
    """Lists the notes and edits the chosen one.

    Signals: plan_chosen(note id) when the learner picks a session plan (its own view shows it).
    """

    plan_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.showing_bin = False
        self._stale = False

        self.heading = QLabel()
        self.heading.setObjectName("notesHeading")
        self.list = record_list(self.tr("Notes de co-préparation"))
        self.new_button = QPushButton(self.tr("Nouvelle note"))
        self.import_button = QPushButton(self.tr("Importer…"))
        self.import_button.setToolTip(
            self.tr("Ajouter une note reçue sous forme de fichier .teamnote")
        )
        self.trash_button = QPushButton(self.tr("Mettre à la corbeille"))
        self.restore_button = QPushButton(self.tr("Restaurer"))
        self.purge_button = QPushButton(self.tr("Supprimer"))
        self.purge_button.setToolTip(self.tr("Supprimer définitivement la note choisie"))
        self.restore_button.hide()
        self.purge_button.hide()
        self.bin_button = QPushButton(self.tr("Corbeille"))
        self.bin_button.setCheckable(True)
        self.bin_button.setToolTip(self.tr("Voir les notes mises à la corbeille"))
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.bin_button)
        buttons = QVBoxLayout()
        for group in (
            (self.new_button, self.import_button),
            (self.trash_button, self.restore_button, self.purge_button),
        ):
            row = QHBoxLayout()
            for button in group:
                row.addWidget(button)
            buttons.addLayout(row)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(header)
        side_layout.addWidget(self.list, 1)
        side_layout.addLayout(buttons)

        self.name_bar = QFrame()
        self.name_bar.setObjectName("authorNameBar")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Prénom Nom"))
        self.name_edit.setAccessibleName(self.tr("Votre nom, visible par vos co-auteurs"))
        self.name_button = QPushButton(self.tr("Enregistrer"))
        name_layout = QHBoxLayout(self.name_bar)
        name_label = QLabel(self.tr("Votre nom, visible par vos co-auteurs :"))
        name_label.setWordWrap(True)
        name_layout.addWidget(name_label)
        name_layout.addWidget(self.name_edit, 1)
        name_layout.addWidget(self.name_button)

        self.editor = NoteEditor()
        self.empty_label = QLabel(
            self.tr(
                "Choisissez une note dans la liste, ou créez-en une pour préparer une séance à plusieurs."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addWidget(self.name_bar)
        main_layout.addWidget(self.editor, 1)
        main_layout.addWidget(self.empty_label, 1)

        side.setMaximumWidth(300)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side)
        layout.addWidget(main, 1)

        self.list.currentItemChanged.connect(self._on_current)
        self.new_button.clicked.connect(lambda: self.new_note())
        self.import_button.clicked.connect(self._choose_import)
        self.trash_button.clicked.connect(self.trash_current)
        self.restore_button.clicked.connect(self.restore_current)
        self.purge_button.clicked.connect(self.purge_current)
        self.bin_button.toggled.connect(self.show_bin)
        self.name_button.clicked.connect(self._save_name)
        self.name_edit.returnPressed.connect(self._save_name)
        self.editor.saved.connect(self._on_saved)
        self._sync_name_bar()
        self._show_editor(False)

    def on_changes(self, change_set: changes.ChangeSet) -> None:
        """After a write by anyone but the open editor: the open note takes in what arrived
        (text, title, authors, ready marks) without moving the caret, and the list refreshes."""
        if change_set.initiator is self.editor or not change_set.touches(changes.NOTES):
            return
        if self.editor.note_id and change_set.touches(changes.NOTES, self.editor.note_id):
            self.editor.reload_from_store()
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    # -- the list ---------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Fill the list again (notes, or the bin), selecting `select` or the open note."""
        select = select or self.editor.note_id
        self.heading.setText(
            self.tr("<b>Corbeille</b>")
            if self.showing_bin
            else self.tr("<b>Mes notes de co-préparation</b>")
        )
        self.list.blockSignals(True)
        self.list.clear()
        for note in notes.list_notes(trashed=self.showing_bin):
            item = QListWidgetItem(_item_text(note))
            item.setData(NOTE_ID_ROLE, note.id)
            self.list.addItem(item)
            if note.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.trash_button.setVisible(not self.showing_bin)
        self.restore_button.setVisible(self.showing_bin)
        self.purge_button.setVisible(self.showing_bin)
        self.new_button.setEnabled(not self.showing_bin)
        self._sync_buttons()

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(NOTE_ID_ROLE) if item is not None else None

    def _sync_buttons(self) -> None:
        chosen = self._current_id() is not None
        for button in (self.trash_button, self.restore_button, self.purge_button):
            button.setEnabled(chosen)

    def _on_current(self, current: QListWidgetItem | None, _previous) -> None:
        self._sync_buttons()
        if current is None or self.showing_bin:
            self.editor.close_note()
            self._show_editor(False)
            return
        note_id = current.data(NOTE_ID_ROLE)
        if self.is_plan(note_id) and note_id != self.editor.note_id:
            self.plan_chosen.emit(note_id)
            return
        self.open_note(note_id)

    @staticmethod
    def is_plan(note_id: str) -> bool:
        """Whether the note holds a session plan (shown by the plans view)."""
        try:
            return notes.summary(note_id).kind == "plan"
        except notes.NoteNotFound:
            return False

    def _show_editor(self, shown: bool) -> None:
        self.editor.setVisible(shown)
        self.empty_label.setVisible(not shown)

    def _on_saved(self, note_id: str) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(NOTE_ID_ROLE) == note_id:
            item.setText(_item_text(notes.summary(note_id)))

    # -- opening and creating ---------------------------------------------------------------

    def open_note(self, note_id: str) -> bool:
        """Show and edit a note (leaving the bin if needed)."""
        if note_id == self.editor.note_id:
            return True
        if self.showing_bin:
            self.bin_button.setChecked(False)
        if not self.editor.open_note(note_id):
            self.reload()
            return False
        self._show_editor(True)
        if self._current_id() != note_id:
            self.reload(select=note_id)
        self.editor.text_edit.setFocus()
        return True

    def new_note(self, activity_uid: str | None = None) -> str:
        """Create a note (from the activity's template, or the standard one) and open it."""
        if activity_uid:
            note_id = notes.create_for_activity(activity_uid)
        else:
            note_id = notes.create("", default_template())
        self.bin_button.setChecked(False)
        self.reload(select=note_id)
        self.open_note(note_id)
        self.editor.title_edit.setFocus()
        return note_id

    def open_for_activity(self, activity_uid: str) -> str:
        """The learner's latest note for a copreparation activity, or a new one from its template."""
        existing = notes.list_notes(activity_uid=activity_uid)
        if existing:
            self.open_note(existing[0].id)
            return existing[0].id
        return self.new_note(activity_uid)

    def leave(self) -> None:
        """Save the open note (before the window closes or another view shows)."""
        self.editor.save_now()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        # Another view took the window, or the window is closing: nothing stays unsaved.
        self.leave()
        super().hideEvent(event)

    # -- bin --------------------------------------------------------------------------------

    def show_bin(self, shown: bool) -> None:
        self.editor.close_note()
        self._show_editor(False)
        self.showing_bin = shown
        self.reload()

    def trash_current(self) -> None:
        note_id = self._current_id()
        if note_id is None:
            return
        self.editor.close_note()
        notes.trash(note_id)
        self._show_editor(False)
        self.reload()

    def restore_current(self) -> None:
        note_id = self._current_id()
        if note_id is not None:
            notes.restore(note_id)
            self.reload()

    def purge_current(self) -> None:
        note_id = self._current_id()
        if note_id is not None:
            notes.purge(note_id)
            self.reload()

    # -- importing and the learner's name ---------------------------------------------------

    def import_file(self, path: Path) -> bool:
        """Import a .teamnote: a new note, or the merge of a copy of one already here."""
        self.editor.save_now()
        try:
            result = note_files.import_note(Path(path))
        except note_files.NoteFileError as error:
            show_message(self, Icon.Warning, self.tr("Note non importée"), str(error))
            return False
        if result.note_id == self.editor.note_id:
            self.editor.reload_from_store()
        self.bin_button.setChecked(False)
        self.reload(select=result.note_id)
        self.open_note(result.note_id)
        return True

    def _choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Importer une note"), str(Path.home()), self.tr("Notes TEAM (*.teamnote)")
        )
        if path:
            self.import_file(Path(path))

    def _save_name(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.name_edit.setFocus()
            return
        note_authors.set_name(name)
        self.editor.author = note_authors.local_author()
        self._sync_name_bar()

    def _sync_name_bar(self) -> None:
        self.name_bar.setVisible(not note_authors.has_chosen_name())


def _item_text(note: notes.NoteSummary) -> str:
    title = notes.display_title(note.title)
    if note.kind == "plan":
        title = QCoreApplication.translate("NotesView", "Plan : {title}").format(title=title)
    return f"{title}\n{format_moment(note.updated_at)}"
