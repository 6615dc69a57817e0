"""Fixtures for the reliability tests: the sync clients and fault proxy of tests/sync."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "sync"))
sys.path.insert(0, str(HERE.parent / "server"))
