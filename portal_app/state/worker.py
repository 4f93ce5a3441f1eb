"""Which backend process serves this browser tab (shown when `PORTAL_SHOW_WORKER=1`).

With Redis and several workers, a tab's events go to the worker that holds its websocket and
a new page load may land on another one; the state travels between them through Redis. The
footer then names the process, so an operator (and the scale-out test) can see where each
page load landed.
"""

from __future__ import annotations

import os

import reflex as rx


class WorkerState(rx.State):
    process: str = ""

    @rx.event
    def note_process(self):
        """on_load: the worker running this event holds the page's websocket."""
        self.process = str(os.getpid())
