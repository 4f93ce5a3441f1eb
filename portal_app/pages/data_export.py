"""Meine Daten (logged in): one download of everything the portal holds about the account;
a large account's archive is made in the background and offered here for 7 days."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import alert, success_panel
from portal_app.components.links import back_to_account
from portal_app.components.page import MANAGE, page
from portal_app.state.data_export import DataExportState, ExportRow


def _row(row: ExportRow) -> rx.Component:
    return rx.el.li(
        rx.text(row.text, as_="p"),
        rx.cond(
            row.ready,
            rx.button(
                texts.DOWNLOAD_BUTTON,
                type="button",
                variant="outline",
                aria_label=row.button_label,
                on_click=DataExportState.download_ready(row.id),
                margin_top="0.5rem",
            ),
        ),
        margin_bottom="1rem",
    )


@page(
    routes.MY_DATA,
    texts.MY_DATA_TITLE,
    protected=True,
    on_load=[DataExportState.load],
    account_link=texts.MY_DATA_TITLE,
    account_group=MANAGE,
    account_order=25,
)
def data_export() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.MY_DATA_TITLE, **styles.page_heading),
        rx.text(texts.MY_DATA_INTRO, as_="p", margin_bottom="1rem"),
        rx.cond(DataExportState.message != "", success_panel(None, DataExportState.message)),
        alert(DataExportState.problem),
        rx.button(
            texts.MY_DATA_BUTTON,
            type="button",
            size="3",
            on_click=DataExportState.download,
            margin_bottom="1.5rem",
        ),
        rx.cond(
            DataExportState.rows.length() > 0,
            rx.el.section(
                rx.heading(texts.MY_DATA_READY_LABEL, as_="h2", size="4", margin_bottom="0.5rem"),
                rx.el.ul(rx.foreach(DataExportState.rows, _row), class_name="plain-list"),
                aria_label=texts.MY_DATA_READY_LABEL,
            ),
        ),
        back_to_account(),
    )
