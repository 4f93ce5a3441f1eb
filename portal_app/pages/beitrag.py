"""Fee notices in bulk /verwaltung/beitrag (department Beitrag): a ZIP of PDFs and a title,
checked whole; then delivered into the members' Postfach; the batches delivered, each with
its list for paper post."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.file_picker import one_file_field
from portal_app.components.forms import alert, success_panel, text_field
from portal_app.components.page import page
from portal_app.state.beitrag import DEPARTMENTS, UPLOAD_ID, BeitragState

ZIP_ACCEPTED = {"application/zip": [".zip"], "application/x-zip-compressed": [".zip"]}


def _upload_form() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.BEITRAG_UPLOAD_HEADING, **styles.section_heading),
        rx.el.div(
            text_field(
                "titel",
                texts.BEITRAG_FIELD_TITLE,
                BeitragState.errors.get("titel", ""),
                hint=texts.BEITRAG_FIELD_TITLE_HINT,
                max_length=200,
                on_blur=BeitragState.keep_titel,
            ),
            one_file_field(
                UPLOAD_ID,
                "datei",
                BeitragState.errors.get("datei", ""),
                pick_label=texts.BEITRAG_PICK,
                input_label=texts.BEITRAG_FILE_INPUT,
                hint=BeitragState.rules,
                cleared_by=BeitragState.uploads_done,
                accept=ZIP_ACCEPTED,
            ),
            rx.button(
                texts.BEITRAG_CHECK_BUTTON,
                type="button",
                size="3",
                width="fit-content",
                on_click=BeitragState.check(rx.upload_files_chunk(upload_id=UPLOAD_ID)),
            ),
            class_name="answer-form",
            role="group",
            aria_label=texts.BEITRAG_UPLOAD_HEADING,
        ),
    )


def _problem_row(item) -> rx.Component:
    return rx.el.li(rx.el.strong(item["name"]), ": ", item["message"])


def _problems() -> rx.Component:
    return rx.cond(
        BeitragState.problems.length() > 0,
        rx.el.section(
            rx.heading(texts.BEITRAG_PROBLEMS_LIST, **styles.section_heading),
            rx.el.ul(rx.foreach(BeitragState.problems, _problem_row), class_name="problem-list"),
            rx.cond(BeitragState.problems_more != "", rx.text(BeitragState.problems_more, as_="p")),
        ),
    )


def _staged() -> rx.Component:
    return rx.cond(
        BeitragState.staged,
        success_panel(
            None,
            BeitragState.summary,
            actions=(
                rx.button(texts.BEITRAG_DELIVER_BUTTON, size="3", on_click=BeitragState.deliver),
                rx.button(
                    texts.DISCARD_BUTTON,
                    size="3",
                    variant="outline",
                    on_click=BeitragState.discard,
                ),
            ),
        ),
    )


def _history_row(row) -> rx.Component:
    return rx.el.li(
        rx.text(row["titel"], as_="p", weight="bold"),
        rx.text(row["facts"], as_="p", class_name="muted"),
        rx.cond(
            row["paper"] != "",
            rx.button(
                texts.BEITRAG_PAPER_CSV,
                variant="outline",
                aria_label=row["paper_label"],
                on_click=BeitragState.download_paper(row["id"]),
            ),
        ),
        class_name="staff-card",
    )


@page(
    routes.STAFF_BEITRAG,
    texts.BEITRAG_TITLE,
    staff=True,
    protected=True,
    departments=DEPARTMENTS,
    nav_label=texts.BEITRAG_NAV,
    nav_order=32,
    on_load=[BeitragState.load],
)
def beitrag_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.BEITRAG_TITLE, **styles.page_heading),
        rx.text(texts.BEITRAG_INTRO, as_="p", margin_bottom="1rem"),
        alert(BeitragState.problem),
        _problems(),
        _staged(),
        rx.cond(
            BeitragState.delivering,
            rx.text(texts.BEITRAG_DELIVERING, as_="p", role="status", aria_busy="true"),
        ),
        rx.cond(BeitragState.done != "", success_panel(None, BeitragState.done)),
        _upload_form(),
        rx.el.section(
            rx.heading(texts.BEITRAG_HISTORY, **styles.section_heading),
            rx.cond(
                BeitragState.history.length() > 0,
                rx.el.ul(rx.foreach(BeitragState.history, _history_row), class_name="link-list"),
                rx.text(texts.BEITRAG_HISTORY_EMPTY, as_="p"),
            ),
        ),
    )
