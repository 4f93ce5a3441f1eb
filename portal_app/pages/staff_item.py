"""One inbox item /verwaltung/vorgang/<id>: what the member sent, its file, the actions
(Übernehmen, Status, Weiterleiten, Antworten) and its history."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.file_picker import file_picker
from portal_app.components.forms import (
    alert,
    form,
    select_field,
    submit_button,
    success_panel,
    textarea_field,
)
from portal_app.components.page import page
from portal_app.components.staff_lehrvertrag import lehrvertrag_section
from portal_app.state.staff_item import (
    ANSWER_FILES_MAX,
    ANSWER_MAX,
    ANSWER_UPLOAD_ID,
    NOTE_MAX,
    STATUS_CHOICES,
    StaffItemState,
)
from portal_app.state.staff_lehrvertrag import StaffLehrvertragState


def _pairs(rows, label: str) -> rx.Component:
    return rx.el.dl(
        rx.foreach(rows, lambda pair: rx.fragment(rx.el.dt(pair[0]), rx.el.dd(pair[1]))),
        class_name="facts",
        aria_label=label,
    )


def _section(heading: str, *children) -> rx.Component:
    return rx.el.section(
        rx.heading(heading, **styles.section_heading), *children, class_name="item-section"
    )


def _status_form() -> rx.Component:
    errors = StaffItemState.errors
    return form(
        select_field(
            "status",
            texts.STATUS,
            STATUS_CHOICES,
            errors.get("status", ""),
            value=StaffItemState.status,
            on_change=StaffItemState.pick_status,
        ),
        textarea_field(
            "note",
            texts.STAFF_ITEM_NOTE,
            errors.get("note", ""),
            max_length=NOTE_MAX,
            required=False,
        ),
        submit_button(texts.STAFF_ITEM_SET_STATUS),
        on_submit=StaffItemState.set_status,
        label=texts.STAFF_ITEM_SET_STATUS,
        key=StaffItemState.actions_done,
    )


def _forward_form() -> rx.Component:
    errors = StaffItemState.errors
    return form(
        select_field(
            "department",
            texts.STAFF_ITEM_FORWARD_TO,
            StaffItemState.department_choices,
            errors.get("department", ""),
            empty_label=texts.FORM_CHOOSE,
            option_value="value",
            option_label="label",
        ),
        textarea_field(
            "forward_note",
            texts.STAFF_ITEM_NOTE,
            errors.get("forward_note", ""),
            max_length=NOTE_MAX,
            required=False,
        ),
        submit_button(texts.STAFF_ITEM_FORWARD),
        on_submit=StaffItemState.forward,
        label=texts.STAFF_ITEM_FORWARD,
        key=StaffItemState.actions_done,
    )


def _answer_form() -> rx.Component:
    errors = StaffItemState.errors
    chosen = rx.selected_files(ANSWER_UPLOAD_ID)
    return rx.el.div(
        textarea_field(
            "answer",
            texts.STAFF_ITEM_ANSWER,
            errors.get("answer", ""),
            max_length=ANSWER_MAX,
            hint=texts.STAFF_ITEM_ANSWER_HINT,
            on_blur=StaffItemState.keep_answer,  # the upload event below reads it
        ),
        file_picker(
            ANSWER_UPLOAD_ID,
            pick_label=texts.STAFF_ITEM_PICK_FILES,
            input_label=texts.STAFF_ITEM_FILES_INPUT,
            hint=texts.STAFF_ITEM_FILES_RULES.format(count=ANSWER_FILES_MAX),
            max_files=ANSWER_FILES_MAX,
            cleared_by=StaffItemState.actions_done,
        ),
        rx.el.ul(rx.foreach(chosen, lambda name: rx.el.li(name)), aria_label=texts.UPLOAD_SELECTED),
        rx.cond(
            errors.contains("files"),
            rx.el.p(errors["files"], role="alert", class_name="field__error"),
        ),
        rx.button(
            texts.STAFF_ITEM_SEND_ANSWER,
            type="button",
            size="3",
            width="fit-content",
            on_click=StaffItemState.answer(rx.upload_files_chunk(upload_id=ANSWER_UPLOAD_ID)),
        ),
        key=StaffItemState.actions_done,
        class_name="answer-form",
    )


def _sent() -> rx.Component:
    """What the member sent (a Lehrvertrag shows its own section instead)."""
    return _section(
        texts.STAFF_ITEM_SENT,
        _pairs(StaffItemState.sent, texts.STAFF_ITEM_SENT),
        rx.cond(
            StaffItemState.record_href != "",
            rx.link(texts.VERZEICHNIS_ITEM_RECORD, href=StaffItemState.record_href),
        ),
        rx.cond(
            StaffItemState.file_name != "",
            rx.button(
                texts.STAFF_ITEM_DOWNLOAD,
                on_click=StaffItemState.download,
                variant="outline",
                aria_label=texts.DOWNLOAD_LABEL.format(name=StaffItemState.file_name),
            ),
        ),
    )


def _item() -> rx.Component:
    return rx.fragment(
        rx.heading(StaffItemState.subject, **styles.page_heading),
        alert(StaffItemState.problem),
        rx.cond(StaffItemState.done != "", success_panel(None, StaffItemState.done)),
        _pairs(StaffItemState.facts, texts.STAFF_ITEM_FACTS),
        rx.button(
            texts.STAFF_ITEM_TAKE_OVER,
            on_click=StaffItemState.take_over,
            variant="outline",
            margin_bottom="1rem",
        ),
        rx.cond(
            (StaffItemState.sent.length() > 0) | (StaffItemState.file_name != ""),
            _sent(),
        ),
        lehrvertrag_section(),
        _section(texts.STAFF_ITEM_ANSWER_HEADING, _answer_form()),
        _section(texts.STAFF_ITEM_STATUS_HEADING, _status_form()),
        _section(texts.STAFF_ITEM_FORWARD_HEADING, _forward_form()),
        _section(
            texts.STAFF_ITEM_HISTORY,
            rx.el.ol(
                rx.foreach(
                    StaffItemState.history,
                    lambda e: rx.el.li(rx.el.strong(e[0]), " ", e[1], " – ", e[2]),
                ),
                class_name="history",
            ),
        ),
        rx.link(texts.STAFF_BACK_TO_INBOX, href=routes.STAFF_INBOX),
    )


@page(
    routes.STAFF_ITEM,
    texts.STAFF_ITEM_TITLE,
    staff=True,
    protected=True,
    linked=True,
    on_load=[StaffItemState.load, StaffLehrvertragState.load],
)
def staff_item() -> rx.Component:
    return rx.cond(
        StaffItemState.found,
        _item(),
        rx.fragment(
            rx.heading(texts.STAFF_ITEM_TITLE, **styles.page_heading),
            rx.text(texts.INBOX_ITEM_NOT_FOUND, as_="p"),
            rx.link(texts.STAFF_BACK_TO_INBOX, href=routes.STAFF_INBOX),
        ),
    )
