"""One helper per kind of form element, so every form looks and behaves alike.

Fields are native inputs with a visible <label>; an error appears next to the field with
role="alert" and is tied to it through aria-describedby and aria-invalid.
"""

from __future__ import annotations

import reflex as rx

from portal_app.state.fields import field_id


def _described_by(name: str, hint: str, error: rx.Var[str]) -> rx.Var[str] | str:
    hint_id = f"{field_id(name)}-hinweis " if hint else ""
    return rx.cond(error != "", f"{hint_id}{field_id(name)}-fehler", hint_id.strip())


def error_text(name: str, error: rx.Var[str]) -> rx.Component:
    return rx.cond(
        error != "",
        rx.el.p(error, id=f"{field_id(name)}-fehler", role="alert", class_name="field__error"),
    )


def text_field(
    name: str,
    label: str,
    error: rx.Var[str] | None = None,
    *,
    kind: str = "text",
    autocomplete: str = "off",
    hint: str = "",
    max_length: int | None = None,
    on_blur=None,
) -> rx.Component:
    """A labelled input. Required fields are checked on the server (no browser pop-ups).

    Without `error` the field has no message of its own (the login form answers as a whole).
    """
    error = rx.Var.create("") if error is None else error
    return rx.el.div(
        rx.el.label(label, html_for=field_id(name), class_name="field__label"),
        rx.el.p(hint, id=f"{field_id(name)}-hinweis", class_name="field__hint")
        if hint
        else rx.fragment(),
        rx.el.input(
            id=field_id(name),
            name=name,
            type=kind,
            auto_complete=autocomplete,
            max_length=max_length,
            aria_required="true",
            **({"on_blur": on_blur} if on_blur is not None else {}),
            aria_invalid=rx.cond(error != "", "true", "false"),
            aria_describedby=_described_by(name, hint, error),
            class_name="field__input",
        ),
        error_text(name, error),
        class_name="field",
    )


def checkbox_field(name: str, label: rx.Component | str, error: rx.Var[str]) -> rx.Component:
    return rx.el.div(
        rx.el.div(
            rx.el.input(
                id=field_id(name),
                name=name,
                type="checkbox",
                aria_required="true",
                aria_invalid=rx.cond(error != "", "true", "false"),
                aria_describedby=rx.cond(error != "", f"{field_id(name)}-fehler", ""),
            ),
            rx.el.label(label, html_for=field_id(name)),
            class_name="check",
        ),
        error_text(name, error),
        class_name="field",
    )


def submit_button(label: str, busy: rx.Var[bool] | bool = False) -> rx.Component:
    return rx.button(label, type="submit", size="3", loading=busy, width="fit-content")


def form(*children: rx.Component, on_submit, label: str) -> rx.Component:
    """A form checked on the server: novalidate keeps the browser's own pop-ups away."""
    return rx.form(
        *children,
        on_submit=on_submit,
        no_validate=True,
        aria_label=label,
        class_name="form",
    )


def notice(*children: rx.Component | str, tone: str = "blue", role: str = "status"):
    """A boxed message; high contrast keeps coloured text readable (WCAG AA)."""
    return rx.callout.root(
        rx.box(*children), color_scheme=tone, role=role, high_contrast=True, width="100%"
    )


def alert(message: rx.Var[str]) -> rx.Component:
    """An error for the whole form (shown only when it has text)."""
    return rx.cond(message != "", notice(message, tone="red", role="alert"))


def radio_group(
    name: str, legend: str, options: list[tuple[str, str]], error: rx.Var[str]
) -> rx.Component:
    """Native radio buttons in a fieldset: arrow keys move, the legend names the choice."""
    return rx.el.fieldset(
        rx.el.legend(legend, class_name="field__label"),
        *[
            rx.el.div(
                rx.el.input(id=field_id(f"{name}-{value}"), name=name, value=value, type="radio"),
                rx.el.label(label, html_for=field_id(f"{name}-{value}")),
                class_name="check",
            )
            for value, label in options
        ],
        error_text(name, error),
        aria_invalid=rx.cond(error != "", "true", "false"),
        aria_describedby=rx.cond(error != "", f"{field_id(name)}-fehler", ""),
        class_name="field fieldset",
    )


# --- select (issue 4: documents, SEPA) ----------------------------------------------------------


def select_field(
    name: str,
    label: str,
    options: rx.Var | list[tuple[str, str]],
    value: rx.Var[str],
    on_change,
    error: rx.Var[str],
    *,
    placeholder: str = "",
) -> rx.Component:
    """A native <select> with a visible label. `options` is a list of (value, label) pairs or a
    Var of dicts with "key" and "label"."""
    if isinstance(options, rx.Var):
        rendered = rx.foreach(options, lambda o: rx.el.option(o["label"], value=o["key"]))
    else:
        rendered = rx.fragment(*[rx.el.option(text, value=key) for key, text in options])
    return rx.el.div(
        rx.el.label(label, html_for=field_id(name), class_name="field__label"),
        rx.el.select(
            rx.el.option(placeholder, value="", disabled=True) if placeholder else rx.fragment(),
            rendered,
            id=field_id(name),
            name=name,
            value=value,
            on_change=on_change,
            aria_required="true",
            aria_invalid=rx.cond(error != "", "true", "false"),
            aria_describedby=rx.cond(error != "", f"{field_id(name)}-fehler", ""),
            class_name="field__input",
        ),
        error_text(name, error),
        class_name="field",
    )
