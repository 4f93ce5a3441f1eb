"""The SEPA collection file /verwaltung/lastschrift (department Beitrag): a CSV of amounts and a
collection date make the pain.008 file; the files made, to download again and to mark as
handed to the bank."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.file_picker import one_file_field
from portal_app.components.forms import alert, question, success_panel, text_field
from portal_app.components.page import page
from portal_app.state.beitrag import DEPARTMENTS
from portal_app.state.sepa_collection import UPLOAD_ID, SepaCollectionState

CSV_ACCEPTED = {"text/csv": [".csv"], "text/plain": [".csv", ".txt"]}


def _form() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.SEPA_COLLECTION_FORM, **styles.section_heading),
        rx.el.div(
            text_field(
                "faellig",
                texts.SEPA_COLLECTION_FIELD_DATE,
                SepaCollectionState.errors.get("faellig", ""),
                hint=texts.SEPA_COLLECTION_FIELD_DATE_HINT,
                max_length=10,
                on_blur=SepaCollectionState.keep_faellig,
            ),
            rx.text(SepaCollectionState.date_hint, as_="p", class_name="field__hint"),
            one_file_field(
                UPLOAD_ID,
                "csv",
                SepaCollectionState.errors.get("csv", ""),
                pick_label=texts.SEPA_COLLECTION_PICK,
                input_label=texts.SEPA_COLLECTION_FILE_INPUT,
                hint=texts.SEPA_COLLECTION_FILE_RULES,
                cleared_by=SepaCollectionState.uploads_done,
                accept=CSV_ACCEPTED,
            ),
            rx.button(
                texts.SEPA_COLLECTION_BUTTON,
                type="button",
                size="3",
                width="fit-content",
                on_click=SepaCollectionState.create(rx.upload_files_chunk(upload_id=UPLOAD_ID)),
            ),
            class_name="answer-form",
            role="group",
            aria_label=texts.SEPA_COLLECTION_FORM,
        ),
    )


def _line(item) -> rx.Component:
    return rx.el.li(
        rx.el.strong(texts.SEPA_COLLECTION_COLUMN_LINE, " ", item["line"], ", ", item["nummer"]),
        ": ",
        item["message"],
    )


def _lines(heading: str, items) -> rx.Component:
    return rx.cond(
        items.length() > 0,
        rx.el.section(
            rx.heading(heading, **styles.section_heading),
            rx.el.ul(rx.foreach(items, _line), class_name="problem-list"),
        ),
    )


def _export(row) -> rx.Component:
    return rx.el.li(
        rx.text(row["facts"], as_="p"),
        rx.text(row["status"], as_="p", class_name="muted"),
        rx.flex(
            rx.button(
                texts.SEPA_COLLECTION_DOWNLOAD,
                variant="outline",
                aria_label=row["download_label"],
                on_click=SepaCollectionState.download(row["id"]),
            ),
            rx.cond(
                row["skipped"] != "",
                rx.button(
                    texts.SEPA_COLLECTION_SKIPPED_DOWNLOAD,
                    variant="outline",
                    aria_label=row["skipped_label"],
                    on_click=SepaCollectionState.download_skipped(row["id"]),
                ),
            ),
            rx.cond(
                row["submitted"] == "",
                rx.cond(
                    SepaCollectionState.asking_submit == row["id"],
                    rx.fragment(),
                    rx.button(
                        texts.SEPA_COLLECTION_SUBMIT,
                        aria_label=row["submit_label"],
                        on_click=SepaCollectionState.ask_submit(row["id"]),
                    ),
                ),
            ),
            gap="0.75rem",
            wrap="wrap",
            margin_top="0.5rem",
        ),
        rx.cond(
            SepaCollectionState.asking_submit == row["id"],
            question(
                row["question"],
                rx.button(
                    texts.SEPA_COLLECTION_SUBMIT_YES,
                    on_click=SepaCollectionState.submit(row["id"]),
                ),
                rx.button(
                    texts.SEPA_COLLECTION_SUBMIT_NO,
                    variant="outline",
                    on_click=SepaCollectionState.keep_export,
                ),
            ),
        ),
        class_name="staff-card",
    )


@page(
    routes.STAFF_LASTSCHRIFT,
    texts.SEPA_COLLECTION_TITLE,
    staff=True,
    protected=True,
    departments=DEPARTMENTS,
    nav_label=texts.SEPA_COLLECTION_NAV,
    nav_order=34,
    on_load=[SepaCollectionState.load],
)
def sepa_collection_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.SEPA_COLLECTION_TITLE, **styles.page_heading),
        rx.text(texts.SEPA_COLLECTION_INTRO, as_="p", margin_bottom="1rem"),
        alert(SepaCollectionState.problem),
        _lines(texts.SEPA_COLLECTION_PROBLEMS, SepaCollectionState.problems),
        rx.cond(SepaCollectionState.done != "", success_panel(None, SepaCollectionState.done)),
        _lines(texts.SEPA_COLLECTION_WITHOUT_MANDATE, SepaCollectionState.without_mandate),
        _form(),
        rx.el.section(
            rx.heading(texts.SEPA_COLLECTION_EXPORTS, **styles.section_heading),
            rx.cond(
                SepaCollectionState.exports.length() > 0,
                rx.el.ul(rx.foreach(SepaCollectionState.exports, _export), class_name="link-list"),
                rx.text(texts.SEPA_COLLECTION_EXPORTS_EMPTY, as_="p"),
            ),
        ),
    )
