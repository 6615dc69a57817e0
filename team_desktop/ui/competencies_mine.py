"""The competencies view's first tab: the modules' competencies, each with the learner's
evidence, its validation, and the buttons to link, share or remove evidence and ask for the
attestation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.competencies import overview
from team_desktop.core.competencies.overview import CompetencyItem
from team_desktop.core.render import escape
from team_desktop.ui.competency_panes import ROLE, button_rows, evidence_html, pane
from team_desktop.ui.language import format_date


class MyCompetencies(QSplitter):
    """Signals: link_requested(competency uid), share_requested(evidence id),
    remove_requested(evidence id), attestation_requested(competency uid)."""

    link_requested = Signal(str)
    share_requested = Signal(str)
    remove_requested = Signal(str)
    attestation_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[CompetencyItem] = []
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Compétence"), self.tr("État")])
        self.tree.setAccessibleName(self.tr("Compétences des modules"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.details = pane(self.tr("La compétence choisie"))
        self.evidence = QListWidget()
        self.evidence.setAccessibleName(self.tr("Preuves de la compétence"))
        self.evidence.setMaximumHeight(80)
        self.evidence.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.evidence.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.link_button = QPushButton(self.tr("Lier une preuve…"))
        self.link_button.setObjectName("primaryButton")
        self.share_button = QPushButton(self.tr("Partager / rendre privée…"))
        self.remove_button = QPushButton(self.tr("Retirer la preuve"))
        self.attest_button = QPushButton(self.tr("Demander l'attestation"))
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.details, 1)
        column.addWidget(QLabel(self.tr("Preuves :")))
        column.addWidget(self.evidence)
        column.addLayout(
            button_rows(
                self.link_button,
                self.share_button,
                self.remove_button,
                self.attest_button,
                per_row=2,
            )
        )
        self.addWidget(self.tree)
        self.addWidget(right)
        self.setSizes([460, 480])
        self.tree.currentItemChanged.connect(lambda *_a: self._show_competency())
        self.evidence.currentItemChanged.connect(lambda *_a: self._enable())
        self.link_button.clicked.connect(lambda: self.link_requested.emit(self.competency_uid()))
        self.share_button.clicked.connect(lambda: self._emit_evidence(self.share_requested))
        self.remove_button.clicked.connect(lambda: self._emit_evidence(self.remove_requested))
        self.attest_button.clicked.connect(
            lambda: self.attestation_requested.emit(self.competency_uid())
        )

    def reload(self) -> None:
        """Read the competencies again from the store, keeping the one chosen."""
        current = self.competency_uid()
        self.items = overview.overview()
        self.tree.clear()
        modules: dict[str, QTreeWidgetItem] = {}
        chosen = None
        for item in self.items:
            parent = modules.get(item.pack_title)
            if parent is None:
                parent = QTreeWidgetItem([item.pack_title, ""])
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                modules[item.pack_title] = parent
                self.tree.addTopLevelItem(parent)
            row = QTreeWidgetItem([item.competency.title, self._state(item)])
            row.setData(0, ROLE, item.competency.uid)
            row.setToolTip(0, item.competency.title)
            parent.addChild(row)
            if chosen is None or item.competency.uid == current:
                chosen = row
        self.tree.expandAll()
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._show_competency()

    def _state(self, item: CompetencyItem) -> str:
        if item.validated:
            return self.tr("✔ validée")
        if item.evidence:
            return self.tr("%n preuve(s)", "", len(item.evidence))
        return self.tr("à montrer")

    def competency_uid(self) -> str:
        """The uid of the competency chosen ("" for none)."""
        row = self.tree.currentItem()
        return (row.data(0, ROLE) or "") if row is not None else ""

    def current(self) -> CompetencyItem | None:
        """The competency chosen, with its evidence and validation."""
        uid = self.competency_uid()
        return next((item for item in self.items if item.competency.uid == uid), None)

    def _show_competency(self) -> None:
        item = self.current()
        self.evidence.clear()
        if item is None:
            choose = self.tr("Choisissez une compétence.")
            self.details.setHtml(f"<p>{escape(choose)}</p>")
            self._enable()
            return
        lessons = self.tr("Leçons : {l}").format(l=", ".join(item.lessons))
        parts = [
            f"<h2>{escape(item.competency.title)}</h2>",
            f"<p><i>{escape(item.pack_title)}</i> — {escape(lessons)}</p>",
        ]
        if item.validation is not None:
            state = self.tr("Validée") if item.validation.validated else self.tr("Non validée")
            parts.append(
                f"<p><b>{escape(state)}</b> — {escape(item.validation.by)}, "
                f"{escape(format_date(item.validation.decided_at))}"
                + (f" : « {escape(item.validation.comment)} »" if item.validation.comment else "")
                + "</p>"
            )
        for proof in item.evidence:
            parts.append(evidence_html(proof))
            entry = QListWidgetItem(f"{proof.source_title} — {proof.statement[:80]}")
            entry.setData(ROLE, proof.id)
            self.evidence.addItem(entry)
        if not item.evidence:
            nothing = self.tr("Aucune preuve pour l’instant.")
            parts.append(f"<p>{escape(nothing)}</p>")
        self.details.setHtml("".join(parts))
        if self.evidence.count():
            self.evidence.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        item = self.current()
        chosen = self.evidence.currentItem() is not None
        self.link_button.setEnabled(item is not None)
        self.share_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.attest_button.setEnabled(item is not None and item.validated)

    def _emit_evidence(self, signal) -> None:
        row = self.evidence.currentItem()
        if row is not None:
            signal.emit(row.data(ROLE))
