"""The pager below a staff list: "Vorherige Seite", "Seite n von m", "Nächste Seite"."""

from __future__ import annotations

import reflex as rx

from portal_app import texts


def pager(page: rx.Var[int], pages: rx.Var[int], turn, label: str) -> rx.Component:
    """`turn(step)`: the state's event for -1 (back) and +1 (on)."""
    return rx.el.nav(
        rx.button(texts.PAGE_PREVIOUS, on_click=turn(-1), variant="outline", disabled=page <= 1),
        rx.text(
            texts.STAFF_PAGE_OF_PREFIX, " ", page, " ", texts.STAFF_PAGE_OF, " ", pages, as_="p"
        ),
        rx.button(texts.PAGE_NEXT, on_click=turn(1), variant="outline", disabled=page >= pages),
        aria_label=label,
        class_name="pager",
    )
