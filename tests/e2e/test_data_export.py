"""Meine Daten: from Mein Konto one button downloads a ZIP whose JSON holds the account, its
sessions and its audit entries, and no secret; a large account gets it in the background."""

import io
import json
import re
import zipfile

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from portal_app import texts
from portal_app.services import data_export
from tests.e2e import flows
from tests.mailsink import body_of


def test_the_member_downloads_the_data_and_reads_the_json(page: Page, mail_sink, screenshot):
    email = flows.create_account(page, mail_sink)
    page.get_by_role("link", name=texts.MY_DATA_TITLE).click()
    expect(page.get_by_role("heading", name=texts.MY_DATA_TITLE, level=1)).to_be_visible()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "meine-daten")

    button = page.get_by_role("button", name=texts.MY_DATA_BUTTON)
    button.focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith("meine-daten-")
    with open(download.value.path(), "rb") as fetched:
        archive = zipfile.ZipFile(io.BytesIO(fetched.read()))
    assert sorted(archive.namelist()) == ["meine-daten.json", "meine-daten.pdf"]
    data = json.loads(archive.read("meine-daten.json"))
    assert archive.read("meine-daten.pdf").startswith(b"%PDF-")

    assert data["konto"]["e_mail"] == email
    assert data["konto"]["passwort_gesetzt"] is True
    assert data["anmeldungen"] and all("browser" in row for row in data["anmeldungen"])
    raw = json.dumps(data)
    assert "hash" not in raw and "$2b$" not in raw  # no token or password hash
    expect(page.get_by_role("main").get_by_text(texts.MY_DATA_DOWNLOADED)).to_be_visible()
    flows.assert_accessible(page)


def test_a_large_account_gets_its_archive_in_the_background_and_a_mail_when_ready(
    page: Page, mail_sink, portal_db
):
    """More than BACKGROUND_FROM_ROWS rows: the page says it will mail, the export loop makes
    the archive, the mail's link leads back to the page, where the archive is offered."""
    email = flows.create_account(page, mail_sink)
    _add_audit_entries(portal_db, email, data_export.BACKGROUND_FROM_ROWS + 1)
    page.get_by_role("link", name=texts.MY_DATA_TITLE).click()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    page.get_by_role("button", name=texts.MY_DATA_BUTTON).click()
    expect(page.get_by_role("main").get_by_text(texts.MY_DATA_QUEUED)).to_be_visible()
    expect(flows.announcer(page)).to_have_text(texts.MY_DATA_QUEUED)

    ready = mail_sink.wait_for(email, texts.MAIL_DATA_READY_SUBJECT, timeout=60)
    link = re.search(r"https?://\S+/konto/meine-daten\S*", body_of(ready)).group(0)
    flows.open_page(page, link)
    offered = page.get_by_role("region", name=texts.MY_DATA_READY_LABEL).get_by_role("button")
    expect(offered).to_have_count(1)
    flows.assert_accessible(page)
    with page.expect_download() as download:
        offered.click()
    with open(download.value.path(), "rb") as fetched:
        archive = zipfile.ZipFile(io.BytesIO(fetched.read()))
    data = json.loads(archive.read("meine-daten.json"))
    assert data["konto"]["e_mail"] == email
    marked = [row for row in data["protokoll"] if row.get("betrifft") == "last"]
    assert len(marked) == data_export.BACKGROUND_FROM_ROWS + 1


def _add_audit_entries(portal_db: str, email: str, count: int) -> None:
    """Many audit entries about the account, written straight into the portal's database."""
    engine = create_engine(portal_db)
    with engine.begin() as connection:
        account_id = connection.execute(
            text("SELECT id FROM account WHERE email = :e"), {"e": email}
        ).scalar_one()
        connection.execute(
            text(
                "INSERT INTO audit_entry (at, account_id, action, target, detail) "
                "VALUES (:at, :a, 'login', 'last', '')"
            ),
            [{"at": "2026-01-01 08:00:00.000000", "a": account_id}] * count,
        )
    engine.dispose()
