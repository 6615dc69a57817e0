"""The journal de bord: entries by date, module, tag and words, the bin, and the open entry."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.portfolio import bin, entries, listing
from team_desktop.core.portfolio.errors import PortfolioError
from team_desktop.core.portfolio.listing import NO_MODULE, EntryFilter, EntrySummary
from team_desktop.core.store import changes
from team_desktop.core.store.db import Store
from team_desktop.ui.entry_editor import EntryEditor
from team_desktop.ui.language import format_date, month_name
from team_desktop.ui.messages import Icon, show_message
from team_desktop.ui.record_list import record_list
from team_desktop.ui.tasks import TaskRunner
from team_desktop.ui.template_dialog import TemplateDialog

SEARCH_DELAY_MS = 300


class JournalView(QWidget):
    """The list of entries with its filters on the left, the entry editor on the right.

    Signals: open_activity(lesson uid, activity uid); entries_changed() when the list of
    entries changed (created, trashed, restored), so views showing entries can refresh.
    """

    open_activity = Signal(str, str)
    entries_changed = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.summaries: list[EntrySummary] = []
        self._stale = False

        title = QLabel(self.tr("Journal de bord"))
        title.setObjectName("viewTitle")
        self.new_button = QPushButton(self.tr("+ Nouvelle entrée"))
        self.new_button.setObjectName("primaryButton")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Chercher dans mes entrées"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Chercher dans mes entrées"))
        self.month = QComboBox()
        self.month.setAccessibleName(self.tr("Mois"))
        self.module = QComboBox()
        self.module.setAccessibleName(self.tr("Module"))
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Étiquette"))
        self.bin_button = QPushButton()
        self.bin_button.setCheckable(True)
        self.list = record_list(self.tr("Entrées du journal"))
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyHint")
        self.restore_button = QPushButton(self.tr("Restaurer"))
        self.empty_bin_button = QPushButton(self.tr("Vider la corbeille…"))

        for combo in (self.month, self.module, self.tag):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        head = QHBoxLayout()
        head.addWidget(self.new_button)
        head.addStretch(1)
        head.addWidget(self.bin_button)
        filters = QGridLayout()
        filters.addWidget(self.month, 0, 0)
        filters.addWidget(self.tag, 0, 1)
        filters.addWidget(self.module, 1, 0, 1, 2)
        bin_bar = QHBoxLayout()
        bin_bar.addWidget(self.restore_button)
        bin_bar.addStretch(1)
        bin_bar.addWidget(self.empty_bin_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(16, 12, 8, 8)
        left_layout.addWidget(title)
        left_layout.addLayout(head)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(bin_bar)

        self.editor = EntryEditor(store, runner)
        self.placeholder = QLabel(
            self.tr(
                "Choisissez une entrée dans la liste, ou commencez-en une nouvelle (Ctrl+N).\n\n"
                "Dans une leçon, « Répondre dans mon journal de bord » ouvre une entrée "
                "avec la consigne déjà recopiée."
            )
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("emptyHint")
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.editor)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 930])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.month, self.module, self.tag):
            combo.activated.connect(lambda _i: self.reload())
        self.bin_button.toggled.connect(lambda _on: self.reload())
        self.new_button.clicked.connect(self.new_entry)
        self.list.currentItemChanged.connect(lambda item, _old: self._open_item(item))
        self.restore_button.clicked.connect(self.restore_current)
        self.empty_bin_button.clicked.connect(self.confirm_empty_bin)
        self.editor.saved.connect(self._entry_saved)
        self.editor.trash_requested.connect(self.trash)
        self.editor.open_activity.connect(self.open_activity)
        self.editor.open_entry.connect(self.open_entry)
        self.confirm_box: QMessageBox | None = None
        # Filled when shown (JournalController.show reloads): listing a large journal here
        # made every start wait for a view not on screen.

    # -- the list ---------------------------------------------------------------------------

    @property
    def in_bin(self) -> bool:
        return self.bin_button.isChecked()

    def criteria(self) -> EntryFilter:
        """The filters as chosen above the list."""
        return EntryFilter(
            month=self.month.currentData(),
            module=self.module.currentData(),
            tag=self.tag.currentData(),
            text=self.search.text(),
            in_bin=self.in_bin,
        )

    def reload(self, select: str | None = None) -> None:
        """Refill filters and list, keeping the open entry selected when it is still listed."""
        self._fill_filters()
        current = select or (self.editor.entry.id if self.editor.entry else None)
        self.summaries = listing.list_entries(self.criteria())
        self.list.blockSignals(True)
        self.list.clear()
        for summary in self.summaries:
            item = QListWidgetItem(self._item_text(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.list.addItem(item)
            if summary.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        count = listing.bin_count()
        self.bin_button.setText(self.tr("Corbeille ({n})").format(n=count))
        self.restore_button.setVisible(self.in_bin)
        self.empty_bin_button.setVisible(self.in_bin)
        self.empty_bin_button.setEnabled(count > 0)
        self.restore_button.setEnabled(bool(self.summaries))
        self.new_button.setEnabled(not self.in_bin)
        self.empty.setText(self._empty_text())
        self.empty.setVisible(not self.summaries)
        if current and self.list.currentItem() is None and self.editor.entry is not None:
            if self.editor.entry.id == current and not self._listed(current):
                self.show_placeholder()

    def _listed(self, entry_id: str) -> bool:
        return any(s.id == entry_id for s in self.summaries)

    def _empty_text(self) -> str:
        if self.in_bin:
            return self.tr("La corbeille est vide.")
        if self.search.text() or any(
            c.currentData() is not None for c in (self.month, self.module, self.tag)
        ):
            return self.tr("Aucune entrée ne correspond à ces critères.")
        return self.tr("Votre journal est vide. Commencez une entrée : « + Nouvelle entrée ».")

    def _item_text(self, summary: EntrySummary) -> str:
        parts = [format_date(summary.entry_date)]
        if summary.module_title:
            parts.append(summary.module_title)
        if summary.visibility != "private":
            parts.append(
                self.tr("partagée") if summary.visibility == "group" else self.tr("cet appareil")
            )
        if summary.attachment_count:
            parts.append(self.tr("%n pièce(s) jointe(s)", "", summary.attachment_count))
        lines = [summary.title or self.tr("Sans titre"), " · ".join(parts)]
        if summary.tags:
            lines.append(" ".join(f"#{tag}" for tag in summary.tags))
        return "\n".join(lines)

    def _fill_filters(self) -> None:
        def fill(combo: QComboBox, first: str, options: list[tuple[str, object]]) -> None:
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for label, value in options:
                combo.addItem(label, value)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

        fill(
            self.month,
            self.tr("Tous les mois"),
            [(month_name(y, m), (y, m)) for y, m in listing.months_in_use()],
        )
        modules = [(title, pack_id) for pack_id, title in listing.modules_in_use()]
        fill(
            self.module, self.tr("Tous les modules"), modules + [(self.tr("Sans leçon"), NO_MODULE)]
        )
        fill(
            self.tag,
            self.tr("Étiquettes"),
            [(f"#{tag} ({n})", tag) for tag, n in listing.tags_in_use()],
        )

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_entry(item.data(Qt.ItemDataRole.UserRole))

    def _entry_saved(self, entry_id: str) -> None:
        # Refresh the line of the saved entry only: a full reload each second would flicker.
        row = next((i for i, s in enumerate(self.summaries) if s.id == entry_id), None)
        entry = self.editor.entry
        if row is None or entry is None:
            return
        summary = self.summaries[row]
        summary.title = self.editor.title.text()
        summary.tags = entries.normalize_tags(self.editor.tags.text())
        summary.visibility = (self.editor.visibility.currentData() or ("private",))[0]
        self.list.item(row).setText(self._item_text(summary))

    def on_changes(self, change_set: changes.ChangeSet) -> None:
        """Refresh the list and the open entry after a write that changed entries."""
        self.editor.on_changes(change_set)
        if not change_set.touches(changes.ENTRIES):
            return
        open_id = self.editor.entry.id if self.editor.entry else None
        own_save = change_set.initiator is self.editor and change_set.ids.get(
            changes.ENTRIES, set()
        ) <= {open_id}
        if own_save:  # the editor's own saves update their line (`_entry_saved`)
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # reloaded when shown: a hidden list need not follow a burst

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    # -- entries ----------------------------------------------------------------------------

    def open_entry(self, entry_id: str, find: str | None = None) -> bool:
        """Show entry `entry_id` in the editor (selecting the first of the words `find`)."""
        entry = entries.get_entry(entry_id)
        if entry is None:
            return False
        if (entry.trashed_at is not None) != self.in_bin or not self._listed(entry_id):
            self._reset_filters(in_bin=entry.trashed_at is not None)
            self.reload(select=entry_id)
        else:
            self._select(entry_id)
        if self.editor.entry is None or self.editor.entry.id != entry_id:
            self.editor.load(entry_id)
            # The entry left behind goes if it was started and never touched ("Sans titre").
            if bin.discard_untouched(keep={entry_id}):
                self.reload(select=entry_id)
        self.right.setCurrentWidget(self.editor)
        if find:
            self.editor.find(find)
        return True

    def _select(self, entry_id: str) -> None:
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == entry_id:
                self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def _reset_filters(self, in_bin: bool) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for combo in (self.month, self.module, self.tag):
            combo.setCurrentIndex(0)
        self.bin_button.blockSignals(True)
        self.bin_button.setChecked(in_bin)
        self.bin_button.blockSignals(False)

    def show_placeholder(self) -> None:
        self.editor.clear()
        self.right.setCurrentWidget(self.placeholder)

    def new_entry(self) -> TemplateDialog:
        """Ask which template to start from, then start the entry."""
        dialog = TemplateDialog(self.store.paths.packs, self)
        dialog.accepted.connect(lambda: self.start_entry(dialog.chosen_key))
        dialog.open()
        self.template_dialog = dialog
        return dialog

    def start_entry(self, template_key: str | None, activity_uid: str | None = None) -> str | None:
        """Create an entry (from a template, answering an activity) and open it for writing."""
        self.editor.flush()
        try:
            entry = entries.create_entry(self.store.paths.packs, template_key, activity_uid)
        except PortfolioError as error:
            show_message(self, Icon.Warning, self.tr("Entrée non créée"), str(error))
            return None
        self._reset_filters(in_bin=False)
        self.reload(select=entry.id)
        self.open_entry(entry.id)
        self.editor.move_cursor_to_end()
        if not entry.title:
            self.editor.title.setFocus()
        self.entries_changed.emit()
        return entry.id

    def answer_activity(self, activity_uid: str) -> str | None:
        """A new entry answering a lesson's reflection prompt."""
        return self.start_entry(None, activity_uid)

    # -- the bin ----------------------------------------------------------------------------

    def trash(self, entry_id: str) -> None:
        """Move an entry to the bin (it can be restored from there)."""
        try:
            bin.trash_entry(entry_id)
        except PortfolioError as error:
            show_message(self, Icon.Warning, self.tr("Entrée non déplacée"), str(error))
            return
        self.show_placeholder()
        self.reload()
        self.entries_changed.emit()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr("Entrée placée dans la corbeille : vous pouvez l'y restaurer."), 6000
            )

    def restore_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        entry_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            bin.restore_entry(entry_id)
        except PortfolioError as error:
            show_message(self, Icon.Warning, self.tr("Entrée non restaurée"), str(error))
            return
        self.entries_changed.emit()
        self.open_entry(entry_id)

    def confirm_empty_bin(self) -> QMessageBox:
        """Ask before destroying what is in the bin; nothing goes on one click."""
        count = listing.bin_count()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Vider la corbeille"),
            self.tr(
                "Supprimer définitivement %n entrée(s) de la corbeille ? "
                "Leur texte, leur historique et leurs pièces jointes seront effacés.",
                "",
                count,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Supprimer définitivement"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(
            lambda result: self.empty_bin() if result == QMessageBox.StandardButton.Yes else None
        )
        box.open()
        self.confirm_box = box
        return box

    def empty_bin(self) -> None:
        self.show_placeholder()
        try:
            bin.empty_bin(self.store.paths)
        except PortfolioError as error:
            show_message(self, Icon.Warning, self.tr("Corbeille non vidée"), str(error))
        self.reload()
        self.entries_changed.emit()

    def flush(self) -> bool:
        """Save the open entry now."""
        return self.editor.flush()
