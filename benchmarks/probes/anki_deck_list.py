"""Start Anki's desktop app (`aqt`) as a fresh process; print the wall-clock time its deck list is
in its web view, then quit.

Run by an interpreter where `aqt` is installed (not ours: Anki brings PyQt6 and Qt WebEngine):
`python anki_deck_list.py BASE` starts Anki on profile folder BASE, through its own entry point
(`aqt._run`); `... BASE --prepare` does the same on a new folder, as a first start does but in
French without the language dialog, so that later starts open straight on the deck list.
"Shown" is when the deck list's page has its document, after Anki rendered it
(`deck_browser_did_render`), as ours is the first paint of the home view.
"""

from __future__ import annotations

import os
import sys
import time

import aqt
from aqt import gui_hooks
from aqt.profiles import ProfileManager


def _on_render(deck_browser) -> None:
    def shown(_state) -> None:
        print(f"painted {time.time():.6f}", flush=True)
        os._exit(0)  # as our probe: no clean-up after the measure

    deck_browser.web.evalWithCallback("document.readyState", shown)


if __name__ == "__main__":
    if "--prepare" in sys.argv:
        ProfileManager.setDefaultLang = lambda self, _row: self.setLang("fr_FR")
    gui_hooks.deck_browser_did_render.append(_on_render)
    aqt._run([sys.argv[0], "-b", sys.argv[1]])
    sys.exit(1)  # Anki closed before showing its deck list
