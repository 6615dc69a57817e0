"""File names for exports: readable ASCII slugs, unique within one export."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


def slugify(text: str, fallback: str = "sans-titre") -> str:
    """`Séance d'été : bilan` → `seance-d-ete-bilan` (ASCII, lowercase, hyphens)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or fallback


class UniqueNames:
    """Hands out names never given before in this export (`x`, `x-2`, `x-3`...), case-blind."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, stem: str, suffix: str = "") -> str:
        """A free name made of `stem` and `suffix` (such as `.md`)."""
        candidate, number = f"{stem}{suffix}", 1
        while candidate.casefold() in self._taken:
            number += 1
            candidate = f"{stem}-{number}{suffix}"
        self._taken.add(candidate.casefold())
        return candidate

    def take_file_name(self, original: str) -> str:
        """A safe, free file name keeping the original's readable stem and extension."""
        path = PurePosixPath(original.replace("\\", "/")).name
        stem, dot, extension = path.rpartition(".")
        if not dot or not stem:
            stem, extension = path, ""
        extension = slugify(extension, "")[:10]
        return self.take(slugify(stem, "fichier"), f".{extension}" if extension else "")
