"""Administrators manage the Vorlagen at /verwaltung/vorlagen, reached from their header: add
one with its file (a renamed program is refused, a missing title named at its field), replace
its file, remove it; a member sees each change at /vorlagen at once. By keyboard alone too;
other staff have no link and no page."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows, staff_flows
from tests.e2e.docs_support import write_pdf


def open_vorlagen_admin(page: Page) -> None:
    page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL).get_by_role(
        "link", name=texts.STAFF_VORLAGEN_NAV, exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"/verwaltung/vorlagen/?$"))
    expect(page.get_by_role("heading", name=texts.STAFF_VORLAGEN_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def choose_file(page: Page, pick_label: str, path) -> None:
    """Open the picker by keyboard (Tab to its button, Enter) and choose the file."""
    page.on("filechooser", lambda _chooser: None)
    page.evaluate("1")
    page.get_by_role("button", name=pick_label, exact=True).focus()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(str(path))
    expect(page.get_by_role("listitem").filter(has_text=path.name)).to_be_visible()


def fill_new(page: Page, thema: str, titel: str, beschreibung: str = "") -> None:
    group = page.get_by_role("group", name=texts.STAFF_VORLAGE_ADD)
    group.get_by_label(texts.STAFF_VORLAGE_THEMA).fill(thema)
    group.get_by_label(texts.STAFF_VORLAGE_TITEL).fill(titel)
    group.get_by_label(texts.STAFF_VORLAGE_BESCHREIBUNG).fill(beschreibung)
    group.get_by_label(texts.STAFF_VORLAGE_BESCHREIBUNG).blur()


def member_sees(member: Page, text: str, count: int = 1) -> None:
    flows.open_page(member, "/vorlagen")
    expect(member.get_by_text(text, exact=True)).to_have_count(count)


def test_an_administrator_adds_replaces_and_removes_a_vorlage_and_members_see_it(
    page: Page, new_context, mail_sink, betrieb, issue_pin, portal_cli, tmp_path, screenshot
):
    member = new_context().new_page()
    flows.create_unlocked_member(member, mail_sink, betrieb, issue_pin(betrieb))
    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    open_vorlagen_admin(page)
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-vorlagen")

    title = f"Prüfungsanmeldung {uuid.uuid4().hex[:6]}"
    fake = tmp_path / "programm.pdf"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 64)
    fill_new(page, "Prüfungswesen", "")
    choose_file(page, texts.STAFF_VORLAGE_PICK, fake)
    page.get_by_role("button", name=texts.STAFF_VORLAGE_ADD_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.VORLAGE_TITEL_INVALID)).to_be_visible()
    expect(page.get_by_label(texts.STAFF_VORLAGE_TITEL)).to_be_focused()
    page.get_by_label(texts.STAFF_VORLAGE_TITEL).fill(title)
    page.get_by_label(texts.STAFF_VORLAGE_TITEL).blur()
    page.get_by_role("button", name=texts.STAFF_VORLAGE_ADD_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.VORLAGE_KIND_REFUSED)).to_be_visible()
    member_sees(member, title, 0)

    first = write_pdf(tmp_path, "Anmeldung.pdf", b"% erste Fassung\n")
    fill_new(page, "Prüfungswesen", title, "Zur Meisterprüfung.")
    choose_file(page, texts.STAFF_VORLAGE_PICK, first)
    page.get_by_role("button", name=texts.STAFF_VORLAGE_ADD_BUTTON).click()
    expect(
        page.get_by_role("main").get_by_text(texts.STAFF_VORLAGE_ADDED.format(titel=title))
    ).to_be_visible()
    expect(page.get_by_role("article", name=title)).to_contain_text("Anmeldung.pdf")
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-vorlagen-eingestellt")
    member_sees(member, title)
    with member.expect_download() as download:
        member.get_by_role("button", name=f"{title} herunterladen").click()
    assert open(download.value.path(), "rb").read() == first.read_bytes()  # noqa: SIM115

    second = write_pdf(tmp_path, "Anmeldung 2027.pdf", b"% zweite Fassung\n")
    page.get_by_label(texts.STAFF_VORLAGE_REPLACE_WHICH, exact=True).select_option(
        label=f"Prüfungswesen: {title}"
    )
    choose_file(page, texts.STAFF_VORLAGE_PICK_NEW, second)
    page.get_by_role("button", name=texts.STAFF_VORLAGE_REPLACE_BUTTON).click()
    expect(
        page.get_by_role("main").get_by_text(texts.STAFF_VORLAGE_REPLACED.format(titel=title))
    ).to_be_visible()
    expect(page.get_by_role("article", name=title)).to_contain_text("Anmeldung 2027.pdf")
    member_sees(member, title)
    with member.expect_download() as download:
        member.get_by_role("button", name=f"{title} herunterladen").click()
    assert download.value.suggested_filename == "Anmeldung 2027.pdf"
    assert open(download.value.path(), "rb").read() == second.read_bytes()  # noqa: SIM115

    remove = texts.STAFF_VORLAGE_REMOVE_LABEL.format(titel=title)
    page.get_by_role("button", name=remove).click()
    page.get_by_role("button", name=texts.CANCEL_NO).click()
    page.get_by_role("button", name=remove).click()
    page.get_by_role("button", name=texts.STAFF_VORLAGE_REMOVE_YES).click()
    expect(
        page.get_by_role("main").get_by_text(texts.STAFF_VORLAGE_REMOVED.format(titel=title))
    ).to_be_visible()
    expect(page.get_by_role("article", name=title)).to_have_count(0)
    member_sees(member, title, 0)
    assert title not in portal_cli("vorlagen", "list")


def test_a_vorlage_is_added_and_removed_by_keyboard_alone(page: Page, portal_cli, tmp_path):
    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    link = page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL).get_by_role(
        "link", name=texts.STAFF_VORLAGEN_NAV, exact=True
    )
    link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=texts.STAFF_VORLAGEN_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")

    title = f"Tastaturvorlage {uuid.uuid4().hex[:6]}"
    page.get_by_label(texts.STAFF_VORLAGE_THEMA).focus()
    for value in ("Ausbildung", title, "Ganz ohne Maus."):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=texts.STAFF_VORLAGE_PICK, exact=True)).to_be_focused()
    choose_file(page, texts.STAFF_VORLAGE_PICK, write_pdf(tmp_path, "Tastatur.pdf"))
    page.get_by_role("button", name=texts.STAFF_VORLAGE_PICK, exact=True).focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=texts.STAFF_VORLAGE_ADD_BUTTON)).to_be_focused()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("main").get_by_text(texts.STAFF_VORLAGE_ADDED.format(titel=title))
    ).to_be_visible()

    page.get_by_role("button", name=texts.STAFF_VORLAGE_REMOVE_LABEL.format(titel=title)).focus()
    page.keyboard.press("Enter")
    asked = texts.STAFF_VORLAGE_REMOVE_QUESTION.format(titel=title)
    expect(page.get_by_role("main").get_by_text(asked)).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=texts.STAFF_VORLAGE_REMOVE_YES)).to_be_focused()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("main").get_by_text(texts.STAFF_VORLAGE_REMOVED.format(titel=title))
    ).to_be_visible()


def test_staff_who_are_no_administrators_have_no_vorlagen_page(page: Page, portal_cli):
    staff_flows.create_and_set_up(page, portal_cli, departments=("bildung",))
    nav = page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL)
    expect(nav.get_by_role("link", name=texts.STAFF_VORLAGEN_NAV, exact=True)).to_have_count(0)
    page.goto("/verwaltung/vorlagen")
    staff_flows.expect_inbox(page)
