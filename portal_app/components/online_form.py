"""One online form built from its definition (fields, labels, kinds): the contact form and
every form of the catalogue look and behave alike."""

from __future__ import annotations

import reflex as rx

from portal_app import routes, texts
from portal_app.components.forms import (
    alert,
    checkbox_field,
    date_field,
    form,
    honeypot,
    select_field,
    submit_button,
    success_panel,
    text_field,
    textarea_field,
)


def _label(spec) -> str:
    return spec.label if spec.required else f"{spec.label} {texts.OPTIONAL_MARK}"


def _field(spec, errors: rx.Var) -> rx.Component:
    error = errors.get(spec.name, "")
    if spec.kind == "textarea":
        return textarea_field(
            spec.name,
            _label(spec),
            error,
            hint=spec.hint,
            max_length=spec.max_length,
            required=spec.required,
        )
    if spec.kind == "select":
        return select_field(
            spec.name,
            _label(spec),
            spec.options,
            error,
            empty_label=texts.FORM_CHOOSE,
            hint=spec.hint,
            required=spec.required,
        )
    if spec.kind == "checkbox":
        return checkbox_field(
            spec.name,
            rx.fragment(
                spec.label,
                " ",
                rx.link(texts.REGISTER_PRIVACY_LINK, href=routes.PRIVACY, is_external=True),
            ),
            error,
        )
    if spec.kind == "date":
        return date_field(
            spec.name,
            _label(spec),
            error,
            hint=spec.hint,
            autocomplete=spec.autocomplete,
            required=spec.required,
        )
    return text_field(
        spec.name,
        _label(spec),
        error,
        kind=spec.kind,
        autocomplete=spec.autocomplete,
        hint=spec.hint,
        max_length=spec.max_length,
        required=spec.required,
    )


def online_form(spec, *, state, honeypot_name: str) -> rx.Component:
    """The form of `spec`, or the thank-you once `state.sent`. `state` is a FormState."""
    return rx.cond(
        state.sent,
        success_panel(
            texts.FORM_SENT_TITLE,
            spec.sent_text,
            actions=(rx.button(texts.FORM_SEND_ANOTHER, on_click=state.again, variant="outline"),),
        ),
        form(
            alert(state.problem),
            rx.el.input(type="hidden", name="form_key", value=spec.key),
            *[_field(field, state.errors) for field in spec.fields],
            honeypot(honeypot_name, texts.HONEYPOT_LABEL),
            submit_button(texts.FORM_SEND),
            on_submit=state.submit_public if spec.public else state.submit,
            label=spec.title,
        ),
    )
