"""The list that shows a learner's records (entries, notes, plans, favourites) as cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget


def record_list(accessible_name: str) -> QListWidget:
    """A list whose items wrap to its width, two lines each with a rule between (the style
    sheets' `entryList`), and never scroll sideways."""
    records = QListWidget()
    records.setObjectName("entryList")
    records.setAccessibleName(accessible_name)
    records.setWordWrap(True)
    records.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return records
