"""Accessibility (BITV 2.0): the accessibility statement with the feedback form "Barriere
melden" (§ 7), and the portal explained in Leichte Sprache and in Gebärdensprache (§ 4)."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.online_form import online_form
from portal_app.components.page import page
from portal_app.state.forms import FORMS, HONEYPOT, FormState

FORM_ANCHOR = "barriere-melden"


def _section(heading: str, *children: rx.Component, **props) -> rx.Component:
    return rx.el.section(
        rx.heading(heading, **styles.section_heading), *children, aria_label=heading, **props
    )


def _paragraph(text: str) -> rx.Component:
    return rx.text(text, as_="p", margin_bottom="0.75rem")


def _facts(*rows: tuple[str, rx.Component | str]) -> rx.Component:
    cells = []
    for label, value in rows:
        cells += [rx.el.dt(label), rx.el.dd(value)]
    return rx.el.dl(*cells, class_name="facts", margin_bottom="1rem")


def _mail(address: str) -> rx.Component:
    return rx.link(address, href=f"mailto:{address}")


# --- Erklärung zur Barrierefreiheit -----------------------------------------------------------


def _gaps() -> rx.Component:
    return rx.el.ul(
        *[rx.el.li(rx.el.strong(label), " ", text) for label, text in texts.ACCESSIBILITY_GAPS],
        class_name="text-list",
    )


def _feedback() -> rx.Component:
    return _section(
        texts.ACCESSIBILITY_FEEDBACK_HEADING,
        _paragraph(texts.ACCESSIBILITY_FEEDBACK),
        _facts(
            (texts.PHONE, texts.CHAMBER_PHONE),
            (texts.CONTACT_EMAIL, _mail(texts.CHAMBER_EMAIL)),
            (texts.LABEL_POST, texts.CHAMBER_POSTAL),
        ),
        _paragraph(texts.ACCESSIBILITY_ANSWER_TIME),
        rx.text(rx.link(texts.ACCESSIBILITY_FORM_LINK, href=f"#{FORM_ANCHOR}"), as_="p"),
    )


def _barrier_form() -> rx.Component:
    spec = FORMS["barriere"]
    return rx.el.section(
        rx.heading(spec.title, **styles.section_heading),
        rx.text(
            spec.intro,
            " ",
            rx.link(texts.REGISTER_PRIVACY_LINK, href=routes.PRIVACY),
            as_="p",
            margin_bottom="1rem",
        ),
        online_form(spec, state=FormState, honeypot_name=HONEYPOT),
        id=FORM_ANCHOR,
        aria_label=spec.title,
    )


def _enforcement() -> rx.Component:
    return _section(
        texts.ACCESSIBILITY_ENFORCEMENT_HEADING,
        _paragraph(texts.ACCESSIBILITY_ENFORCEMENT),
        _paragraph(texts.ACCESSIBILITY_ENFORCEMENT_LAND),
        _paragraph(texts.ACCESSIBILITY_ENFORCEMENT_FEDERAL),
        rx.el.address(
            *[part for line in texts.SCHLICHTUNGSSTELLE for part in (line, rx.el.br())][:-1],
            margin_bottom="0.75rem",
        ),
        _facts(
            (texts.PHONE, texts.SCHLICHTUNGSSTELLE_PHONE),
            (texts.CONTACT_EMAIL, _mail(texts.SCHLICHTUNGSSTELLE_EMAIL)),
            (
                texts.LABEL_WEB,
                rx.link(texts.SCHLICHTUNGSSTELLE_WEB_LABEL, href=texts.SCHLICHTUNGSSTELLE_WEB),
            ),
        ),
    )


@page(
    routes.ACCESSIBILITY,
    texts.ACCESSIBILITY_TITLE,
    footer_label=texts.FOOTER_ACCESSIBILITY,
    footer_order=40,
    on_load=[FormState.load],
)
def accessibility_statement() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.ACCESSIBILITY_TITLE, **styles.page_heading),
        _paragraph(texts.ACCESSIBILITY_INTRO),
        _paragraph(texts.ACCESSIBILITY_SCOPE),
        _section(texts.ACCESSIBILITY_STATUS_HEADING, _paragraph(texts.ACCESSIBILITY_STATUS)),
        _section(
            texts.ACCESSIBILITY_GAPS_HEADING,
            _paragraph(texts.ACCESSIBILITY_GAPS_INTRO),
            _gaps(),
        ),
        _section(
            texts.ACCESSIBILITY_MADE_HEADING,
            _paragraph(texts.ACCESSIBILITY_MADE),
            _paragraph(texts.ACCESSIBILITY_METHOD),
        ),
        _feedback(),
        _barrier_form(),
        _enforcement(),
        _section(
            texts.ACCESSIBILITY_MORE_HEADING,
            _paragraph(texts.ACCESSIBILITY_MORE),
            rx.el.ul(
                rx.el.li(rx.link(texts.EASY_LANGUAGE_TITLE, href=routes.EASY_LANGUAGE)),
                rx.el.li(rx.link(texts.SIGN_LANGUAGE_TITLE, href=routes.SIGN_LANGUAGE)),
                class_name="text-list",
            ),
        ),
    )


# --- Leichte Sprache --------------------------------------------------------------------------

# sections that end with a link to the page they talk about
EASY_LINKS = {
    texts.EASY_HEADING_ACCESSIBILITY: (
        texts.EASY_LANGUAGE_ACCESSIBILITY_LINK,
        routes.ACCESSIBILITY,
    ),
    texts.EASY_HEADING_DATA: (texts.EASY_LANGUAGE_PRIVACY_LINK, routes.PRIVACY),
    texts.EASY_HEADING_QUESTIONS: (texts.EASY_LANGUAGE_CONTACT_LINK, routes.CONTACT),
}


def _easy_item(item: str | tuple[str, ...]) -> rx.Component:
    if isinstance(item, tuple):
        return rx.el.ul(*[rx.el.li(entry) for entry in item], class_name="text-list")
    return rx.text(item, as_="p")


def _easy_section(heading: str, items: tuple) -> rx.Component:
    link = EASY_LINKS.get(heading)
    return rx.el.section(
        rx.heading(heading, **styles.section_heading),
        *[_easy_item(item) for item in items],
        rx.text(rx.link(link[0], href=link[1]), as_="p") if link else rx.fragment(),
        aria_label=heading,
    )


@page(
    routes.EASY_LANGUAGE,
    texts.EASY_LANGUAGE_TITLE,
    footer_label=texts.EASY_LANGUAGE_TITLE,
    footer_order=50,
)
def easy_language() -> rx.Component:
    return rx.el.div(
        rx.heading(texts.EASY_LANGUAGE_TITLE, **styles.page_heading),
        *[rx.text(sentence, as_="p") for sentence in texts.EASY_LANGUAGE_INTRO],
        *[_easy_section(heading, items) for heading, items in texts.EASY_LANGUAGE_SECTIONS],
        rx.el.section(
            rx.heading(texts.EASY_LANGUAGE_ADDRESS_HEADING, **styles.section_heading),
            rx.el.address(
                texts.CHAMBER,
                rx.el.br(),
                texts.CHAMBER_ADDRESS[0],
                rx.el.br(),
                texts.CHAMBER_ADDRESS[1],
            ),
            aria_label=texts.EASY_LANGUAGE_ADDRESS_HEADING,
        ),
        class_name="easy-language",
    )


# --- Gebärdensprache --------------------------------------------------------------------------

VIDEO_TEXT_ANCHOR = "video-text"


def _video_placeholder() -> rx.Component:
    """Where the DGS video will go (no embed of another site: the CSP forbids it). Until then
    a box says so; the caption states the video's content and leads to it as text."""
    return rx.el.figure(
        rx.el.div(
            rx.text(texts.SIGN_VIDEO_PLACEHOLDER, as_="p", weight="bold"),
            rx.text(texts.SIGN_VIDEO_PENDING, as_="p"),
            class_name="video-placeholder",
        ),
        rx.el.figcaption(
            texts.SIGN_VIDEO_CAPTION,
            " ",
            rx.link(texts.SIGN_TEXT_LINK, href=f"#{VIDEO_TEXT_ANCHOR}"),
        ),
        class_name="video",
    )


def _sub(heading: str, *children: rx.Component) -> rx.Component:
    return rx.el.div(
        rx.heading(heading, as_="h3", size="4", margin_top="1rem", margin_bottom="0.5rem"),
        *children,
    )


def _contact() -> rx.Component:
    return _section(
        texts.SIGN_CONTACT_HEADING,
        _paragraph(texts.SIGN_CONTACT_INTRO),
        rx.el.ul(
            rx.el.li(texts.CONTACT_EMAIL, ": ", _mail(texts.CHAMBER_EMAIL)),
            rx.el.li(rx.link(texts.SIGN_CONTACT_FORM, href=routes.CONTACT)),
            rx.el.li(
                rx.link(texts.SIGN_CONTACT_BARRIER, href=f"{routes.ACCESSIBILITY}#{FORM_ANCHOR}")
            ),
            class_name="text-list",
        ),
        _paragraph(texts.SIGN_CONTACT_RELAY),
        _paragraph(texts.SIGN_CONTACT_INTERPRETER),
    )


@page(
    routes.SIGN_LANGUAGE,
    texts.SIGN_LANGUAGE_TITLE,
    footer_label=texts.SIGN_LANGUAGE_TITLE,
    footer_order=60,
)
def sign_language() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.SIGN_LANGUAGE_TITLE, **styles.page_heading),
        _paragraph(texts.SIGN_LANGUAGE_INTRO),
        _section(texts.SIGN_VIDEO_HEADING, _video_placeholder()),
        _section(
            texts.SIGN_TEXT_HEADING,
            _sub(
                texts.SIGN_OFFER_HEADING,
                rx.el.ul(*[rx.el.li(entry) for entry in texts.SIGN_OFFER], class_name="text-list"),
            ),
            _sub(
                texts.SIGN_STEPS_HEADING,
                rx.el.ol(*[rx.el.li(step) for step in texts.SIGN_STEPS], class_name="text-list"),
            ),
            _sub(texts.SIGN_NAVIGATION_HEADING, _paragraph(texts.SIGN_NAVIGATION)),
            _sub(
                texts.FOOTER_ACCESSIBILITY,
                _paragraph(texts.SIGN_STATEMENT),
                rx.text(rx.link(texts.ACCESSIBILITY_TITLE, href=routes.ACCESSIBILITY), as_="p"),
            ),
            id=VIDEO_TEXT_ANCHOR,
        ),
        _contact(),
        rx.text(rx.link(texts.SIGN_MORE, href=routes.EASY_LANGUAGE), as_="p", margin_top="1rem"),
    )
