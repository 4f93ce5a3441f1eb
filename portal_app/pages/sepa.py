"""SEPA: the Betrieb's direct-debit mandate – the active one, a new or replacing one, history."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    checkbox_field,
    form,
    notice,
    question,
    select_field,
    submit_button,
    success_panel,
    text_field,
)
from portal_app.components.loading import until_loaded
from portal_app.components.page import page
from portal_app.components.totp import second_factor_first
from portal_app.state.sepa import SepaState


def _fact(label: str, value) -> rx.Component:
    return rx.fragment(rx.el.dt(label), rx.el.dd(value))


def _revoke() -> rx.Component:
    return rx.cond(
        SepaState.confirm_revoke,
        question(
            texts.SEPA_REVOKE_CONFIRM,
            rx.button(
                texts.SEPA_REVOKE_YES,
                color_scheme="red",
                on_click=SepaState.revoke(SepaState.active["id"]),
            ),
            rx.button(texts.UPLOAD_CANCEL, variant="outline", on_click=SepaState.cancel_revoke),
        ),
        rx.button(texts.SEPA_REVOKE, variant="outline", on_click=SepaState.ask_revoke),
    )


def _active() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.SEPA_ACTIVE_HEADING, **styles.section_heading),
        rx.cond(
            SepaState.has_active,
            rx.box(
                rx.el.dl(
                    _fact(texts.SEPA_REFERENCE, SepaState.active["reference"]),
                    _fact(texts.SEPA_CREDITOR_ID, SepaState.active["creditor_id"]),
                    _fact(texts.FIELD_KONTOINHABER, SepaState.active["holder"]),
                    _fact(texts.SEPA_ACCOUNT, SepaState.active["iban"]),
                    _fact("Kreditinstitut", SepaState.active["bank"]),
                    _fact(texts.SEPA_SINCE, SepaState.active["since"]),
                    class_name="facts",
                ),
                rx.flex(
                    rx.button(
                        texts.SEPA_PDF,
                        variant="outline",
                        on_click=SepaState.download_pdf(SepaState.active["id"]),
                    ),
                    _revoke(),
                    gap="1rem",
                    wrap="wrap",
                    margin_top="1rem",
                    align="start",
                ),
            ),
            rx.text(texts.SEPA_NONE_ACTIVE, as_="p", color_scheme="gray"),
        ),
        aria_label=texts.SEPA_ACTIVE_HEADING,
    )


def _grant_form() -> rx.Component:
    return rx.el.section(
        rx.heading(
            rx.cond(SepaState.has_active, texts.SEPA_REPLACE_HEADING, texts.SEPA_NEW_HEADING),
            **styles.section_heading,
        ),
        form(
            text_field(
                "kontoinhaber",
                texts.FIELD_KONTOINHABER,
                SepaState.errors.get("kontoinhaber", ""),
                autocomplete="name",
                max_length=70,
            ),
            text_field(
                "iban",
                texts.FIELD_IBAN,
                SepaState.errors.get("iban", ""),
                hint=texts.IBAN_HINT,
                max_length=42,
                on_blur=SepaState.check_iban,
            ),
            rx.text(SepaState.bank_hint, as_="p", role="status", class_name="field__hint"),
            rx.el.blockquote(SepaState.mandate_text, class_name="mandate-text"),
            checkbox_field(
                "zustimmung", texts.SEPA_CONSENT, SepaState.errors.get("zustimmung", "")
            ),
            submit_button(texts.SEPA_GRANT_BUTTON),
            on_submit=SepaState.submit,
            label=texts.SEPA_FORM_LABEL,
            key=SepaState.form_round,
        ),
    )


def _collections() -> rx.Component:
    """What was collected with the active mandate (files the chamber handed to its bank)."""
    return rx.cond(
        SepaState.has_active,
        rx.el.section(
            rx.heading(texts.SEPA_COLLECTIONS_HEADING, **styles.section_heading),
            rx.cond(
                SepaState.collections.length() > 0,
                rx.el.ul(rx.foreach(SepaState.collections, lambda line: rx.el.li(line))),
                rx.text(texts.SEPA_COLLECTIONS_EMPTY, as_="p"),
            ),
            aria_label=texts.SEPA_COLLECTIONS_HEADING,
        ),
    )


def _history() -> rx.Component:
    return rx.cond(
        SepaState.history.length() > 0,
        rx.el.section(
            rx.heading(texts.SEPA_HISTORY_HEADING, **styles.section_heading),
            rx.el.ul(
                rx.foreach(
                    SepaState.history,
                    lambda row: rx.el.li(
                        rx.text(row["reference"], " – ", row["iban"], " – ", row["ended"])
                    ),
                )
            ),
            aria_label=texts.SEPA_HISTORY_HEADING,
        ),
    )


def _mandates() -> rx.Component:
    return rx.fragment(
        rx.cond(
            SepaState.betriebe.length() > 0,
            rx.fragment(
                rx.text(texts.SEPA_INTRO, as_="p"),
                rx.box(
                    select_field(
                        "betrieb",
                        texts.BETRIEB,
                        SepaState.betriebe,
                        SepaState.errors.get("betrieb", ""),
                        value=SepaState.betrieb_key,
                        on_change=SepaState.select_betrieb,
                        option_value="key",
                        option_label="label",
                    ),
                    max_width="32rem",
                    margin_top="1rem",
                ),
                rx.cond(SepaState.message != "", success_panel(None, SepaState.message)),
                alert(SepaState.problem),
                _active(),
                _collections(),
                _grant_form(),
                _history(),
            ),
            until_loaded(notice(texts.SEPA_ONLY_BETRIEB)),
        ),
    )


@page(
    routes.SEPA,
    texts.SEPA_TITLE,
    unlocked=True,
    on_load=[SepaState.load],
    account_link=texts.SEPA_TITLE,
    account_order=30,
)
def sepa_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.SEPA_TITLE, **styles.page_heading),
        rx.cond(
            SepaState.needs_second_factor,
            until_loaded(
                second_factor_first(
                    texts.SEPA_SECOND_FACTOR_TEXT, routes.second_factor_setup(routes.SEPA)
                )
            ),
            _mandates(),
        ),
    )
