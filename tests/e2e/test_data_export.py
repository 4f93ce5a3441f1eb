"""Meine Daten: from Mein Konto one button downloads a ZIP whose JSON holds the account, its
sessions and its audit entries, and no secret."""

import io
import json
import zipfile

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows


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
