"""What a member sees when an event fails unexpectedly: a German message with a reference
number that stands in the log next to the error (instead of Reflex's English default).

And what the log takes from a browser's error report: anyone can send one (Reflex's
`handle_frontend_exception` event and its `client_error` socket event), so a report is logged
as one quoted line of bounded length, and only so many per minute."""

import json
import logging
import secrets
import threading
import time

import reflex as rx

from portal_app import texts

log = logging.getLogger("portal.unexpected")

REPORT_MAX_CHARS = 2000
REPORTS_PER_MINUTE = 30


def backend_exception_handler(exception: Exception) -> rx.event.EventSpec:
    reference = secrets.token_hex(4).upper()
    log.error("Unerwarteter Fehler, Fehlernummer %s", reference, exc_info=exception)
    return rx.toast.error(texts.UNEXPECTED_ERROR.format(reference=reference), duration=20000)


class ReportLimit:
    """At most `per_minute` reports in a minute of this process; the first one turned away
    in a minute is said in the log, the others are dropped silently."""

    def __init__(self, per_minute: int, clock=time.monotonic):
        self.per_minute = per_minute
        self.clock = clock
        self.lock = threading.Lock()
        self.window_start = clock()
        self.count = 0

    def admit(self) -> bool:
        with self.lock:
            now = self.clock()
            if now - self.window_start >= 60:
                self.window_start, self.count = now, 0
            self.count += 1
            if self.count == self.per_minute + 1:
                log.warning(
                    "Mehr als %d Fehlerberichte aus Browsern in einer Minute; "
                    "weitere werden in dieser Minute nicht protokolliert.",
                    self.per_minute,
                )
            return self.count <= self.per_minute


_limit = ReportLimit(REPORTS_PER_MINUTE)


def frontend_exception_handler(exception: Exception) -> None:
    if not _limit.admit():
        return
    report = str(exception)
    shortened = report[:REPORT_MAX_CHARS] + ("…" if len(report) > REPORT_MAX_CHARS else "")
    # json quotes the text and escapes line breaks: a report cannot forge log lines
    log.warning("Fehlerbericht aus einem Browser: %s", json.dumps(shortened, ensure_ascii=False))
