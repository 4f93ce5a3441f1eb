"""Freischalten as Betrieb or Person with the PIN by post, and the request for a new PIN."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    form,
    notice,
    radio_group,
    submit_button,
    success_panel,
    text_field,
)
from portal_app.components.links import link_button
from portal_app.components.page import page
from portal_app.state.unlock import PinRequestState, UnlockState


def _pin_field(number_field: str) -> rx.Component:
    return text_field(
        f"{number_field}-pin",
        texts.FIELD_PIN,
        UnlockState.errors.get(f"{number_field}-pin", ""),
        autocomplete="one-time-code",
        hint=texts.PIN_HINT,
        max_length=20,
    )


def _unlock_form(
    as_whom: str, number_field: str, label: str, hint: str, intro: str, on_submit
) -> rx.Component:
    return form(
        rx.text(intro, as_="p"),
        alert(UnlockState.problem),
        text_field(
            number_field, label, UnlockState.errors.get(number_field, ""), hint=hint, max_length=20
        ),
        _pin_field(number_field),
        submit_button(texts.UNLOCK_TITLE),
        on_submit=on_submit,
        label=f"{texts.UNLOCK_TITLE} {as_whom}",
    )


def _new_pin_help() -> rx.Component:
    return rx.box(
        rx.link(texts.PIN_REQUEST_TITLE, href=routes.PIN_REQUEST),
        rx.el.details(
            rx.el.summary(texts.UNLOCK_NEW_PIN_QUESTION),
            rx.text(texts.UNLOCK_NEW_PIN_ANSWER, as_="p", margin_top="0.5rem"),
            class_name="faq",
        ),
        rx.text(texts.UNLOCK_ONCE_NOTE, as_="p", color_scheme="gray", margin_top="1rem"),
        margin_top="1.5rem",
    )


def _done() -> rx.Component:
    return success_panel(
        texts.UNLOCK_DONE_TITLE,
        UnlockState.done_message,
        texts.UNLOCK_NOW_OPEN,
        actions=(
            link_button(texts.ACCOUNT_TITLE, routes.ACCOUNT),
            rx.button(
                texts.UNLOCK_ANOTHER, on_click=UnlockState.another, variant="outline", size="3"
            ),
        ),
    )


def unlock_forms() -> rx.Component:
    """The two ways to unlock, as tabs; also the last step of the welcome wizard."""
    return rx.cond(
        UnlockState.done_label != "",
        _done(),
        rx.box(
            rx.tabs.root(
                rx.tabs.list(
                    rx.tabs.trigger(texts.UNLOCK_AS_BETRIEB, value="betrieb"),
                    rx.tabs.trigger(texts.UNLOCK_AS_PERSON, value="person"),
                    aria_label=texts.UNLOCK_TABS_LABEL,
                ),
                rx.tabs.content(
                    _unlock_form(
                        texts.UNLOCK_AS_BETRIEB,
                        "betriebsnummer",
                        texts.FIELD_BETRIEBSNUMMER,
                        texts.BETRIEBSNUMMER_HINT,
                        texts.UNLOCK_BETRIEB_INTRO,
                        UnlockState.submit_betrieb,
                    ),
                    value="betrieb",
                    class_name="tabs-panel",
                ),
                rx.tabs.content(
                    _unlock_form(
                        texts.UNLOCK_AS_PERSON,
                        "kundennummer",
                        texts.FIELD_KUNDENNUMMER,
                        texts.KUNDENNUMMER_HINT,
                        texts.UNLOCK_PERSON_INTRO,
                        UnlockState.submit_person,
                    ),
                    value="person",
                    class_name="tabs-panel",
                ),
                default_value="betrieb",
                on_change=UnlockState.switch_tab,
            ),
            _new_pin_help(),
        ),
    )


@page(routes.UNLOCK, texts.UNLOCK_TITLE, protected=True, on_load=[UnlockState.load])
def unlock_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.UNLOCK_TITLE, **styles.page_heading),
        rx.cond(
            UnlockState.required_notice != "",
            rx.box(notice(UnlockState.required_notice), margin_bottom="1rem"),
        ),
        rx.text(texts.UNLOCK_INTRO, as_="p", margin_bottom="1rem"),
        unlock_forms(),
    )


def _pin_request_form() -> rx.Component:
    return form(
        alert(PinRequestState.problem),
        radio_group(
            "art",
            texts.PIN_REQUEST_KIND,
            [
                ("betrieb", texts.PIN_REQUEST_KIND_BETRIEB),
                ("person", texts.PIN_REQUEST_KIND_PERSON),
            ],
            PinRequestState.errors.get("art", ""),
        ),
        text_field(
            "nummer", texts.FIELD_NUMMER, PinRequestState.errors.get("nummer", ""), max_length=20
        ),
        submit_button(texts.PIN_REQUEST_TITLE),
        on_submit=PinRequestState.submit,
        label=texts.PIN_REQUEST_TITLE,
    )


@page(routes.PIN_REQUEST, texts.PIN_REQUEST_TITLE, protected=True, on_load=[PinRequestState.load])
def pin_request_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.PIN_REQUEST_TITLE, **styles.page_heading),
        rx.cond(
            PinRequestState.sent,
            success_panel(texts.PIN_REQUEST_DONE_TITLE, texts.PIN_REQUEST_DONE),
            rx.fragment(
                rx.text(texts.PIN_REQUEST_INTRO, as_="p", margin_bottom="1rem"),
                _pin_request_form(),
            ),
        ),
        rx.box(rx.link(texts.PIN_REQUEST_BACK, href=routes.UNLOCK), margin_top="1.5rem"),
    )
