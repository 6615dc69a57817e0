"""Who a journal entry or a note reaches: private, one of the learner's groups, or this device.

One widget for both editors. The groups are read again each time the list opens, so a group
joined a minute ago is there without reopening the entry, and no choice is ever "shared"
without a group: with no group yet, the line says how to join one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from team_desktop.core.notes import store as notes
from team_desktop.core.store.portfolio_models import DEVICE, GROUP, PRIVATE
from team_desktop.core.store.sync_models import GroupRecord

NO_GROUP = ("", None)  # the line shown, disabled, when the learner has no group yet


class VisibilityChoice(QComboBox):
    """A combo box whose data is `(visibility, group_id)`; `value()` reads it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolTip(
            self.tr(
                "Privée : vous seul, sur vos appareils. Partagée : les membres du groupe, "
                "après synchronisation. Cet appareil : ne quitte jamais cet ordinateur."
            )
        )
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)  # "Partagée avec <group name>" stays readable

    def value(self, index: int | None = None) -> tuple[str, str | None]:
        """The `(visibility, group_id)` chosen (or on line `index`)."""
        data = self.currentData() if index is None else self.itemData(index)
        return tuple(data) if data and tuple(data) != NO_GROUP else (PRIVATE, None)

    def index_of(self, choice: tuple[str, str | None]) -> int:
        """The line of `choice`, or -1 (findData compares Python tuples by identity)."""
        for index in range(self.count()):
            data = self.itemData(index)
            if data is not None and tuple(data) == tuple(choice):
                return index
        return -1

    def show_value(self, visibility: str, group_id: str | None) -> None:
        """List the choices as they are now and select `(visibility, group_id)`."""
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self.tr("Privée"), (PRIVATE, None))
            groups = list(GroupRecord.select().order_by(GroupRecord.name))
            for group in groups:
                self.addItem(
                    self.tr("Partagée avec « {g} »").format(g=group.name), (GROUP, group.id)
                )
            known = {group.id for group in groups}
            if visibility == GROUP and group_id and group_id not in known:
                # A group this device does not know yet (the item came from a co-author).
                self.addItem(self.tr("Partagée avec mon groupe"), (GROUP, group_id))
            if not groups:
                self.addItem(
                    self.tr("Partager : rejoignez d'abord un groupe (Partage › Mes groupes)"),
                    NO_GROUP,
                )
                model = self.model()
                if isinstance(model, QStandardItemModel):
                    model.item(self.count() - 1).setEnabled(False)
            self.addItem(self.tr("Cet appareil seulement"), (DEVICE, None))
            wanted = (visibility, group_id if visibility == GROUP else None)
            index = self.index_of(wanted)
            if index < 0:  # shared with no group (an older version allowed it): private
                index = self.index_of((PRIVATE, None))
            self.setCurrentIndex(index)
        finally:
            self.blockSignals(False)

    def showPopup(self) -> None:  # noqa: N802 (Qt's API)
        self.show_value(*self.value())
        super().showPopup()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        # Arrow keys change the choice without opening the list: the groups are read first.
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End):
            self.show_value(*self.value())
        super().keyPressEvent(event)


def share_open_note(editor, index: int) -> None:
    """Apply line `index` of `editor.sharing` to the note open in a note or plan editor.

    A plan is a note, so both editors share the same way: the text is saved first (the shared
    record carries it), then the sharing, and `editor.saved` tells the lists.
    """
    if editor.note_id is None:
        return
    visibility, group_id = editor.sharing.value(index)
    editor.save_now()
    notes.set_sharing(editor.note_id, visibility, group_id)
    editor.saved.emit(editor.note_id)
