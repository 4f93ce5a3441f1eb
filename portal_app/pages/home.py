"""Start page: the three steps Registrieren, Anmelden, Freischalten, with buttons to start."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import success_panel
from portal_app.components.links import link_button
from portal_app.components.page import page
from portal_app.state.session import SessionState


def _step(title: str, lead: str, detail: str) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.heading(title, as_="h2", size="5", margin_bottom="0.5rem"),
            rx.text(lead, as_="p", margin_bottom="0.5rem"),
            rx.text(detail, as_="p", color_scheme="gray"),
            height="100%",
        )
    )


def _start_buttons() -> rx.Component:
    return rx.cond(
        SessionState.logged_in,
        link_button(texts.HOME_START_ACCOUNT, routes.ACCOUNT),
        rx.flex(
            link_button(texts.HOME_START_REGISTER, routes.WELCOME),
            link_button(texts.HOME_START_LOGIN, routes.WELCOME_LOGIN, variant="outline"),
            gap="1rem",
            wrap="wrap",
        ),
    )


@page(routes.HOME, texts.SITE_TITLE, nav_label=texts.NAV_HOME, nav_order=0)
def home() -> rx.Component:
    return rx.fragment(
        rx.cond(SessionState.just_logged_out, success_panel(None, texts.LOGGED_OUT)),
        rx.heading(texts.HOME_TITLE, **styles.page_heading),
        rx.text(texts.HOME_INTRO, as_="p", size="4"),
        rx.el.ol(
            *[_step(*step) for step in texts.STEPS],
            aria_label=texts.HOME_STEPS_LABEL,
            class_name="steps",
        ),
        _start_buttons(),
    )
