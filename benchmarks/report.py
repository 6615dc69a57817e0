"""Benchmark results: one row per figure, printed as a table and written as Markdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Row:
    """One figure: what was measured, its limit in the same run, and whether the target holds.

    `ratio` is measured / limit (≤ 1 meets the target); `met` is None for figures that are
    reported without a target (growth curves, informative baselines).
    """

    figure: str
    measured: str
    limit: str = ""
    ratio: float | None = None
    met: bool | None = None
    note: str = ""

    def explain(self, text: str) -> None:
        """Add a sentence to the note (why a target is not met)."""
        self.note = f"{self.note}. {text}" if self.note else text

    @property
    def verdict(self) -> str:
        if self.met is None:
            return "info"
        return "met" if self.met else "NOT MET"


def ratio_row(figure: str, measured: float, limit: float, unit: str, note: str = "") -> Row:
    """A row whose target is `measured ≤ limit`, both in `unit`."""
    ratio = measured / limit if limit else float("inf")
    return Row(
        figure,
        f"{_number(measured)} {unit}",
        f"{_number(limit)} {unit}",
        ratio,
        ratio <= 1.0,
        note,
    )


def floor_row(figure: str, measured: float, floor: float, unit: str, note: str = "") -> Row:
    """A row whose target is `measured ≥ floor`; its ratio is floor / measured (≤ 1 meets it)."""
    ratio = floor / measured if measured else float("inf")
    return Row(
        figure,
        f"{_number(measured)} {unit}",
        f"≥ {_number(floor)} {unit}",
        ratio,
        ratio <= 1.0,
        note,
    )


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}".replace(",", " ")
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


HEADERS = ("Figure", "Measured", "Limit (same run)", "Ratio", "Target")


def _cells(row: Row) -> tuple[str, ...]:
    ratio = "" if row.ratio is None else f"{row.ratio:.2f}"
    return (row.figure, row.measured, row.limit, ratio, row.verdict)


def text_table(rows: list[Row]) -> str:
    """The rows as a fixed-width table for the terminal."""
    cells = [HEADERS] + [_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]
    lines = []
    for n, line in enumerate(cells):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if n == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for row in rows:
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in _cells(row)) + " |")
    return "\n".join(lines)


def write_markdown(
    path: Path, rows: list[Row], machine: dict[str, str], details: list[str], seconds: float
) -> None:
    """benchmarks/results.md: the machine, the table, each figure's notes, what is not met."""
    missed = [row for row in rows if row.met is False]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `python -m benchmarks.run` on {dt.date.today().isoformat()} "
        f"in {seconds / 60:.1f} min. Each limit is measured in the same run on the same machine; "
        "a ratio ≤ 1.00 meets the target.",
        "",
        "## Machine",
        "",
        *(f"- {name}: {value}" for name, value in machine.items()),
        "",
        "## Results",
        "",
        markdown_table(rows),
        "",
        "## Targets not met",
        "",
    ]
    if missed:
        lines += [
            f"- **{row.figure}**: {row.measured} against {row.limit or 'its target'}"
            + (f" (ratio {row.ratio:.2f})" if row.ratio is not None else "")
            + (f". {row.note}" if row.note else "")
            for row in missed
        ]
    else:
        lines.append("None: every target above is met on this machine.")
    notes = [row for row in rows if row.note and row.met is not False]
    if notes:
        lines += ["", "## Notes", ""]
        lines += [f"- {row.figure}: {row.note}" for row in notes]
    if details:
        lines += ["", "## Details", "", *details]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
