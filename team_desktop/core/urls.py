"""Telling a local, relative path from anything that would reach outside the pack."""

from __future__ import annotations

import re

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def is_remote(url: str) -> bool:
    """True for a URL with a scheme, a protocol-relative `//host` or a `\\\\host` share.

    Spaces and control characters are ignored first, as browsers do.
    """
    cleaned = _CONTROL.sub("", url).replace("\\", "/")
    return bool(_SCHEME.match(cleaned)) or cleaned.startswith("//")
