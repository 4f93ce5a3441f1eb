"""Anyone can send the backend "error reports" (Reflex's `handle_frontend_exception` event):
they reach the log as one quoted line each, shortened, and only so many a minute, so a script
can neither forge log entries nor fill the disk."""

from __future__ import annotations

import time

from portal_app.state.unexpected import REPORT_MAX_CHARS, REPORTS_PER_MINUTE
from tests.reflex_wire import ROOT_STATE, ReflexWire

REPORT = f"{ROOT_STATE}.reflex___state____frontend_event_exception_state.handle_frontend_exception"
FORGED = "2026-11-30 12:00:00,000 portal.login INFO Anmeldung von admin@hwk.example erfolgreich"


def test_forged_multi_line_reports_are_quoted_shortened_and_limited(portal_url, portal_work):
    log = portal_work / "portal.log"
    before = log.read_text(encoding="utf-8", errors="replace").count("\n")
    with ReflexWire(portal_url) as wire:
        for number in range(3 * REPORTS_PER_MINUTE):
            info = f"Fehler {number}\n{FORGED}\n" + "x" * 50_000
            wire.send(REPORT, {"info": info, "component_stack": ""})
        time.sleep(3)  # the backend works through the events in the order sent
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()[before:]
    reports = [line for line in lines if "Fehlerbericht aus einem Browser" in line]
    assert 0 < len(reports) <= REPORTS_PER_MINUTE
    assert not any(line.startswith(FORGED) for line in lines), "a report forged a log line"
    assert all(len(line) < REPORT_MAX_CHARS + 200 for line in reports)
