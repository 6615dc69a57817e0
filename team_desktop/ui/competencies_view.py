"""The competencies view: my competencies, my peers' evidence, my attestations (three tabs).

It shows what core gathers (`competencies.overview`, `credentials.attestations`) and says
what the learner asked for through signals; the controller does the writing and the network.
Names and words from peers are escaped before they reach the rich-text panes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from team_desktop.core.competencies import overview
from team_desktop.core.competencies.overview import CompetencyItem, EvidenceItem
from team_desktop.core.credentials import attestations
from team_desktop.core.render import escape
from team_desktop.ui.language import format_date

ROLE = Qt.ItemDataRole.UserRole


def _pane(name: str) -> QTextBrowser:
    pane = QTextBrowser()
    pane.setOpenLinks(False)
    pane.setAccessibleName(name)
    return pane


def _buttons(*buttons: QPushButton, per_row: int = 3) -> QGridLayout:
    """Buttons in rows of `per_row`: one long row kept the window wider than 1024 px."""
    grid = QGridLayout()
    for number, button in enumerate(buttons):
        grid.addWidget(button, number // per_row, number % per_row)
    grid.setColumnStretch(per_row, 1)
    return grid


class CompetenciesView(QWidget):
    """Signals: link_requested(competency uid), share_requested(evidence id),
    remove_requested(evidence id), attestation_requested(competency uid),
    endorse_requested(evidence id), validate_requested(evidence id),
    export_requested(attestation id), pdf_requested(attestation id), refresh_requested(),
    module_attestation_requested(), group_attestations_requested()."""

    link_requested = Signal(str)
    share_requested = Signal(str)
    remove_requested = Signal(str)
    attestation_requested = Signal(str)
    endorse_requested = Signal(str)
    validate_requested = Signal(str)
    export_requested = Signal(str)
    pdf_requested = Signal(str)
    refresh_requested = Signal()
    module_attestation_requested = Signal()
    group_attestations_requested = Signal()

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
        self.tabs = QTabWidget()
        self.tabs.addTab(self._mine(), self.tr("Mes compétences"))
        self.tabs.addTab(self._peers(), self.tr("Preuves de mes pairs"))
        self.tabs.addTab(self._attestations(), self.tr("Mes attestations"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.tabs, 1)
        self.items: list[CompetencyItem] = []
        self.peer_items: list[EvidenceItem] = []

    # -- construction -----------------------------------------------------------------------

    def _mine(self) -> QWidget:
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Compétence"), self.tr("État")])
        self.tree.setAccessibleName(self.tr("Compétences des modules"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.details = _pane(self.tr("La compétence choisie"))
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
            _buttons(
                self.link_button,
                self.share_button,
                self.remove_button,
                self.attest_button,
                per_row=2,
            )
        )
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setSizes([460, 480])
        self.tree.currentItemChanged.connect(lambda *_a: self._show_competency())
        self.evidence.currentItemChanged.connect(lambda *_a: self._enable())
        self.link_button.clicked.connect(lambda: self.link_requested.emit(self.competency_uid()))
        self.share_button.clicked.connect(lambda: self._emit_evidence(self.share_requested))
        self.remove_button.clicked.connect(lambda: self._emit_evidence(self.remove_requested))
        self.attest_button.clicked.connect(
            lambda: self.attestation_requested.emit(self.competency_uid())
        )
        return splitter

    def _peers(self) -> QWidget:
        self.peers = QListWidget()
        self.peers.setObjectName("entryList")
        self.peers.setWordWrap(True)
        self.peers.setAccessibleName(self.tr("Preuves partagées par vos pairs"))
        self.peer_details = _pane(self.tr("La preuve choisie"))
        self.endorse_button = QPushButton(self.tr("Appuyer cette preuve…"))
        self.endorse_button.setObjectName("primaryButton")
        self.validate_button = QPushButton(self.tr("Valider la compétence…"))
        page = QWidget()
        layout = QVBoxLayout(page)
        splitter = QSplitter()
        splitter.addWidget(self.peers)
        splitter.addWidget(self.peer_details)
        layout.addWidget(splitter, 1)
        layout.addLayout(_buttons(self.endorse_button, self.validate_button))
        self.peers.currentRowChanged.connect(lambda _r: self._show_peer())
        self.endorse_button.clicked.connect(lambda: self._emit_peer(self.endorse_requested))
        self.validate_button.clicked.connect(lambda: self._emit_peer(self.validate_requested))
        return page

    def _attestations(self) -> QWidget:
        self.attestation_list = QListWidget()
        self.attestation_list.setObjectName("entryList")
        self.attestation_list.setWordWrap(True)
        self.attestation_list.setAccessibleName(self.tr("Vos attestations"))
        self.attestation_details = _pane(self.tr("L'attestation choisie"))
        self.export_button = QPushButton(self.tr("Exporter le fichier…"))
        self.pdf_button = QPushButton(self.tr("Imprimer l'attestation (PDF)…"))
        self.pdf_button.setObjectName("primaryButton")
        self.refresh_button = QPushButton(self.tr("Vérifier l'état en ligne"))
        self.module_button = QPushButton(self.tr("Attestation d'un module…"))
        self.group_button = QPushButton(self.tr("Attestations de mon groupe…"))
        page = QWidget()
        layout = QVBoxLayout(page)
        splitter = QSplitter()
        splitter.addWidget(self.attestation_list)
        splitter.addWidget(self.attestation_details)
        splitter.setSizes([330, 610])
        layout.addWidget(splitter, 1)
        layout.addLayout(
            _buttons(
                self.pdf_button,
                self.export_button,
                self.refresh_button,
                self.module_button,
                self.group_button,
            )
        )
        self.attestation_list.currentRowChanged.connect(lambda _r: self._show_attestation())
        self.export_button.clicked.connect(lambda: self._emit_attestation(self.export_requested))
        self.pdf_button.clicked.connect(lambda: self._emit_attestation(self.pdf_requested))
        self.refresh_button.clicked.connect(self.refresh_requested.emit)
        self.module_button.clicked.connect(self.module_attestation_requested.emit)
        self.group_button.clicked.connect(self.group_attestations_requested.emit)
        return page

    # -- contents ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read everything again from the store, keeping the current choices."""
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
        self._reload_peers()
        self._reload_attestations()
        self._show_competency()

    def _state(self, item: CompetencyItem) -> str:
        if item.validated:
            return self.tr("✔ validée")
        if item.evidence:
            return self.tr("%n preuve(s)", "", len(item.evidence))
        return self.tr("à montrer")

    def competency_uid(self) -> str:
        row = self.tree.currentItem() if hasattr(self, "tree") else None
        return (row.data(0, ROLE) or "") if row is not None else ""

    def current(self) -> CompetencyItem | None:
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
            parts.append(self._evidence_html(proof))
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

    def _evidence_html(self, proof: EvidenceItem, show_author: bool = False) -> str:
        where = (
            self.tr("partagée avec {g}").format(g=proof.group)
            if proof.group_id
            else self.tr("privée")
        )
        head = f"{proof.author} — " if show_author else ""
        lines = [
            f"<h3>{escape(head + proof.source_title)}</h3>",
            f"<p>{escape(proof.statement)}</p>",
            f"<p><i>{escape(where)}</i></p>",
        ]
        for endorsement in proof.endorsements:
            lines.append(
                f"<blockquote>{escape(endorsement.body)}<br><i>— {escape(endorsement.author)}, "
                f"{escape(format_date(endorsement.created_at))}</i></blockquote>"
            )
        return "".join(lines)

    def _reload_peers(self) -> None:
        current = self.peers.currentItem().data(ROLE) if self.peers.currentItem() else None
        self.peer_items = overview.peers_evidence()
        titles = {item.competency.uid: item.competency.title for item in self.items}
        self.peers.clear()
        for proof in self.peer_items:
            competency = titles.get(proof.competency_uid, proof.competency_uid)
            row = QListWidgetItem(f"{proof.author} — {competency}\n{proof.statement[:100]}")
            row.setData(ROLE, proof.id)
            self.peers.addItem(row)
            if proof.id == current:
                self.peers.setCurrentItem(row)
        if self.peers.currentRow() < 0 and self.peers.count():
            self.peers.setCurrentRow(0)
        self._show_peer()

    def peer(self) -> EvidenceItem | None:
        row = self.peers.currentItem()
        wanted = row.data(ROLE) if row is not None else None
        return next((proof for proof in self.peer_items if proof.id == wanted), None)

    def _show_peer(self) -> None:
        proof = self.peer()
        if proof is None:
            nothing = self.tr("Aucune preuve partagée par vos pairs pour l’instant.")
            self.peer_details.setHtml(f"<p>{escape(nothing)}</p>")
        else:
            self.peer_details.setHtml(self._evidence_html(proof, show_author=True))
        self._enable()

    def _reload_attestations(self) -> None:
        self.attestation_list.clear()
        self.kept = attestations.listing()
        for row, verified in self.kept:
            if verified is None:
                state = self.tr("⚠ ne se vérifie pas")
            elif row.revoked:
                state = self.tr("révoquée")
            else:
                state = self.tr("✔ signature vérifiée")
            item = QListWidgetItem(f"{row.title}\n{format_date(row.issued_at)} · {state}")
            item.setData(ROLE, row.id)
            self.attestation_list.addItem(item)
        if self.kept:
            self.attestation_list.setCurrentRow(0)
        self._show_attestation()

    def attestation_id(self) -> str:
        row = self.attestation_list.currentItem()
        return row.data(ROLE) if row is not None else ""

    def _show_attestation(self) -> None:
        found = [pair for pair in getattr(self, "kept", []) if pair[0].id == self.attestation_id()]
        if not found:
            self.attestation_details.setHtml(
                "<p>"
                + escape(
                    self.tr(
                        "Aucune attestation. Quand un module est terminé ou une compétence "
                        "validée, demandez-la : le serveur la signe, elle reste ici hors ligne."
                    )
                )
                + "</p>"
            )
        else:
            row, verified = found[0]
            self.attestation_details.setHtml(self._attestation_html(row, verified))
        self._enable()

    def _attestation_html(self, row, verified) -> str:
        if verified is None:
            return (
                "<p><b>"
                + escape(self.tr("Cette attestation ne se vérifie plus : elle a été modifiée."))
                + "</p>"
            )
        issued = self.tr("Délivrée à {h} par {i}").format(h=verified.holder, i=verified.issuer)
        parts = [
            f"<h2>{escape(verified.name)}</h2>",
            f"<p>{escape(issued)}</p>",
            f"<p>{escape(verified.criteria)}</p>",
            "<p><b>"
            + escape(
                self.tr("Révoquée par l'animation du groupe.")
                if row.revoked
                else self.tr("Signature vérifiée avec la clé publique de l'émetteur.")
            )
            + "</b></p>",
        ]
        parts += [f"<p>• {escape(name)} — {escape(text)}</p>" for name, text in verified.evidence]
        return "".join(parts)

    # -- actions ----------------------------------------------------------------------------

    def _enable(self) -> None:
        item = self.current()
        chosen = self.evidence.currentItem() is not None
        self.link_button.setEnabled(item is not None)
        self.share_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.attest_button.setEnabled(item is not None and item.validated)
        proof = self.peer()
        self.endorse_button.setEnabled(proof is not None)
        self.validate_button.setEnabled(proof is not None and overview.facilitates(proof.group_id))
        self.group_button.setVisible(bool(overview.facilitated_groups()))
        has_attestation = bool(self.attestation_id())
        self.export_button.setEnabled(has_attestation)
        self.pdf_button.setEnabled(has_attestation)

    def _emit_evidence(self, signal) -> None:
        row = self.evidence.currentItem()
        if row is not None:
            signal.emit(row.data(ROLE))

    def _emit_peer(self, signal) -> None:
        proof = self.peer()
        if proof is not None:
            signal.emit(proof.id)

    def _emit_attestation(self, signal) -> None:
        if self.attestation_id():
            signal.emit(self.attestation_id())
