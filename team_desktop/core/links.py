"""The `team:` links that pages use as calls to action."""

from __future__ import annotations

from dataclasses import dataclass


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
