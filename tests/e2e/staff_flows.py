"""What the chamber's staff do, step by step, for the e2e tests: the operator's command, the
set-up link, the login with password and confirmation code (computed with pyotp as an
authenticator app would), logging out."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

import pyotp
from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows
from tests.mailsink import MailSink, body_of

STAFF_PASSWORD = "Sachbearbeiter prüfen Anträge gründlich"
SETUP_LINK = re.compile(r"https?://\S+/verwaltung/einrichten\?token=\S+")
STAFF_COOKIE = "kp_verwaltung"


def new_staff_email(prefix: str = "sachbearbeitung") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@hwk-test.example"


@dataclass
class StaffMember:
    """A staff member's credentials as the test knows them: the secret read from the set-up
    page, the recovery codes shown there, and the last time step whose code was used."""

    email: str
    name: str
    password: str = STAFF_PASSWORD
    secret: str = ""
    recovery_codes: list[str] = field(default_factory=list)
    last_step: int = -1

    def next_code(self) -> str:
        """A code the portal has not yet accepted (see `flows.fresh_totp`)."""
        code, self.last_step = flows.fresh_totp(self.secret, self.last_step)
        return code

    def used_code(self) -> str:
        """The code of the step used last (the portal refuses it a second time)."""
        return pyotp.TOTP(self.secret).at(self.last_step * flows.TOTP_STEP)


def create_staff(
    portal_cli, *, name: str = "Erika Verwaltung", admin: bool = False, departments=()
) -> tuple[StaffMember, str]:
    """`portal mitarbeiter anlegen` as the operator runs it: the member and the set-up link
    (the last line printed)."""
    email = new_staff_email("admin" if admin else "sachbearbeitung")
    args = ["mitarbeiter", "anlegen", "--email", email, "--name", name]
    if admin:
        args.append("--admin")
    for key in departments:
        args += ["--abteilung", key]
    link = portal_cli(*args).strip().splitlines()[-1]
    assert SETUP_LINK.fullmatch(link), link
    return StaffMember(email, name), link


def invitation_link(mail_sink: MailSink, email: str) -> str:
    message = mail_sink.wait_for(email, texts.MAIL_STAFF_INVITE_SUBJECT)
    return SETUP_LINK.search(body_of(message)).group(0)


def set_up(page: Page, link: str, member: StaffMember, screenshot=None) -> None:
    """Open the set-up link, set the password, read the key, confirm with a code, keep the
    recovery codes, go on to the Eingang."""
    flows.open_page(page, link)
    expect(page.get_by_role("heading", name=texts.STAFF_SETUP_TITLE)).to_be_visible()
    if screenshot:
        flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-einrichten")
    flows.fill_new_password(page, member.password)
    page.get_by_role("button", name=texts.STAFF_SETUP_PASSWORD_BUTTON).click()
    expect(page.get_by_role("heading", name=texts.TOTP_SETUP_TITLE)).to_be_visible()
    expect(page.get_by_role("img", name=texts.TOTP_QR_LABEL)).to_be_visible()
    if screenshot:
        flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-authenticator")
    member.secret = page.get_by_role("main").get_by_role("code").inner_text().replace(" ", "")
    page.get_by_label(texts.FIELD_TOTP_CODE).fill(member.next_code())
    page.get_by_role("button", name=texts.TOTP_CODE_BUTTON).click()
    expect(page.get_by_role("heading", name=texts.TOTP_RECOVERY_TITLE)).to_be_visible()
    codes = page.get_by_role("list", name=texts.TOTP_RECOVERY_LIST_LABEL).get_by_role("listitem")
    expect(codes).to_have_count(10)
    member.recovery_codes = [c.strip() for c in codes.all_inner_texts()]
    if screenshot:
        flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-wiederherstellung")
    page.get_by_role("button", name=texts.STAFF_CONTINUE).click()
    expect_inbox(page)


def create_and_set_up(page: Page, portal_cli, *, admin: bool = False, departments=()):
    """A staff member made by the operator and set up in this browser: logged in, Eingang."""
    member, link = create_staff(
        portal_cli, admin=admin, departments=departments,
        name="Anna Administration" if admin else "Erika Verwaltung",
    )  # fmt: skip
    set_up(page, link, member)
    return member


def expect_inbox(page: Page) -> None:
    expect(page).to_have_url(re.compile(r"/verwaltung/?$"))
    expect(page.get_by_role("heading", name=texts.STAFF_INBOX_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def open_staff_login(page: Page) -> None:
    """The staff's bookmark: /verwaltung sends anyone not logged in to the staff login."""
    flows.open_page(page, "/verwaltung")
    expect(page.get_by_role("heading", name=texts.STAFF_LOGIN_TITLE)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def enter_password(page: Page, member: StaffMember, password: str = "") -> None:
    page.get_by_label(texts.FIELD_EMAIL).fill(member.email)
    page.get_by_label(texts.FIELD_PASSWORD).fill(password or member.password)
    page.get_by_role("button", name=texts.LOGIN_TITLE).click()


def enter_code(page: Page, code: str) -> None:
    page.get_by_label(texts.FIELD_TOTP_CODE).fill(code)
    page.get_by_role("button", name=texts.TOTP_CODE_BUTTON).click()


def staff_login(page: Page, member: StaffMember, code: str = "") -> None:
    """Log in at the staff login (password, then a fresh TOTP code or the given one); lands on
    the Eingang."""
    open_staff_login(page)
    enter_password(page, member)
    enter_code(page, code or member.next_code())
    expect_inbox(page)


def staff_logout(page: Page) -> None:
    page.get_by_role("button", name=texts.NAV_LOGOUT).click()
    expect(page).to_have_url(re.compile(r"/verwaltung/anmelden/?\?abgemeldet=1$"))
    expect(page.get_by_role("main").get_by_text(texts.STAFF_LOGGED_OUT)).to_be_visible()


def staff_wire(page: Page, portal_url: str):
    """A websocket client of our own that carries this browser's cookies (staff and member)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    return flows.ReflexWire(portal_url, cookie=cookies)
