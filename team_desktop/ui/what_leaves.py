"""What leaves this device at the next sync, in words: records per kind, shared items, bytes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from team_desktop.core.export.labels import human_size
from team_desktop.core.i18n import _
from team_desktop.core.sync.by_file import KIND_LABELS
from team_desktop.core.sync.preview import Preview

MAX_SHARED_SHOWN = 8


class WhatLeavesLabel(QLabel):
    """A label showing a `Preview` as plain text (titles and group names are others' words)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("whatLeaves")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Ce qui quittera cet appareil"))
        self.setText(self.tr("Calcul de ce qui quittera cet appareil…"))

    def show_preview(self, preview: Preview, held_reason: str = "") -> None:
        self.setText(self.describe(preview, held_reason))

    def describe(self, preview: Preview, held_reason: str = "") -> str:
        """The preview as a few plain lines; `held_reason` says why the held files wait."""
        if not preview.counts and not preview.file_count and not preview.held_count:
            return self.tr("Rien ne quittera cet appareil : tout est déjà envoyé.")
        total = sum(preview.counts.values())
        lines = [self.tr("Ce qui quittera cet appareil : %n élément(s)", "", total)]
        for kind, count in sorted(preview.counts.items()):
            lines.append(f"  • {_(KIND_LABELS.get(kind, kind))} : {count}")
        if preview.shared:
            shared = len(preview.shared)
            lines.append(self.tr("Partagé avec un groupe : %n élément(s)", "", shared))
            untitled = self.tr("Sans titre")
            for item in preview.shared[:MAX_SHARED_SHOWN]:
                lines.append(f"  • « {item.title or untitled} » → {item.group}")
            if shared > MAX_SHARED_SHOWN:
                rest = shared - MAX_SHARED_SHOWN
                lines.append("  " + self.tr("… et %n autre(s)", "", rest))
        text = self.tr("Texte : environ {size}")
        lines.append(text.format(size=human_size(preview.text_bytes)))
        files = self.tr("Pièces jointes : %n fichier(s), {size}", "", preview.file_count)
        lines.append(files.format(size=human_size(preview.file_bytes)))
        if preview.held_count:
            held = self.tr(
                "Restent ici pour l'instant : %n fichier(s), {size}",
                "",
                preview.held_count,
            )
            lines.append(
                held.format(size=human_size(preview.held_bytes))
                + (f" — {held_reason}" if held_reason else "")
            )
        return "\n".join(lines)
