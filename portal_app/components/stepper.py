"""A row of numbered steps that says which are done and which is current."""

import reflex as rx

from portal_app import texts


def stepper(names: tuple[str, ...], current: rx.Var[int], label: str) -> rx.Component:
    """`current` counts from 1; a value past the last step means all are done."""

    def step(number: int, name: str) -> rx.Component:
        state = rx.cond(
            current > number,
            texts.WELCOME_STEP_DONE,
            rx.cond(current == number, texts.WELCOME_STEP_CURRENT, texts.WELCOME_STEP_OPEN),
        )
        return rx.el.li(
            rx.el.span(str(number), class_name="stepper__number", aria_hidden="true"),
            rx.el.span(name, rx.el.span(state, class_name="stepper__state")),
            aria_current=rx.cond(current == number, "step", "false"),
            data_state=rx.cond(current > number, "done", "open"),
        )

    return rx.el.ol(
        *[step(number, name) for number, name in enumerate(names, start=1)],
        aria_label=label,
        class_name="stepper",
    )
