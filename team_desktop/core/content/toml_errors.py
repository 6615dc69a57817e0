"""Reading TOML with errors located on the line where they occur."""

from __future__ import annotations

import re
import tomllib

from team_desktop.core.content.model import Problem
from team_desktop.core.i18n import _

_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def parse_toml(text: str, path: str, first_line: int) -> tuple[dict | None, list[Problem]]:
    """Parse `text` (which starts at `first_line` of `path`); on error, one located problem."""
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _AT_LINE.search(message)
        line = first_line + int(match.group(1)) - 1 if match else first_line
        detail = _AT_LINE.sub("", message).strip()
        return None, [Problem(path, line, _("TOML invalide : {detail}").format(detail=detail))]


def key_line(text: str, key: str, first_line: int) -> int:
    """Line where `key = ...` is written in `text`, or `first_line` when it is absent."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=", re.MULTILINE)
    match = pattern.search(text)
    if not match:
        return first_line
    return first_line + text.count("\n", 0, match.start())
