"""What Markdown may cost to render: past the budget a text is shown plain, never slowly.

Python-Markdown is quadratic in the brackets of a paragraph (3,000 `[` took 4 s, 2,000 `![`
12 s) and recursive in list nesting (a few hundred nested lists raise RecursionError). A peer's
entry or comment is rendered on the GUI thread, in the feed among others: a short hostile text
must not freeze it. The measures here are linear and generous: no course page comes near them.
"""

from __future__ import annotations

import re

MAX_CHARS = 500_000
# Sum over paragraphs of (brackets and angle brackets in it)²: ~0.1 s of Markdown at most.
MAX_BRACKET_COST = 40_000
MAX_DEPTH = 32  # nested lists and quotes on one line

_BLOCKS = re.compile(r"\n[ \t]*\n")
# One list marker or quote mark at the start of a line (a list marker needs a space after it).
_MARKER = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))")


def too_costly(text: str) -> bool:
    """Whether rendering `text` as Markdown could take long (or overflow the stack)."""
    if len(text) > MAX_CHARS:
        return True
    cost = 0
    for block in _BLOCKS.split(text):
        brackets = block.count("[") + block.count("<")
        cost += brackets * brackets
        if cost > MAX_BRACKET_COST:
            return True
    return any(_depth(line) > MAX_DEPTH for line in text.splitlines())


def _depth(line: str) -> int:
    """Nesting a line opens: its indentation in steps of four, then its leading markers."""
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)].expandtabs(4)
    depth, position = len(indent) // 4, len(line) - len(stripped)
    while depth <= MAX_DEPTH and (marker := _MARKER.match(line, position)):
        depth, position = depth + 1, marker.end()
    return depth
