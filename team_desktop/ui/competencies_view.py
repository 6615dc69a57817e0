"""The competencies view: my competencies, my peers' evidence, my attestations (three tabs).

It shows what core gathers (`competencies.overview`, `credentials.attestations`) and says
what the learner asked for through its tabs' signals; the controller does the writing and the
network. Names and words from peers are escaped before they reach the rich-text panes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from team_desktop.ui.competencies_attestations import MyAttestations
from team_desktop.ui.competencies_mine import MyCompetencies
from team_desktop.ui.competencies_peers import PeersEvidence


class CompetenciesView(QWidget):
    """The three tabs: `mine` (MyCompetencies), `peers` (PeersEvidence) and `attestations`
    (MyAttestations), whose signals say what the learner asked for."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("Mes compétences"))
        title.setObjectName("viewTitle")
        hint = QLabel(
            self.tr(
                "Rattachez à chaque compétence des preuves tirées de votre pratique (entrées du "
                "journal, notes, plans de séance) : elles restent privées tant que vous ne les "
                "partagez pas. Vos pairs peuvent les appuyer, l'animation du groupe les valider."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.mine = MyCompetencies()
        self.peers = PeersEvidence()
        self.attestations = MyAttestations()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.mine, self.tr("Mes compétences"))
        self.tabs.addTab(self.peers, self.tr("Preuves de mes pairs"))
        self.tabs.addTab(self.attestations, self.tr("Mes attestations"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.tabs, 1)

    def reload(self) -> None:
        """Read everything again from the store, keeping the current choices."""
        self.mine.reload()
        self.peers.reload({item.competency.uid: item.competency.title for item in self.mine.items})
        self.attestations.reload()
