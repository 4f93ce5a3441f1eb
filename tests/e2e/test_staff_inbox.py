"""The other half of the door: a member sends a document, the chamber's staff of its department
find it in the Eingang, work on it and answer; the member reads the answer in the Postfach.
Staff of another department see nothing of it, not even by sending its id themselves."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows, staff_flows
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.docs_support import PDF, db_rows, second_page, write_pdf  # noqa: F401
from tests.reflex_wire import SESSION_STATE, events_of


def screenshot_of(page: Page):
    """Screenshots of this (second) browser, where the `screenshot` fixture takes the first's."""

    def take(name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take


ITEM_STATE = f"{SESSION_STATE}.portal_app___state___staff_item____staff_item_state"


def _member_sends(page: Page, mail_sink, betrieb, issue_pin, tmp_path) -> tuple[str, str, bytes]:
    """An unlocked member sends a PDF to the Handwerksrolle: their address, its name, bytes."""
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.open_page(page, "/dokumente")
    sent = write_pdf(tmp_path, f"Meisterbrief {betrieb}.pdf", b"% Meisterbrief\n")
    flows.upload(page, [sent], department=texts.DEPARTMENT_HANDWERKSROLLE)
    expect(page.get_by_role("main").get_by_text(texts.UPLOAD_DONE.format(count=1))).to_be_visible()
    return email, sent.name, sent.read_bytes()


def test_a_document_is_found_worked_on_answered_and_the_answer_read(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
    portal_cli,
    portal_env,
    tmp_path,
):
    email, name, content = _member_sends(page, mail_sink, betrieb, issue_pin, tmp_path)
    staff = second_page
    staff_flows.create_and_set_up(staff, portal_cli, departments=("handwerksrolle",))
    staff_screenshot = screenshot_of(staff)

    # the Eingang: search for the sender's file, open the item by its link
    staff.get_by_label(texts.STAFF_FILTER_TEXT).fill(betrieb[3:10])
    staff.get_by_role("button", name=texts.STAFF_FILTER_APPLY).click()
    row = staff.get_by_role("row").filter(has_text=name)
    expect(row).to_contain_text(texts.STAFF_UNREAD)
    expect(row).to_contain_text(texts.INBOX_STATUS_NEW)
    flows.assert_accessible_narrow_and_wide(staff, staff_screenshot, "verwaltung-eingang")
    row.get_by_role("link", name=re.compile(re.escape(name))).click()
    expect(staff.get_by_role("heading", name=name, level=1)).to_be_visible()

    with staff.expect_download() as download:
        staff.get_by_role("button", name=texts.DOWNLOAD_LABEL.format(name=name)).click()
    assert open(download.value.path(), "rb").read() == content  # noqa: SIM115

    staff.get_by_role("button", name=texts.STAFF_ITEM_TAKE_OVER).click()
    expect(staff.get_by_role("main").get_by_text(texts.STAFF_ITEM_TAKEN)).to_be_visible()

    answer = write_pdf(tmp_path, "Eintragungsbestaetigung.pdf", b"% Eintragung\n")
    staff.get_by_label(texts.STAFF_ITEM_ANSWER).fill("Wir haben Ihren Meisterbrief eingetragen.")
    staff.on("filechooser", lambda _chooser: None)
    with staff.expect_file_chooser() as chooser:
        staff.get_by_role("button", name=texts.STAFF_ITEM_PICK_FILES).click()
    chooser.value.set_files(str(answer))
    expect(staff.get_by_role("listitem").filter(has_text=answer.name)).to_be_visible()
    staff.get_by_role("button", name=texts.STAFF_ITEM_SEND_ANSWER).click()
    expect(staff.get_by_role("main").get_by_text(texts.STAFF_ITEM_ANSWERED)).to_be_visible()

    staff.get_by_label(texts.STATUS, exact=True).select_option(label=texts.WELCOME_STEP_DONE)
    staff.get_by_role("textbox", name=texts.STAFF_ITEM_NOTE).first.fill("Eingetragen am Schalter")
    staff.get_by_role("button", name=texts.STAFF_ITEM_SET_STATUS).click()
    expect(staff.get_by_role("main").get_by_text(texts.STAFF_ITEM_STATUS_SET)).to_be_visible()
    history = staff.get_by_role("list").filter(has_text=texts.STAFF_HISTORY["beantwortet"])
    expect(history).to_contain_text("Eingetragen am Schalter")
    flows.assert_accessible_narrow_and_wide(staff, staff_screenshot, "verwaltung-vorgang")

    # the member: the status on /dokumente, the answer in the Postfach
    notice = flows.body_of(mail_sink.wait_for(email, texts.MAIL_POSTFACH_SUBJECT))
    assert "Meisterbrief" not in notice
    flows.open_page(page, "/dokumente")
    sent_row = (
        page.get_by_role("table", name=texts.SENT_HEADING).get_by_role("row").filter(has_text=name)
    )
    expect(sent_row).to_contain_text(texts.WELCOME_STEP_DONE + texts.INBOX_ANSWERED_SUFFIX)
    page.get_by_role("link", name=f"{texts.POSTFACH_TITLE} 1 {texts.NAV_UNREAD}").click()
    message = page.get_by_role("button", name=re.compile(re.escape(name)))
    message.click()
    expect(page.get_by_text("Wir haben Ihren Meisterbrief eingetragen.")).to_be_visible()
    with page.expect_download() as attachment:
        page.get_by_role("button", name=texts.DOWNLOAD_LABEL.format(name=answer.name)).click()
    assert open(attachment.value.path(), "rb").read() == answer.read_bytes()  # noqa: SIM115
    audited = db_rows(
        portal_env,
        "select count(*) from audit_entry where action like 'vorgang_%' and staff_id is not null",
    )
    assert audited[0][0] >= 5  # viewed, file viewed, taken over, answered, status


def test_staff_of_another_department_see_nothing_and_a_replayed_event_is_refused(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
    portal_cli,
    portal_env,
    portal_url,
    tmp_path,
):
    _email, name, _content = _member_sends(page, mail_sink, betrieb, issue_pin, tmp_path)
    (item_id,) = db_rows(portal_env, "select id from vorgang where subject = ?", name)[0]
    staff = second_page
    staff_flows.create_and_set_up(staff, portal_cli, departments=("pruefung",))
    staff.get_by_label(texts.STAFF_FILTER_TEXT).fill(betrieb[3:10])
    staff.get_by_role("button", name=texts.STAFF_FILTER_APPLY).click()
    expect(staff.get_by_role("main").get_by_text(texts.STAFF_INBOX_EMPTY)).to_be_visible()

    path = f"/verwaltung/vorgang/{item_id}"
    flows.open_page(staff, path)
    expect(staff.get_by_role("main").get_by_text(texts.INBOX_ITEM_NOT_FOUND)).to_be_visible()
    with staff_flows.staff_wire(staff, portal_url) as wire:
        wire.call(f"{ITEM_STATE}.load", path=path)
        for handler, payload in (
            ("download", {}),
            ("take_over", {}),
            ("set_status", {"form_data": {"status": "erledigt", "note": "fremd"}}),
            ("forward", {"form_data": {"department": "pruefung", "forward_note": ""}}),
        ):
            updates = wire.call(f"{ITEM_STATE}.{handler}", payload, path=path)
            assert not [e for e in events_of(updates) if e["name"] == "_download"], handler
    status, assignee, department = db_rows(
        portal_env, "select status, assignee_id, department from vorgang where id = ?", item_id
    )[0]
    assert (status, assignee, department) == ("neu", None, "handwerksrolle")


def _tab_to(page: Page, target, limit: int = 40) -> None:
    """Press Tab until `target` has the keyboard focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def test_the_eingang_and_an_item_work_by_keyboard_alone(page: Page, portal_cli):
    email = flows.new_email("tastatur")
    flows.send_contact_message(page, email, subject="Frage per Tastatur")
    staff_flows.create_and_set_up(page, portal_cli, departments=("kontakt",))

    search = page.get_by_label(texts.STAFF_FILTER_TEXT)
    _tab_to(page, search)
    page.keyboard.type(email)
    page.keyboard.press("Enter")
    rows = page.get_by_role("table", name=texts.STAFF_INBOX_TABLE).get_by_role("row")
    expect(rows).to_have_count(2)  # the header and the one message
    _tab_to(page, rows.nth(1).get_by_role("link"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=texts.FORM_CONTACT_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Frage per Tastatur")

    take_over = page.get_by_role("button", name=texts.STAFF_ITEM_TAKE_OVER)
    _tab_to(page, take_over)
    page.keyboard.press("Enter")
    expect(page.get_by_role("main").get_by_text(texts.STAFF_ITEM_TAKEN)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(texts.INBOX_STATUS_WORKING)
