"""The page for addresses that do not exist."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.links import link_button
from portal_app.components.page import page


@page(routes.NOT_FOUND, texts.NOT_FOUND_TITLE, linked=False)
def not_found() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.NOT_FOUND_TITLE, **styles.page_heading),
        rx.text(texts.NOT_FOUND_TEXT, as_="p", margin_bottom="1rem"),
        link_button(texts.NAV_HOME, routes.HOME),
    )
