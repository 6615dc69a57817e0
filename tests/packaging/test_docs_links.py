"""The README and docs/: every relative link, image and anchor leads somewhere, and every
screenshot is shown somewhere (a newcomer follows them before reading any code)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def prose(path: Path) -> str:
    """The Markdown of `path` without fenced code blocks and inline code (examples, not links)."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of `path`."""
    headings = re.findall(r"^#{1,6} (.+)$", prose(path), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_every_relative_link_image_and_anchor_resolves():
    broken = []
    for doc in DOCS:
        for target in LINK.findall(prose(doc)):
            if "://" in target or target.startswith("mailto:"):
                continue
            file_part, _, anchor = target.partition("#")
            destination = (doc.parent / file_part).resolve() if file_part else doc
            if not destination.exists():
                broken.append(f"{doc.relative_to(REPO)}: {target}")
            elif anchor and destination.suffix == ".md" and anchor not in anchors(destination):
                broken.append(f"{doc.relative_to(REPO)}: {target} (no such heading)")
    assert broken == []


def test_every_screenshot_is_shown_somewhere():
    shown = {
        (doc.parent / target).resolve()
        for doc in DOCS
        for target in LINK.findall(prose(doc))
        if target.endswith(".png")
    }
    unused = sorted(
        path.name for path in (REPO / "docs" / "screenshots").glob("*.png") if path not in shown
    )
    assert unused == []
