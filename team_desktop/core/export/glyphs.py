"""Characters a PDF cannot draw (emoji, mostly) replaced by words, never silently dropped.

Qt draws a character its fonts lack as nothing at all: the PDF would lose it from the page and
from its text layer. The PDF writer says which characters it can draw; every other one becomes
a bracketed French name, `[émoji : sourire]`, readable and searchable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from team_desktop.core.i18n import N_, _

# The emoji trainers use most, by name; any other is named by its code point.
NAMES = {
    "🙂": N_("sourire"),
    "😀": N_("grand sourire"),
    "😊": N_("sourire aux yeux rieurs"),
    "😄": N_("rire"),
    "😅": N_("rire gêné"),
    "😉": N_("clin d'œil"),
    "😕": N_("perplexe"),
    "😢": N_("larme"),
    "🤔": N_("réflexion"),
    "👍": N_("pouce levé"),
    "👎": N_("pouce baissé"),
    "👏": N_("applaudissements"),
    "🙏": N_("merci"),
    "🎉": N_("fête"),
    "💡": N_("idée"),
    "📚": N_("livres"),
    "📝": N_("note"),
    "✏": N_("crayon"),
    "✅": N_("coche"),
    "❌": N_("croix"),
    "⚠": N_("attention"),
    "❓": N_("question"),
    "⭐": N_("étoile"),
    "🔥": N_("feu"),
    "🚀": N_("fusée"),
    "💪": N_("bras musclé"),
    "❤": N_("cœur"),
}
# Zero-width joiners and variation selectors shape the emoji around them: invisible alone.
_SHAPING = {"\u200d", "\ufe0e", "\ufe0f"}
_TEXT = re.compile(r"[^\x00-\x7f]")


def visible_text(html: str, can_draw: Callable[[str], bool]) -> str:
    """`html` with every character `can_draw` refuses replaced by its bracketed name."""

    def name(match: re.Match) -> str:
        char = match.group(0)
        if char in _SHAPING or unicodedata.category(char) in ("Mn", "Me", "Cf") or can_draw(char):
            return char
        known = NAMES.get(char)
        label = _(known) if known else f"U+{ord(char):04X}"
        kind = _("émoji") if unicodedata.category(char) == "So" else _("caractère")
        return f"[{kind} : {label}]"

    return _TEXT.sub(name, html)
