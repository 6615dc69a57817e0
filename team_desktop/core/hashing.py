"""The SHA-256 of a file, the one content fingerprint of packs, attachments and backups."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

CHUNK = 1024 * 1024
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")


def is_sha256(value: object) -> bool:
    """Whether `value` is a hex SHA-256 as this app writes it (lowercase, 64 digits)."""
    return isinstance(value, str) and _HEX_DIGEST.fullmatch(value) is not None


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks so large files need little memory."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()
