"""Dokumente end to end: upload a PDF and see it listed, a renamed .exe, an HTML page that
starts like a PDF and an oversized file refused, a provided document downloaded byte for byte,
and a member of another Betrieb who can neither see nor fetch it (not by guessing, not through
/_upload, not by replaying the event)."""

import os
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows
from tests.e2e.docs_support import PDF, db_rows, second_page, write_pdf  # noqa: F401
from tests.mailsink import body_of
from tests.reflex_wire import SESSION_STATE, events_of

DOCUMENTS_STATE = f"{SESSION_STATE}.portal_app___state___documents____documents_state"


def test_a_member_uploads_a_pdf_and_sees_it_listed(
    page: Page, mail_sink, betrieb, issue_pin, tmp_path, screenshot, portal_env
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.open_page(page, "/dokumente")
    expect(page.get_by_text(texts.SENT_EMPTY)).to_be_visible()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "dokumente-leer")

    flows.upload(page, [write_pdf(tmp_path, "Gesellenbrief Müller.pdf")], "Handwerksrolle")

    expect(page.get_by_role("main").get_by_text("1 Datei(en) gesendet")).to_be_visible()
    sent = page.get_by_role("table", name=texts.SENT_HEADING)
    row = sent.get_by_role("row").filter(has_text="Gesellenbrief Müller.pdf")
    expect(row).to_contain_text("Handwerksrolle")
    expect(row).to_contain_text(f"TS-{betrieb[3:10]}")
    flows.assert_accessible_narrow_and_wide(page, screenshot, "dokumente-gesendet")
    message = mail_sink.wait_for(email, texts.MAIL_UPLOAD_SUBJECT)
    assert "Gesellenbrief Müller.pdf (Handwerksrolle" in body_of(message)
    # the list of chosen files is empty again: "Hochladen" cannot send them a second time
    selected = page.get_by_role("heading", name=texts.UPLOAD_SELECTED).locator("..")
    expect(selected).to_contain_text(texts.UPLOAD_NONE_SELECTED)
    expect(selected.get_by_role("listitem")).to_have_count(0)

    with page.expect_download() as download:
        row.get_by_role("button", name="Gesellenbrief Müller.pdf herunterladen").click()
    assert download.value.suggested_filename == "Gesellenbrief Müller.pdf"
    assert open(download.value.path(), "rb").read() == PDF  # noqa: SIM115
    # Stored privately under a server-made name, nothing in Reflex's public upload directory.
    public = portal_env["REFLEX_UPLOADED_FILES_DIR"]
    assert not os.path.exists(public) or not [f for _d, _s, f in os.walk(public) if f]
    (stored,) = db_rows(portal_env, "select stored_name from dokument where original_name = ?",
                        "Gesellenbrief Müller.pdf")[0]  # fmt: skip
    assert re.fullmatch(r"[0-9a-f]{40}", stored)
    with open(os.path.join(portal_env["PORTAL_FILES_DIR"], stored), "rb") as kept:
        assert kept.read() == PDF


def test_a_renamed_exe_a_fake_pdf_and_an_oversized_file_are_refused_with_reasons(
    page: Page, mail_sink, betrieb, issue_pin, tmp_path, portal_env, screenshot
):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.open_page(page, "/dokumente")
    exe = tmp_path / "Rechnung.pdf"
    exe.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 4000)
    fake = tmp_path / "Angebot.pdf"
    fake.write_bytes(b"%PDF-1.7\n<html><script>alert(document.cookie)</script></html>\n")
    big = write_pdf(tmp_path, "Riesig.pdf", b" " * (20 * 1024 * 1024))

    flows.upload(page, [exe, fake, big])

    refusals = page.get_by_role("alert")
    expect(refusals).to_contain_text(f"Rechnung.pdf: {texts.DOCUMENT_WRONG_TYPE}")
    expect(refusals).to_contain_text(f"Angebot.pdf: {texts.DOCUMENT_NOT_PDF}")
    expect(refusals).to_contain_text(
        "Riesig.pdf: " + texts.DOCUMENT_TOO_LARGE.format(limit="20,0 MB")
    )
    expect(page.get_by_text(texts.SENT_EMPTY)).to_be_visible()
    flows.assert_accessible(page)
    screenshot("dokumente-abgelehnt")
    store = portal_env["PORTAL_FILES_DIR"]
    names = db_rows(portal_env, "select original_name from dokument")
    assert not {("Rechnung.pdf",), ("Angebot.pdf",), ("Riesig.pdf",)} & set(names)
    assert not [n for n in os.listdir(store) if n.endswith(".part")]


def _replay_download(page: Page, portal_url: str, document_id: int) -> str | None:
    """The URL a download event sent from this browser's login hands out, if any."""
    with flows.wire_of(page, portal_url) as wire:
        updates = wire.call(
            f"{DOCUMENTS_STATE}.download", {"document_id": document_id}, path="/dokumente"
        )
    downloads = [e["payload"]["url"] for e in events_of(updates) if e["name"] == "_download"]
    return downloads[0] if downloads else None


def _fetch_with_login_of(page: Page, url: str) -> tuple[int, bytes]:
    """GET with this browser's session cookie, as its download link would."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_a_provided_document_reaches_its_betrieb_only(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
    portal_cli,
    portal_env,
    portal_url,
    tmp_path,
    screenshot,
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    bescheid = write_pdf(tmp_path, "Beitragsbescheid-2026.pdf", b"% Beitrag 2026\n")
    output = portal_cli(
        "dokumente", "bereitstellen", "--betrieb", betrieb, "--titel", "Beitragsbescheid 2026",
        str(bescheid),
    )  # fmt: skip
    document_id = int(re.search(r"Dokument (\d+)", output).group(1))
    notice = flows.body_of(mail_sink.wait_for(email, texts.MAIL_POSTFACH_SUBJECT))
    assert "Beitragsbescheid" not in notice  # the mail says only that there is something new

    # the Postfach: reached from the navigation, which counts the unread message
    flows.open_page(page, "/konto")
    page.get_by_role("link", name=f"{texts.POSTFACH_TITLE} 1 {texts.NAV_UNREAD}").click()
    expect(page.get_by_role("heading", name=texts.POSTFACH_TITLE, level=1)).to_be_visible()
    message = page.get_by_role("button", name=re.compile(r"Neues Dokument für .*Beitragsbescheid"))
    expect(message).to_have_attribute("aria-expanded", "false")
    message.click()
    expect(message).to_have_attribute("aria-expanded", "true")
    navigation = page.get_by_role("navigation", name=texts.NAV_LABEL)
    expect(navigation.get_by_role("link", name=texts.POSTFACH_TITLE, exact=True)).to_be_visible()
    with page.expect_download() as from_postfach:
        page.get_by_role("button", name="Beitragsbescheid 2026 herunterladen").click()
    assert open(from_postfach.value.path(), "rb").read() == bescheid.read_bytes()  # noqa: SIM115
    flows.assert_accessible_narrow_and_wide(page, screenshot, "postfach")

    flows.open_page(page, "/dokumente")
    provided = page.get_by_role("table", name=texts.PROVIDED_HEADING)
    expect(provided).to_contain_text("Beitragsbescheid 2026")
    with page.expect_download() as download:
        provided.get_by_role("button", name="Beitragsbescheid 2026 herunterladen").click()
    assert download.value.suggested_filename == "Beitragsbescheid-2026.pdf"
    assert open(download.value.path(), "rb").read() == bescheid.read_bytes()  # noqa: SIM115
    screenshot("dokumente-bereitgestellt")
    ticket_url = portal_url + _replay_download(page, portal_url, document_id)  # the owner may

    # A member of another Betrieb: nothing listed, nothing by id, nothing through /_upload.
    other = f"TS-{int(betrieb[3:10]) % 9_000_000 + 1_000_000:07d}-0"
    csv = tmp_path / "andere.csv"
    csv.write_text(
        "kreis;betriebsnummer;filiale;name;strasse;plz;ort;eintragung\n"
        f"TS;{other[3:10]};0;Dachdecker Fremd;Weg 1;83278;Traunstein;handwerksrolle\n",
        encoding="utf-8",
    )
    portal_cli("registry", "import", "betriebe", str(csv))
    flows.create_unlocked_member(second_page, mail_sink, other, issue_pin(other))
    flows.open_page(second_page, "/dokumente")
    expect(second_page.get_by_text(texts.PROVIDED_EMPTY)).to_be_visible()
    expect(second_page.get_by_text("Beitragsbescheid 2026")).to_have_count(0)

    for guess in (document_id, str(document_id), document_id + 1, 0):
        assert _replay_download(second_page, portal_url, guess) is None
    # the owner's download link works for the owner's login only, and once
    assert _fetch_with_login_of(second_page, ticket_url) == (404, b"")
    assert _fetch_with_login_of(page, ticket_url) == (200, bescheid.read_bytes())
    assert _fetch_with_login_of(page, ticket_url) == (404, b"")
    refused = db_rows(
        portal_env,
        "select count(*) from audit_entry where action = 'dokument_verweigert' and target = ?",
        f"dokument {document_id}",
    )
    assert refused[0][0] >= 2

    (stored_name,) = db_rows(portal_env, "select stored_name from dokument where id = ?",
                             document_id)[0]  # fmt: skip
    for path in (stored_name, "Beitragsbescheid-2026.pdf", f"../dateien/{stored_name}"):
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(f"{portal_url}/_upload/{path}")  # noqa: S310
        assert answer.value.code == 404


def test_a_large_provided_document_arrives_byte_for_byte(
    page: Page, mail_sink, betrieb, issue_pin, portal_cli, tmp_path
):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    large = write_pdf(tmp_path, "Jahresabschluss.pdf", os.urandom(15 * 1024 * 1024))
    portal_cli("dokumente", "bereitstellen", "--betrieb", betrieb, "--titel", "Abschluss",
               str(large))  # fmt: skip
    flows.open_page(page, "/dokumente")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Abschluss herunterladen").click()
    assert download.value.failure() is None
    assert open(download.value.path(), "rb").read() == large.read_bytes()  # noqa: SIM115


def test_a_file_dropped_on_the_zone_is_uploaded(page: Page, mail_sink, betrieb, issue_pin):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.open_page(page, "/dokumente")
    page.get_by_label(texts.FIELD_DOCUMENT_DEPARTMENT).select_option(label="Prüfungswesen")
    dropped = page.evaluate_handle(
        """(bytes) => { const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(bytes)], 'Zeugnis.pdf',
                                        {type: 'application/pdf'}));
            return transfer; }""",
        list(PDF),
    )
    zone = page.locator("#dokumente")  # the drop zone (react-dropzone's root)
    for event in ("dragenter", "dragover", "drop"):
        zone.dispatch_event(event, {"dataTransfer": dropped})
    expect(page.get_by_role("listitem").filter(has_text="Zeugnis.pdf")).to_be_visible()
    page.get_by_role("button", name=texts.UPLOAD_BUTTON, exact=True).click()
    sent = page.get_by_role("table", name=texts.SENT_HEADING)
    expect(sent.get_by_role("row").filter(has_text="Zeugnis.pdf")).to_contain_text("Prüfungswesen")


def test_uploading_without_a_file_or_a_department_says_what_is_missing(
    page: Page, mail_sink, betrieb, issue_pin
):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.open_page(page, "/dokumente")
    page.get_by_role("button", name=texts.UPLOAD_BUTTON, exact=True).click()
    expect(page.get_by_role("main").get_by_text(texts.DOCUMENT_DEPARTMENT_MISSING)).to_be_visible()
    expect(page.get_by_label(texts.FIELD_DOCUMENT_DEPARTMENT)).to_be_focused()
    page.get_by_label(texts.FIELD_DOCUMENT_DEPARTMENT).select_option(label="Sonstiges")
    page.get_by_role("button", name=texts.UPLOAD_BUTTON, exact=True).click()
    expect(page.get_by_role("alert")).to_have_text(texts.UPLOAD_NO_FILES)
