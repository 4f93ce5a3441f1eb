"""Events of the help page: filter the FAQ as one types; open the entry a link points to."""

from __future__ import annotations

import reflex as rx

# Opens the <details> the address' #anchor names (a deep link such as /hilfe#pin).
OPEN_ANCHORED_ENTRY = (
    "(() => { const id = decodeURIComponent(window.location.hash.slice(1));"
    " const entry = id && document.getElementById(id);"
    " if (entry && entry.tagName === 'DETAILS') { entry.open = true;"
    " entry.scrollIntoView(); entry.querySelector('summary').focus(); } })()"
)


class HelpState(rx.State):
    needle: str = ""

    @rx.event
    def search(self, value: str):
        self.needle = " ".join(str(value).casefold().split())[:100]

    @rx.event
    def load(self):
        self.needle = ""
        return rx.call_script(OPEN_ANCHORED_ENTRY)
