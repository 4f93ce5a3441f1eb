"""Vorlagen and SEPA end to end: an operator adds a Vorlage that members download byte for byte
and removes it again; a member grants, replaces and revokes the Betrieb's mandate."""

import re
import uuid

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows
from tests.e2e.docs_support import write_pdf
from tests.mailsink import body_of

IBAN_DE = "DE89 3704 0044 0532 0130 00"
IBAN_AT = "AT61 1904 3002 3457 3201"


def test_an_operator_adds_a_vorlage_members_download_it_and_it_can_be_removed(
    page: Page, mail_sink, betrieb, issue_pin, portal_cli, tmp_path, screenshot
):
    title = f"Lehrvertrag {uuid.uuid4().hex[:6]}"
    source = write_pdf(tmp_path, "Lehrvertrag.pdf", b"% Vertrag\n")
    added = portal_cli(
        "vorlagen", "add", "--thema", "Ausbildung", "--titel", title, "--beschreibung",
        "Muster für den Berufsausbildungsvertrag.", str(source),
    )  # fmt: skip
    vorlage_id = added.split()[1]
    assert title in portal_cli("vorlagen", "list")

    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.open_page(page, "/vorlagen")
    expect(page.get_by_role("heading", name="Ausbildung", level=2)).to_be_visible()
    expect(page.get_by_text("Muster für den Berufsausbildungsvertrag.")).to_be_visible()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "vorlagen")
    with page.expect_download() as download:
        page.get_by_role("button", name=f"{title} herunterladen").click()
    assert download.value.suggested_filename == "Lehrvertrag.pdf"
    assert open(download.value.path(), "rb").read() == source.read_bytes()  # noqa: SIM115

    portal_cli("vorlagen", "remove", vorlage_id)
    flows.open_page(page, "/vorlagen")
    expect(page.get_by_text(title)).to_have_count(0)


def fill_mandate(page: Page, holder: str, iban: str) -> None:
    page.get_by_label(texts.FIELD_KONTOINHABER).fill(holder)
    page.get_by_label(texts.FIELD_IBAN).fill(iban)
    page.get_by_label(texts.FIELD_IBAN).blur()
    page.get_by_label(texts.SEPA_CONSENT).check()
    page.get_by_role("button", name=texts.SEPA_GRANT_BUTTON).click()


def test_a_member_grants_replaces_and_revokes_the_mandate(
    page: Page, mail_sink, betrieb, issue_pin, screenshot
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.set_up_second_factor_for_sepa(page)
    expect(page.get_by_text(texts.SEPA_NONE_ACTIVE)).to_be_visible()
    expect(page.get_by_text("DE98ZZZ09999999999")).to_be_visible()  # in the mandate text
    flows.assert_accessible_narrow_and_wide(page, screenshot, "sepa-leer")

    fill_mandate(page, "Zimmerei Test", "DE89 3704 0044 0532 0130 01")
    expect(page.get_by_role("alert")).to_have_text(texts.IBAN_BAD_CHECKSUM)
    expect(page.get_by_label(texts.FIELD_IBAN)).to_be_focused()
    flows.assert_accessible(page)
    screenshot("sepa-fehler")

    fill_mandate(page, "Zimmerei Test", IBAN_DE)
    active = page.get_by_role("region", name=texts.SEPA_ACTIVE_HEADING)
    expect(active).to_contain_text("IBAN endet auf 3000")
    expect(active).to_contain_text("Commerzbank")
    expect(active).not_to_contain_text("0532")  # only the last four digits show
    expect(page.get_by_label(texts.FIELD_IBAN)).to_have_value("")
    reference = body_of(mail_sink.wait_for(email, texts.MAIL_SEPA_SUBJECT))
    assert "endet auf 3000" in reference and "DE89370400440532013000" not in reference
    flows.assert_accessible_narrow_and_wide(page, screenshot, "sepa-aktiv")
    with page.expect_download() as download:
        active.get_by_role("button", name=texts.SEPA_PDF).click()
    assert download.value.suggested_filename.startswith("SEPA-Mandat-HWK-")
    assert open(download.value.path(), "rb").read().startswith(b"%PDF")  # noqa: SIM115

    fill_mandate(page, "Zimmerei Test", IBAN_AT)  # a new account replaces the mandate
    expect(active).to_contain_text("IBAN endet auf 3201")
    history = page.get_by_role("region", name=texts.SEPA_HISTORY_HEADING)
    expect(history).to_contain_text("endet auf 3000")
    expect(history).to_contain_text("ersetzt")

    active.get_by_role("button", name=texts.SEPA_REVOKE).click()
    page.get_by_role("button", name=texts.SEPA_REVOKE_YES).click()
    expect(page.get_by_text(texts.SEPA_NONE_ACTIVE)).to_be_visible()
    expect(history).to_contain_text("widerrufen")
    mail_sink.wait_for(email, texts.MAIL_SEPA_REVOKED_SUBJECT)
    flows.assert_accessible(page)
    screenshot("sepa-widerrufen")


def test_the_unlocked_services_send_a_member_who_is_not_unlocked_to_freischalten(
    page: Page, mail_sink
):
    flows.create_account(page, mail_sink)
    for path in ("/dokumente", "/vorlagen", "/sepa"):
        page.goto(path)
        expect(page).to_have_url(re.compile(r"/freischalten/?\?zuerst=1$"))
        expect(page.get_by_text(texts.UNLOCK_REQUIRED)).to_be_visible()
