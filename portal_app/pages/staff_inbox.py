"""The Eingang of the chamber's staff: where they land after the login (the inbox follows)."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.page import page


@page(
    routes.STAFF_INBOX,
    texts.STAFF_INBOX_TITLE,
    staff=True,
    protected=True,
    nav_label=texts.STAFF_INBOX_TITLE,
    nav_order=10,
)
def staff_inbox() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.STAFF_INBOX_TITLE, **styles.page_heading),
        rx.text(texts.STAFF_INBOX_TEXT, as_="p"),
    )
