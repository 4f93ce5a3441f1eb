"""A member's second factor end to end: set-up under Mein Konto with a code computed from the
key read off the page, logging in with a wrong, the right, a reused and a recovery code; the
SEPA notice that leads a Betrieb's member to the set-up and back; the staff's reset."""

import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows, staff_flows
from tests.mailsink import body_of


def _open_second_factor(page: Page) -> None:
    flows.open_page(page, "/konto")
    page.get_by_role("link", name=texts.SECOND_FACTOR_TITLE).click()
    expect(page.get_by_role("heading", name=texts.SECOND_FACTOR_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def _login_to_code_step(page: Page, email: str) -> None:
    flows.open_page(page, "/anmelden")
    flows.login(page, email)
    expect(page.get_by_label(texts.FIELD_TOTP_CODE)).to_be_focused()
    expect(page.get_by_text(texts.LOGIN_CODE_INTRO)).to_be_visible()


def _expect_account(page: Page) -> None:
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE, level=1)).to_be_visible()


def test_a_member_sets_up_the_second_factor_and_logs_in_with_codes(
    page: Page, mail_sink, portal_db, screenshot
):
    email = flows.create_account(page, mail_sink)
    _open_second_factor(page)
    expect(page.get_by_text(texts.SECOND_FACTOR_STATUS_OFF, exact=True)).to_be_visible()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "zweiter-faktor-aus")

    app = flows.set_up_second_factor_here(page, screenshot)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "zweiter-faktor-codes")
    with page.expect_download() as download:
        page.get_by_role("button", name=texts.SECOND_FACTOR_DOWNLOAD).click()
    saved = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert all(code in saved for code in app.recovery_codes) and email in saved
    page.get_by_role("button", name=texts.SECOND_FACTOR_CODES_NOTED).click()
    expect(page.get_by_text(texts.SECOND_FACTOR_STATUS_ON, exact=True)).to_be_visible()
    expect(page.get_by_text(texts.SECOND_FACTOR_CODES_LEFT.format(count=10))).to_be_visible()
    expect(page.get_by_role("list", name=texts.TOTP_RECOVERY_LIST_LABEL)).to_have_count(0)
    mail_sink.wait_for(email, texts.MAIL_SECOND_FACTOR_ON_SUBJECT)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "zweiter-faktor-an")

    flows.logout(page)
    with flows.failed_logins_forgotten(portal_db):
        _login_to_code_step(page, email)
        flows.assert_accessible_narrow_and_wide(page, screenshot, "anmelden-code")
        flows.enter_login_code(page, f"{(int(app.next_code()) + 1) % 10**6:06d}")
        expect(page.get_by_role("alert")).to_have_text(texts.TOTP_CODE_WRONG)
        expect(page.get_by_label(texts.FIELD_TOTP_CODE)).to_be_focused()
        # by keyboard: type the right code into the focused field and press Enter
        page.keyboard.type(app.next_code())
        page.keyboard.press("Enter")
        _expect_account(page)

        flows.logout(page)
        _login_to_code_step(page, email)
        flows.enter_login_code(page, app.used_code())
        expect(page.get_by_role("alert")).to_have_text(texts.TOTP_CODE_WRONG)
        flows.enter_login_code(page, app.recovery_codes[0])
        _expect_account(page)
    told = body_of(mail_sink.wait_for(email, texts.MAIL_RECOVERY_CODE_USED_SUBJECT))
    assert "noch 9" in told

    _open_second_factor(page)
    expect(page.get_by_text(texts.SECOND_FACTOR_CODES_LEFT.format(count=9))).to_be_visible()
    flows.open_page(page, "/konto")
    page.get_by_role("link", name=texts.SESSIONS_TITLE).click()
    this_device = page.get_by_role("listitem").filter(has_text=texts.SESSIONS_THIS)
    expect(this_device).to_contain_text(texts.SESSIONS_SECOND_FACTOR_YES)


def test_a_betriebs_member_is_led_from_sepa_to_the_set_up_and_back(
    page: Page, mail_sink, betrieb, issue_pin, screenshot
):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.open_page(page, "/konto")
    page.get_by_role("link", name=texts.SEPA_TITLE).click()
    expect(page.get_by_role("heading", name=texts.SECOND_FACTOR_FIRST_TITLE)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_IBAN)).to_have_count(0)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "sepa-zweiter-faktor")

    page.get_by_role("link", name=texts.SECOND_FACTOR_FIRST_LINK).click()
    expect(page).to_have_url(re.compile(r"/konto/zweiter-faktor\?zurueck=/sepa$"))
    expect(page.get_by_text(texts.SECOND_FACTOR_REQUIRED_NOTE)).to_be_visible()
    flows.set_up_second_factor_here(page)
    page.get_by_role(
        "button", name=texts.SECOND_FACTOR_BACK_TO.format(title=texts.SEPA_TITLE)
    ).click()
    expect(page.get_by_role("heading", name=texts.SEPA_TITLE, level=1)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_IBAN)).to_be_visible()
    expect(page.get_by_role("heading", name=texts.SECOND_FACTOR_FIRST_TITLE)).to_have_count(0)


def test_the_chambers_administrator_resets_a_members_second_factor(
    page: Page, mail_sink, portal_cli, new_context, screenshot
):
    member_page = new_context().new_page()
    email = flows.create_account(member_page, mail_sink)
    _open_second_factor(member_page)
    flows.set_up_second_factor_here(member_page)

    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    page.get_by_role("link", name=texts.MEMBER_ACCOUNTS_NAV).click()
    expect(page.get_by_role("heading", name=texts.MEMBER_ACCOUNTS_TITLE)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    main = page.get_by_role("main")
    page.get_by_label(texts.FIELD_EMAIL).fill("nicht-da-" + email)
    page.get_by_role("button", name=texts.MEMBER_ACCOUNTS_SEARCH).click()
    expect(main.get_by_text(texts.MEMBER_ACCOUNTS_NONE)).to_be_visible()
    page.get_by_label(texts.FIELD_EMAIL).fill(email.upper())
    page.get_by_role("button", name=texts.MEMBER_ACCOUNTS_SEARCH).click()
    found = page.get_by_role("region", name=email)
    expect(found).to_contain_text(texts.SECOND_FACTOR_STATUS_ON)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-konten")

    page.get_by_role("button", name=texts.STAFF_RESET_SECOND_FACTOR).click()
    expect(page.get_by_role("alert")).to_have_text(texts.SECOND_FACTOR_REASON_EMPTY)
    page.get_by_label(texts.FIELD_RESET_REASON).fill("Telefon verloren, Identität geprüft")
    page.get_by_role("button", name=texts.STAFF_RESET_SECOND_FACTOR).click()
    done = texts.SECOND_FACTOR_WAS_RESET_MEMBER.format(email=email)
    expect(main.get_by_text(done)).to_be_visible()
    expect(found).to_contain_text(texts.SECOND_FACTOR_STATUS_OFF)
    mail_sink.wait_for(email, texts.MAIL_SECOND_FACTOR_RESET_SUBJECT)

    flows.expect_logged_out(member_page)  # every login of the member ended
    flows.login(member_page, email)
    _expect_account(member_page)  # the password alone is enough again


def test_new_recovery_codes_and_turning_off_need_password_and_code(
    page: Page, mail_sink, portal_db, screenshot
):
    email = flows.create_account(page, mail_sink)
    _open_second_factor(page)
    app = flows.set_up_second_factor_here(page)
    page.get_by_role("button", name=texts.SECOND_FACTOR_CODES_NOTED).click()

    page.get_by_role("button", name=texts.SECOND_FACTOR_RENEW_TITLE).click()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "zweiter-faktor-neue-codes")
    with flows.failed_logins_forgotten(portal_db):
        page.get_by_role("button", name=texts.SECOND_FACTOR_RENEW_BUTTON).click()
        expect(page.get_by_label(texts.FIELD_PASSWORD)).to_be_focused()
        page.get_by_label(texts.FIELD_PASSWORD).fill(flows.PASSWORD)
        page.get_by_label(texts.FIELD_TOTP_CODE).fill("<script>1</script>")
        page.get_by_role("button", name=texts.SECOND_FACTOR_RENEW_BUTTON).click()
        expect(page.get_by_role("alert")).to_have_text(texts.TOTP_CODE_WRONG)
    page.get_by_label(texts.FIELD_PASSWORD).fill(flows.PASSWORD)
    page.get_by_label(texts.FIELD_TOTP_CODE).fill(app.recovery_codes[0])
    page.get_by_role("button", name=texts.SECOND_FACTOR_RENEW_BUTTON).click()
    codes = page.get_by_role("list", name=texts.TOTP_RECOVERY_LIST_LABEL).get_by_role("listitem")
    expect(codes).to_have_count(10)
    assert not set(codes.all_inner_texts()) & set(app.recovery_codes)
    page.get_by_role("button", name=texts.SECOND_FACTOR_CODES_NOTED).click()

    page.get_by_role("button", name=texts.SECOND_FACTOR_OFF_TITLE).click()
    page.get_by_label(texts.FIELD_PASSWORD).fill(flows.PASSWORD)
    page.get_by_label(texts.FIELD_TOTP_CODE).fill(app.next_code())
    page.get_by_role("button", name=texts.SECOND_FACTOR_OFF_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.SECOND_FACTOR_TURNED_OFF)).to_be_visible()
    expect(page.get_by_text(texts.SECOND_FACTOR_STATUS_OFF, exact=True)).to_be_visible()
    mail_sink.wait_for(email, texts.MAIL_SECOND_FACTOR_OFF_SUBJECT)

    flows.logout(page)
    flows.open_page(page, "/anmelden")
    flows.login(page, email)
    _expect_account(page)  # the password alone again
