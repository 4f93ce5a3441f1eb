"""The Lehrvertrag section of an inbox item (pages/staff_item.py): the contract's data, its PDF,
the staff's warnings, "Rückfrage" and "Eintragen" with the Lehrlingsrolle number."""

import reflex as rx

from portal_app import styles, texts
from portal_app.components.forms import (
    alert,
    form,
    notice,
    submit_button,
    success_panel,
    text_field,
    textarea_field,
)
from portal_app.state.staff_lehrvertrag import StaffLehrvertragState

S = StaffLehrvertragState


def _facts() -> rx.Component:
    return rx.el.dl(
        rx.el.dt(texts.STAFF_LEHRVERTRAG_STATUS),
        rx.el.dd(S.status),
        rx.foreach(S.facts, lambda pair: rx.fragment(rx.el.dt(pair[0]), rx.el.dd(pair[1]))),
        class_name="facts",
        aria_label=texts.STAFF_LEHRVERTRAG_HEADING,
    )


def _actions() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.STAFF_LEHRVERTRAG_REGISTER, as_="h3", size="4", margin_top="1rem"),
        form(
            text_field(
                "lehrlingsrolle_nr",
                texts.LEHRVERTRAG_NUMBER,
                S.errors.get("lehrlingsrolle_nr", ""),
                max_length=20,
            ),
            submit_button(texts.STAFF_LEHRVERTRAG_REGISTER_BUTTON),
            on_submit=S.register,
            label=texts.STAFF_LEHRVERTRAG_REGISTER,
            key=S.actions_done,
        ),
        rx.heading(texts.STAFF_LEHRVERTRAG_ASK, as_="h3", size="4", margin_top="1rem"),
        form(
            textarea_field(
                "rueckfrage",
                texts.STAFF_LEHRVERTRAG_ASK_FIELD,
                S.errors.get("rueckfrage", ""),
                max_length=4000,
            ),
            submit_button(texts.STAFF_LEHRVERTRAG_ASK_BUTTON),
            on_submit=S.ask_back,
            label=texts.STAFF_LEHRVERTRAG_ASK,
            key=S.actions_done,
        ),
    )


def lehrvertrag_section() -> rx.Component:
    return rx.cond(
        S.found,
        rx.el.section(
            rx.heading(texts.STAFF_LEHRVERTRAG_HEADING, **styles.section_heading),
            alert(S.problem),
            rx.cond(S.done != "", success_panel(None, S.done)),
            rx.foreach(S.warnings, lambda w: notice(w, tone="amber")),
            _facts(),
            rx.flex(
                rx.button(texts.STAFF_LEHRVERTRAG_PDF, on_click=S.download, variant="outline"),
                rx.cond(
                    S.person_href != "",
                    rx.link(texts.STAFF_LEHRVERTRAG_PERSON, href=S.person_href),
                ),
                gap="1rem",
                wrap="wrap",
                align="center",
            ),
            rx.cond(S.submitted, _actions()),
            class_name="item-section",
        ),
    )
