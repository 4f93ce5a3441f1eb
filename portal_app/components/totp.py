"""The second factor's page parts, for staff and members alike: the authenticator's set-up
(QR code made on the server, the key to type, the first code) and the list of recovery codes."""

from __future__ import annotations

import reflex as rx

from portal_app import styles, texts
from portal_app.components.forms import text_field
from portal_app.components.links import link_button


def second_factor_first(text: str, setup_href) -> rx.Component:
    """A service that needs a second factor the account has not set up yet: why, and the way
    to its set-up (`setup_href`: routes.second_factor_setup, which comes back afterwards)."""
    return rx.el.section(
        rx.heading(texts.SECOND_FACTOR_FIRST_TITLE, **styles.section_heading),
        rx.text(text, as_="p", margin_bottom="1rem"),
        link_button(texts.SECOND_FACTOR_FIRST_LINK, setup_href),
        aria_label=texts.SECOND_FACTOR_FIRST_TITLE,
    )


def authenticator(qr_svg: rx.Var[str], secret_text: rx.Var[str]) -> rx.Component:
    """The QR code (an inline `data:` SVG) and the key grouped by four, to type instead."""
    return rx.fragment(
        rx.text(texts.TOTP_SETUP_INTRO, as_="p", margin_bottom="1rem"),
        rx.image(
            src=qr_svg,
            alt=texts.TOTP_QR_LABEL,
            width="200px",
            height="200px",
            class_name="staff-qr",
        ),
        rx.text(
            texts.TOTP_SECRET_LABEL,
            " ",
            rx.el.code(secret_text, id="totp-schluessel"),
            as_="p",
            margin_y="1rem",
        ),
    )


def code_field(error: rx.Var[str], hint: str = "") -> rx.Component:
    """The field for a confirmation code (six digits, or a recovery code where `hint` says so)."""
    return text_field(
        "code",
        texts.FIELD_TOTP_CODE,
        error,
        autocomplete="one-time-code",
        hint=hint,
        max_length=20,
    )


def recovery_code_list(codes: rx.Var[list[str]]) -> rx.Component:
    return rx.el.ul(
        rx.foreach(codes, lambda c: rx.el.li(rx.el.code(c))),
        aria_label=texts.TOTP_RECOVERY_LIST_LABEL,
        class_name="recovery-codes",
    )
