"""The administrators' audit log /verwaltung/protokoll: filters by actor, action, record and
period, the entries newest first in pages, the CSV export."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import alert, date_field, form, select_field, text_field
from portal_app.components.page import page
from portal_app.components.pager import pager
from portal_app.state.audit_log import ACTOR_KIND_CHOICES, AuditLogState


def _filters() -> rx.Component:
    errors = AuditLogState.errors
    return rx.el.section(
        form(
            rx.el.div(
                select_field(
                    "actor_kind",
                    texts.AUDIT_FIELD_ACTOR_KIND,
                    ACTOR_KIND_CHOICES,
                    errors.get("actor_kind", ""),
                    empty_label=texts.ANY,
                    required=False,
                ),
                text_field(
                    "actor",
                    texts.AUDIT_FIELD_ACTOR,
                    errors.get("actor", ""),
                    hint=texts.AUDIT_FIELD_ACTOR_HINT,
                    required=False,
                    max_length=100,
                ),
                select_field(
                    "action",
                    texts.AUDIT_FIELD_ACTION,
                    AuditLogState.action_choices,
                    errors.get("action", ""),
                    empty_label=texts.ANY,
                    required=False,
                    option_value="code",
                    option_label="label",
                ),
                text_field(
                    "record",
                    texts.AUDIT_FIELD_RECORD,
                    errors.get("record", ""),
                    hint=texts.AUDIT_FIELD_RECORD_HINT,
                    required=False,
                    max_length=100,
                ),
                date_field(
                    "since", texts.AUDIT_FIELD_SINCE, errors.get("since", ""), required=False
                ),
                date_field(
                    "until", texts.AUDIT_FIELD_UNTIL, errors.get("until", ""), required=False
                ),
                class_name="filters__grid",
            ),
            rx.flex(
                rx.button(texts.STAFF_FILTER_APPLY, type="submit"),
                rx.button(
                    texts.FILTER_RESET,
                    type="reset",
                    variant="outline",
                    on_click=AuditLogState.show_all,
                ),
                gap="1rem",
                wrap="wrap",
            ),
            on_submit=AuditLogState.apply,
            label=texts.AUDIT_FILTER_LABEL,
        ),
        class_name="filters",
    )


def _row(row) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row["at"], data_label=texts.AUDIT_COL_AT),
        rx.el.td(row["actor"], data_label=texts.AUDIT_COL_ACTOR),
        rx.el.td(row["action"], data_label=texts.AUDIT_FIELD_ACTION),
        rx.el.td(row["target"], data_label=texts.AUDIT_FIELD_RECORD),
        rx.el.td(row["detail"], data_label=texts.AUDIT_COL_DETAIL),
    )


def _table() -> rx.Component:
    headers = [
        texts.AUDIT_COL_AT,
        texts.AUDIT_COL_ACTOR,
        texts.AUDIT_FIELD_ACTION,
        texts.AUDIT_FIELD_RECORD,
        texts.AUDIT_COL_DETAIL,
    ]
    return rx.cond(
        AuditLogState.rows.length() > 0,
        rx.el.table(
            rx.el.caption(texts.AUDIT_TABLE, class_name="sr-only"),
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
            rx.el.tbody(rx.foreach(AuditLogState.rows, _row)),
            class_name="doc-table audit-table",
        ),
        rx.text(texts.ENTRIES_EMPTY, as_="p"),
    )


@page(
    routes.STAFF_AUDIT_LOG,
    texts.AUDIT_LOG_TITLE,
    staff=True,
    admin=True,
    nav_label=texts.AUDIT_LOG_TITLE,
    nav_order=50,
    on_load=[AuditLogState.load],
)
def audit_log_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.AUDIT_LOG_TITLE, **styles.page_heading),
        rx.text(texts.AUDIT_LOG_INTRO, as_="p"),
        _filters(),
        alert(AuditLogState.problem),
        rx.flex(
            rx.text(texts.ENTRIES_TOTAL_PREFIX, " ", AuditLogState.total, as_="p", role="status"),
            rx.button(
                texts.AUDIT_EXPORT,
                type="button",
                variant="outline",
                on_click=AuditLogState.export,
            ),
            gap="1rem",
            wrap="wrap",
            align="center",
            justify="between",
        ),
        _table(),
        pager(AuditLogState.page, AuditLogState.pages, AuditLogState.turn, texts.AUDIT_PAGES_LABEL),
    )
