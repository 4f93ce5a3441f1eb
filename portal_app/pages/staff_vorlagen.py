"""The administrators' Vorlagen page /verwaltung/vorlagen: add a Vorlage, replace a Vorlage's
file, remove a Vorlage; the library as members see it, by topic."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.file_picker import VORLAGE_ACCEPTED, file_picker
from portal_app.components.forms import (
    alert,
    error_text,
    question,
    select_field,
    success_panel,
    text_field,
)
from portal_app.components.page import page
from portal_app.state.fields import field_id
from portal_app.state.staff_vorlagen import (
    ADD_UPLOAD_ID,
    REPLACE_UPLOAD_ID,
    StaffVorlagenState,
)


def _picker(upload_id: str, pick_label: str, input_label: str, field: str) -> rx.Component:
    return rx.el.div(
        file_picker(
            upload_id,
            pick_label=pick_label,
            input_label=input_label,
            hint=texts.STAFF_VORLAGE_FILE_RULES,
            max_files=1,
            cleared_by=StaffVorlagenState.forms_done,
            accept=VORLAGE_ACCEPTED,
            button_id=field_id(field),
        ),
        rx.el.ul(
            rx.foreach(rx.selected_files(upload_id), lambda name: rx.el.li(name)),
            aria_label=texts.UPLOAD_SELECTED,
        ),
        error_text(field, StaffVorlagenState.errors.get(field, "")),
    )


def _add_form() -> rx.Component:
    errors = StaffVorlagenState.errors
    return rx.el.section(
        rx.heading(texts.STAFF_VORLAGE_ADD, **styles.section_heading),
        rx.el.div(
            text_field(
                "thema",
                texts.STAFF_VORLAGE_THEMA,
                errors.get("thema", ""),
                hint=texts.STAFF_VORLAGE_THEMA_HINT,
                max_length=100,
                on_blur=StaffVorlagenState.keep_thema,
            ),
            text_field(
                "titel",
                texts.STAFF_VORLAGE_TITEL,
                errors.get("titel", ""),
                max_length=200,
                on_blur=StaffVorlagenState.keep_titel,
            ),
            text_field(
                "beschreibung",
                texts.STAFF_VORLAGE_BESCHREIBUNG,
                errors.get("beschreibung", ""),
                max_length=500,
                required=False,
                on_blur=StaffVorlagenState.keep_beschreibung,
            ),
            _picker(
                ADD_UPLOAD_ID, texts.STAFF_VORLAGE_PICK, texts.STAFF_VORLAGE_FILE_INPUT, "datei"
            ),
            rx.button(
                texts.STAFF_VORLAGE_ADD_BUTTON,
                type="button",
                size="3",
                width="fit-content",
                on_click=StaffVorlagenState.add(rx.upload_files_chunk(upload_id=ADD_UPLOAD_ID)),
            ),
            key=StaffVorlagenState.forms_done,
            class_name="answer-form",
            role="group",
            aria_label=texts.STAFF_VORLAGE_ADD,
        ),
    )


def _replace_form() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.STAFF_VORLAGE_REPLACE, **styles.section_heading),
        rx.el.div(
            select_field(
                "vorlage",
                texts.STAFF_VORLAGE_REPLACE_WHICH,
                StaffVorlagenState.rows,
                StaffVorlagenState.errors.get("vorlage", ""),
                empty_label=" ",
                value=StaffVorlagenState.replace_id,
                on_change=StaffVorlagenState.pick_replace,
                option_value="id",
                option_label="choice",
            ),
            _picker(
                REPLACE_UPLOAD_ID,
                texts.STAFF_VORLAGE_PICK_NEW,
                texts.STAFF_VORLAGE_REPLACE_FILE_INPUT,
                "ersatz",
            ),
            rx.button(
                texts.STAFF_VORLAGE_REPLACE_BUTTON,
                type="button",
                size="3",
                width="fit-content",
                on_click=StaffVorlagenState.replace(
                    rx.upload_files_chunk(upload_id=REPLACE_UPLOAD_ID)
                ),
            ),
            key=StaffVorlagenState.forms_done,
            class_name="answer-form",
            role="group",
            aria_label=texts.STAFF_VORLAGE_REPLACE,
        ),
    )


def _entry(row) -> rx.Component:
    return rx.el.article(
        rx.heading(row["titel"], as_="h3", size="4"),
        rx.text(row["thema"], as_="p", class_name="muted"),
        rx.cond(row["beschreibung"] != "", rx.text(row["beschreibung"], as_="p")),
        rx.text(row["facts"], as_="p", class_name="field__hint"),
        rx.cond(
            StaffVorlagenState.asking_remove == row["id"],
            question(
                row["question"],
                rx.button(
                    texts.STAFF_VORLAGE_REMOVE_YES,
                    type="button",
                    color_scheme="red",
                    on_click=StaffVorlagenState.remove(row["id"]),
                ),
                rx.button(
                    texts.CANCEL_NO,
                    type="button",
                    variant="outline",
                    on_click=StaffVorlagenState.keep_vorlage,
                ),
            ),
            rx.button(
                texts.STAFF_VORLAGE_REMOVE,
                type="button",
                variant="outline",
                color_scheme="red",
                aria_label=row["remove_label"],
                on_click=StaffVorlagenState.ask_remove(row["id"]),
                margin_top="0.5rem",
            ),
        ),
        class_name="staff-card",
        aria_label=row["titel"],
    )


@page(
    routes.STAFF_VORLAGEN,
    texts.STAFF_VORLAGEN_TITLE,
    staff=True,
    admin=True,
    nav_label=texts.STAFF_VORLAGEN_NAV,
    nav_order=40,
    on_load=[StaffVorlagenState.load],
)
def staff_vorlagen() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.STAFF_VORLAGEN_TITLE, **styles.page_heading),
        rx.text(texts.STAFF_VORLAGEN_INTRO, as_="p", margin_bottom="1rem"),
        alert(StaffVorlagenState.problem),
        rx.cond(StaffVorlagenState.done != "", success_panel(None, StaffVorlagenState.done)),
        _add_form(),
        _replace_form(),
        rx.el.section(
            rx.heading(texts.STAFF_VORLAGE_LIST, **styles.section_heading),
            rx.cond(
                StaffVorlagenState.rows.length() > 0,
                rx.foreach(StaffVorlagenState.rows, _entry),
                rx.text(texts.VORLAGEN_EMPTY, as_="p"),
            ),
        ),
    )
