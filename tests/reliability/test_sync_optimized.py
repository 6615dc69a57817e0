"""The sync answer check holds under `python -O` (which drops every `assert`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
SCRIPT = """
from team_desktop.core.sync.engine import _check_answer
from team_desktop.core.sync.errors import MalformedReply
bad = [
    {"server_id": "x", "cursor": "abc", "acks": [], "changes": []},
    {"server_id": "", "cursor": 1, "acks": [], "changes": []},
    {"server_id": "x", "cursor": 9, "acks": [7], "changes": []},
    {"server_id": "x", "cursor": 9, "acks": [], "changes": {}},
    {"server_id": "x", "cursor": 9, "acks": {}, "changes": []},
    {"server_id": "x", "cursor": 9, "acks": [], "changes": [], "membership_version": "2"},
    {"server_id": "x", "cursor": 9, "acks": [], "changes": [], "groups": [{"id": 1}]},
    {"cursor": 9},
]
for answer in bad:
    try:
        _check_answer(answer)
    except MalformedReply:
        continue
    raise SystemExit(f"accepted: {answer}")
_check_answer({"server_id": "x", "cursor": 1, "acks": [], "changes": [
    {"kind": "entry", "id": "a", "data": {}}]})
# Each record is checked alone (and skipped, not the page): that check holds under -O too.
from team_desktop.core.sync.pulled import InvalidRecord, check
for record in [{"kind": "entry"}, "texte", {"kind": "bookmark", "id": "l", "data": {
        "bookmarked": "false", "changed_at": "2026-03-02T09:00:00Z"}}]:
    try:
        check(record)
    except InvalidRecord:
        continue
    raise SystemExit(f"accepted: {record}")
print("ok")
"""


def test_malformed_answers_are_refused_even_under_python_dash_o():
    """Regression: the check was a block of asserts, all gone under `python -O`."""
    done = subprocess.run(
        [sys.executable, "-O", "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stdout + done.stderr
