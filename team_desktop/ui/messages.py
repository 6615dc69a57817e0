"""Messages to the learner: window-modal boxes that never block the event loop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

Icon = QMessageBox.Icon


def show_message(
    parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> QMessageBox:
    """Show a message box over `parent` and return at once (the box closes itself on OK)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles and names written by others, too
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
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(
        QCoreApplication.translate("Messages", "Plus tard"), QMessageBox.ButtonRole.RejectRole
    )
    box.buttonClicked.connect(lambda button: on_accept() if button is accept else None)
    box.open()
    return box


def show_written(parent: QWidget, title: str, text: str, path: Path) -> QMessageBox:
    """Say a file (or folder) was written, with buttons to open it and the folder it is in."""
    box = show_message(parent, QMessageBox.Icon.Information, title, text)
    path = Path(path)
    targets = []
    if path.is_file():
        label = QCoreApplication.translate("Messages", "Ouvrir le fichier")
        targets.append((box.addButton(label, QMessageBox.ButtonRole.ActionRole), path))
    folder = path if path.is_dir() else path.parent
    label = QCoreApplication.translate("Messages", "Ouvrir le dossier")
    targets.append((box.addButton(label, QMessageBox.ButtonRole.ActionRole), folder))
    for button, target in targets:
        # An action button would close the box first: open, then let it close.
        button.clicked.connect(
            lambda _checked=False, t=target: QDesktopServices.openUrl(QUrl.fromLocalFile(str(t)))
        )
    return box
