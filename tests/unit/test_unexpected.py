"""An unexpected error reaches the member in German with a reference number that is in the log."""

import logging
import re

from portal_app import texts
from portal_app.state.unexpected import (
    REPORT_MAX_CHARS,
    ReportLimit,
    backend_exception_handler,
    frontend_exception_handler,
)


def test_the_member_gets_a_german_message_with_the_number_that_is_logged(caplog):
    with caplog.at_level(logging.ERROR, logger="portal.unexpected"):
        spec = backend_exception_handler(RuntimeError("kaputt"))
    shown = str(spec)
    reference = re.search(r"Fehlernummer ([0-9A-F]{8})", shown).group(1)
    assert texts.UNEXPECTED_ERROR.format(reference=reference) in shown
    assert "Contact the website administrator" not in shown
    assert reference in caplog.text and "kaputt" in caplog.text


def test_a_browser_report_is_one_quoted_line_of_bounded_length(caplog):
    forged = "TypeError: x\n2026-11-30 12:00:00 portal.login INFO Anmeldung admin erfolgreich\n"
    with caplog.at_level(logging.WARNING, logger="portal.unexpected"):
        frontend_exception_handler(Exception(forged + "y" * 10_000))
    (record,) = caplog.records
    line = record.getMessage()
    assert "\n" not in line and "\\n2026-11-30" in line
    assert len(line) < REPORT_MAX_CHARS + 100


def test_reports_beyond_the_limit_in_a_minute_are_dropped_and_said_once(caplog):
    now = [0.0]
    limit = ReportLimit(3, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="portal.unexpected"):
        admitted = [limit.admit() for _ in range(10)]
    assert admitted == [True] * 3 + [False] * 7
    assert len(caplog.records) == 1
    now[0] = 60.0
    assert limit.admit()
