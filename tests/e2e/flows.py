"""What a member does, step by step, shared by the e2e tests (through labels and buttons)."""

from __future__ import annotations

import re
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

import pyotp
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from portal_app import texts
from portal_app.services import clock, marks
from tests.mailsink import MailSink, body_of
from tests.reflex_wire import ReflexWire

PASSWORD = "Zimmerer bauen Dachstühle aus Fichte"
LINK = re.compile(r"https?://\S+/registrieren/bestaetigen\?token=\S+")
_axe = Axe()


def new_email(prefix: str = "mitglied") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@betrieb-test.example"


def open_page(page: Page, path: str) -> None:
    """Go to a page and wait until it is ready (its main area is no longer busy)."""
    page.goto(path)
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def register(page: Page, email: str) -> None:
    open_page(page, "/registrieren")
    submit_registration(page, email)


def submit_registration(page: Page, email: str) -> None:
    """On the open registration page: fill in the address, consent, send."""
    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    page.get_by_label(texts.REGISTER_CONSENT).check()
    page.get_by_role("button", name=texts.REGISTER_TITLE).click()
    expect(page.get_by_role("heading", name=texts.CHECK_MAILBOX_TITLE)).to_be_visible()


def confirmation_link(mail_sink: MailSink, email: str) -> str:
    message = mail_sink.wait_for(email, texts.MAIL_CONFIRM_SUBJECT)
    return LINK.search(body_of(message)).group(0)


def set_password(page: Page, link: str, password: str = PASSWORD, repeat: str | None = None):
    open_page(page, link)
    submit_first_password(page, password, repeat)


def submit_first_password(page: Page, password: str = PASSWORD, repeat: str | None = None):
    """On the open confirmation page: choose the password and save it."""
    fill_new_password(page, password, repeat)
    page.get_by_role("button", name=texts.CONFIRM_BUTTON).click()


def create_account(page: Page, mail_sink: MailSink) -> str:
    """Register, confirm by the mailed link, set the password (which leads into the wizard):
    logged in, on Mein Konto afterwards."""
    email = new_email()
    register(page, email)
    set_password(page, confirmation_link(mail_sink, email))
    expect(page).to_have_url(re.compile(r"/willkommen/?$"))
    expect(page.get_by_role("heading", name="3. Freischalten")).to_be_visible()
    open_page(page, "/konto")
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    return email


def login(page: Page, email: str, password: str = PASSWORD) -> None:
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    page.get_by_label(texts.FIELD_PASSWORD).fill(password)
    page.get_by_role("button", name=texts.LOGIN_TITLE).click()


LOGGED_OUT_URL = re.compile(r"^https?://[^/]+/\?abgemeldet=1$")


def logout(page: Page) -> None:
    """Abmelden: the cookie endpoint ends the session, then the start page loads anew and
    confirms it, on the page and in the live region."""
    with page.expect_navigation(url=LOGGED_OUT_URL):
        page.get_by_role("button", name=texts.NAV_LOGOUT).click()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    expect(page.get_by_role("main").get_by_text(texts.LOGGED_OUT)).to_be_visible()
    expect(announcer(page)).to_have_text(texts.LOGGED_OUT)


def expire_login(portal_db: str, email: str) -> None:
    """Let the account's sessions run idle for two hours, as if the member had left the desk."""
    long_ago = clock.now() - timedelta(hours=2)
    engine = create_engine(portal_db)
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE login_session SET last_seen_at = :t WHERE account_id = "
                "(SELECT id FROM account WHERE email = :e)"
            ),
            {"t": long_ago.strftime("%Y-%m-%d %H:%M:%S.%f"), "e": email},
        )
    engine.dispose()
    marks.changed_elsewhere(portal_db)  # the server keeps checked logins up to a minute


@contextmanager
def failed_logins_forgotten(portal_db: str):
    """Failed logins made inside the block are forgotten afterwards. Every test logs in from
    the same client address, whose failures are throttled together (services/throttle.py): a
    test that fails on purpose leaves the later tests the waits they had before."""
    engine = create_engine(portal_db)
    with engine.connect() as connection:
        last = connection.execute(text("SELECT COALESCE(MAX(id), 0) FROM login_failure")).scalar()
    try:
        yield
    finally:
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM login_failure WHERE id > :last"), {"last": last})
        engine.dispose()


def announcer(page: Page):
    """The page's one polite live region (in the frame, present from the first paint)."""
    return page.get_by_role("status", name=texts.ANNOUNCER_LABEL)


# --- courses, bookings, forms ------------------------------------------------------------------
BIRTH_DATE = "17.05.1990"  # as the field asks: Format TT.MM.JJJJ


def find_course(page: Page, title: str) -> None:
    """Search the catalogue for a course's title and open the one course found."""
    open_page(page, "/kurse")
    open_found_course(page, title)


def open_found_course(page: Page, title: str) -> None:
    """On the open catalogue: search for the title and open the one course found."""
    page.get_by_label(texts.COURSES_SEARCH).fill(title)
    page.get_by_role("button", name=texts.COURSES_APPLY).click()
    # wait for this search's result (the tab may still show an earlier one)
    link = page.get_by_role("heading", level=2).get_by_role("link", name=title, exact=True)
    expect(link).to_be_visible()
    expect(page.get_by_role("heading", name=texts.COURSES_COUNT_ONE)).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/kurse/\d+$"))
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()


def fill_participant(page: Page, name: str, birth_date: str = BIRTH_DATE) -> None:
    page.get_by_label(texts.BOOKING_NAME).fill(name)
    page.get_by_label(texts.BOOKING_BIRTH_DATE).fill(birth_date)
    page.get_by_label(texts.BOOKING_TERMS).check()


def book_course(page: Page, title: str, name: str = "") -> None:
    """Open the course by searching its title, book it (for a new participant by default)."""
    name = name or f"Eva Meister {uuid.uuid4().hex[:6]}"
    find_course(page, title)
    fill_participant(page, name)
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.BOOKING_DONE)).to_be_visible()


def booking_entry(page: Page, title: str):
    open_page(page, "/konto/buchungen")
    return page.get_by_role("article").filter(has_text=title)


def assert_accessible(page: Page) -> None:
    """axe-core (WCAG 2.1 A/AA rules) finds nothing on the page as it is now."""
    results = _axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    assert results.violations_count == 0, results.generate_report()


def unlock_as_betrieb(page: Page, number: str, pin: str) -> None:
    page.get_by_label(texts.FIELD_BETRIEBSNUMMER).fill(number)
    page.get_by_label(texts.FIELD_PIN).fill(pin)
    page.get_by_role("button", name=texts.UNLOCK_TITLE).click()


# --- password reset, change, deletion, sessions ------------------------------------------------
RESET_LINK = re.compile(r"https?://\S+/passwort-zuruecksetzen\?token=\S+")
NEW_PASSWORD = "Dachdecker decken Dächer mit Schiefer"


def reset_link(mail_sink: MailSink, email: str) -> str:
    message = mail_sink.wait_for(email, texts.MAIL_RESET_SUBJECT)
    return RESET_LINK.search(body_of(message)).group(0)


def request_reset(page: Page, email: str) -> None:
    open_page(page, "/passwort-vergessen")
    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    page.get_by_role("button", name=texts.FORGOT_BUTTON).click()


def fill_new_password(page: Page, password: str, repeat: str | None = None) -> None:
    page.get_by_label(texts.FIELD_NEW_PASSWORD).fill(password)
    page.get_by_label(texts.FIELD_PASSWORD_REPEAT).fill(password if repeat is None else repeat)


def second_login(new_context, email: str, password: str = PASSWORD) -> Page:
    """The same member logged in from another browser (pytest-playwright's `new_context`
    fixture: a fresh context with its own cookies)."""
    other_page = new_context().new_page()
    other_page.goto("/anmelden")
    login(other_page, email, password)
    expect(other_page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    return other_page


def expect_logged_out(page: Page) -> None:
    """The page's next visit to Mein Konto ends at the login."""
    page.goto("/konto")
    expect(page).to_have_url(re.compile(r"/anmelden\?next=/konto$"))


# --- documents, Vorlagen, SEPA -------------------------------------------------------


def create_unlocked_member(page: Page, mail_sink: MailSink, number: str, pin: str) -> str:
    """A fresh account, unlocked for the Betrieb with the PIN; returns its address."""
    email = create_account(page, mail_sink)
    open_page(page, "/freischalten")
    unlock_as_betrieb(page, number, pin)
    expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_visible()
    return email


def assert_accessible_narrow_and_wide(page: Page, screenshot, name: str) -> None:
    """axe-core finds nothing at 1280 px and at 375 px; a screenshot of each."""
    for width, height in ((1280, 900), (375, 800)):
        page.set_viewport_size({"width": width, "height": height})
        assert_accessible(page)
        screenshot(f"{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def pick_files(page: Page, paths) -> None:
    """Open the file picker from the keyboard (Tab to the button, Enter) and choose files."""
    # Playwright intercepts file choosers only once a listener exists; the first one is
    # switched on asynchronously, so switch it on before the key press.
    page.on("filechooser", lambda _chooser: None)
    page.evaluate("1")
    page.get_by_role("button", name=texts.UPLOAD_PICK).focus()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files([str(p) for p in paths])


def upload(page: Page, paths, department: str = "Beitrag") -> None:
    """On the open /dokumente: choose the department and the files, see them listed, send."""
    page.get_by_label(texts.FIELD_DOCUMENT_DEPARTMENT).select_option(label=department)
    pick_files(page, paths)
    for path in paths:
        expect(page.get_by_role("listitem").filter(has_text=path.name)).to_be_visible()
    page.get_by_role("button", name=texts.UPLOAD_BUTTON, exact=True).click()


SESSION_COOKIE = "kp_sitzung"


def wire_of(page: Page, portal_url: str) -> ReflexWire:
    """A websocket client of our own that carries this browser's login cookie (if any)."""
    token = next((c["value"] for c in page.context.cookies() if c["name"] == SESSION_COOKIE), "")
    return ReflexWire(portal_url, cookie=f"{SESSION_COOKIE}={token}")


def send_contact_message(page: Page, email: str, subject: str = "Frage zur Meisterschule") -> None:
    """A visitor's message through the contact form (it reaches the Kontakt inbox)."""
    open_page(page, "/kontakt")
    page.get_by_label(texts.FORM_NAME).fill("Eva Meister")
    page.get_by_label(texts.FIELD_EMAIL).fill(email)
    page.get_by_label(texts.FORM_SUBJECT).fill(subject)
    page.get_by_label(texts.FORM_MESSAGE).fill("Wann beginnt der nächste Kurs?")
    page.get_by_label(texts.FORM_CONSENT).check()
    page.get_by_role("button", name=texts.FORM_SEND).click()
    expect(page.get_by_role("heading", name=texts.FORM_SENT_TITLE)).to_be_visible()


# --- the second factor (an authenticator app played with pyotp) ------------------------------
TOTP_STEP = 30


def fresh_totp(secret: str, last_step: int) -> tuple[str, int]:
    """A code the portal has not yet accepted (its step after `last_step`): the current
    step's, or the next one's (the portal accepts one step of drift); waits if both are used.
    Returns the code and its step."""
    while True:
        now = int(time.time()) // TOTP_STEP
        step = max(now, last_step + 1)
        if step <= now + 1:
            return pyotp.TOTP(secret).at(step * TOTP_STEP), step
        time.sleep(1)


@dataclass
class Authenticator:
    """The member's authenticator app as the test plays it: the secret read off the set-up
    page, the recovery codes shown there, the last time step whose code was used."""

    secret: str = ""
    recovery_codes: list[str] = field(default_factory=list)
    last_step: int = -1

    def next_code(self) -> str:
        code, self.last_step = fresh_totp(self.secret, self.last_step)
        return code

    def used_code(self) -> str:
        """The code of the step used last (the portal refuses it a second time)."""
        return pyotp.TOTP(self.secret).at(self.last_step * TOTP_STEP)


def set_up_second_factor_here(page: Page, screenshot=None) -> Authenticator:
    """On the open "Zweiter Faktor" page: start, read the key, confirm with a code, note the
    ten recovery codes (the recovery codes stay on the page)."""
    page.get_by_role("button", name=texts.SECOND_FACTOR_START).click()
    expect(page.get_by_role("img", name=texts.TOTP_QR_LABEL)).to_be_visible()
    if screenshot:
        assert_accessible_narrow_and_wide(page, screenshot, "zweiter-faktor-einrichten")
    app = Authenticator(page.get_by_role("main").get_by_role("code").inner_text().replace(" ", ""))
    page.get_by_label(texts.FIELD_TOTP_CODE).fill(app.next_code())
    page.get_by_role("button", name=texts.TOTP_CODE_BUTTON).click()
    expect(page.get_by_role("heading", name=texts.TOTP_RECOVERY_TITLE)).to_be_visible()
    codes = page.get_by_role("list", name=texts.TOTP_RECOVERY_LIST_LABEL).get_by_role("listitem")
    expect(codes).to_have_count(10)
    app.recovery_codes = [c.strip() for c in codes.all_inner_texts()]
    return app


def set_up_second_factor_for_sepa(page: Page) -> Authenticator:
    """A Betrieb's member opens SEPA from Mein Konto, follows the notice to the set-up and
    comes back to SEPA (the second factor is required there)."""
    open_page(page, "/konto")
    page.get_by_role("link", name=texts.SEPA_TITLE).click()
    page.get_by_role("link", name=texts.SECOND_FACTOR_FIRST_LINK).click()
    expect(page.get_by_role("heading", name=texts.SECOND_FACTOR_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    app = set_up_second_factor_here(page)
    back = texts.SECOND_FACTOR_BACK_TO.format(title=texts.SEPA_TITLE)
    page.get_by_role("button", name=back).click()
    expect(page.get_by_role("heading", name=texts.SEPA_TITLE, level=1)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_IBAN)).to_be_visible()
    return app


def enter_login_code(page: Page, code: str) -> None:
    """The login's second step: the code (or a recovery code), then "Bestätigen"."""
    page.get_by_label(texts.FIELD_TOTP_CODE).fill(code)
    page.get_by_role("button", name=texts.TOTP_CODE_BUTTON).click()
