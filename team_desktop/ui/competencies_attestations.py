"""The competencies view's third tab: the learner's signed attestations, each verified here,
to print or export, and the requests for a module's or a group's attestations."""

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
from team_desktop.core.credentials import attestations
from team_desktop.core.render import escape
from team_desktop.ui.competency_panes import ROLE, button_rows, pane
from team_desktop.ui.language import format_date


class MyAttestations(QWidget):
    """Signals: export_requested(attestation id), pdf_requested(attestation id),
    refresh_requested(), module_attestation_requested(), group_attestations_requested()."""

    export_requested = Signal(str)
    pdf_requested = Signal(str)
    refresh_requested = Signal()
    module_attestation_requested = Signal()
    group_attestations_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kept: list = []  # (attestation row, its verified content or None)
        self.list = QListWidget()
        self.list.setObjectName("entryList")
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Vos attestations"))
        self.details = pane(self.tr("L'attestation choisie"))
        self.export_button = QPushButton(self.tr("Exporter le fichier…"))
        self.pdf_button = QPushButton(self.tr("Imprimer l'attestation (PDF)…"))
        self.pdf_button.setObjectName("primaryButton")
        self.refresh_button = QPushButton(self.tr("Vérifier l'état en ligne"))
        self.module_button = QPushButton(self.tr("Attestation d'un module…"))
        self.group_button = QPushButton(self.tr("Attestations de mon groupe…"))
        layout = QVBoxLayout(self)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.details)
        splitter.setSizes([330, 610])
        layout.addWidget(splitter, 1)
        layout.addLayout(
            button_rows(
                self.pdf_button,
                self.export_button,
                self.refresh_button,
                self.module_button,
                self.group_button,
            )
        )
        self.list.currentRowChanged.connect(lambda _r: self._show_attestation())
        self.export_button.clicked.connect(lambda: self._emit(self.export_requested))
        self.pdf_button.clicked.connect(lambda: self._emit(self.pdf_requested))
        self.refresh_button.clicked.connect(self.refresh_requested.emit)
        self.module_button.clicked.connect(self.module_attestation_requested.emit)
        self.group_button.clicked.connect(self.group_attestations_requested.emit)

    def reload(self) -> None:
        """Read and verify the attestations kept here again."""
        self.list.clear()
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
            self.list.addItem(item)
        if self.kept:
            self.list.setCurrentRow(0)
        self._show_attestation()

    def attestation_id(self) -> str:
        """The id of the attestation chosen ("" for none)."""
        row = self.list.currentItem()
        return row.data(ROLE) if row is not None else ""

    def _show_attestation(self) -> None:
        found = [pair for pair in self.kept if pair[0].id == self.attestation_id()]
        if not found:
            self.details.setHtml(
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
            self.details.setHtml(self._attestation_html(row, verified))
        self.group_button.setVisible(bool(overview.facilitated_groups()))
        chosen = bool(self.attestation_id())
        self.export_button.setEnabled(chosen)
        self.pdf_button.setEnabled(chosen)

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

    def _emit(self, signal) -> None:
        if self.attestation_id():
            signal.emit(self.attestation_id())
