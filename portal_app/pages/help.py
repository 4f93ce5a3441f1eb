"""Help: the three steps and the chamber's FAQ in its own words, as an accordion with a search
field that filters the questions as one types; every entry has an anchor (/hilfe#pin)."""

import functools
import operator

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.anchor import open_anchored_entry
from portal_app.components.page import page
from portal_app.state.fields import field_id
from portal_app.state.help import HelpState

# answers that lead on to a real page
FAQ_LINKS = {
    "passwort": (texts.FAQ_LINK_PASSWORD, routes.PASSWORD_FORGOTTEN),
    "pin": (texts.FAQ_LINK_PIN, routes.UNLOCK),
}


def _matches(question: str, answer: str) -> rx.Var[bool]:
    haystack = rx.Var.create(" ".join(f"{question} {answer}".casefold().split()))
    return haystack.contains(HelpState.needle)


def _faq_entry(anchor: str, question: str, answer: str) -> rx.Component:
    link = FAQ_LINKS.get(anchor)
    return rx.el.details(
        rx.el.summary(question),
        rx.text(answer, as_="p", margin_top="0.5rem"),
        rx.text(rx.link(link[0], href=link[1]), as_="p") if link else rx.fragment(),
        id=anchor,
        hidden=~_matches(question, answer),
        class_name="faq",
    )


def _search() -> rx.Component:
    return rx.el.div(
        rx.el.label(texts.FAQ_SEARCH, html_for=field_id("faq"), class_name="field__label"),
        rx.el.p(texts.FAQ_SEARCH_HINT, id=f"{field_id('faq')}-hinweis", class_name="field__hint"),
        rx.el.input(
            id=field_id("faq"),
            type="search",
            on_change=HelpState.search,
            aria_describedby=f"{field_id('faq')}-hinweis",
            auto_complete="off",
            class_name="field__input",
        ),
        role="search",
        class_name="field faq-search",
    )


def _no_match() -> rx.Component:
    any_match = functools.reduce(operator.or_, [_matches(q, a) for q, a in texts.FAQ])
    return rx.cond(~any_match, rx.text(texts.FAQ_NO_MATCH, as_="p", role="status"))


@page(
    routes.HELP, texts.HELP_TITLE, nav_label=texts.NAV_HELP, nav_order=20, on_load=[HelpState.load]
)
def help_page() -> rx.Component:
    return rx.fragment(
        open_anchored_entry(),
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
        rx.text(
            rx.link(texts.HELP_PASSWORD_FORGOT, href=routes.PASSWORD_FORGOTTEN),
            as_="p",
            margin_top="1rem",
        ),
        rx.heading(texts.FAQ_TITLE, **styles.section_heading),
        _search(),
        *[
            _faq_entry(anchor, question, answer)
            for anchor, (question, answer) in zip(texts.FAQ_ANCHORS, texts.FAQ, strict=True)
        ],
        _no_match(),
        rx.text(
            rx.link(texts.HELP_MORE_QUESTIONS, href=routes.CONTACT), as_="p", margin_top="1.5rem"
        ),
    )
