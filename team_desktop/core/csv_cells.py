"""CSV files safe to open in a spreadsheet: no cell runs as a formula.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or a
carriage return) as a formula; such a text gets a leading apostrophe (OWASP's advice for CSV
injection) and is then read as plain text. The research export (team_server) and the
facilitator's progress export both write through here.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """`value` as a CSV cell no spreadsheet will execute (numbers are left as they are)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_rows(
    handle: TextIO, columns: list[str], rows: Iterable[list], delimiter: str = ","
) -> int:
    """Write a header and the rows, every cell made safe; returns the number of rows."""
    writer = csv.writer(handle, delimiter=delimiter)
    writer.writerow([cell(column) for column in columns])
    count = 0
    for row in rows:
        writer.writerow([cell(value) for value in row])
        count += 1
    return count
