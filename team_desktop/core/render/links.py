"""The `team:` links that pages use as calls to action."""

from __future__ import annotations

from dataclasses import dataclass

from team_desktop.core.render import escape


@dataclass(frozen=True)
class TeamLink:
    """`team:<action>/<pack id>/<item id>[/<arg>...]` split into its parts."""

    action: str
    uid: str
    args: tuple[str, ...] = ()


def parse_team_link(url: str) -> TeamLink | None:
    """Parse a `team:` link; None for anything else or a malformed one."""
    if not url.startswith("team:"):
        return None
    parts = url[len("team:") :].split("/")
    if len(parts) < 3 or not all(parts[:3]):
        return TeamLink(parts[0], "", tuple(parts[1:])) if parts and parts[0] else None
    return TeamLink(parts[0], f"{parts[1]}/{parts[2]}", tuple(parts[3:]))


def record_href(action: str, namespace: str, record_id: str) -> str:
    """A `team:` link to a one-id record (an entry, a note) kept under `namespace`.

    `team:` links carry a two-part uid; such records have one id, so a namespace comes first.
    """
    return f"team:{action}/{namespace}/{record_id}"


def record_id(namespace: str, uid: str) -> str | None:
    """The record id in the uid of a parsed link made by `record_href`."""
    prefix, _slash, found = uid.partition("/")
    return found if prefix == namespace and found else None


def linked_list_html(title: str, css_class: str, items: list[tuple[str, str, str]]) -> str:
    """Safe HTML: a bold title over a list of (href, label, detail) links ("" when empty)."""
    if not items:
        return ""
    rows = "".join(
        f'<li><a href="{escape(href)}">{escape(label)}</a> <small>— {escape(detail)}</small></li>'
        for href, label, detail in items
    )
    return f'<p class="{escape(css_class)}"><b>{escape(title)}</b></p><ul>{rows}</ul>'
