"""The competencies view's second tab: evidence the learner's peers shared, to endorse or, for
the group's facilitator, to validate."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.competencies import overview
from team_desktop.core.competencies.overview import EvidenceItem
from team_desktop.core.render import escape
from team_desktop.ui.competency_panes import ROLE, button_rows, evidence_html, pane


class PeersEvidence(QWidget):
    """Signals: endorse_requested(evidence id), validate_requested(evidence id)."""

    endorse_requested = Signal(str)
    validate_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[EvidenceItem] = []
        self.list = QListWidget()
        self.list.setObjectName("entryList")
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Preuves partagées par vos pairs"))
        self.details = pane(self.tr("La preuve choisie"))
        self.endorse_button = QPushButton(self.tr("Appuyer cette preuve…"))
        self.endorse_button.setObjectName("primaryButton")
        self.validate_button = QPushButton(self.tr("Valider la compétence…"))
        layout = QVBoxLayout(self)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.details)
        layout.addWidget(splitter, 1)
        layout.addLayout(button_rows(self.endorse_button, self.validate_button))
        self.list.currentRowChanged.connect(lambda _r: self._show_peer())
        self.endorse_button.clicked.connect(lambda: self._emit(self.endorse_requested))
        self.validate_button.clicked.connect(lambda: self._emit(self.validate_requested))

    def reload(self, titles: dict[str, str]) -> None:
        """Read the peers' evidence again, keeping the one chosen; `titles` names each
        competency by its uid."""
        current = self.list.currentItem().data(ROLE) if self.list.currentItem() else None
        self.items = overview.peers_evidence()
        self.list.clear()
        for proof in self.items:
            competency = titles.get(proof.competency_uid, proof.competency_uid)
            row = QListWidgetItem(f"{proof.author} — {competency}\n{proof.statement[:100]}")
            row.setData(ROLE, proof.id)
            self.list.addItem(row)
            if proof.id == current:
                self.list.setCurrentItem(row)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._show_peer()

    def peer(self) -> EvidenceItem | None:
        """The piece of evidence chosen."""
        row = self.list.currentItem()
        wanted = row.data(ROLE) if row is not None else None
        return next((proof for proof in self.items if proof.id == wanted), None)

    def _show_peer(self) -> None:
        proof = self.peer()
        if proof is None:
            nothing = self.tr("Aucune preuve partagée par vos pairs pour l’instant.")
            self.details.setHtml(f"<p>{escape(nothing)}</p>")
        else:
            self.details.setHtml(evidence_html(proof, show_author=True))
        self.endorse_button.setEnabled(proof is not None)
        self.validate_button.setEnabled(proof is not None and overview.facilitates(proof.group_id))

    def _emit(self, signal) -> None:
        proof = self.peer()
        if proof is not None:
            signal.emit(proof.id)
