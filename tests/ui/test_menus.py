"""Menus are declared once with their actions (`ui/actions.py`); features only connect handlers."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import SIGNAL

from team_desktop.ui.actions import TOOLBAR, Act, Menu

UI = Path(__file__).resolve().parents[2] / "team_desktop" / "ui"

# What the learner sees (as it was when each feature still added its own menu, plus the
# sync-by-file entries added since).
EXPECTED = {
    "&Fichier": ["import_pack", "-", "export_journal", "backup", "restore", "-", "quit"],
    "&Aller": ["home", "course_plan", "previous", "next", "-", "search", "bookmarks"],
    "&Journal": ["new_entry", "journal", "-", "competencies"],
    "&Leçon": ["toggle_done", "toggle_bookmark"],
    "&Co-préparation": ["new_note", "notes", "-", "new_plan", "plans"],
    "&Recherche participative": ["research_consent", "my_data", "privacy"],
    "&Partage": [
        "sync_now",
        "feed",
        "pending",
        "-",
        "sync_by_file",
        "deliver_file",
        "import_answer",
        "-",
        "update_packs",
        "-",
        "groups",
        "account",
    ],
    "Affic&hage": ["text_bigger", "text_smaller", "text_normal", "-", "preferences"],
    "Ai&de": ["privacy", "shortcuts", "open_logs", "-", "about"],
}


def test_the_menu_bar_is_the_declared_one_and_every_action_has_a_handler(window):
    shown = {
        bar_action.text(): [
            "-" if a.isSeparator() else a.objectName() for a in bar_action.menu().actions()
        ]
        for bar_action in window.menuBar().actions()
    }
    assert list(shown.items()) == list(EXPECTED.items())
    assert window.help_menu is window.menus[Menu.HELP]
    buttons = [a.objectName() for a in window.toolbar.actions() if a.objectName()]
    assert buttons == [act.value for act in TOOLBAR]
    for act, action in window.actions_.items():
        # Each feature connected its handler; no action is left in a menu doing nothing.
        assert action.receivers(SIGNAL("triggered(bool)")) > 0, act


def test_no_feature_adds_menus_or_toolbar_buttons_itself():
    adding = re.compile(r"\.(addMenu|insertMenu|add_to_help|add_to_toolbar)\(|menuBar\(\)\.add")
    offenders = [
        path.name
        for path in UI.glob("*.py")
        if path.name != "actions.py" and adding.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    in_menus = {name for names in EXPECTED.values() for name in names}
    assert {act.value for act in Act} <= in_menus  # every action can be reached from a menu
