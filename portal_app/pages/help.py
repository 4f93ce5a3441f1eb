"""Help: the three steps and the chamber's FAQ, in its own words."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.page import page


def _faq_entry(question: str, answer: str) -> rx.Component:
    return rx.el.details(
        rx.el.summary(question),
        rx.text(answer, as_="p", margin_top="0.5rem"),
        class_name="faq",
    )


@page(routes.HELP, texts.HELP_TITLE, nav_label=texts.NAV_HELP, nav_order=20)
def help_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.HELP_TITLE, **styles.page_heading),
        rx.text(texts.HOME_INTRO, as_="p"),
        *[
            rx.el.section(
                rx.heading(title, **styles.section_heading),
                rx.text(lead, as_="p"),
                rx.text(detail, as_="p", margin_top="0.5rem"),
            )
            for title, lead, detail in texts.STEPS
        ],
        rx.heading(texts.FAQ_TITLE, **styles.section_heading),
        *[_faq_entry(question, answer) for question, answer in texts.FAQ],
        rx.text(
            rx.link(texts.HELP_MORE_QUESTIONS, href=routes.CONTACT), as_="p", margin_top="1.5rem"
        ),
    )
