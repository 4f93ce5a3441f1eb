"""Impressum, Datenschutz and Kontakt: short, but real."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.online_form import online_form
from portal_app.components.page import page
from portal_app.state.forms import FORMS, HONEYPOT, FormState


def _address() -> rx.Component:
    return rx.el.address(
        texts.CHAMBER,
        rx.el.br(),
        texts.CHAMBER_ADDRESS[0],
        rx.el.br(),
        texts.CHAMBER_ADDRESS[1],
        margin_bottom="1rem",
    )


def _reach() -> rx.Component:
    return rx.el.dl(
        rx.el.dt(texts.PHONE),
        rx.el.dd(texts.CHAMBER_PHONE),
        rx.el.dt(texts.CONTACT_EMAIL),
        rx.el.dd(rx.link(texts.CHAMBER_EMAIL, href=f"mailto:{texts.CHAMBER_EMAIL}")),
        class_name="facts",
    )


@page(routes.IMPRINT, texts.IMPRINT_TITLE, footer_label=texts.IMPRINT_TITLE, footer_order=10)
def imprint() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.IMPRINT_TITLE, **styles.page_heading),
        _address(),
        _reach(),
        rx.text(texts.IMPRINT_TEXT, as_="p", margin_top="1rem"),
    )


def _privacy_section(title: str, paragraphs: tuple[str, ...]) -> rx.Component:
    return rx.el.section(
        rx.heading(title, **styles.section_heading),
        *[rx.text(paragraph, as_="p", margin_bottom="0.75rem") for paragraph in paragraphs],
    )


@page(routes.PRIVACY, texts.PRIVACY_TITLE, footer_label=texts.PRIVACY, footer_order=20)
def privacy() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.PRIVACY_TITLE, **styles.page_heading),
        *[_privacy_section(title, paragraphs) for title, paragraphs in texts.PRIVACY_SECTIONS],
    )


@page(
    routes.CONTACT,
    texts.CONTACT_TITLE,
    footer_label=texts.CONTACT_TITLE,
    footer_order=30,
    on_load=[FormState.load],
)
def contact() -> rx.Component:
    spec = FORMS["kontaktanfrage"]  # the contact form, open to visitors
    return rx.fragment(
        rx.heading(texts.CONTACT_TITLE, **styles.page_heading),
        rx.el.div(
            rx.el.section(
                rx.heading(spec.title, **styles.section_heading),
                rx.text(spec.intro, as_="p", margin_bottom="1rem"),
                online_form(spec, state=FormState, honeypot_name=HONEYPOT),
                aria_label=spec.title,
            ),
            rx.el.section(
                rx.heading(texts.CONTACT_INTRO, **styles.section_heading),
                _address(),
                _reach(),
                rx.text(texts.CONTACT_HOURS, as_="p", margin_top="1rem"),
                aria_label=texts.CONTACT_INTRO,
            ),
            class_name="contact-grid",
        ),
    )
