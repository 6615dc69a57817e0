"""Made-up learner writing for the benchmarks, from the course's own French vocabulary."""

from __future__ import annotations

import random
import re
from functools import lru_cache

from team_desktop.core.paths import bundled_content_dir

WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """Every word of the bundled course, in order (repeats kept: common words stay common)."""
    words: list[str] = []
    for path in sorted(bundled_content_dir().rglob("*.md")):
        words += WORD.findall(path.read_text(encoding="utf-8").lower())
    return tuple(words)


class Writer:
    """Deterministic sentences and entries drawn from the course's word frequencies."""

    def __init__(self, seed: int = 7):
        self.random = random.Random(seed)
        self.words = vocabulary()

    def sentence(self, length: int = 14) -> str:
        words = [self.random.choice(self.words) for _ in range(length)]
        return " ".join(words).capitalize() + "."

    def text(self, chars: int) -> str:
        """About `chars` characters of prose in paragraphs."""
        parts: list[str] = []
        size = 0
        while size < chars:
            paragraph = " ".join(self.sentence(self.random.randint(8, 20)) for _ in range(4))
            parts.append(paragraph)
            size += len(paragraph) + 2
        return "\n\n".join(parts)[:chars]

    def title(self) -> str:
        return " ".join(self.random.choice(self.words) for _ in range(4)).capitalize()
