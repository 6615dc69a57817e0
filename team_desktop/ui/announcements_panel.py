"""The home page's announcements from the animation of the learner's groups, read offline,
the unread ones marked until the learner says they have read them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from team_desktop.core.facilitation import announcements
from team_desktop.core.i18n import format_datetime
from team_desktop.core.store.sync_models import GroupRecord, Person

SHOWN = 3  # the latest; the others wait in the facilitator's list


class AnnouncementsPanel(QFrame):
    """Nothing when there is no announcement; else the latest ones, unread first marked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("announcementsPanel")
        self.setAccessibleName(self.tr("Annonces de l'animation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        rows = announcements.listing()
        self.unread = [row.id for row in rows if row.read_at is None]
        self.setVisible(bool(rows))
        if not rows:
            return
        title = self.tr("Annonces de l'animation")
        if self.unread:
            title += " " + self.tr("(%n nouvelle(s))", "", len(self.unread))
        heading = QLabel(title)
        heading.setObjectName("homeWhere")
        layout.addWidget(heading)
        groups = dict(GroupRecord.select(GroupRecord.id, GroupRecord.name).tuples())
        names = dict(Person.select(Person.id, Person.display_name).tuples())
        for row in rows[:SHOWN]:
            new = row.read_at is None
            head = QLabel(("● " + self.tr("Nouveau") + " — " if new else "") + row.title)
            head.setTextFormat(Qt.TextFormat.PlainText)  # written by others
            head.setWordWrap(True)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            who = names.get(row.author_id or "", "")
            where = self.tr("{g}, le {d}").format(
                g=groups.get(row.group_id, ""), d=format_datetime(row.published_at)
            )
            meta = QLabel(f"{who} · {where}" if who else where)
            meta.setObjectName("moduleLabel")
            meta.setTextFormat(Qt.TextFormat.PlainText)
            body = QLabel(row.body)
            body.setTextFormat(Qt.TextFormat.PlainText)
            body.setWordWrap(True)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            for label in (head, meta, body):
                layout.addWidget(label)
        if len(rows) > SHOWN:
            more = QLabel(self.tr("… et %n annonce(s) plus ancienne(s).", "", len(rows) - SHOWN))
            more.setObjectName("moduleLabel")
            layout.addWidget(more)
        if self.unread:
            self.read_button = QPushButton(self.tr("Marquer comme lues"))
            self.read_button.clicked.connect(self.mark_read)
            layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)

    def mark_read(self) -> None:
        """All announcements count as read on this device; the change bus refreshes the page."""
        announcements.mark_read(self.unread)
