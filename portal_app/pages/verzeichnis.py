"""The Verzeichnis /verwaltung/verzeichnis (Handwerksrolle, Lehrlingsrolle / Ausbildung,
Beitrag; administrators): search Betriebe and Personen, tick records for PIN letters; and a
record's page with its data, Freischaltungen, PINs and requests for a new PIN."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.file_picker import file_picker
from portal_app.components.forms import alert, form, select_field, success_panel, text_field
from portal_app.components.page import page
from portal_app.state.fields import field_id
from portal_app.state.verzeichnis import (
    DEPARTMENTS,
    IMPORT_ACCEPT,
    IMPORT_UPLOAD_ID,
    SEARCH_MAX,
    VerzeichnisRecordState,
    VerzeichnisState,
)


def _search() -> rx.Component:
    errors = VerzeichnisState.errors
    return rx.el.section(
        form(
            rx.el.div(
                select_field(
                    "art",
                    texts.VERZEICHNIS_ART,
                    VerzeichnisState.art_choices,
                    errors.get("art", ""),
                    option_value="value",
                    option_label="label",
                ),
                text_field(
                    "text",
                    texts.STAFF_FILTER_TEXT,
                    errors.get("text", ""),
                    kind="search",
                    hint=texts.VERZEICHNIS_SEARCH_HINT,
                    required=False,
                    max_length=SEARCH_MAX,
                ),
                class_name="filters__fields",
            ),
            rx.button(texts.VERZEICHNIS_SEARCH_BUTTON, type="submit", width="fit-content"),
            on_submit=VerzeichnisState.search,
            label=texts.VERZEICHNIS_FILTER_LABEL,
        ),
        class_name="filters",
    )


def _cell(label: str, *content) -> rx.Component:
    return rx.el.td(*content, data_label=label)


def _row(row) -> rx.Component:
    return rx.el.tr(
        _cell(
            texts.VERZEICHNIS_COLUMN_CHOOSE,
            rx.el.input(
                type="checkbox",
                name=row["choose_name"],
                id=row["choose_name"],
                aria_label=row["choose_label"],
                class_name="choose-box",
            ),
        ),
        _cell(texts.INBOX_FIELD_NUMBER, row["number"]),
        _cell(
            texts.FIELD_STAFF_NAME,
            rx.link(row["name"], href=row["href"], aria_label=row["open_label"]),
        ),
        _cell(texts.VERZEICHNIS_COLUMN_ADDRESS, row["address"]),
    )


def _table() -> rx.Component:
    headers = [
        texts.VERZEICHNIS_COLUMN_CHOOSE,
        texts.INBOX_FIELD_NUMBER,
        texts.FIELD_STAFF_NAME,
        texts.VERZEICHNIS_COLUMN_ADDRESS,
    ]
    return rx.el.table(
        rx.el.caption(texts.VERZEICHNIS_TABLE, class_name="sr-only"),
        rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
        rx.el.tbody(rx.foreach(VerzeichnisState.rows, _row)),
        class_name="doc-table register-table",
    )


def _pages() -> rx.Component:
    return rx.el.nav(
        rx.button(
            texts.PAGE_PREVIOUS,
            type="button",
            on_click=VerzeichnisState.turn(-1),
            variant="outline",
            disabled=VerzeichnisState.page <= 1,
        ),
        rx.text(
            texts.STAFF_PAGE_OF_PREFIX,
            " ",
            VerzeichnisState.page,
            " ",
            texts.STAFF_PAGE_OF,
            " ",
            VerzeichnisState.pages,
            as_="p",
        ),
        rx.button(
            texts.PAGE_NEXT,
            type="button",
            on_click=VerzeichnisState.turn(1),
            variant="outline",
            disabled=VerzeichnisState.page >= VerzeichnisState.pages,
        ),
        aria_label=texts.VERZEICHNIS_PAGES_LABEL,
        class_name="pager",
    )


def _letters() -> rx.Component:
    """The list in a form (wider than a form of fields): ticked boxes go with "PIN-Briefe für
    die Ausgewählten"; a new list is drawn with no box ticked."""
    return rx.cond(
        VerzeichnisState.rows.length() > 0,
        rx.form(
            _table(),
            _pages(),
            rx.el.section(
                rx.heading(texts.VERZEICHNIS_BULK_HEADING, **styles.section_heading),
                rx.text(texts.VERZEICHNIS_BULK_HINT, as_="p"),
                rx.flex(
                    rx.button(
                        texts.VERZEICHNIS_BULK_FOR_CHOSEN,
                        type="submit",
                        loading=VerzeichnisState.busy,
                    ),
                    rx.button(
                        texts.VERZEICHNIS_BULK_FOR_ALL,
                        type="button",
                        variant="outline",
                        loading=VerzeichnisState.busy,
                        on_click=VerzeichnisState.letters_for_all,
                    ),
                    gap="1rem",
                    wrap="wrap",
                    margin_top="0.75rem",
                ),
                class_name="item-section",
            ),
            on_submit=VerzeichnisState.letters_for_chosen,
            no_validate=True,
            aria_label=texts.VERZEICHNIS_BULK_HEADING,
            class_name="form letters-form",
            key=VerzeichnisState.listed,
        ),
        rx.text(texts.ENTRIES_EMPTY, as_="p"),
    )


def _import() -> rx.Component:
    """Upload of a registry CSV into the register chosen (the upload carries no form)."""
    errors = VerzeichnisState.errors
    chosen = rx.selected_files(IMPORT_UPLOAD_ID)
    return rx.el.section(
        rx.heading(texts.VERZEICHNIS_IMPORT_HEADING, **styles.section_heading),
        rx.el.div(
            select_field(
                "import_art",
                texts.VERZEICHNIS_IMPORT_INTO,
                VerzeichnisState.art_choices,
                errors.get("import_art", ""),
                option_value="value",
                option_label="label",
                value=VerzeichnisState.import_art,
                on_change=VerzeichnisState.pick_import_art,
            ),
            file_picker(
                IMPORT_UPLOAD_ID,
                pick_label=texts.VERZEICHNIS_IMPORT_PICK,
                input_label=texts.VERZEICHNIS_IMPORT_INPUT,
                hint=texts.VERZEICHNIS_IMPORT_HINT,
                max_files=1,
                cleared_by=VerzeichnisState.imports,
                accept=IMPORT_ACCEPT,
            ),
            rx.el.ul(
                rx.foreach(chosen, lambda name: rx.el.li(name)), aria_label=texts.UPLOAD_SELECTED
            ),
            rx.cond(
                errors.contains("import_file"),
                rx.el.p(
                    errors["import_file"],
                    id=field_id("import_file"),
                    role="alert",
                    tab_index=-1,
                    class_name="field__error",
                ),
            ),
            rx.button(
                texts.VERZEICHNIS_IMPORT_BUTTON,
                type="button",
                width="fit-content",
                on_click=VerzeichnisState.import_csv(
                    rx.upload_files_chunk(upload_id=IMPORT_UPLOAD_ID)
                ),
            ),
            class_name="answer-form import-form",
        ),
        aria_label=texts.VERZEICHNIS_IMPORT_HEADING,
        class_name="item-section",
    )


@page(
    routes.STAFF_VERZEICHNIS,
    texts.VERZEICHNIS_TITLE,
    staff=True,
    protected=True,
    nav_label=texts.VERZEICHNIS_TITLE,
    nav_order=15,
    departments=DEPARTMENTS,
    on_load=[VerzeichnisState.load],
)
def staff_verzeichnis() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.VERZEICHNIS_TITLE, **styles.page_heading),
        rx.text(texts.VERZEICHNIS_INTRO, as_="p"),
        _search(),
        alert(VerzeichnisState.problem),
        rx.cond(VerzeichnisState.done != "", success_panel(None, VerzeichnisState.done)),
        rx.text(texts.ENTRIES_TOTAL_PREFIX, " ", VerzeichnisState.total, as_="p", role="status"),
        _letters(),
        _import(),
    )


# --- one record -------------------------------------------------------------------------------


def _section(heading: str, *children) -> rx.Component:
    return rx.el.section(
        rx.heading(heading, **styles.section_heading),
        *children,
        aria_label=heading,
        class_name="item-section",
    )


def _links() -> rx.Component:
    headers = [texts.VERZEICHNIS_LINK_ACCOUNT, texts.VERZEICHNIS_LINK_SINCE, ""]

    def row(link) -> rx.Component:
        return rx.el.tr(
            _cell(texts.VERZEICHNIS_LINK_ACCOUNT, link["email"]),
            _cell(texts.VERZEICHNIS_LINK_SINCE, link["since"]),
            rx.el.td(
                rx.button(
                    texts.VERZEICHNIS_LINK_END,
                    type="button",
                    variant="outline",
                    color_scheme="red",
                    aria_label=link["end_label"],
                    on_click=VerzeichnisRecordState.end_link(link["id"]),
                )
            ),
        )

    return rx.cond(
        VerzeichnisRecordState.links.length() > 0,
        rx.el.table(
            rx.el.caption(texts.VERZEICHNIS_LINKS_TABLE, class_name="sr-only"),
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
            rx.el.tbody(rx.foreach(VerzeichnisRecordState.links, row)),
            class_name="doc-table",
        ),
        rx.text(texts.VERZEICHNIS_LINKS_EMPTY, as_="p"),
    )


def _pins() -> rx.Component:
    headers = [
        texts.VERZEICHNIS_PIN_ISSUED_AT,
        texts.VERZEICHNIS_PIN_VALID_UNTIL,
        texts.VERZEICHNIS_PIN_STATE,
        texts.VERZEICHNIS_PIN_TRIES,
    ]

    def row(pin) -> rx.Component:
        return rx.el.tr(*[_cell(label, pin[i]) for i, label in enumerate(headers)])

    return rx.fragment(
        rx.cond(
            VerzeichnisRecordState.pins.length() > 0,
            rx.el.table(
                rx.el.caption(texts.VERZEICHNIS_PINS_TABLE, class_name="sr-only"),
                rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
                rx.el.tbody(rx.foreach(VerzeichnisRecordState.pins, row)),
                class_name="doc-table pin-table",
            ),
            rx.text(texts.VERZEICHNIS_PINS_EMPTY, as_="p"),
        ),
        rx.text(texts.VERZEICHNIS_ISSUE_HINT, as_="p", margin_top="1rem"),
        rx.button(
            texts.VERZEICHNIS_ISSUE_PIN,
            type="button",
            on_click=VerzeichnisRecordState.issue_pin,
            width="fit-content",
        ),
    )


def _requests() -> rx.Component:
    return rx.cond(
        VerzeichnisRecordState.requests.length() > 0,
        rx.el.ul(rx.foreach(VerzeichnisRecordState.requests, lambda line: rx.el.li(line))),
        rx.text(texts.VERZEICHNIS_REQUESTS_EMPTY, as_="p"),
    )


def _record() -> rx.Component:
    return rx.cond(
        VerzeichnisRecordState.found,
        rx.fragment(
            rx.heading(VerzeichnisRecordState.name, **styles.page_heading),
            alert(VerzeichnisRecordState.problem),
            rx.cond(
                VerzeichnisRecordState.done != "",
                success_panel(None, VerzeichnisRecordState.done),
            ),
            rx.el.dl(
                rx.foreach(
                    VerzeichnisRecordState.facts,
                    lambda pair: rx.fragment(rx.el.dt(pair[0]), rx.el.dd(pair[1])),
                ),
                class_name="facts",
                aria_label=texts.VERZEICHNIS_FACTS,
            ),
            _section(texts.VERZEICHNIS_REQUESTS_HEADING, _requests()),
            _section(texts.FIELD_PIN, _pins()),
            _section(texts.VERZEICHNIS_LINKS_HEADING, _links()),
            rx.link(
                texts.VERZEICHNIS_BACK, href=routes.STAFF_VERZEICHNIS, class_name="record-back"
            ),
        ),
        rx.fragment(
            rx.heading(texts.VERZEICHNIS_RECORD_TITLE, **styles.page_heading),
            rx.text(texts.VERZEICHNIS_NOT_FOUND, as_="p"),
            rx.link(texts.VERZEICHNIS_BACK, href=routes.STAFF_VERZEICHNIS),
        ),
    )


@page(
    routes.STAFF_BETRIEB,
    texts.VERZEICHNIS_RECORD_TITLE,
    staff=True,
    protected=True,
    linked=False,  # reached from a search's results
    departments=DEPARTMENTS,
    on_load=[VerzeichnisRecordState.load],
)
def staff_betrieb() -> rx.Component:
    return _record()


@page(
    routes.STAFF_PERSON,
    texts.VERZEICHNIS_RECORD_TITLE,
    staff=True,
    protected=True,
    linked=False,  # reached from a search's results
    departments=DEPARTMENTS,
    on_load=[VerzeichnisRecordState.load],
)
def staff_person() -> rx.Component:
    return _record()
