"""The observation mode: a large timer, the current phase, big category buttons, keys 1 to 9.

Every tap is stored before the button lets go (core `Observer`): nothing waits in memory.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.plans.debrief import clock
from team_desktop.core.plans.observation import Observer
from team_desktop.core.plans.validation import phase_label
from team_desktop.core.store import changes

TICK_MS = 500
WRAP_AT = 26  # characters per line of a category button


class ObservationView(QWidget):
    """Observes one plan's session. Signals: tapped(category) after a stored tap; ended()."""

    tapped = Signal(str)
    ended = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.observer: Observer | None = None
        self.timer_label = QLabel("0:00")
        self.timer_label.setObjectName("observationTimer")
        big = QFont(self.font())
        big.setPointSize(44)
        big.setBold(True)
        self.timer_label.setFont(big)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label = QLabel()
        self.phase_label.setTextFormat(Qt.TextFormat.PlainText)
        medium = QFont(self.font())
        medium.setPointSize(18)
        self.phase_label.setFont(medium)
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Commencer l'observation"))
        self.next_button = QPushButton(self.tr("Phase suivante"))
        self.end_button = QPushButton(self.tr("Terminer"))
        controls = QHBoxLayout()
        for button in (self.start_button, self.next_button, self.end_button):
            button.setMinimumHeight(44)
            controls.addWidget(button)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(280)
        self.note_edit.setAccessibleName(self.tr("Note courte"))
        self.note_edit.setPlaceholderText(
            self.tr("Note courte (facultative), jointe à la prochaine observation")
        )
        self.grid = QGridLayout()
        self.buttons: list[QPushButton] = []
        self.log = QListWidget()
        self.log.setAccessibleName(self.tr("Observations notées"))
        self.log.setMaximumHeight(140)
        self.hint = QLabel(
            self.tr(
                "Touches 1 à 9 : une observation (Ctrl+1 à 9 pendant que vous écrivez une note)."
            )
        )
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.timer_label)
        layout.addWidget(self.phase_label)
        layout.addLayout(controls)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.log)
        for number in range(1, 10):
            for keys in (str(number), f"Ctrl+{number}"):
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda n=number: self.tap_number(n))
        self.ticker = QTimer(self, interval=TICK_MS)
        self.ticker.timeout.connect(self._tick)
        self.start_button.clicked.connect(self.start)
        self.next_button.clicked.connect(self.next_phase)
        self.end_button.clicked.connect(self.end)

    def open_plan(self, note_id: str) -> None:
        """Get ready to observe `note_id`; a run cut by a kill or a sleep resumes."""
        self.observer = Observer(note_id)
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        self.buttons = []
        for index, label in enumerate(self.observer.plan.categories()):
            # A peer's label: "&" would make a mnemonic and vanish.
            # Long labels go on two or three lines: on one, three of them side by side kept
            # the window wider than a 1024-pixel screen.
            text = textwrap.fill(f"{index + 1}  " + label.replace("&", "&&"), WRAP_AT)
            button = QPushButton(text)
            button.setToolTip(label)
            button.setMinimumHeight(72)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setFont(QFont(self.font().family(), 15))
            button.clicked.connect(lambda _c=False, n=index + 1: self.tap_number(n))
            self.grid.addWidget(button, index // 3, index % 3)
            self.buttons.append(button)
        self.log.clear()
        if self.observer.run is not None:
            for event in self.observer.run.taps:
                self._log(event.seconds, event.category, event.note)
        self._sync()

    @property
    def running(self) -> bool:
        return self.observer is not None and self.observer.run is not None

    def start(self) -> None:
        if self.observer is not None:
            with changes.initiated_by(self):
                self.observer.start()
            self._sync()
            self.setFocus()

    def tap_number(self, number: int) -> bool:
        """Log an observation of the grid's `number`-th category (1-based); False if none."""
        if not self.running or not 0 < number <= len(self.buttons):
            return False
        category = self.observer.plan.categories()[number - 1]
        with changes.initiated_by(self):
            event = self.observer.tap(category, self.note_edit.text())
        self.note_edit.clear()
        self._log(event.seconds, event.category, event.note)
        self.tapped.emit(category)
        return True

    def next_phase(self) -> None:
        if not self.running:
            return
        with changes.initiated_by(self):
            moved = self.observer.next_phase()
        if moved is not None:
            self._sync()

    def end(self) -> None:
        if self.running:
            with changes.initiated_by(self):
                self.observer.end()
            self._sync()
            self.ended.emit()

    def _log(self, seconds: float, category: str, note: str) -> None:
        text = f"{clock(seconds)}  {category}" + (f" — {note}" if note else "")
        self.log.insertItem(0, text)

    def _sync(self) -> None:
        running = self.running
        self.start_button.setEnabled(self.observer is not None and not running)
        self.next_button.setEnabled(running)
        self.end_button.setEnabled(running)
        for button in self.buttons:
            button.setEnabled(running)
        if running:
            self.ticker.start()
        else:
            self.ticker.stop()
        self._tick()

    def _tick(self) -> None:
        if not self.running:
            self.timer_label.setText("0:00")
            self.phase_label.setText(
                self.tr("Prêt·e à observer : lancez le chronomètre au début de la séance.")
            )
            return
        self.timer_label.setText(clock(self.observer.seconds()))
        phases = self.observer.plan.phases()
        current = self.observer.run.current_phase()
        for index, phase in enumerate(phases):
            if phase.id == current:
                self.phase_label.setText(
                    self.tr("Phase {n} sur {count} : {name} ({minutes} min prévues)").format(
                        n=index + 1,
                        count=len(phases),
                        name=phase_label(phase, index),
                        minutes=phase.minutes,
                    )
                )
                return
        self.phase_label.setText(self.tr("Hors des phases prévues"))

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        self.ticker.stop()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's API)
        self._sync()
        super().showEvent(event)
        self.setFocus()  # keys 1 to 9 work at once
