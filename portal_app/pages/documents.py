"""Dokumente: what the chamber provides, the upload (drop zone or file picker), what was sent."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.file_picker import file_picker
from portal_app.components.forms import alert, notice, select_field, success_panel
from portal_app.components.page import page
from portal_app.state.documents import (
    DEPARTMENT_OPTIONS,
    MAX_FILES,
    UPLOAD_ID,
    UPLOAD_LIMIT_TEXT,
    DocumentsState,
)


def _cell(label: str, value) -> rx.Component:
    return rx.el.td(value, data_label=label)


def _download_button(row) -> rx.Component:
    return rx.button(
        texts.DOWNLOAD_BUTTON,
        on_click=DocumentsState.download(row["id"]),
        variant="outline",
        aria_label=row["download_label"],
    )


def _table(caption: str, rows, columns: list[tuple[str, str]], empty: str) -> rx.Component:
    """A list of documents; on narrow screens each row becomes a card (see portal.css)."""
    return rx.cond(
        rows.length() > 0,
        rx.el.table(
            rx.el.caption(caption, class_name="sr-only"),
            rx.el.thead(
                rx.el.tr(
                    *[rx.el.th(label, scope="col") for label, _key in columns],
                    rx.el.th(rx.el.span(texts.DOWNLOAD_BUTTON, class_name="sr-only"), scope="col"),
                )
            ),
            rx.el.tbody(
                rx.foreach(
                    rows,
                    lambda row: rx.el.tr(
                        *[_cell(label, row[key]) for label, key in columns],
                        rx.el.td(_download_button(row)),
                    ),
                )
            ),
            class_name="doc-table",
        ),
        rx.text(empty, as_="p", color_scheme="gray"),
    )


def _provided() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.PROVIDED_HEADING, **styles.section_heading),
        _table(
            texts.PROVIDED_HEADING,
            DocumentsState.provided,
            [
                (texts.COLUMN_DATE, "date"),
                (texts.COLUMN_TITLE, "title"),
                (texts.FIELD_DOCUMENT_OWNER, "owner"),
                (texts.COLUMN_SIZE, "size"),
            ],
            texts.PROVIDED_EMPTY,
        ),
    )


def _sent() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.SENT_HEADING, **styles.section_heading),
        _table(
            texts.SENT_HEADING,
            DocumentsState.sent,
            [
                (texts.COLUMN_DATE, "date"),
                (texts.FIELD_DOCUMENT_DEPARTMENT, "department"),
                (texts.FIELD_DOCUMENT_OWNER, "owner"),
                (texts.COLUMN_SIZE, "size"),
                (texts.COLUMN_NAME, "name"),
                (texts.COLUMN_STATUS, "status"),
            ],
            texts.SENT_EMPTY,
        ),
    )


def _drop_zone() -> rx.Component:
    return file_picker(
        UPLOAD_ID,
        pick_label=texts.UPLOAD_PICK,
        input_label=texts.UPLOAD_INPUT_LABEL,
        hint=UPLOAD_LIMIT_TEXT,
        max_files=MAX_FILES,
        zone_text=texts.UPLOAD_ZONE_TEXT,
        on_drop_rejected=DocumentsState.rejected,
        cleared_by=DocumentsState.uploads_done,
    )


def _selected() -> rx.Component:
    names = rx.selected_files(UPLOAD_ID)
    return rx.box(
        rx.heading(texts.UPLOAD_SELECTED, as_="h3", size="3"),
        rx.cond(
            names.length() > 0,
            rx.el.ul(rx.foreach(names, lambda name: rx.el.li(name))),
            rx.text(texts.UPLOAD_NONE_SELECTED, as_="p", color_scheme="gray"),
        ),
    )


def _messages() -> rx.Component:
    return rx.fragment(
        alert(DocumentsState.problem),
        rx.cond(
            DocumentsState.refusals.length() > 0,
            notice(
                rx.el.ul(rx.foreach(DocumentsState.refusals, lambda r: rx.el.li(r))),
                tone="red",
                role="alert",
            ),
        ),
        rx.cond(
            DocumentsState.done_message != "", success_panel(None, DocumentsState.done_message)
        ),
    )


def _upload() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.UPLOAD_HEADING, **styles.section_heading),
        rx.el.div(
            select_field(
                "owner",
                texts.FIELD_DOCUMENT_OWNER,
                DocumentsState.owners,
                DocumentsState.errors.get("owner", ""),
                empty_label=texts.FORM_CHOOSE,
                value=DocumentsState.owner_key,
                on_change=DocumentsState.set_owner,
                option_value="key",
                option_label="label",
            ),
            select_field(
                "department",
                texts.FIELD_DOCUMENT_DEPARTMENT,
                DEPARTMENT_OPTIONS,
                DocumentsState.errors.get("department", ""),
                empty_label=texts.FORM_CHOOSE,
                value=DocumentsState.department,
                on_change=DocumentsState.set_department,
            ),
            _drop_zone(),
            _selected(),
            rx.cond(
                DocumentsState.uploading,
                rx.el.div(
                    rx.el.label(texts.UPLOAD_PROGRESS, html_for="upload-fortschritt"),
                    rx.el.progress(id="upload-fortschritt", value=DocumentsState.progress, max=100),
                    class_name="field",
                ),
            ),
            _messages(),
            rx.flex(
                rx.button(
                    texts.UPLOAD_BUTTON,
                    size="3",
                    loading=DocumentsState.uploading,
                    on_click=DocumentsState.upload(
                        rx.upload_files_chunk(
                            upload_id=UPLOAD_ID, on_upload_progress=DocumentsState.show_progress
                        )
                    ),
                ),
                rx.cond(
                    DocumentsState.uploading,
                    rx.button(
                        texts.UPLOAD_CANCEL,
                        size="3",
                        variant="outline",
                        on_click=[rx.cancel_upload(UPLOAD_ID), DocumentsState.cancelled],
                    ),
                ),
                gap="1rem",
                wrap="wrap",
            ),
            role="group",
            aria_label=texts.UPLOAD_FORM_LABEL,
            class_name="form",
        ),
    )


@page(
    routes.DOCUMENTS,
    texts.DOCUMENTS_TITLE,
    unlocked=True,
    on_load=[DocumentsState.load],
    account_link=texts.DOCUMENTS_TITLE,
    account_order=10,
)
def documents_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.DOCUMENTS_TITLE, **styles.page_heading),
        rx.text(texts.DOCUMENTS_INTRO, as_="p"),
        _provided(),
        _upload(),
        _sent(),
    )
