"""A Betrieb's team end to end: the administrator unlocks with the PIN and invites a colleague
with the role Dokumente only; the colleague registers from the mail's link, accepts without a
PIN, uploads a document for the Betrieb, sees no SEPA for it and a replayed SEPA event is
refused; the administrator removes the colleague, whose open tab loses access at its next
event."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from portal_app import routes, texts
from tests.e2e import course_data, flows
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.docs_support import db_rows, second_page, write_pdf  # noqa: F401
from tests.mailsink import body_of
from tests.reflex_wire import SESSION_STATE, events_of

SEPA_STATE = f"{SESSION_STATE}.portal_app___state___sepa____sepa_state"
INVITATION_LINK = re.compile(r"https?://\S+/konto/einladung\?token=\S+")


def _open_team(page: Page, betrieb: str) -> None:
    """From anywhere: Mein Konto in the header, then the Betrieb's team link."""
    page.get_by_role("banner").get_by_role("link", name=texts.ACCOUNT_TITLE).click()
    expect(page.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    page.get_by_role("link", name=re.compile(f"Team von {re.escape(betrieb)}")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Team {betrieb}")
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def _second_factor_and_back(page: Page, betrieb: str) -> None:
    """On the team page of an administrator without a second factor: its set-up, then back."""
    page.get_by_role("link", name=texts.SECOND_FACTOR_FIRST_LINK).click()
    expect(page.get_by_role("heading", name=texts.SECOND_FACTOR_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    flows.set_up_second_factor_here(page)
    back = texts.SECOND_FACTOR_BACK_TO.format(title=texts.TEAM_TITLE)
    page.get_by_role("button", name=back).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Team {betrieb}")
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def _accessible_narrow_and_wide(page: Page, name: str) -> None:
    """axe-core finds nothing at 1280 px and at 375 px on this (second) page; screenshots."""
    for width, height in ((1280, 900), (375, 800)):
        page.set_viewport_size({"width": width, "height": height})
        flows.assert_accessible(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _invitation_link(mail_sink, email: str) -> str:
    message = mail_sink.wait_for(email, texts.MAIL_TEAM_INVITATION_SUBJECT.split("{")[0])
    return INVITATION_LINK.search(body_of(message)).group(0)


def _replay_sepa(page: Page, portal_url: str, betrieb_id: int) -> list[dict]:
    """The SEPA events as a crafted client sends them with this browser's login."""
    form = {"kontoinhaber": "Mallory", "iban": "DE02120300000000202051", "zustimmung": "on"}
    with flows.wire_of(page, portal_url) as wire:
        wire.call(f"{SEPA_STATE}.load", path=routes.SEPA)
        wire.call(
            f"{SEPA_STATE}.select_betrieb", {"value": f"betrieb-{betrieb_id}"}, path=routes.SEPA
        )
        return wire.call(f"{SEPA_STATE}.submit", {"form_data": form}, path=routes.SEPA)


def test_an_invited_colleague_with_dokumente_only_works_until_removed(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
    portal_env,
    portal_url,
    tmp_path,
    screenshot,
):
    # the administrator: unlocked with the PIN, finds the team from Mein Konto
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    _open_team(page, betrieb)
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("article")).to_contain_text(texts.TEAM_ADMIN)
    # managing the team needs a second factor: the page leads there and back
    expect(page.get_by_label(texts.TEAM_INVITE_EMAIL)).to_have_count(0)
    expect(page.get_by_role("main")).to_contain_text(texts.TEAM_SECOND_FACTOR_TEXT)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "team-zweiter-faktor-zuerst")
    _second_factor_and_back(page, betrieb)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "team-verwalter")

    # invites a colleague with Dokumente only (by keyboard: tick the box with the space key)
    colleague = flows.new_email("kollegin")
    page.get_by_label(texts.TEAM_INVITE_EMAIL).fill(colleague)
    invite_form = page.get_by_role("form", name=texts.TEAM_INVITE_HEADING)
    invite_form.get_by_label(texts.DOCUMENTS_TITLE, exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name=texts.TEAM_INVITE_SEND).click()
    expect(
        page.get_by_role("main").get_by_text(texts.TEAM_INVITED.format(email=colleague, days=7))
    ).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text=colleague)).to_contain_text("Dokumente")
    flows.assert_accessible_narrow_and_wide(page, screenshot, "team-eingeladen")

    # the colleague opens the mail's link, registers from there, opens the link again, accepts
    link = _invitation_link(mail_sink, colleague)
    other = second_page
    flows.open_page(other, link)
    expect(other.get_by_text(texts.TEAM_INVITATION_LOGIN_FIRST)).to_be_visible()
    flows.assert_accessible(other)
    other.get_by_role("main").get_by_role("link", name=texts.REGISTER_TITLE).click()
    expect(other.get_by_role("heading", name=texts.REGISTER_TITLE)).to_be_visible()
    expect(other.get_by_role("main")).to_have_attribute("aria-busy", "false")
    flows.submit_registration(other, colleague)
    flows.set_password(other, flows.confirmation_link(mail_sink, colleague))
    expect(other).to_have_url(re.compile(r"/willkommen/?$"))
    flows.open_page(other, link)
    accept = other.get_by_role("button", name=texts.TEAM_INVITATION_ACCEPT)
    expect(accept).to_be_visible()
    _accessible_narrow_and_wide(other, "team-einladung")
    accept.focus()
    other.keyboard.press("Enter")
    expect(
        other.get_by_role("main").get_by_text(texts.TEAM_INVITATION_ACCEPTED.format(nummer=betrieb))
    ).to_be_visible()
    mail_sink.wait_for(colleague, texts.MAIL_TEAM_CHANGED_SUBJECT.format(nummer=betrieb))

    # no PIN: the colleague uploads a document for the Betrieb, clicking from Mein Konto
    other.get_by_role("link", name=texts.HOME_START_ACCOUNT).click()
    expect(other.get_by_role("heading", name=texts.ACCOUNT_TITLE)).to_be_visible()
    other.get_by_role("main").get_by_role("link", name=texts.DOCUMENTS_TITLE, exact=True).click()
    expect(other.get_by_role("heading", name=texts.DOCUMENTS_TITLE, level=1)).to_be_visible()
    expect(other.get_by_role("main")).to_have_attribute("aria-busy", "false")
    flows.upload(other, [write_pdf(tmp_path, "Lehrvertrag Kollegin.pdf")], "Handwerksrolle")
    expect(other.get_by_role("main").get_by_text("1 Datei(en) gesendet")).to_be_visible()
    [(owner,)] = db_rows(portal_env, "select betrieb_id from dokument where original_name = ?",
                         "Lehrvertrag Kollegin.pdf")  # fmt: skip
    assert owner is not None

    # … but no SEPA for it: the page says so, and the replayed event stores nothing
    other.get_by_role("banner").get_by_role("link", name=texts.ACCOUNT_TITLE).click()
    other.get_by_role("main").get_by_role("link", name=texts.SEPA_TITLE, exact=True).click()
    expect(other.get_by_text(texts.SEPA_ONLY_BETRIEB)).to_be_visible()
    expect(other.get_by_label(texts.BETRIEB)).to_have_count(0)
    events = events_of(_replay_sepa(other, portal_url, owner))
    assert not [e for e in events if e["name"] == "_redirect"]
    # this Betrieb's mandates only: other tests of the suite share the portal's database
    assert db_rows(portal_env, "select count(*) from sepa_mandat where betrieb_id = ?", owner) == [
        (0,)
    ]
    refused = db_rows(portal_env, "select count(*) from audit_entry where action = ?",
                      "sepa_verweigert")  # fmt: skip
    assert refused[0][0] >= 1

    # the colleague keeps the Dokumente page open; the administrator removes them
    other.get_by_role("banner").get_by_role("link", name=texts.ACCOUNT_TITLE).click()
    other.get_by_role("main").get_by_role("link", name=texts.DOCUMENTS_TITLE, exact=True).click()
    expect(other.get_by_role("main")).to_have_attribute("aria-busy", "false")

    _open_team(page, betrieb)
    card = page.get_by_role("article", name=colleague)
    expect(card).to_contain_text(texts.DOCUMENTS_TITLE)
    expect(card.get_by_label(texts.DOCUMENTS_TITLE, exact=True)).to_be_checked()
    expect(card.get_by_label(texts.TEAM_ROLE_SEPA)).not_to_be_checked()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "team-mit-kollegin")
    page.get_by_role("button", name=texts.TEAM_REMOVE_LABEL.format(email=colleague)).click()
    question = texts.TEAM_REMOVE_CONFIRM.format(email=colleague)
    expect(page.get_by_role("main").get_by_text(question)).to_be_visible()
    page.get_by_role("button", name=texts.STAFF_VORLAGE_REMOVE_YES).click()
    expect(
        page.get_by_role("main").get_by_text(texts.TEAM_REMOVED.format(email=colleague))
    ).to_be_visible()
    expect(page.get_by_role("article")).to_have_count(1)
    mail_sink.wait_for_count(colleague, 3)  # confirmation, joined, removed

    # the open tab's next event: the colleague is no longer unlocked for anything
    other.get_by_label(texts.FIELD_DOCUMENT_DEPARTMENT).select_option(label="Beitrag")
    expect(other).to_have_url(re.compile(re.escape(routes.UNLOCK_FIRST) + "$"))


def test_bad_invitations_are_refused_at_the_field_and_a_withdrawn_link_is_void(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    _open_team(page, betrieb)
    _second_factor_and_back(page, betrieb)
    field = page.get_by_label(texts.TEAM_INVITE_EMAIL)
    send = page.get_by_role("button", name=texts.TEAM_INVITE_SEND)
    for raw, message in (
        ("", texts.TEAM_INVITE_EMAIL_EMPTY),
        ("<script>alert(1)</script>", texts.EMAIL_INVALID),
        ("ä" * 300, texts.EMAIL_TOO_LONG),
    ):
        field.fill(raw)
        send.click()
        expect(page.get_by_role("main").get_by_text(message)).to_be_visible()
        expect(field).to_be_focused()
    expect(page.get_by_text(texts.TEAM_NO_INVITATIONS)).to_be_visible()

    colleague = flows.new_email("zurueck")
    field.fill(colleague)
    send.click()
    withdraw = page.get_by_role("button", name=texts.TEAM_WITHDRAW_LABEL.format(email=colleague))
    withdraw.click()
    expect(
        page.get_by_role("main").get_by_text(texts.TEAM_WITHDRAWN.format(email=colleague))
    ).to_be_visible()
    expect(page.get_by_text(texts.TEAM_NO_INVITATIONS)).to_be_visible()
    told = mail_sink.wait_for(colleague, texts.MAIL_TEAM_WITHDRAWN_SUBJECT.split("{")[0])
    assert "zurückgezogen" in body_of(told)

    flows.open_page(second_page, _invitation_link(mail_sink, colleague))
    expect(
        second_page.get_by_role("main").get_by_text(texts.TEAM_INVITATION_WITHDRAWN)
    ).to_be_visible()
    expect(second_page.get_by_role("button", name=texts.TEAM_INVITATION_ACCEPT)).to_have_count(0)


def test_a_member_with_the_role_kurse_books_for_the_betriebs_staff(
    page: Page, mail_sink, betrieb, issue_pin
):
    """The administrator holds every role, Kurse included: the course page offers to book for
    the Betrieb, and Meine Buchungen and the confirmation say for which."""
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    page.get_by_role("banner").get_by_role("link", name=texts.NAV_COURSES).click()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    flows.open_found_course(page, course_data.WELDING)
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    for_whom = page.get_by_label(texts.BOOKING_BETRIEB)
    expect(for_whom.get_by_role("option")).to_have_count(2)  # privately, or for the Betrieb
    expect(for_whom.get_by_role("option").nth(1)).to_contain_text(f"Betrieb {betrieb}")
    for_whom.select_option(index=1)
    page.get_by_label(texts.BOOKING_FOR_OTHER).check()
    flows.fill_participant(page, "Lena Azubi")
    page.get_by_label(texts.BOOKING_EMAIL).fill("lena.azubi@betrieb-test.example")
    flows.assert_accessible(page)
    page.get_by_role("button", name=texts.BOOKING_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.BOOKING_DONE)).to_be_visible()
    confirmation = mail_sink.wait_for(email, course_data.WELDING)
    assert texts.BOOKING_MAIL_FOR_BETRIEB.format(betrieb=f"Betrieb {betrieb}") in body_of(
        confirmation
    )

    page.get_by_role("link", name=texts.GO_TO_MY_BOOKINGS).click()
    entry = page.get_by_role("article").filter(has_text=course_data.WELDING)
    expect(entry).to_contain_text("Lena Azubi")
    expect(entry).to_contain_text(f"{texts.BOOKING_BETRIEB}Betrieb {betrieb}")
