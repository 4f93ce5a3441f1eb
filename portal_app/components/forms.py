"""One helper per kind of form element, so every form looks and behaves alike.

Fields are native inputs with a visible <label>; an error appears next to the field with
role="alert" and is tied to it through aria-describedby and aria-invalid.
"""

from __future__ import annotations

import reflex as rx

from portal_app import texts
from portal_app.state.fields import field_id
from portal_app.state.session import SessionState


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
    on_blur=None,
    max_length: int | None = None,
    required: bool = True,
    default_value=None,
) -> rx.Component:
    """A labelled input. Required fields are checked on the server (no browser pop-ups).

    Without `error` the field has no message of its own (the login form answers as a whole).
    `default_value`: what the field shows at first (a record's value to change).
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
            **({"on_blur": on_blur} if on_blur is not None else {}),
            max_length=max_length,
            **({"default_value": default_value} if default_value is not None else {}),
            aria_required="true" if required else "false",
            aria_invalid=rx.cond(error != "", "true", "false"),
            aria_describedby=_described_by(name, hint, error),
            class_name="field__input",
        ),
        error_text(name, error),
        class_name="field",
    )


def date_field(
    name: str,
    label: str,
    error: rx.Var[str] | None = None,
    *,
    hint: str = "",
    autocomplete: str | rx.Var[str] = "off",
    required: bool = True,
    default_value=None,
) -> rx.Component:
    """A date as text with the visible hint "Format: TT.MM.JJJJ"; the server reads it
    (services/dates.py). A browser's date picker would show its own language's format."""
    return text_field(
        name,
        label,
        error,
        autocomplete=autocomplete,
        hint=f"{hint} {texts.DATE_FORMAT_HINT}" if hint else texts.DATE_FORMAT_HINT,
        max_length=12,
        required=required,
        default_value=default_value,
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


def form(*children: rx.Component, on_submit, label: str, key=None) -> rx.Component:
    """A form checked on the server: novalidate keeps the browser's own pop-ups away.

    A changing `key` (a state counter) makes the browser draw the form anew, all fields empty.
    """
    return rx.form(
        *children,
        on_submit=on_submit,
        no_validate=True,
        aria_label=label,
        class_name="form",
        **({"key": key} if key is not None else {}),
    )


def notice(*children: rx.Component | str, tone: str = "blue", role: str = "status"):
    """A boxed message; high contrast keeps coloured text readable (WCAG AA)."""
    return rx.callout.root(
        rx.box(*children), color_scheme=tone, role=role, high_contrast=True, width="100%"
    )


def alert(message: rx.Var[str]) -> rx.Component:
    """An error for the whole form (shown only when it has text)."""
    return rx.cond(message != "", notice(message, tone="red", role="alert"))


def focus_on_show() -> dict:
    """Props of an element that takes the keyboard focus when it appears (assets/portal.js)."""
    return {"tab_index": -1, "custom_attrs": {"data-focus-on-show": "true"}}


def success_panel(
    heading: str | rx.Var[str] | None,
    *body: str | rx.Var[str] | rx.Component,
    actions: tuple[rx.Component, ...] = (),
) -> rx.Component:
    """What a page says after a success, in place of its form or above it: a green box with a
    heading (h2) and text, buttons or links to go on below it.

    Its first line (the heading, or the first text without one) takes the keyboard focus when
    the box appears; the state reads the message out (`Feedback._succeed`). A new announcement
    draws the box anew, so a second success in a row takes the focus again."""
    lines = []
    if heading is not None:
        lines.append(rx.heading(heading, as_="h2", size="4", **focus_on_show()))
    for item in body:
        if isinstance(item, rx.Component):
            lines.append(item)
        else:
            lines.append(rx.text(item, as_="p", **({} if lines else focus_on_show())))
    return rx.box(
        rx.callout.root(
            rx.flex(*lines, direction="column", gap="0.5rem"),
            color_scheme="green",
            role="none",  # read out by the page's live region, not a second time by the box
            high_contrast=True,
            width="100%",
        ),
        rx.flex(*actions, gap="1rem", wrap="wrap", margin_top="1rem") if actions else rx.fragment(),
        key=SessionState.announcement_id,
        margin_bottom="1rem",
    )


def question(text: str, *buttons: rx.Component) -> rx.Component:
    """A question that replaces the button that asked it ("Wirklich stornieren?"): it takes
    the keyboard focus when it appears, the answers follow it in the tab order; the state
    reads it out."""
    return rx.box(
        rx.text(text, as_="p", weight="bold", **focus_on_show()),
        rx.flex(*buttons, gap="1rem", wrap="wrap", margin_top="0.75rem"),
        # no coloured box: its accent colour would pale the outlined button below 4.5:1
        border_left="4px solid var(--amber-9)",
        padding="0.25rem 0 0.25rem 1rem",
    )


# --- more kinds of fields, the honeypot -----------------------------------------------------


def _label_and_hint(name: str, label: str, hint: str) -> list[rx.Component]:
    return [
        rx.el.label(label, html_for=field_id(name), class_name="field__label"),
        rx.el.p(hint, id=f"{field_id(name)}-hinweis", class_name="field__hint")
        if hint
        else rx.fragment(),
    ]


def _control_attributes(name: str, hint: str, error: rx.Var[str], required: bool) -> dict:
    return {
        "id": field_id(name),
        "name": name,
        "aria_required": "true" if required else "false",
        "aria_invalid": rx.cond(error != "", "true", "false"),
        "aria_describedby": _described_by(name, hint, error),
        "class_name": "field__input",
    }


def textarea_field(
    name: str,
    label: str,
    error: rx.Var[str],
    *,
    hint: str = "",
    max_length: int = 5000,
    required: bool = True,
    on_blur=None,
    default_value=None,
) -> rx.Component:
    """A labelled multi-line field; with `on_blur` the state keeps what was typed."""
    return rx.el.div(
        *_label_and_hint(name, label, hint),
        rx.el.textarea(
            rows=6,
            max_length=max_length,
            **({"default_value": default_value} if default_value is not None else {}),
            **({"on_blur": on_blur} if on_blur is not None else {}),
            **_control_attributes(name, hint, error, required),
        ),
        error_text(name, error),
        class_name="field",
    )


def select_field(
    name: str,
    label: str,
    options,
    error: rx.Var[str],
    *,
    empty_label: str = "",
    hint: str = "",
    required: bool = True,
    value=None,
    on_change=None,
    option_value: str = "",
    option_label: str = "",
    default_value=None,
) -> rx.Component:
    """A native <select>. `options` are strings, (value, label) pairs, a Var of strings, or a
    Var of dicts (then name their keys with `option_value` and `option_label`). With
    `empty_label` the first entry is empty; with `on_change` the state follows the choice."""
    if isinstance(options, rx.Var):
        if option_value:
            entry = lambda o: rx.el.option(o[option_label], value=o[option_value])  # noqa: E731
        else:
            entry = lambda o: rx.el.option(o, value=o)  # noqa: E731
        entries = [rx.foreach(options, entry)]
    else:
        pairs = [o if isinstance(o, tuple) else (o, o) for o in options]
        entries = [rx.el.option(text, value=key) for key, text in pairs]
    controlled = {"value": value, "on_change": on_change} if on_change is not None else {}
    if default_value is not None and not controlled:
        controlled = {"default_value": default_value}
    return rx.el.div(
        *_label_and_hint(name, label, hint),
        rx.el.select(
            rx.el.option(empty_label, value="") if empty_label else rx.fragment(),
            *entries,
            **_control_attributes(name, hint, error, required),
            **controlled,
        ),
        error_text(name, error),
        class_name="field",
    )


def radio_group(
    name: str,
    legend: str,
    options: list[tuple[str, str]],
    error: rx.Var[str] | None = None,
    *,
    initial: str = "",
    on_change=None,
) -> rx.Component:
    """Native radio buttons in a fieldset (value, label per option): arrow keys move, the
    legend names the choice. The browser keeps the choice (a round trip would make the click
    feel late); `on_change`, if given, tells the state."""
    error = rx.Var.create("") if error is None else error

    def radio(value: str, label: str) -> rx.Component:
        changes = {"on_change": lambda _v, value=value: on_change(value)} if on_change else {}
        return rx.el.div(
            rx.el.input(
                type="radio",
                id=field_id(f"{name}-{value}"),
                name=name,
                value=value,
                default_checked=value == initial,
                **changes,
            ),
            rx.el.label(label, html_for=field_id(f"{name}-{value}")),
            class_name="check",
        )

    return rx.el.fieldset(
        rx.el.legend(legend, class_name="field__label"),
        *[radio(value, label) for value, label in options],
        error_text(name, error),
        aria_invalid=rx.cond(error != "", "true", "false"),
        aria_describedby=rx.cond(error != "", f"{field_id(name)}-fehler", ""),
        class_name="field fieldset",
    )


def honeypot(name: str, label: str) -> rx.Component:
    """A field people never see or reach: off-screen, out of the tab order and hidden from
    screen readers. Bots that fill every input give themselves away."""
    return rx.el.div(
        rx.el.label(label, html_for=field_id(name)),
        rx.el.input(id=field_id(name), name=name, type="text", tab_index=-1, auto_complete="off"),
        aria_hidden="true",
        class_name="honeypot",
    )


def new_password_fields(password_error: rx.Var[str], repeat_error: rx.Var[str]) -> rx.Component:
    """A new password and its repetition, as every form that sets a password asks for them."""
    return rx.fragment(
        text_field(
            "password",
            texts.FIELD_NEW_PASSWORD,
            password_error,
            kind="password",
            autocomplete="new-password",
            hint=texts.PASSWORD_HINT,
        ),
        text_field(
            "password_repeat",
            texts.FIELD_PASSWORD_REPEAT,
            repeat_error,
            kind="password",
            autocomplete="new-password",
        ),
    )
