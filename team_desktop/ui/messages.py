"""Messages to the learner: window-modal boxes that never block the event loop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Icon = QMessageBox.Icon


def show_message(
    parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> QMessageBox:
    """Show a message box over `parent` and return at once (the box closes itself on OK)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    if details:
        box.setDetailedText(details)
    box.open()
    return box


def ask(parent: QWidget, title: str, text: str, accept_label: str, on_accept) -> QMessageBox:
    """Ask a question without blocking; `on_accept()` runs only if the learner accepts."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(
        QCoreApplication.translate("Messages", "Plus tard"), QMessageBox.ButtonRole.RejectRole
    )
    box.buttonClicked.connect(lambda button: on_accept() if button is accept else None)
    box.open()
    return box
