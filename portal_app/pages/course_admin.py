"""The course administration of the department Bildung: /verwaltung/kurse (the list),
/verwaltung/kurse/neu (a new course) and /verwaltung/kurse/<id> (one course: its data,
participants, waiting list, the lists as PDF and CSV, cancelling)."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    date_field,
    form,
    question,
    select_field,
    submit_button,
    success_panel,
    text_field,
    textarea_field,
)
from portal_app.components.links import link_button
from portal_app.components.page import page
from portal_app.components.pager import pager
from portal_app.state.course_admin import (
    CATEGORY_CHOICES,
    DEPARTMENTS,
    StaffCourseNewState,
    StaffCoursesState,
    StaffCourseState,
)

# --- the course form (new and change) -------------------------------------------------------


def _course_fields(errors, values=None, *, new: bool) -> list[rx.Component]:
    """The fields of a course, named like the import's columns; `values`: what they show at
    first (a course to change). A course's number is given once, when it is made."""

    def start(name: str):
        return {} if values is None else {"default_value": values.get(name, "")}

    fields = []
    if new:
        fields.append(
            text_field("kurs_nr", texts.COURSE_CODE, errors.get("kurs_nr", ""), max_length=30)
        )
    fields += [
        text_field(
            "titel",
            texts.STAFF_COURSE_TITLE_FIELD,
            errors.get("titel", ""),
            max_length=200,
            **start("titel"),
        ),
        select_field(
            "kategorie",
            texts.COURSE_CATEGORY,
            CATEGORY_CHOICES,
            errors.get("kategorie", ""),
            empty_label=" ",
            **start("kategorie"),
        ),
        textarea_field(
            "beschreibung",
            texts.STAFF_COURSE_DESCRIPTION,
            errors.get("beschreibung", ""),
            max_length=4000,
            required=False,
            **start("beschreibung"),
        ),
        text_field(
            "ort", texts.COURSE_LOCATION, errors.get("ort", ""), max_length=120, **start("ort")
        ),
        date_field(
            "beginn", texts.STAFF_COURSE_STARTS, errors.get("beginn", ""), **start("beginn")
        ),
        date_field("ende", texts.STAFF_COURSE_ENDS, errors.get("ende", ""), **start("ende")),
        text_field(
            "termine",
            texts.COURSE_SCHEDULE,
            errors.get("termine", ""),
            max_length=200,
            required=False,
            **start("termine"),
        ),
        text_field(
            "preis",
            texts.COURSE_PRICE,
            errors.get("preis", ""),
            hint=texts.STAFF_COURSE_PRICE_HINT,
            max_length=20,
            **start("preis"),
        ),
        text_field(
            "plaetze",
            texts.STAFF_COURSE_CAPACITY,
            errors.get("plaetze", ""),
            hint=texts.STAFF_COURSE_CAPACITY_HINT,
            kind="text",
            max_length=4,
            **start("plaetze"),
        ),
        date_field(
            "anmeldeschluss",
            texts.COURSE_DEADLINE,
            errors.get("anmeldeschluss", ""),
            hint=texts.STAFF_COURSE_DEADLINE_HINT,
            required=False,
            **start("anmeldeschluss"),
        ),
    ]
    return fields


# --- the list -------------------------------------------------------------------------------


def _list_row(row) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row["code"], data_label=texts.COURSE_CODE),
        rx.el.td(
            rx.link(row["title"], href=row["href"], aria_label=row["open_label"]),
            rx.cond(
                row["cancelled"] == "1",
                rx.el.span(" ", rx.el.span(texts.STAFF_COURSES_CANCELLED, class_name="tag")),
            ),
            data_label=texts.STAFF_COURSE_TITLE_FIELD,
        ),
        rx.el.td(row["dates"], data_label=texts.COURSE_DATES),
        rx.el.td(row["location"], data_label=texts.COURSE_LOCATION),
        rx.el.td(row["seats"], data_label=texts.STAFF_COURSE_CAPACITY),
    )


def _list_table() -> rx.Component:
    headers = [
        texts.COURSE_CODE,
        texts.STAFF_COURSE_TITLE_FIELD,
        texts.COURSE_DATES,
        texts.COURSE_LOCATION,
        texts.STAFF_COURSE_CAPACITY,
    ]
    return rx.cond(
        StaffCoursesState.rows.length() > 0,
        rx.el.table(
            rx.el.caption(texts.NAV_COURSES, class_name="sr-only"),
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
            rx.el.tbody(rx.foreach(StaffCoursesState.rows, _list_row)),
            class_name="doc-table course-admin-table",
        ),
        rx.text(texts.STAFF_COURSES_EMPTY, as_="p"),
    )


@page(
    routes.STAFF_COURSES,
    texts.STAFF_COURSES_TITLE,
    staff=True,
    protected=True,
    departments=DEPARTMENTS,
    nav_label=texts.STAFF_COURSES_TITLE,
    nav_order=30,
    on_load=[StaffCoursesState.load],
)
def staff_courses() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.STAFF_COURSES_TITLE, **styles.page_heading),
        rx.text(texts.STAFF_COURSES_INTRO, as_="p", margin_bottom="1rem"),
        link_button(texts.STAFF_COURSE_NEW, routes.STAFF_COURSE_NEW),
        rx.el.section(
            form(
                text_field("suche", texts.STAFF_COURSES_SEARCH, required=False, max_length=100),
                rx.button(texts.STAFF_FILTER_APPLY, type="submit", width="fit-content"),
                on_submit=StaffCoursesState.search,
                label=texts.STAFF_COURSES_SEARCH_LABEL,
            ),
            class_name="filters",
        ),
        alert(StaffCoursesState.problem),
        rx.text(texts.STAFF_COURSES_TOTAL, " ", StaffCoursesState.total, as_="p", role="status"),
        _list_table(),
        pager(
            StaffCoursesState.page,
            StaffCoursesState.pages,
            StaffCoursesState.turn,
            texts.STAFF_COURSES_PAGER,
        ),
    )


# --- a new course ---------------------------------------------------------------------------


@page(
    routes.STAFF_COURSE_NEW,
    texts.STAFF_COURSE_NEW,
    staff=True,
    protected=True,
    departments=DEPARTMENTS,
    on_load=[StaffCourseNewState.load],
)
def staff_course_new() -> rx.Component:
    return rx.fragment(
        rx.link(texts.STAFF_COURSE_BACK, href=routes.STAFF_COURSES),
        rx.heading(texts.STAFF_COURSE_NEW, **styles.page_heading),
        alert(StaffCourseNewState.problem),
        form(
            *_course_fields(StaffCourseNewState.errors, new=True),
            submit_button(texts.STAFF_COURSE_CREATE),
            on_submit=StaffCourseNewState.create,
            label=texts.STAFF_COURSE_NEW,
        ),
    )


# --- one course -----------------------------------------------------------------------------


def _person_row(row, waiting: bool) -> rx.Component:
    actions = [
        rx.button(
            texts.CANCEL_BUTTON,
            type="button",
            variant="outline",
            color_scheme="red",
            aria_label=row["cancel_label"],
            on_click=StaffCourseState.cancel_booking(row["id"]),
        )
    ]
    if waiting:
        actions.insert(
            0,
            rx.button(
                texts.STAFF_COURSE_MOVE_UP,
                type="button",
                variant="soft",
                aria_label=row["move_label"],
                on_click=StaffCourseState.move_up(row["id"]),
            ),
        )
    cells = [
        rx.el.td(row["name"], data_label=texts.FIELD_STAFF_NAME),
        rx.el.td(row["born"], data_label=texts.BOOKING_BIRTH_DATE),
        rx.el.td(row["email"], data_label=texts.FIELD_EMAIL),
        rx.el.td(row["account"], data_label=texts.STAFF_COURSE_COL_ACCOUNT),
        rx.el.td(row["since"], data_label=texts.STAFF_COURSE_COL_SINCE),
        rx.el.td(
            rx.cond(
                StaffCourseState.cancelled,
                rx.fragment(),
                rx.flex(*actions, gap="0.5rem", wrap="wrap", justify="end"),
            ),
            data_label=texts.STAFF_COURSE_COL_ACTION,
        ),
    ]
    if waiting:
        cells.insert(0, rx.el.td(row["position"], data_label=texts.STAFF_COURSE_COL_POSITION))
    return rx.el.tr(*cells)


def _people(title: str, rows, waiting: bool) -> rx.Component:
    headers = [
        texts.FIELD_STAFF_NAME,
        texts.BOOKING_BIRTH_DATE,
        texts.FIELD_EMAIL,
        texts.STAFF_COURSE_COL_ACCOUNT,
        texts.STAFF_COURSE_COL_SINCE,
        texts.STAFF_COURSE_COL_ACTION,
    ]
    if waiting:
        headers.insert(0, texts.STAFF_COURSE_COL_POSITION)
    return rx.el.section(
        rx.heading(title, **styles.section_heading),
        rx.cond(
            rows.length() > 0,
            rx.el.table(
                rx.el.caption(title, class_name="sr-only"),
                rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
                rx.el.tbody(rx.foreach(rows, lambda row: _person_row(row, waiting))),
                class_name="doc-table",
            ),
            rx.text(texts.STAFF_COURSE_NOBODY, as_="p"),
        ),
    )


def _downloads() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.STAFF_COURSE_DOWNLOADS, **styles.section_heading),
        rx.flex(
            rx.button(
                texts.STAFF_COURSE_PDF,
                type="button",
                variant="outline",
                on_click=StaffCourseState.download_pdf,
            ),
            rx.button(
                texts.STAFF_COURSE_CSV,
                type="button",
                variant="outline",
                on_click=StaffCourseState.download_csv,
            ),
            gap="1rem",
            wrap="wrap",
        ),
    )


def _edit() -> rx.Component:
    values = StaffCourseState.values
    return rx.el.section(
        rx.heading(texts.STAFF_COURSE_EDIT, **styles.section_heading),
        form(
            *_course_fields(StaffCourseState.errors, values, new=False),
            submit_button(texts.STAFF_COURSE_SAVE),
            on_submit=StaffCourseState.save,
            label=texts.STAFF_COURSE_EDIT,
            key=StaffCourseState.form_key,
        ),
    )


def _cancel_course() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.STAFF_COURSE_CANCEL, **styles.section_heading),
        rx.cond(
            StaffCourseState.asking_cancel,
            question(
                texts.STAFF_COURSE_CANCEL_QUESTION,
                rx.button(
                    texts.STAFF_COURSE_CANCEL_CONFIRM,
                    type="button",
                    color_scheme="red",
                    on_click=StaffCourseState.cancel_course,
                ),
                rx.button(
                    texts.STAFF_COURSE_CANCEL_KEEP,
                    type="button",
                    variant="outline",
                    on_click=StaffCourseState.keep_course,
                ),
            ),
            rx.button(
                texts.STAFF_COURSE_CANCEL,
                type="button",
                color_scheme="red",
                variant="outline",
                on_click=StaffCourseState.ask_cancel,
            ),
        ),
    )


@page(
    routes.STAFF_COURSE,
    texts.STAFF_COURSES_TITLE,
    staff=True,
    protected=True,
    departments=DEPARTMENTS,
    linked=False,
    on_load=[StaffCourseState.load],
)
def staff_course() -> rx.Component:
    return rx.fragment(
        rx.link(texts.STAFF_COURSE_BACK, href=routes.STAFF_COURSES),
        rx.cond(
            StaffCourseState.found,
            rx.fragment(
                rx.heading(StaffCourseState.heading, **styles.page_heading),
                rx.text(StaffCourseState.facts, as_="p"),
                rx.cond(
                    StaffCourseState.cancelled,
                    rx.el.p(
                        rx.el.span(texts.STAFF_COURSE_CANCELLED_NOTE, class_name="tag"),
                        margin_top="0.5rem",
                    ),
                ),
                alert(StaffCourseState.problem),
                rx.cond(StaffCourseState.done != "", success_panel(None, StaffCourseState.done)),
                _downloads(),
                _people(texts.STAFF_COURSE_PARTICIPANTS, StaffCourseState.booked, False),
                _people(texts.STAFF_COURSE_WAITING, StaffCourseState.waiting, True),
                rx.cond(
                    StaffCourseState.cancelled,
                    rx.fragment(),
                    rx.fragment(_edit(), _cancel_course()),
                ),
            ),
            rx.fragment(
                rx.heading(texts.STAFF_COURSES_TITLE, **styles.page_heading),
                rx.text(texts.COURSE_NOT_FOUND, as_="p"),
            ),
        ),
    )
