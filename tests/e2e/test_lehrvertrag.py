"""Lehrvertrag online end to end: a Betrieb's member enters the contract step by step from Mein
Konto (a broken rule is named at its field), the draft survives a logout, the Lehrlingsrolle's
staff register it from the Eingang, and the member sees "Eingetragen" and downloads the
Eintragungsbestätigung; a member of another Betrieb can open neither the draft nor its PDF."""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import Page, expect

from portal_app import texts
from portal_app.services import clock, dates
from tests.e2e import flows, staff_flows
from tests.e2e.docs_support import second_page  # noqa: F401
from tests.e2e.test_staff_inbox import screenshot_of
from tests.reflex_wire import SESSION_STATE, events_of

LABEL = texts.LEHRVERTRAG_FIELDS
LIST_PATH = "/ausbildung/vertraege"
LIST_STATE = f"{SESSION_STATE}.portal_app___state___lehrvertrag____lehrvertraege_state"


def _next(page: Page, step: int) -> None:
    """ "Speichern und weiter", then the next step's heading."""
    page.get_by_role("button", name=texts.LEHRVERTRAG_NEXT).click()
    heading = texts.LEHRVERTRAG_STEP_HEADING.format(
        number=step + 1, count=7, name=texts.LEHRVERTRAG_STEP_NAMES[step]
    )
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


def _fill(page: Page, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.get_by_label(LABEL[name], exact=True).fill(value)


def _start_from_mein_konto(page: Page) -> None:
    flows.open_page(page, "/konto")
    page.get_by_role("link", name=texts.LEHRVERTRAG_NEW_TITLE).click()
    expect(page.get_by_role("heading", name=texts.LEHRVERTRAG_NEW_TITLE, level=1)).to_be_visible()


def _first_two_steps(page: Page) -> None:
    page.get_by_label(LABEL["betrieb"]).select_option(index=1)
    _next(page, 1)
    page.get_by_label(LABEL["schulabschluss"]).select_option("Mittlerer Schulabschluss")
    _fill(page, {"vorname": "Lena", "nachname": "Brandl", "geburtsdatum": "14.03.2004",
                 "strasse": "Bergweg 2", "plz": "83278", "ort": "Traunstein"})  # fmt: skip
    page.get_by_label(LABEL["ort"], exact=True).press("Enter")  # the keyboard sends the step
    step_3 = texts.LEHRVERTRAG_STEP_HEADING.format(
        number=3, count=7, name=texts.LEHRVERTRAG_STEP_NAMES[2]
    )
    expect(page.get_by_role("heading", name=step_3)).to_be_visible()
    expect(page.get_by_role("heading", name=step_3)).to_be_focused()


def _remaining_steps(page: Page, screenshot) -> None:
    start = dates.format_date(clock.today() + timedelta(days=20))
    page.get_by_label(LABEL["beruf"]).select_option("tischler")
    _fill(page, {"beginn": start, "dauer": "36"})
    _next(page, 3)
    _fill(page, {"probezeit": "5", "wochenstunden": "40", "urlaubstage": "30"})
    page.get_by_role("button", name=texts.LEHRVERTRAG_NEXT).click()
    expect(page.get_by_role("alert").filter(has_text=texts.LEHRVERTRAG_PROBATION)).to_be_visible()
    expect(page.get_by_label(LABEL["probezeit"])).to_be_focused()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "lehrvertrag-fehler")
    _fill(page, {"probezeit": "4"})
    _next(page, 4)
    _fill(page, {"verguetung_1": "723", "verguetung_2": "1000", "verguetung_3": "1100"})
    page.get_by_role("button", name=texts.LEHRVERTRAG_NEXT).click()
    expect(page.get_by_role("alert").filter(has_text="mindestens 724,00 €")).to_be_visible()
    _fill(page, {"verguetung_1": "900"})
    _next(page, 5)
    _fill(page, {"ausbilder_name": "Josef Eder", "ausbilder_qualifikation": "Tischlermeister"})
    _next(page, 6)
    expect(page.get_by_role("main").get_by_text(texts.LEHRVERTRAG_READY)).to_be_visible()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "lehrvertrag-pruefen")


QUESTION = "Bitte vereinbaren Sie eine Probezeit von 3 Monaten."


def _ask_back_and_resubmit(page: Page, staff: Page, subject: str) -> None:
    """The Lehrlingsrolle asks back; the Betrieb changes one step from the review and submits
    again; the item's history names what changed."""
    staff.get_by_label(texts.STAFF_LEHRVERTRAG_ASK_FIELD).fill(QUESTION)
    staff.get_by_role("button", name=texts.STAFF_LEHRVERTRAG_ASK_BUTTON).click()
    expect(staff.get_by_role("main").get_by_text(texts.STAFF_LEHRVERTRAG_ASKED)).to_be_visible()

    flows.open_page(page, "/konto")
    page.get_by_role("main").get_by_role("link", name=texts.LEHRVERTRAG_LIST_TITLE).click()
    asked = page.get_by_role("row").filter(has_text="Lena Brandl")
    expect(asked).to_contain_text(texts.LEHRVERTRAG_STATUS_ASKED_BACK)
    asked.get_by_role(
        "link", name=texts.LEHRVERTRAG_RESUME_LABEL.format(name="Lena Brandl")
    ).click()
    expect(page.get_by_role("main").get_by_text(QUESTION)).to_be_visible()
    times = texts.LEHRVERTRAG_STEP_NAMES[3]
    page.get_by_role("button", name=texts.LEHRVERTRAG_CHANGE_STEP_LABEL.format(name=times)).click()
    expect(page.get_by_label(LABEL["probezeit"])).to_have_value("4")
    _fill(page, {"probezeit": "3"})
    for step in (4, 5, 6):
        _next(page, step)
    page.get_by_role("button", name=texts.LEHRVERTRAG_SUBMIT).click()
    expect(page.get_by_role("main").get_by_text(texts.LEHRVERTRAG_SUBMITTED_DONE)).to_be_visible()

    nav = staff.get_by_role("navigation", name=texts.STAFF_NAV_LABEL)
    nav.get_by_role("link", name=texts.STAFF_INBOX_TITLE).click()
    staff.get_by_role("row").filter(has_text=subject).get_by_role("link", name=subject).click()
    change = texts.LEHRVERTRAG_CHANGE.format(label=LABEL["probezeit"], before="4", after="3")
    expect(staff.get_by_role("main")).to_contain_text(change)


def test_a_betrieb_enters_a_lehrvertrag_and_sees_it_registered(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
    portal_cli,
    screenshot,
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    _start_from_mein_konto(page)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "lehrvertrag-schritt-1")
    _first_two_steps(page)
    _remaining_steps(page, screenshot)
    page.get_by_role("button", name=texts.LEHRVERTRAG_SUBMIT).click()
    expect(page.get_by_role("main").get_by_text(texts.LEHRVERTRAG_SUBMITTED_DONE)).to_be_visible()

    staff = second_page
    staff_flows.create_and_set_up(staff, portal_cli, departments=("ausbildung",))
    subject = "Lehrvertrag: Lena Brandl, Tischler/in"
    row = staff.get_by_role("row").filter(has_text=betrieb).filter(has_text=subject)
    row.get_by_role("link", name=subject).click()
    expect(staff.get_by_role("heading", name=subject, level=1)).to_be_visible()
    with staff.expect_download() as contract:
        staff.get_by_role("button", name=texts.STAFF_LEHRVERTRAG_PDF).click()
    assert open(contract.value.path(), "rb").read().startswith(b"%PDF")  # noqa: SIM115
    _ask_back_and_resubmit(page, staff, subject)
    number = f"LR-{betrieb[3:10]}"
    staff.get_by_label(texts.LEHRVERTRAG_NUMBER).fill(number)
    staff.get_by_role("button", name=texts.STAFF_LEHRVERTRAG_REGISTER_BUTTON).click()
    expect(
        staff.get_by_role("main").get_by_text(texts.STAFF_LEHRVERTRAG_REGISTERED)
    ).to_be_visible()
    expect(staff.get_by_role("link", name=texts.STAFF_LEHRVERTRAG_PERSON)).to_be_visible()
    flows.assert_accessible_narrow_and_wide(staff, screenshot_of(staff), "verwaltung-lehrvertrag")
    # the new Person's PIN letter, from the Verzeichnis as for every Person
    staff.get_by_role("link", name=texts.STAFF_LEHRVERTRAG_PERSON).click()
    expect(staff.get_by_role("main")).to_contain_text("Lena Brandl")
    with staff.expect_download() as letter:
        staff.get_by_role("button", name=texts.VERZEICHNIS_ISSUE_PIN).click()
    assert letter.value.suggested_filename.startswith("PIN-Brief ")

    mail_sink.wait_for(email, texts.MAIL_POSTFACH_SUBJECT)
    flows.open_page(page, "/konto")
    page.get_by_role("link", name=texts.LEHRVERTRAG_LIST_TITLE).click()
    contract_row = page.get_by_role("row").filter(has_text="Lena Brandl")
    expect(contract_row).to_contain_text(texts.LEHRVERTRAG_STATUS_REGISTERED)
    expect(contract_row).to_contain_text(number)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "lehrvertraege")
    with page.expect_download() as confirmation:
        contract_row.get_by_role(
            "button", name=texts.LEHRVERTRAG_DOWNLOAD_CONFIRMATION_LABEL.format(name="Lena Brandl")
        ).click()
    assert confirmation.value.suggested_filename.startswith("Eintragungsbestaetigung")
    assert open(confirmation.value.path(), "rb").read().startswith(b"%PDF")  # noqa: SIM115


def test_a_draft_survives_logout_and_stays_closed_to_another_betrieb(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
    portal_cli,
    portal_url,
    tmp_path,
    screenshot,
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    _start_from_mein_konto(page)
    _first_two_steps(page)
    flows.logout(page)
    flows.open_page(page, "/anmelden")
    flows.login(page, email)
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE, level=1)).to_be_visible()
    page.get_by_role("link", name=texts.LEHRVERTRAG_LIST_TITLE).click()
    draft = page.get_by_role("row").filter(has_text="Lena Brandl")
    expect(draft).to_contain_text(texts.LEHRVERTRAG_STATUS_DRAFT)
    draft.get_by_role(
        "link", name=texts.LEHRVERTRAG_RESUME_LABEL.format(name="Lena Brandl")
    ).click()
    step_3 = texts.LEHRVERTRAG_STEP_HEADING.format(
        number=3, count=7, name=texts.LEHRVERTRAG_STEP_NAMES[2]
    )
    expect(page.get_by_role("heading", name=step_3)).to_be_visible()
    page.get_by_label(LABEL["beruf"]).select_option("tischler")
    page.get_by_label(LABEL["dauer"], exact=True).fill("99")  # wrong, but kept going back
    page.get_by_role("button", name=texts.LEHRVERTRAG_BACK).click()
    expect(page.get_by_label(LABEL["vorname"], exact=True)).to_have_value("Lena")
    contract_id = re.search(r"vertrag=(\d+)", page.url).group(1)

    # a member of another Betrieb: not by the link, not by the PDF's event
    other = f"TS-{int(betrieb[3:10]) % 9000000 + 1000000:07d}-0"
    portal_cli("registry", "import", "betriebe", str(_registry_row(tmp_path, other)))
    stranger = second_page
    flows.create_unlocked_member(stranger, mail_sink, other, issue_pin(other))
    flows.open_page(stranger, f"/ausbildung/vertrag/neu?vertrag={contract_id}")
    expect(stranger.get_by_role("main").get_by_text(texts.LEHRVERTRAG_NOT_FOUND)).to_be_visible()
    expect(stranger.get_by_label(LABEL["vorname"], exact=True)).to_have_count(0)

    # once submitted, the contract's PDF goes to its Betrieb's member only
    _next(page, 2)
    expect(page.get_by_label(LABEL["beruf"])).to_have_value("tischler")  # as left going back
    expect(page.get_by_label(LABEL["dauer"], exact=True)).to_have_value("99")
    _remaining_steps(page, screenshot)
    page.get_by_role("button", name=texts.LEHRVERTRAG_SUBMIT).click()
    expect(page.get_by_role("main").get_by_text(texts.LEHRVERTRAG_SUBMITTED_DONE)).to_be_visible()
    assert _pdf_event(page, portal_url, contract_id) != []
    assert _pdf_event(stranger, portal_url, contract_id) == []


def _pdf_event(page: Page, portal_url: str, contract_id: str) -> list[dict]:
    """The downloads the PDF's event hands this browser's login, sent by our own client."""
    with flows.wire_of(page, portal_url) as wire:
        updates = wire.call(
            f"{LIST_STATE}.download_contract", {"contract_id": contract_id}, path=LIST_PATH
        )
    return [e for e in events_of(updates) if e["name"] == "_download"]


def _registry_row(tmp_path, number: str):
    csv = tmp_path / "andere.csv"
    csv.write_text(
        "kreis;betriebsnummer;filiale;name;strasse;plz;ort;eintragung\n"
        f"TS;{number[3:10]};0;Fliesen Fremd;Am Anger 5;83278;Traunstein;handwerksrolle\n",
        encoding="utf-8",
    )
    return csv


def test_a_draft_is_discarded_after_asking_once_more(page: Page, mail_sink, betrieb, issue_pin):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    _start_from_mein_konto(page)
    _first_two_steps(page)
    page.get_by_role("main").get_by_role("link", name=texts.LEHRVERTRAG_LIST_TITLE).click()
    # arrived: the page has loaded and given its heading the focus
    expect(page.get_by_role("heading", name=texts.LEHRVERTRAG_LIST_TITLE, level=1)).to_be_focused()
    draft = page.get_by_role("row").filter(has_text="Lena Brandl")
    discard = draft.get_by_role(
        "button", name=texts.LEHRVERTRAG_DISCARD_LABEL.format(name="Lena Brandl")
    )
    discard.focus()
    page.keyboard.press("Enter")
    expect(flows.announcer(page)).to_have_text(texts.LEHRVERTRAG_DISCARD_CONFIRM)
    flows.assert_accessible(page)
    draft.get_by_role("button", name=texts.CANCEL_NO).click()  # kept
    expect(draft).to_be_visible()
    discard.click()
    draft.get_by_role("button", name=texts.LEHRVERTRAG_DISCARD_YES).click()
    expect(page.get_by_role("main").get_by_text(texts.LEHRVERTRAG_DISCARDED)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Lena Brandl")).to_have_count(0)
    expect(page.get_by_text(texts.LEHRVERTRAG_LIST_EMPTY)).to_be_visible()
