"""Research consent: the plain-French information, then the learner's choice.

Modeless, so the course stays readable while it is open; "Plus tard" closes it and the next
start asks again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.render import escape, render_markdown
from team_desktop.core.research import consent


def local_time(moment: dt.datetime) -> str:
    """A moment in the learner's time zone, written as the interface's locale writes it."""
    local = QDateTime(moment.astimezone().replace(tzinfo=None))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class ConsentDialog(QDialog):
    """Shows the consent text and stores the choice.

    Signals: decided(consent) once the learner chose (not on "Plus tard").
    """

    decided = Signal(bool)

    def __init__(self, first_use: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = consent.load_text()
        self.setWindowTitle(self.tr("Participer à la recherche ?"))
        self.setModal(False)
        self.resize(640, 620)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("Information sur la recherche"))
        self.browser.setHtml(
            f"<h2>{escape(self.text.title)}</h2>{render_markdown(self.text.markdown)}"
        )
        self.state = QLabel(self._state_text())
        self.state.setWordWrap(True)
        self.state.setObjectName("consentState")
        self.accept_button = QPushButton(self.tr("Je participe à la recherche"))
        self.refuse_button = QPushButton(self.tr("Je ne participe pas"))
        self.later_button = QPushButton(self.tr("Plus tard") if first_use else self.tr("Fermer"))
        self.later_button.setToolTip(
            self.tr("Rien n'est transmis ; la question sera posée au prochain démarrage.")
            if first_use
            else ""
        )
        buttons = QDialogButtonBox()
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.refuse_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.state)
        layout.addWidget(buttons)
        self.accept_button.clicked.connect(lambda: self.choose(True))
        self.refuse_button.clicked.connect(lambda: self.choose(False))
        self.later_button.clicked.connect(self.reject)

    def _state_text(self) -> str:
        current = consent.decision()
        if current is None:
            return self.tr("Vous n'avez pas encore choisi : rien n'est transmis à la recherche.")
        when = local_time(current.decided_at)
        if current.version != self.text.version:
            return self.tr(
                "Ce texte a changé depuis votre dernier choix ({d}) : merci de le relire et de "
                "choisir à nouveau."
            ).format(d=when)
        if current.consent:
            return self.tr("Vous participez à la recherche depuis le {d}.").format(d=when)
        return self.tr("Vous ne participez pas à la recherche (choix du {d}).").format(d=when)

    def choose(self, given: bool) -> None:
        """Store the choice (withdrawing takes effect on the server at the next sync)."""
        consent.decide(given, self.text.version)
        self.decided.emit(given)
        self.accept()
