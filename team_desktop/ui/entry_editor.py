"""Editing one journal entry: Markdown with a live preview, saved as the learner types."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.portfolio import conflicts, entries, preview
from team_desktop.core.portfolio.entries import Entry
from team_desktop.core.portfolio.errors import PortfolioError
from team_desktop.core.render import escape
from team_desktop.core.store import changes
from team_desktop.core.store.db import Store
from team_desktop.core.store.models import ActivityRecord, LessonRecord
from team_desktop.ui.attachments_panel import AttachmentsPanel
from team_desktop.ui.history_dialog import HistoryDialog
from team_desktop.ui.language import date_format
from team_desktop.ui.lesson_browser import LessonBrowser
from team_desktop.ui.markdown_editor import FormatBar, MarkdownTextEdit
from team_desktop.ui.messages import Icon, show_message
from team_desktop.ui.tasks import TaskRunner
from team_desktop.ui.text_size import scale_text
from team_desktop.ui.visibility_choice import VisibilityChoice

# Saved 0.5 s after the last keystroke, and never later than 0.8 s after the first unsaved
# one: killing the app mid-typing loses at most the last second.
SAVE_DELAY_MS = 500
SAVE_DEADLINE_MS = 800
RETRY_AFTER_FAILURE_MS = 5000
PREVIEW_DELAY_MS = 250
# The quoted prompt stands apart from the learner's own words (its colour comes from the theme).
PREVIEW_STYLE = (
    "blockquote { font-style: italic; margin-left: 14px; }"
    "h1 { font-size: 21px; } h2 { font-size: 17px; margin-top: 14px; } h3 { font-size: 15px; }"
)


class EntryEditor(QWidget):
    """Title, date, tags, visibility, Markdown text with its preview, attachments, history.

    A record changed underneath (a sync) is shown at once when nothing is unsaved; when the
    learner has unsaved words, both texts are kept (`core.portfolio.conflicts`) and a notice
    leads to the other version.

    Signals: saved(entry id); open_activity(lesson uid, activity uid); trash_requested(entry id);
    open_entry(entry id) to show another entry (the other version of a conflict).
    """

    saved = Signal(str)
    open_entry = Signal(str)
    open_activity = Signal(str, str)
    trash_requested = Signal(str)

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.entry: Entry | None = None
        self.dirty = False
        self._loading = False
        self._failure: str | None = None
        self._seen: tuple[str, str] = ("", "")  # the stored title and text the editor started from

        self.title = QLineEdit()
        self.title.setObjectName("entryTitle")
        self.title.setPlaceholderText(self.tr("Titre de l'entrée"))
        self.title.setAccessibleName(self.tr("Titre"))
        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName(self.tr("État de l'enregistrement"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_format())
        self.date.setAccessibleName(self.tr("Date"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("étiquettes, séparées par des virgules"))
        self.tags.setAccessibleName(self.tr("Étiquettes"))
        self.visibility = VisibilityChoice()
        self.visibility.setAccessibleName(self.tr("Visibilité"))
        self.link = QLabel()
        self.link.setObjectName("entryLink")
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.link.linkActivated.connect(self._follow_link)
        self.notice = QLabel()
        self.notice.setObjectName("entryNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.conflict = QLabel()
        self.conflict.setObjectName("entryConflict")
        self.conflict.setWordWrap(True)
        self.conflict.setTextFormat(Qt.TextFormat.RichText)
        self.conflict.linkActivated.connect(self._open_other_version)
        self.conflict.hide()

        self.text = MarkdownTextEdit()
        self.text.setAccessibleName(self.tr("Texte de l'entrée"))
        self.text.setTabChangesFocus(True)
        scale_text(self.text, self.font().pointSizeF() * 1.1)
        self.format_bar = FormatBar(self.text)
        self.preview = LessonBrowser(extra_style=PREVIEW_STYLE)
        self.preview.setAccessibleName(self.tr("Aperçu"))
        self.preview.document().setDocumentMargin(16)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.text)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)

        self.attachments = AttachmentsPanel(store, runner)
        self.preview_button = QPushButton(self.tr("Aperçu"))
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip(
            self.tr("Afficher ou masquer l'aperçu (tel que le groupe et l'export le verront)")
        )
        self.preview.hide()  # the editor already shows the formatting
        self.history_button = QPushButton(self.tr("Historique…"))
        self.trash_button = QPushButton(self.tr("Corbeille"))
        self.trash_button.setToolTip(
            self.tr("Mettre l'entrée à la corbeille (elle pourra y être restaurée)")
        )

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        meta = QHBoxLayout()
        meta.addWidget(self.date)
        meta.addWidget(self.tags, 1)
        meta.addWidget(self.visibility)
        tools = QHBoxLayout()
        for button in (self.preview_button, self.history_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.trash_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(head)
        layout.addLayout(meta)
        layout.addWidget(self.link)
        layout.addWidget(self.notice)
        layout.addWidget(self.conflict)
        layout.addWidget(self.format_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.attachments)
        layout.addLayout(tools)

        self._debounce = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._deadline = QTimer(self, singleShot=True, interval=SAVE_DEADLINE_MS)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        for timer in (self._debounce, self._deadline):
            timer.timeout.connect(self.flush)
        self._preview_timer.timeout.connect(self._render_preview)
        self.text.textChanged.connect(self._changed)
        self.text.textChanged.connect(self._preview_timer.start)
        self.title.textEdited.connect(self._changed)
        self.tags.textEdited.connect(self._changed)
        self.date.dateChanged.connect(self._changed)
        self.visibility.currentIndexChanged.connect(self._changed)
        self.preview_button.toggled.connect(self.preview.setVisible)
        self.history_button.clicked.connect(self.show_history)
        self.trash_button.clicked.connect(self._trash)
        self.attachments.changed.connect(self._attachments_changed)
        self.attachments.failed.connect(lambda text: self._warn(self.tr("Pièce jointe"), text))

    # -- loading ----------------------------------------------------------------------------

    def load(self, entry_id: str) -> bool:
        """Show entry `entry_id` (saving the one shown before); False if it is gone."""
        self.flush()
        entry = entries.get_entry(entry_id)
        if entry is None:
            return False
        self._show(entry)
        self.conflict.hide()
        self._failure = None
        return True

    def _show(self, entry: Entry, keep_place: bool = False) -> None:
        """Fill the fields from `entry`; `keep_place` keeps the caret and scroll where they were."""
        caret = self.text.textCursor().position()
        scroll = self.text.verticalScrollBar().value()
        self._loading = True
        try:
            self.entry = entry
            self.title.setText(entry.title)
            self.title.setCursorPosition(0)  # a long title reads from its start
            self.date.setDate(
                QDate(entry.entry_date.year, entry.entry_date.month, entry.entry_date.day)
            )
            self.tags.setText(", ".join(entry.tags))
            self.visibility.show_value(entry.visibility, entry.group_id)
            self.text.setPlainText(entry.body)
            self.text.setPlaceholderText(
                self.tr("Écrivez ici. La barre au-dessus met en forme : titres, gras, listes…")
            )
            self.link.setText(self._link_html(entry))
            self.link.setVisible(bool(entry.activity_uid or entry.lesson_uid))
            in_bin = entry.trashed_at is not None
            for widget in (self.title, self.tags, self.date, self.visibility):
                widget.setEnabled(not in_bin)
            self.text.setReadOnly(in_bin)
            self.trash_button.setEnabled(not in_bin)
            self.attachments.show_entry(entry, editable=not in_bin)
        finally:
            self._loading = False
        if keep_place:
            cursor = self.text.textCursor()
            cursor.setPosition(min(caret, len(self.text.toPlainText())))
            self.text.setTextCursor(cursor)
            self.text.verticalScrollBar().setValue(scroll)
        self._seen = (entry.title, entry.body)
        self.dirty = False
        self._set_status(self.tr("Dans la corbeille") if in_bin else self.tr("Enregistré"))
        self._render_preview()

    # -- changes from elsewhere -------------------------------------------------------------

    def on_changes(self, change_set: changes.ChangeSet) -> None:
        """The open entry changed in the store (a sync): show it, or keep both texts."""
        if self.entry is None or change_set.initiator is self:
            return
        if not change_set.touches(changes.ENTRIES, self.entry.id):
            return
        stored = entries.get_entry(self.entry.id)
        if stored is None:
            return  # emptied from the bin elsewhere: the next save says so, the text stays
        if (stored.title, stored.body) == self._seen:
            self.entry = stored  # only its bookkeeping changed (a revision, a push)
        elif self.dirty:
            self.flush()  # the store keeps both texts; the notice says where the other one is
        else:
            self._show(stored, keep_place=True)

    def _open_other_version(self, href: str) -> None:
        self.flush()
        self.open_entry.emit(href.removeprefix("entry:"))

    def _link_html(self, entry: Entry) -> str:
        activity = ActivityRecord.get_or_none(ActivityRecord.uid == entry.activity_uid)
        lesson = LessonRecord.get_or_none(LessonRecord.uid == entry.lesson_uid)
        if activity is None and lesson is None:
            if entry.activity_uid or entry.lesson_uid:
                return escape(self.tr("Liée à une leçon qui n'est plus installée."))
            return ""
        label = (
            self.tr("Répond à « {a} » — {l}").format(
                a=activity.title if activity else "", l=lesson.title if lesson else ""
            )
            if activity
            else self.tr("Liée à la leçon « {l} »").format(l=lesson.title)
        )
        return f'↩ <a href="lesson">{escape(label)}</a>'

    def _follow_link(self, _href: str) -> None:
        if self.entry is not None and self.entry.lesson_uid:
            self.flush()
            self.open_activity.emit(self.entry.lesson_uid, self.entry.activity_uid or "")

    # -- saving -----------------------------------------------------------------------------

    def _changed(self, *_args) -> None:
        if self._loading or self.entry is None or self.text.isReadOnly():
            return
        self.dirty = True
        self._debounce.start()
        if not self._deadline.isActive():
            self._deadline.start()
        if self._failure is None:
            self._set_status(self.tr("Modifié…"))

    def flush(self, new_version: bool = False) -> bool:
        """Save now what is shown, if anything changed; False (and a message) if it failed."""
        self._debounce.stop()
        self._deadline.stop()
        if self.entry is None or not (self.dirty or new_version):
            return True
        visibility, group_id = self.visibility.value()
        date = self.date.date()
        title, body = self.title.text(), self.text.toPlainText()
        try:
            with changes.initiated_by(self):
                outcome = conflicts.save_over(
                    self.entry.id,
                    self._seen,
                    title=title,
                    body=body,
                    tags=entries.normalize_tags(self.tags.text()),
                    entry_date=dt.date(date.year(), date.month(), date.day()),
                    visibility=visibility,
                    group_id=group_id,
                    new_version=new_version,
                )
        except PortfolioError as error:
            self._save_failed(str(error))
            return False
        self.dirty = False
        self._seen = (title, body)
        if self._failure is not None:
            self._failure = None
            self.notice.hide()
        self._set_status(
            self.tr("Version gardée dans l'historique") if new_version else self.tr("Enregistré")
        )
        if outcome.arrived:
            self._show(entries.get_entry(self.entry.id) or self.entry, keep_place=True)
        if outcome.copy_id:
            self._tell_conflict(outcome.copy_id)
        self.saved.emit(self.entry.id)
        return True

    def _tell_conflict(self, copy_id: str) -> None:
        text = self.tr(
            "Cette entrée a aussi été modifiée sur un autre appareil pendant que vous écriviez. "
            "Votre texte est ici ; l'autre version est gardée dans une entrée à part. "
            "Comparez-les, puis mettez à la corbeille celle dont vous n'avez plus besoin."
        )
        link = self.tr("Ouvrir l'autre version")
        self.conflict.setText(f'{escape(text)} <a href="entry:{copy_id}">{escape(link)}</a>')
        self.conflict.show()

    def _save_failed(self, message: str) -> None:
        self._set_status(self.tr("⚠ Non enregistré"), error=True)
        if message != self._failure:
            # Told once; retried quietly until it works again.
            self._failure = message
            self.notice.setText(message)
            self.notice.setProperty("level", "error")
            self.notice.show()
            self._warn(self.tr("Entrée non enregistrée"), message)
        self._debounce.start(RETRY_AFTER_FAILURE_MS)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _warn(self, title: str, text: str) -> None:
        show_message(self, Icon.Warning, title, text)

    # -- preview, history, attachments, bin -------------------------------------------------

    def _render_preview(self) -> None:
        shown = preview.preview(self.text.toPlainText())
        notices = "".join(f'<p class="notice">{escape(n)}</p>' for n in shown.notices)
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.show_html(notices + shown.html)
        bar.setValue(position)

    def show_history(self) -> None:
        if self.entry is None or not self.flush():
            return
        dialog = HistoryDialog(self.entry.id, self)
        dialog.keep_requested.connect(self._keep_version)
        dialog.restored.connect(lambda: self.load(self.entry.id))
        dialog.open()
        self.history_dialog = dialog

    def _keep_version(self) -> None:
        if self.flush(new_version=True):
            self.history_dialog.reload()

    def _attachments_changed(self) -> None:
        if self.entry is not None:
            self.saved.emit(self.entry.id)

    def _trash(self) -> None:
        if self.entry is not None and self.flush():
            self.trash_requested.emit(self.entry.id)

    def move_cursor_to_end(self) -> None:
        """Put the caret after the last character (to go on writing)."""
        self.text.moveCursor(QTextCursor.MoveOperation.End)
        self.text.setFocus()

    def find(self, words: str) -> None:
        """Select the first of `words` found in the text."""
        for word in words.split():
            if self.text.find(word):
                return

    def clear(self) -> None:
        """Show nothing (after saving what was shown)."""
        self.flush()
        self.entry = None

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        # Leaving the journal, switching view or closing the window: nothing stays unsaved.
        self.flush()
        super().hideEvent(event)
