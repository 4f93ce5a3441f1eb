"""Vorlagen: templates and forms to download, grouped by topic."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.page import page
from portal_app.state.vorlagen import VorlagenState


def _item(item, topic) -> rx.Component:
    return rx.cond(
        item["thema"] == topic,
        rx.el.li(
            rx.el.div(
                rx.heading(item["titel"], as_="h3", size="3"),
                rx.text(item["beschreibung"], as_="p"),
                rx.text(item["facts"], as_="p", class_name="field__hint"),
            ),
            rx.button(
                texts.DOWNLOAD_BUTTON,
                variant="outline",
                on_click=VorlagenState.download(item["id"]),
                aria_label=item["download_label"],
            ),
            class_name="vorlage",
        ),
    )


def _group(topic) -> rx.Component:
    return rx.el.section(
        rx.heading(topic, **styles.section_heading),
        rx.el.ul(
            rx.foreach(VorlagenState.entries, lambda item: _item(item, topic)),
            class_name="vorlagen",
        ),
    )


@page(
    routes.VORLAGEN,
    texts.VORLAGEN_TITLE,
    unlocked=True,
    on_load=[VorlagenState.load],
    account_link=texts.VORLAGEN_TITLE,
    account_order=20,
)
def vorlagen_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.VORLAGEN_TITLE, **styles.page_heading),
        rx.text(texts.VORLAGEN_INTRO, as_="p"),
        rx.cond(
            VorlagenState.topics.length() > 0,
            rx.foreach(VorlagenState.topics, _group),
            rx.text(texts.VORLAGEN_EMPTY, as_="p", color_scheme="gray", margin_top="1rem"),
        ),
    )
