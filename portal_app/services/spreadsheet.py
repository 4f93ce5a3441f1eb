"""CSV files for a German spreadsheet: UTF-8 with a byte order mark (so Excel reads the
umlauts), `;` between cells, CRLF line ends. A cell that begins with `=`, `+`, `-`, `@` (or a
tab or carriage return) would be read as a formula: it gets a leading `'`, so a participant
named `=HYPERLINK(…)` stays text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPE = "text/csv; charset=utf-8"


def neutralise(value: object) -> str:
    """The cell as text, with a leading `'` where a spreadsheet would see a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(header: Iterable[str], rows: Iterable[Iterable[object]]) -> bytes:
    """The table as CSV bytes for a German spreadsheet (see the module docstring)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
