"""The Eingang /verwaltung: every item of the staff member's departments, newest first, with
filters, search and pages (the state asks the server for one page at a time)."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import alert, date_field, form, select_field, text_field
from portal_app.components.page import page
from portal_app.components.pager import pager
from portal_app.state.staff_inbox import KIND_CHOICES, STATUS_CHOICES, StaffInboxState


def _filters() -> rx.Component:
    errors = StaffInboxState.errors
    return rx.el.section(
        form(
            rx.el.div(
                select_field(
                    "status",
                    texts.STATUS,
                    STATUS_CHOICES,
                    errors.get("status", ""),
                    empty_label=texts.ANY,
                    required=False,
                ),
                select_field(
                    "department",
                    texts.FIELD_DOCUMENT_DEPARTMENT,
                    StaffInboxState.department_choices,
                    errors.get("department", ""),
                    empty_label=texts.ANY,
                    required=False,
                    option_value="value",
                    option_label="label",
                ),
                select_field(
                    "kind",
                    texts.INBOX_FIELD_KIND,
                    KIND_CHOICES,
                    errors.get("kind", ""),
                    empty_label=texts.ANY,
                    required=False,
                ),
                date_field(
                    "since", texts.STAFF_FILTER_SINCE, errors.get("since", ""), required=False
                ),
                date_field(
                    "until", texts.STAFF_FILTER_UNTIL, errors.get("until", ""), required=False
                ),
                text_field(
                    "text",
                    texts.STAFF_FILTER_TEXT,
                    errors.get("text", ""),
                    kind="search",
                    hint=texts.STAFF_FILTER_TEXT_HINT,
                    required=False,
                    max_length=100,
                ),
                class_name="filters__fields",
            ),
            rx.flex(
                rx.button(texts.STAFF_FILTER_APPLY, type="submit"),
                rx.button(
                    texts.FILTER_RESET,
                    type="reset",
                    variant="outline",
                    on_click=StaffInboxState.show_all,
                ),
                gap="1rem",
                wrap="wrap",
            ),
            on_submit=StaffInboxState.apply,
            label=texts.STAFF_FILTER_LABEL,
        ),
        class_name="filters",
    )


def _cell(label: str, *content) -> rx.Component:
    return rx.el.td(*content, data_label=label)


def _row(row) -> rx.Component:
    unread = row["unread"] == "1"
    return rx.el.tr(
        _cell(texts.STAFF_ITEM_RECEIVED, row["received"]),
        _cell(
            texts.STAFF_ITEM_FROM,
            rx.cond(unread, rx.el.span(texts.STAFF_UNREAD, class_name="tag")),
            rx.link(row["subject"], href=row["href"], aria_label=row["open_label"]),
            rx.el.br(),
            row["sender"],
            rx.el.br(),
            rx.el.span(row["email"], class_name="muted"),
        ),
        _cell(texts.INBOX_FIELD_KIND, row["kind"]),
        _cell(texts.FIELD_DOCUMENT_DEPARTMENT, row["department"]),
        _cell(texts.STATUS, row["status"]),
        _cell(texts.STAFF_ITEM_ASSIGNEE, row["assignee"]),
        class_name=rx.cond(unread, "inbox-row inbox-row--unread", "inbox-row"),
    )


def _table() -> rx.Component:
    headers = [
        texts.STAFF_ITEM_RECEIVED,
        texts.STAFF_ITEM_FROM,
        texts.INBOX_FIELD_KIND,
        texts.FIELD_DOCUMENT_DEPARTMENT,
        texts.STATUS,
        texts.STAFF_ITEM_ASSIGNEE,
    ]
    return rx.cond(
        StaffInboxState.rows.length() > 0,
        rx.el.table(
            rx.el.caption(texts.STAFF_INBOX_TABLE, class_name="sr-only"),
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
            rx.el.tbody(rx.foreach(StaffInboxState.rows, _row)),
            class_name="doc-table inbox-table",
        ),
        rx.text(texts.STAFF_INBOX_EMPTY, as_="p"),
    )


@page(
    routes.STAFF_INBOX,
    texts.STAFF_INBOX_TITLE,
    staff=True,
    protected=True,
    nav_label=texts.STAFF_INBOX_TITLE,
    nav_order=10,
    on_load=[StaffInboxState.load],
)
def staff_inbox() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.STAFF_INBOX_TITLE, **styles.page_heading),
        rx.el.ul(
            rx.foreach(StaffInboxState.counts, lambda line: rx.el.li(line)),
            class_name="inbox-counts",
            aria_label=texts.STAFF_INBOX_COUNTS,
        ),
        _filters(),
        alert(StaffInboxState.problem),
        rx.text(texts.STAFF_INBOX_TOTAL_PREFIX, " ", StaffInboxState.total, as_="p", role="status"),
        _table(),
        pager(
            StaffInboxState.page,
            StaffInboxState.pages,
            StaffInboxState.turn,
            texts.STAFF_PAGES_LABEL,
        ),
    )
