"""Markdown from peers and packs: a corpus of XSS payloads through the real render path.

Each payload (tests/reliability/xss_payloads.txt, one per line, plus the whole file as one
multi-line text) arrives as a pulled peer's entry (title, body, author name, group name), a
comment on it and a shared note, exactly as `records.apply_incoming` stores them; then the
feed is rendered (`feed_page.feed_html`, the page the Mutualisation view shows) and a lesson's
Markdown goes through the same renderer. Nothing executable may survive: no script-bearing
tag, no event handler, no style, no scheme but http(s), mailto and team in links, no image
from elsewhere. Finally the real feed widget shows it all, recording every resource Qt asks
for: nothing remote is ever loaded.
"""

from __future__ import annotations

import re
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest

from team_desktop.core import feed, feed_page
from team_desktop.core.notes.doc import NoteDoc
from team_desktop.core.paths import DataPaths
from team_desktop.core.render import render_markdown
from team_desktop.core.store.db import open_store
from team_desktop.core.store.models import database
from team_desktop.core.sync import account, records
from team_desktop.ui.feed_view import FeedView
from team_desktop.ui.lesson_browser import REFUSED

TEXT = (Path(__file__).with_name("xss_payloads.txt")).read_text(encoding="utf-8")
PAYLOADS = [line for line in TEXT.splitlines() if line.strip()] + [TEXT]
FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "style", "frame", "frameset", "form", "input",
    "button", "base", "link", "meta", "svg", "math", "video", "audio", "source", "bgsound",
    "template", "noscript", "xmp", "details", "marquee", "isindex", "body", "html",
}  # fmt: skip
FORBIDDEN_ATTRIBUTES = {"style", "srcset", "background", "formaction", "dynsrc", "lowsrc"}
LINK_SCHEMES = {"http", "https", "mailto", "team"}
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
GROUP = "g" * 32


class _Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


def assert_inert(html: str) -> None:
    """Nothing in `html` can run code or fetch from elsewhere."""
    for tag, attributes in _Page(html).tags:
        assert tag not in FORBIDDEN_TAGS, f"<{tag}> survived"
        for name, value in attributes.items():
            assert not name.startswith("on"), f"{name} survived"
            assert name not in FORBIDDEN_ATTRIBUTES, f"{name} survived"
            cleaned = re.sub(r"[\x00-\x20]", "", value).replace("\\", "/")
            if name in ("href", "src"):
                scheme = SCHEME.match(cleaned)
                assert not scheme or scheme.group(1).lower() in LINK_SCHEMES, value
            if tag == "img" and name == "src":
                assert not SCHEME.match(cleaned) and not cleaned.startswith("//"), value


@pytest.fixture
def peer_store(tmp_path):
    store = open_store(DataPaths(tmp_path / "data"))
    with store.bound():
        yield store
    store.close()


def _pull_peer_writing(payload: str) -> None:
    """What a sync applies when a hostile peer shares `payload` everywhere it can."""
    entry_id, note_id = uuid.uuid4().hex, uuid.uuid4().hex
    note = NoteDoc()
    note.set_title(payload[:200])
    note.body.insert(0, payload, {"author": "pair"})
    with database.atomic():
        account.remember_groups([{"id": GROUP, "name": payload[:100], "role": "member"}])
        records.apply_incoming(_entry_change(entry_id, payload), "moi")
        records.apply_incoming(
            {
                "kind": "comment",
                "id": uuid.uuid4().hex,
                "owner": "pair",
                "owner_name": payload[:80],
                "data": {
                    "target_kind": "entry",
                    "target_id": entry_id,
                    "body": payload,
                    "created_at": "2026-11-29T08:00:00Z",
                },
            },
            "moi",
        )
        records.apply_incoming(
            {
                "kind": "note",
                "id": note_id,
                "owner": "pair",
                "data": {
                    "update": records.b64(note.encode()),
                    "state": "",
                    "group_id": GROUP,
                    "visibility": "group",
                },
            },
            "moi",
        )


def _entry_change(entry_id: str, payload: str) -> dict:
    data = {
        "title": payload[:300],
        "body": payload,
        "tags": [payload[:40]],
        "attachments": [],
        "visibility": "group",
        "group_id": GROUP,
        "entry_date": "2026-11-29",
        "created_at": "2026-11-29T08:00:00Z",
        "updated_at": "2026-11-29T08:00:00Z",
    }
    return {"kind": "entry", "id": entry_id, "rev": 1, "owner": "pair", "owner_name": payload[:80],
            "group_id": GROUP, "data": data}  # fmt: skip


@pytest.mark.parametrize("number", range(len(PAYLOADS)))
def test_a_hostile_peer_or_pack_runs_nothing(peer_store, number):
    payload = PAYLOADS[number]
    _pull_peer_writing(payload)
    page = feed_page.feed_html(feed.items())
    assert len(feed.items()) == 2
    assert_inert(page)
    assert_inert(render_markdown(payload))  # a lesson's Markdown: the same one renderer


class RecordingFeed(FeedView):
    """The real feed widget, noting each resource Qt asks for and what it was given."""

    def __init__(self):
        super().__init__()
        self.asked: list[tuple[str, bool]] = []

    def loadResource(self, kind, url):  # noqa: N802 (Qt's API)
        result = super().loadResource(kind, url)
        # A refusal is the reader's empty placeholder (not None, so Qt cannot fetch it itself).
        refused = (
            result is None or result is REFUSED or (hasattr(result, "isEmpty") and result.isEmpty())
        )
        self.asked.append((url.toString(), not refused))
        return result


# Qt's image handler tries the bare name of an <img> whose source was removed, and warns.
@pytest.mark.qt_log_ignore("QFSFileEngine::open: No file name specified")
def test_the_feed_widget_never_loads_anything_remote(peer_store, qtbot, tmp_path):
    for payload in PAYLOADS:
        _pull_peer_writing(payload)
    view = RecordingFeed()
    qtbot.addWidget(view)
    view.show_html(feed_page.feed_html(feed.items()), folder=tmp_path)
    view.resize(900, 5000)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # lays the whole page out, so every image is asked for
    assert view.asked  # Qt did ask for the images the page names
    loaded = [url for url, given in view.asked if given]
    assert loaded == [], f"resources loaded: {loaded}"
