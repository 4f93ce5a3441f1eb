"""The administrators' team page: invite colleagues, their departments, deactivate a
colleague, reset a colleague's second factor."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    form,
    submit_button,
    success_panel,
    text_field,
)
from portal_app.components.page import page
from portal_app.state.staff_team import DEPARTMENT_CHOICES, DEPARTMENT_FIELD, StaffTeamState


def _department_boxes(id_prefix, checked=None) -> rx.Component:
    """A checkbox per department in a fieldset; `checked(key)`: ticked at first."""
    boxes = []
    for key, label in DEPARTMENT_CHOICES:
        box_id = id_prefix + key
        boxes.append(
            rx.el.div(
                rx.el.input(
                    type="checkbox",
                    id=box_id,
                    name=DEPARTMENT_FIELD + key,
                    **({"default_checked": checked(key)} if checked else {}),
                ),
                rx.el.label(label, html_for=box_id),
                class_name="check",
            )
        )
    return rx.el.fieldset(
        rx.el.legend(texts.STAFF_DEPARTMENTS, class_name="field__label"),
        rx.el.div(*boxes, class_name="department-choices"),
        class_name="field",
    )


def _invite_form() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.STAFF_INVITE_TITLE, as_="h2", size="5", margin_bottom="0.5rem"),
        form(
            text_field(
                "name",
                texts.FIELD_STAFF_NAME,
                StaffTeamState.errors.get("name", ""),
                autocomplete="off",
                max_length=200,
            ),
            text_field(
                "email",
                texts.FIELD_EMAIL,
                StaffTeamState.errors.get("email", ""),
                kind="email",
                autocomplete="off",
            ),
            _department_boxes("feld-abteilung-"),
            rx.cond(
                StaffTeamState.errors.contains("departments"),
                rx.el.p(
                    StaffTeamState.errors["departments"], role="alert", class_name="field__error"
                ),
            ),
            submit_button(texts.STAFF_INVITE_BUTTON),
            on_submit=StaffTeamState.invite,
            label=texts.STAFF_INVITE_TITLE,
            key=StaffTeamState.invite_form_key,
        ),
        margin_bottom="2rem",
    )


def _staff_card(row) -> rx.Component:
    prefix = "abt-" + row["id"] + "-"
    return rx.el.article(
        rx.heading(row["name"], as_="h3", size="4"),
        rx.text(row["email"], " · ", row["role"], " · ", row["status"], as_="p"),
        rx.text(texts.STAFF_DEPARTMENTS, ": ", row["departments"], as_="p"),
        rx.cond(
            row["active"] == "1",
            rx.fragment(
                form(
                    rx.el.input(type="hidden", name="staff_id", value=row["id"]),
                    _department_boxes(prefix, lambda key: row["keys"].contains("," + key + ",")),
                    rx.button(
                        texts.STAFF_DEPARTMENTS_SAVE,
                        type="submit",
                        variant="soft",
                        width="fit-content",
                    ),
                    on_submit=StaffTeamState.save_departments,
                    label=texts.STAFF_DEPARTMENTS_SAVE,
                    key=row["keys"],
                ),
                rx.cond(
                    row["other"] == "1",
                    rx.flex(
                        rx.button(
                            texts.STAFF_RESET_SECOND_FACTOR,
                            type="button",
                            variant="outline",
                            on_click=StaffTeamState.reset_second_factor(row["id"]),
                        ),
                        rx.button(
                            texts.STAFF_DEACTIVATE,
                            type="button",
                            color_scheme="red",
                            variant="outline",
                            on_click=StaffTeamState.deactivate(row["id"]),
                        ),
                        gap="1rem",
                        wrap="wrap",
                        margin_top="0.75rem",
                    ),
                ),
            ),
        ),
        class_name="staff-card",
        aria_label=row["name"],
    )


@page(
    routes.STAFF_TEAM,
    texts.STAFF_TEAM_TITLE,
    staff=True,
    admin=True,
    nav_label=texts.STAFF_TEAM_TITLE,
    nav_order=20,
    on_load=[StaffTeamState.load],
)
def staff_team() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.STAFF_TEAM_TITLE, **styles.page_heading),
        rx.text(texts.STAFF_TEAM_INTRO, as_="p", margin_bottom="1rem"),
        alert(StaffTeamState.problem),
        rx.cond(StaffTeamState.done != "", success_panel(None, StaffTeamState.done)),
        _invite_form(),
        rx.el.section(
            rx.heading(texts.STAFF_LIST_TITLE, as_="h2", size="5", margin_bottom="0.5rem"),
            rx.foreach(StaffTeamState.rows, _staff_card),
        ),
    )
