"""The fault suite's table: one row per scenario, printed at the end of the run (conftest's
`pytest_terminal_summary`) and written to artifacts/faults.md for bench/RESULTS.md."""

from __future__ import annotations

from dataclasses import dataclass

from tests.faults.load import DISCONNECTED, GERMAN, NO_ANSWER, TRACE

HEADER = ["scenario", "mode", "members", "events/s before", "during", "after",
          "errors seen by members", "lost", "duplicated"]  # fmt: skip


@dataclass
class Row:
    scenario: str
    mode: str
    members: int
    before: float
    during: float
    after: float
    errors: str
    lost: int
    duplicated: int
    notes: str = ""

    def cells(self) -> list[str]:
        return [self.scenario, self.mode, str(self.members), f"{self.before:.1f}",
                f"{self.during:.1f}", f"{self.after:.1f}", self.errors, str(self.lost),
                str(self.duplicated)]  # fmt: skip


ROWS: list[Row] = []


def errors_text(counter) -> str:
    """'3 German message, 1 connection lost' of the outcomes that were not plain answers."""
    shown = [f"{counter[kind]} {kind}" for kind in (GERMAN, NO_ANSWER, TRACE, DISCONNECTED)
             if counter[kind]]  # fmt: skip
    return ", ".join(shown) or "none"


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *map(line, rows)])


def rendered() -> str:
    rows = sorted(ROWS, key=lambda row: row.scenario)
    text = table(HEADER, [row.cells() for row in rows])
    notes = [f"- {row.scenario}: {row.notes}" for row in rows if row.notes]
    return text + ("\n\n" + "\n".join(notes) if notes else "")
