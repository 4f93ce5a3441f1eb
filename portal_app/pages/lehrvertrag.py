"""Lehrvertrag online: the wizard /ausbildung/vertrag/neu (seven steps, each saved as a draft)
and "Meine Lehrverträge" /ausbildung/vertraege (drafts, submitted and registered contracts,
their PDFs)."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    date_field,
    form,
    notice,
    question,
    select_field,
    submit_button,
    success_panel,
    text_field,
    textarea_field,
)
from portal_app.components.links import link_button
from portal_app.components.loading import until_loaded
from portal_app.components.page import page
from portal_app.components.stepper import stepper
from portal_app.state.lehrvertrag import (
    BACK_FIELD,
    BERUF_OPTIONS,
    BERUFE_SOURCE,
    SCHOOL_OPTIONS,
    STEP_COUNT,
    LehrvertraegeState,
    LehrvertragState,
)

S = LehrvertragState
LABEL = texts.LEHRVERTRAG_FIELDS


def _start(name: str) -> dict:
    return {"default_value": S.values.get(name, "")}


def _text(name: str, *, hint: str = "", required: bool = True, max_length: int = 200):
    return text_field(
        name,
        LABEL[name],
        S.errors.get(name, ""),
        hint=hint,
        required=required,
        max_length=max_length,
        **_start(name),
    )


def _date(name: str):
    return date_field(name, LABEL[name], S.errors.get(name, ""), **_start(name))


def _step_betrieb() -> rx.Component:
    return select_field(
        "betrieb",
        LABEL["betrieb"],
        S.betriebe,
        S.errors.get("betrieb", ""),
        empty_label=texts.FORM_CHOOSE,
        hint=texts.LEHRVERTRAG_BETRIEB_HINT,
        option_value="id",
        option_label="label",
        **_start("betrieb"),
    )


def _step_apprentice() -> rx.Component:
    return rx.fragment(
        _text("vorname", max_length=100),
        _text("nachname", max_length=100),
        _date("geburtsdatum"),
        _text("strasse"),
        _text("plz", max_length=5),
        _text("ort", max_length=100),
        select_field(
            "schulabschluss",
            LABEL["schulabschluss"],
            SCHOOL_OPTIONS,
            S.errors.get("schulabschluss", ""),
            empty_label=texts.FORM_CHOOSE,
            **_start("schulabschluss"),
        ),
        _longer_text("vertreter", texts.LEHRVERTRAG_GUARDIAN_HINT),
    )


def _longer_text(name: str, hint: str) -> rx.Component:
    """A text area the rules may ask for (guardians of a minor, the reason for a duration)."""
    return textarea_field(
        name,
        LABEL[name],
        S.errors.get(name, ""),
        hint=hint,
        max_length=1000,
        required=False,
        **_start(name),
    )


def _step_training() -> rx.Component:
    return rx.fragment(
        select_field(
            "beruf",
            LABEL["beruf"],
            BERUF_OPTIONS,
            S.errors.get("beruf", ""),
            empty_label=texts.FORM_CHOOSE,
            hint=BERUFE_SOURCE,
            **_start("beruf"),
        ),
        _date("beginn"),
        _text("dauer", hint=texts.LEHRVERTRAG_DURATION_HINT, max_length=2),
        _longer_text("dauer_grund", texts.LEHRVERTRAG_REASON_HINT),
    )


def _step_times() -> rx.Component:
    return rx.fragment(
        _text("probezeit", max_length=2),
        _text("wochenstunden", max_length=2),
        _text("urlaubstage", max_length=2),
    )


def _step_pay() -> rx.Component:
    return rx.fragment(
        *[
            rx.cond(
                S.pay_years >= year,
                _text(f"verguetung_{year}", hint=texts.LEHRVERTRAG_PAY_HINT, max_length=12),
            )
            for year in range(1, 5)
        ]
    )


def _step_trainer() -> rx.Component:
    return rx.fragment(
        _text("ausbilder_name", max_length=100),
        _text("ausbilder_qualifikation"),
        _text("ausbildungsstaette"),
    )


def _summary() -> rx.Component:
    return rx.el.dl(
        rx.foreach(S.summary, lambda pair: rx.fragment(rx.el.dt(pair[0]), rx.el.dd(pair[1]))),
        class_name="facts",
        aria_label=texts.LEHRVERTRAG_STEP_NAMES[-1],
    )


def _change_steps() -> rx.Component:
    """Straight back to a step from the review (the Betrieb of a draft stays as chosen)."""
    return rx.box(
        rx.heading(texts.LEHRVERTRAG_CHANGE_STEPS, as_="h2", size="4", margin_top="1rem"),
        rx.flex(
            *[
                rx.button(
                    texts.LEHRVERTRAG_CHANGE_STEP_LABEL.format(name=name),
                    on_click=S.go_to_step(number),
                    variant="soft",
                    size="2",
                )
                for number, name in enumerate(texts.LEHRVERTRAG_STEP_NAMES[1:-1], start=2)
            ],
            gap="0.5rem",
            wrap="wrap",
            margin_top="0.5rem",
        ),
    )


def _step_review() -> rx.Component:
    return rx.fragment(
        _summary(),
        _change_steps(),
        rx.cond(
            S.open_problems.length() > 0,
            notice(
                rx.text(texts.LEHRVERTRAG_STILL_WRONG, as_="p", weight="bold"),
                rx.el.ul(rx.foreach(S.open_problems, lambda p: rx.el.li(p))),
                tone="amber",
            ),
            notice(texts.LEHRVERTRAG_READY, tone="green"),
        ),
        rx.flex(
            rx.button(texts.LEHRVERTRAG_BACK, on_click=S.back, variant="outline", size="3"),
            rx.button(texts.LEHRVERTRAG_SUBMIT, on_click=S.submit, size="3"),
            gap="1rem",
            wrap="wrap",
            margin_top="1rem",
        ),
    )


STEPS = (_step_betrieb, _step_apprentice, _step_training, _step_times, _step_pay, _step_trainer)


def _step_form() -> rx.Component:
    return form(
        rx.match(
            S.step,
            *[(number, render()) for number, render in enumerate(STEPS, start=1)],
            rx.fragment(),
        ),
        rx.flex(
            rx.cond(
                S.step > 1,
                rx.button(
                    texts.LEHRVERTRAG_BACK,
                    type="button",
                    custom_attrs={"data-send-with": BACK_FIELD},
                    variant="outline",
                    size="3",
                ),
            ),
            submit_button(texts.LEHRVERTRAG_NEXT),
            gap="1rem",
            wrap="wrap",
        ),
        # "Zurück" sends the form with this field set (assets/portal.js): the state keeps what
        # the step holds; "Speichern und weiter" stays the submit button Enter in a field uses
        rx.el.input(type="hidden", name=BACK_FIELD, default_value=""),
        on_submit=S.save,
        label=S.step_heading,
        key=S.form_key,
    )


def _wizard() -> rx.Component:
    return rx.fragment(
        rx.cond(
            S.rueckfrage != "",
            notice(
                rx.text(texts.LEHRVERTRAG_QUESTION_HEADING, as_="p", weight="bold"),
                rx.text(S.rueckfrage, as_="p", white_space="pre-wrap"),
                tone="amber",
            ),
        ),
        stepper(STEP_NAMES_SHOWN, S.step, texts.LEHRVERTRAG_STEPS_LABEL),
        rx.heading(
            S.step_heading, id="schritt-ueberschrift", tab_index=-1, **styles.section_heading
        ),
        alert(S.problem),
        rx.cond(S.step == STEP_COUNT, _step_review(), _step_form()),
    )


STEP_NAMES_SHOWN = texts.LEHRVERTRAG_STEP_NAMES


def _read_only() -> rx.Component:
    return rx.fragment(
        rx.cond(
            S.done != "",
            success_panel(
                None,
                S.done,
                actions=(link_button(texts.LEHRVERTRAG_LIST_TITLE, routes.LEHRVERTRAEGE),),
            ),
            notice(texts.LEHRVERTRAG_READ_ONLY),
        ),
        _summary(),
    )


@page(
    routes.LEHRVERTRAG_NEW,
    texts.LEHRVERTRAG_NEW_TITLE,
    unlocked=True,
    on_load=[LehrvertragState.load],
    account_link=texts.LEHRVERTRAG_NEW_TITLE,
    account_order=40,
)
def lehrvertrag_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.LEHRVERTRAG_NEW_TITLE, **styles.page_heading),
        rx.cond(
            S.may_use,
            rx.fragment(
                rx.text(texts.LEHRVERTRAG_INTRO, as_="p"),
                rx.cond(S.editable, _wizard(), _read_only()),
                rx.text(
                    rx.link(texts.LEHRVERTRAG_LIST_TITLE, href=routes.LEHRVERTRAEGE),
                    as_="p",
                    margin_top="1.5rem",
                ),
            ),
            notice(texts.LEHRVERTRAG_NO_ROLE),
        ),
    )


# --- Meine Lehrverträge --------------------------------------------------------------------------

L = LehrvertraegeState
COLUMNS = (
    (texts.LEHRVERTRAG_COL_APPRENTICE, "apprentice"),
    (texts.LEHRVERTRAG_COL_BERUF, "beruf"),
    (texts.BETRIEB, "betrieb"),
    (texts.STATUS, "status"),
    (texts.LEHRVERTRAG_COL_CHANGED, "changed"),
)


def _discard(row) -> rx.Component:
    """A draft never sent: "Verwerfen", asked once more in place of the button."""
    return rx.cond(
        L.confirm_discard == row["id"],
        question(
            texts.LEHRVERTRAG_DISCARD_CONFIRM,
            rx.button(
                texts.LEHRVERTRAG_DISCARD_YES, on_click=L.discard(row["id"]), color_scheme="red"
            ),
            rx.button(texts.CANCEL_NO, on_click=L.keep, variant="outline"),
        ),
        rx.button(
            texts.DISCARD_BUTTON,
            on_click=L.ask_discard(row["id"]),
            variant="outline",
            aria_label=row["discard_label"],
        ),
    )


def _actions(row) -> rx.Component:
    return rx.flex(
        rx.cond(
            row["editable"] != "",
            rx.link(texts.LEHRVERTRAG_RESUME, href=row["href"], aria_label=row["edit_label"]),
            rx.link(texts.LEHRVERTRAG_SHOW, href=row["href"], aria_label=row["show_label"]),
        ),
        rx.cond(row["discardable"] != "", _discard(row)),
        rx.cond(
            row["submitted"] != "",
            rx.button(
                texts.LEHRVERTRAG_DOWNLOAD_CONTRACT,
                on_click=L.download_contract(row["id"]),
                variant="outline",
                aria_label=row["pdf_label"],
            ),
        ),
        rx.cond(
            row["registered"] != "",
            rx.button(
                texts.LEHRVERTRAG_DOWNLOAD_CONFIRMATION,
                on_click=L.download_confirmation(row["id"]),
                variant="outline",
                aria_label=row["confirmation_label"],
            ),
        ),
        gap="0.75rem",
        wrap="wrap",
        align="center",
        justify="end",
    )


def _list() -> rx.Component:
    return rx.cond(
        L.rows.length() > 0,
        rx.el.table(
            rx.el.caption(texts.LEHRVERTRAG_LIST_TITLE, class_name="sr-only"),
            rx.el.thead(
                rx.el.tr(
                    *[rx.el.th(label, scope="col") for label, _key in COLUMNS],
                    rx.el.th(
                        rx.el.span(texts.LEHRVERTRAG_COL_ACTIONS, class_name="sr-only"),
                        scope="col",
                    ),
                )
            ),
            rx.el.tbody(
                rx.foreach(
                    L.rows,
                    lambda row: rx.el.tr(
                        *[rx.el.td(row[key], data_label=label) for label, key in COLUMNS],
                        rx.el.td(_actions(row)),
                    ),
                )
            ),
            class_name="doc-table",
        ),
        rx.text(texts.LEHRVERTRAG_LIST_EMPTY, as_="p", color_scheme="gray"),
    )


@page(
    routes.LEHRVERTRAEGE,
    texts.LEHRVERTRAG_LIST_TITLE,
    unlocked=True,
    on_load=[LehrvertraegeState.load],
    account_link=texts.LEHRVERTRAG_LIST_TITLE,
    account_order=41,
)
def lehrvertraege_page() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.LEHRVERTRAG_LIST_TITLE, **styles.page_heading),
        rx.cond(L.done != "", success_panel(None, L.done)),
        alert(L.problem),
        until_loaded(
            rx.cond(
                L.may_use,
                rx.fragment(
                    rx.text(texts.LEHRVERTRAG_LIST_INTRO, as_="p"),
                    link_button(texts.LEHRVERTRAG_START_NEW, routes.LEHRVERTRAG_NEW),
                    _list(),
                ),
                notice(texts.LEHRVERTRAG_NO_ROLE),
            )
        ),
    )
