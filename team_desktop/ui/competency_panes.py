"""What the three tabs of the competencies view share: a read-only pane, rows of buttons, and a
piece of evidence as HTML (peers' names and words escaped)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QTextBrowser

from team_desktop.core.competencies.overview import EvidenceItem
from team_desktop.core.render import escape
from team_desktop.ui.language import format_date

ROLE = Qt.ItemDataRole.UserRole


def pane(name: str) -> QTextBrowser:
    """A rich-text pane that follows no link, named for screen readers."""
    shown = QTextBrowser()
    shown.setOpenLinks(False)
    shown.setAccessibleName(name)
    return shown


def button_rows(*buttons: QPushButton, per_row: int = 3) -> QGridLayout:
    """Buttons in rows of `per_row`: one long row kept the window wider than 1024 px."""
    grid = QGridLayout()
    for number, button in enumerate(buttons):
        grid.addWidget(button, number // per_row, number % per_row)
    grid.setColumnStretch(per_row, 1)
    return grid


def evidence_html(proof: EvidenceItem, show_author: bool = False) -> str:
    """A piece of evidence with where it is shared and its endorsements, as safe HTML."""
    if proof.group_id:
        where = QCoreApplication.translate("CompetencyPanes", "partagée avec {g}")
        where = where.format(g=proof.group)
    else:
        where = QCoreApplication.translate("CompetencyPanes", "privée")
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
