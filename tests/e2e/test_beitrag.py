"""The department Beitrag in the browser: a ZIP of fee notices is checked (a bad one lists its
problems and delivers nothing), delivered, and the member opens the notice in the Postfach from
the mail; the SEPA collection file is made from a CSV, downloaded and parsed back, handed to
the bank, and the member reads the pre-notification and sees the collection on /sepa."""

from __future__ import annotations

import io
import random
import re
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal
from pathlib import Path

from playwright.sync_api import Page, expect

from portal_app import texts
from portal_app.services import sepa_collection
from portal_app.services.dates import format_date
from tests.e2e import flows, staff_flows
from tests.e2e.conftest import REGISTRY_HEADER
from tests.e2e.docs_support import second_page  # noqa: F401
from tests.e2e.test_staff_inbox import screenshot_of
from tests.mailsink import body_of
from tests.sample_files import pdf

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"}
POSTFACH_LINK = re.compile(r"https?://\S+/konto/postfach")
IBAN = "DE89 3704 0044 0532 0130 00"


def _another_betrieb(portal_cli, tmp_path: Path) -> str:
    """A Betrieb in the registry nobody is unlocked for (its notice goes by post)."""
    nummer = f"{random.randrange(10**6, 10**7):07d}"
    csv = tmp_path / "papier.csv"
    row = f"RO;{nummer};0;Papier Test {nummer};Postweg 2;83022;Rosenheim;handwerksrolle\n"
    csv.write_text(REGISTRY_HEADER + row, encoding="utf-8")
    portal_cli("registry", "import", "betriebe", str(csv))
    return f"RO-{nummer}-0"


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _pick_by_keyboard(page: Page, button: str, path: Path) -> None:
    page.on("filechooser", lambda _chooser: None)
    page.evaluate("1")
    page.get_by_role("button", name=button).focus()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(str(path))
    expect(page.get_by_role("listitem").filter(has_text=path.name)).to_be_visible()


def _press(page: Page, name: str) -> None:
    """A button worked by the keyboard: focused, Enter."""
    page.get_by_role("button", name=name).focus()
    page.keyboard.press("Enter")


def _staff_nav(page: Page, label: str, heading: str) -> None:
    page.get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def _open_from_mail(page: Page, mail_sink, email: str, subject: str, containing: str = "") -> None:
    """The member follows the link of the newest notification mail into the Postfach."""
    message = mail_sink.wait_for(email, subject, containing=containing)
    link = POSTFACH_LINK.search(body_of(message)).group(0)
    flows.open_page(page, link)
    expect(page.get_by_role("heading", name=texts.POSTFACH_TITLE, level=1)).to_be_visible()


def test_a_batch_of_notices_is_checked_delivered_and_opened_in_the_postfach(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
    portal_cli,
    tmp_path,
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    paper = _another_betrieb(portal_cli, tmp_path)
    staff = second_page
    staff_flows.create_and_set_up(staff, portal_cli, departments=("beitrag",))
    shoot = screenshot_of(staff)
    _staff_nav(staff, texts.BEITRAG_NAV, texts.BEITRAG_TITLE)

    # a batch with a problem: listed, nothing delivered
    bad = _zip(
        tmp_path / "fehlerhaft.zip",
        {f"{betrieb}_Beitrag.pdf": pdf(b"ok"), "TS-0000001-0_Beitrag.pdf": b"keine PDF"},
    )
    staff.get_by_label(texts.BEITRAG_FIELD_TITLE).fill("Beitragsbescheid 2027")
    _pick_by_keyboard(staff, texts.BEITRAG_PICK, bad)
    _press(staff, texts.BEITRAG_CHECK_BUTTON)
    expect(staff.get_by_role("alert").filter(has_text="1 Fehler im Stapel")).to_be_visible()
    problems = staff.get_by_role("main").get_by_role("listitem")
    expect(problems.filter(has_text="TS-0000001-0_Beitrag.pdf")).to_contain_text(
        texts.BEITRAG_UNKNOWN_BETRIEB
    )
    expect(staff.get_by_role("button", name=texts.BEITRAG_DELIVER_BUTTON)).to_have_count(0)
    flows.assert_accessible_narrow_and_wide(staff, shoot, "verwaltung-beitrag-fehler")

    # the good batch: checked, then delivered
    notice = pdf(b"Beitragsbescheid 2027 fuer " + betrieb.encode())
    good = _zip(
        tmp_path / "bescheide.zip",
        {f"{betrieb}_Beitrag-2027.pdf": notice, f"{paper}_Beitrag-2027.pdf": pdf(b"papier")},
    )
    _pick_by_keyboard(staff, texts.BEITRAG_PICK, good)
    _press(staff, texts.BEITRAG_CHECK_BUTTON)
    checked = texts.BEITRAG_CHECKED.format(notices=2, with_account=1, accounts=1, paper=1)
    expect(staff.get_by_role("main").get_by_text(checked)).to_be_visible()
    flows.assert_accessible_narrow_and_wide(staff, shoot, "verwaltung-beitrag-geprueft")
    _press(staff, texts.BEITRAG_DELIVER_BUTTON)
    delivered = texts.BEITRAG_DELIVERED.format(
        notices=2, titel="Beitragsbescheid 2027", messages=1, accounts=1, paper=1
    )
    expect(staff.get_by_role("main").get_by_text(delivered)).to_be_visible()
    with staff.expect_download() as download:
        staff.get_by_role(
            "button", name=texts.BEITRAG_PAPER_CSV_LABEL.format(titel="Beitragsbescheid 2027")
        ).first.click()
    listed = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    assert paper in listed and betrieb not in listed
    flows.assert_accessible_narrow_and_wide(staff, shoot, "verwaltung-beitrag-zugestellt")

    # the same batch again: refused, delivered once
    _pick_by_keyboard(staff, texts.BEITRAG_PICK, good)
    _press(staff, texts.BEITRAG_CHECK_BUTTON)
    expect(staff.get_by_role("alert").filter(has_text="schon am")).to_be_visible()

    # the member: one mail, the link, the message opened by a click, the notice downloaded
    _open_from_mail(page, mail_sink, email, texts.MAIL_POSTFACH_SUBJECT)
    assert len(mail_sink.to(email)) >= 1
    subject = texts.POSTFACH_PROVIDED_SUBJECT.format(
        title="Beitragsbescheid 2027", name=f"Zimmerei Test {betrieb[3:10]}"
    )
    page.get_by_role("button", name=re.compile(re.escape(subject))).click()
    with page.expect_download() as document:
        page.get_by_role(
            "button", name=texts.DOWNLOAD_LABEL.format(name="Beitragsbescheid 2027")
        ).click()
    assert Path(document.value.path()).read_bytes() == notice


def _grant_mandate(page: Page) -> None:
    """From Mein Konto to SEPA, which leads the Betrieb's administrator through setting up the
    second factor first; then the mandate."""
    flows.set_up_second_factor_for_sepa(page)
    page.get_by_label(texts.FIELD_KONTOINHABER).fill("Zimmerei Test")
    page.get_by_label(texts.FIELD_IBAN).fill(IBAN)
    page.get_by_label(texts.SEPA_CONSENT).check()
    page.get_by_role("button", name=texts.SEPA_GRANT_BUTTON).click()
    expect(
        page.get_by_role("main").get_by_text(re.compile(r"^Mandat .+ erteilt\."))
    ).to_be_visible()


def test_the_sepa_file_is_made_parsed_back_handed_to_the_bank_and_pre_notified(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
    portal_cli,
    tmp_path,
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    _grant_mandate(page)
    without = _another_betrieb(portal_cli, tmp_path)
    staff = second_page
    staff_flows.create_and_set_up(staff, portal_cli, departments=("beitrag",))
    shoot = screenshot_of(staff)
    _staff_nav(staff, texts.SEPA_COLLECTION_NAV, texts.SEPA_COLLECTION_TITLE)

    amounts = tmp_path / "beitraege.csv"
    amounts.write_text(
        "betriebsnummer;betrag;verwendungszweck\n"
        f"{betrieb};1.234,56;Kammerbeitrag 2027\n"
        f"{without};80,00;Kammerbeitrag 2027\n",
        encoding="utf-8",
    )
    # a date too early first: the message at the field, no file
    staff.get_by_label(texts.SEPA_COLLECTION_FIELD_DATE).fill("01.01.2020")
    _pick_by_keyboard(staff, texts.SEPA_COLLECTION_PICK, amounts)
    _press(staff, texts.SEPA_COLLECTION_BUTTON)
    too_early = staff.get_by_role("group", name=texts.SEPA_COLLECTION_FORM).get_by_role("alert")
    expect(too_early).to_contain_text("TARGET2-Geschäftstage Vorlauf")
    expect(staff.get_by_label(texts.SEPA_COLLECTION_FIELD_DATE)).to_be_focused()
    expect(staff.get_by_text(texts.SEPA_COLLECTION_EXPORTS_EMPTY)).to_be_visible()

    due = format_date(sepa_collection.earliest_date())
    staff.get_by_label(texts.SEPA_COLLECTION_FIELD_DATE).fill(due)
    _pick_by_keyboard(staff, texts.SEPA_COLLECTION_PICK, amounts)
    _press(staff, texts.SEPA_COLLECTION_BUTTON)
    done = texts.SEPA_COLLECTION_DONE.format(
        count=1, total="1.234,56 €", date=due, first=1, recurring=0
    )
    expect(staff.get_by_role("main").get_by_text(done)).to_be_visible()
    expect(staff.get_by_role("listitem").filter(has_text=without)).to_contain_text(
        texts.SEPA_COLLECTION_NO_MANDATE
    )
    flows.assert_accessible_narrow_and_wide(staff, shoot, "verwaltung-lastschrift")

    with staff.expect_download() as download:
        staff.get_by_role(
            "button", name=texts.SEPA_COLLECTION_DOWNLOAD_LABEL.format(date=due)
        ).click()
    root = ET.parse(io.BytesIO(Path(download.value.path()).read_bytes())).getroot()  # noqa: S314
    assert root.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=NS) == "1"
    assert Decimal(root.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS)) == Decimal("1234.56")
    assert root.findtext(".//p:SeqTp", namespaces=NS) == "FRST"
    assert root.findtext(".//p:DbtrAcct/p:Id/p:IBAN", namespaces=NS) == IBAN.replace(" ", "")
    mandate = root.findtext(".//p:MndtId", namespaces=NS)
    assert mandate.startswith(f"HWK-{betrieb[3:10]}0-")

    _press(staff, texts.SEPA_COLLECTION_SUBMIT_LABEL.format(date=due))
    expect(
        staff.get_by_text(texts.SEPA_COLLECTION_SUBMIT_QUESTION.format(date=due))
    ).to_be_visible()
    _press(staff, texts.SEPA_COLLECTION_SUBMIT_YES)
    submitted = texts.SEPA_COLLECTION_SUBMITTED.format(date=due)
    expect(staff.get_by_role("main").get_by_text(submitted)).to_be_visible()

    # the member: the pre-notification from the mail's link, then the collection on /sepa
    _open_from_mail(page, mail_sink, email, texts.MAIL_POSTFACH_SUBJECT)
    subject = texts.SEPA_PRE_NOTIFICATION_SUBJECT.format(date=due)
    page.get_by_role("button", name=re.compile(re.escape(subject))).click()
    main = page.get_by_role("main")
    expect(main).to_contain_text("1.234,56 €")
    expect(main).to_contain_text(mandate)
    expect(main).to_contain_text("IBAN endet auf 3000")
    navigation = page.get_by_role("navigation", name=texts.NAV_LABEL)
    navigation.get_by_role("link", name=texts.ACCOUNT_TITLE).click()
    page.get_by_role("link", name=texts.SEPA_TITLE).click()
    collections = page.get_by_role("region", name=texts.SEPA_COLLECTIONS_HEADING)
    expect(collections).to_contain_text(f"{due}: 1.234,56 € – Kammerbeitrag 2027")
    expect(collections).to_contain_text(texts.SEPA_SEQUENCE_FIRST)
