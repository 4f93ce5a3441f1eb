"""A member through nginx over HTTPS, in Chromium: registers, confirms by the mailed link,
unlocks and uploads a PDF (events over the proxied websocket, the file through /_upload);
the session cookie and the device cookie are `__Host-`, Secure and HttpOnly."""

from __future__ import annotations

import os
import re

from playwright.sync_api import Page, expect

from portal_app import texts
from tests.e2e import flows
from tests.e2e.docs_support import PDF, db_rows, write_pdf

SESSION_COOKIE = "__Host-kp_sitzung"


def test_a_member_registers_unlocks_and_uploads_through_the_proxy(
    page: Page, mail_sink, betrieb, issue_pin, tmp_path, portal_env, screenshot, nginx, nginx_work
):
    flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    assert page.url.startswith(nginx)

    [cookie] = [c for c in page.context.cookies() if c["name"] == SESSION_COOKIE]
    assert (cookie["secure"], cookie["httpOnly"], cookie["sameSite"]) == (True, True, "Strict")
    assert (cookie["domain"], cookie["path"]) == ("127.0.0.1", "/")  # host-only, as __Host- asks
    assert not [c for c in page.context.cookies() if c["name"] == "kp_sitzung"]
    [device] = [c for c in page.context.cookies() if c["name"] == "__Host-kp_geraet"]
    assert (device["secure"], device["httpOnly"], device["sameSite"]) == (True, True, "Strict")

    flows.open_page(page, "/dokumente")
    flows.upload(page, [write_pdf(tmp_path, "Meisterbrief.pdf")], "Handwerksrolle")
    expect(page.get_by_role("status").filter(has_text="1 Datei(en) gesendet")).to_be_visible()
    sent = page.get_by_role("table", name=texts.SENT_HEADING)
    expect(sent.get_by_role("row").filter(has_text="Meisterbrief.pdf")).to_be_visible()
    screenshot("proxy-dokumente-gesendet")

    [(stored,)] = db_rows(
        portal_env, "select stored_name from dokument where original_name = 'Meisterbrief.pdf'"
    )
    with open(os.path.join(portal_env["PORTAL_FILES_DIR"], stored), "rb") as kept:
        assert kept.read() == PDF
    # The page's websocket and its upload went through nginx, not around it.
    passed = (nginx_work / "kundenportal.access.log").read_text("utf-8")
    assert re.search(r'"GET /_event/\?\S+ HTTP/1\.1" 101 ', passed)
    assert re.search(r'"POST /_upload HTTP/[\d.]+" 202 ', passed)  # taken; stored in the background
