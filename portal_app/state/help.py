"""Events of the help page: filter the FAQ as one types."""

from __future__ import annotations

import reflex as rx


class HelpState(rx.State):
    needle: str = ""

    @rx.event
    def search(self, value: str):
        self.needle = " ".join(str(value).casefold().split())[:100]

    @rx.event
    def load(self):
        self.needle = ""
