"""The staff's Verzeichnis in the browser: search a Betrieb, open it, issue a PIN and download
its letter, end a member's Freischaltung (the member is mailed and loses the Betrieb at once);
PIN letters for three ticked Betriebe in one PDF whose PINs each unlock once; the main flow by
keyboard alone; staff of other departments do not see the page."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from portal_app import texts
from tests.e2e import flows, staff_flows
from tests.e2e.conftest import REGISTRY_HEADER
from tests.e2e.docs_support import db_rows, second_page  # noqa: F401
from tests.e2e.test_staff_inbox import screenshot_of

PIN_LINE = re.compile(r"PIN: (\w{4}) (\w{4})")


def letter_pins(path) -> list[str]:
    """The PIN of each page of a letters PDF, in order."""
    found = []
    for sheet in PdfReader(path).pages:
        match = PIN_LINE.search(sheet.extract_text())
        assert match, "a page without a PIN"
        found.append(match.group(1) + match.group(2))
    return found


def import_betriebe(portal_cli, tmp_path, word: str, count: int) -> list[str]:
    """`count` Betriebe whose names share `word`, imported as the operator does."""
    numbers = [f"{random.randrange(10**6, 10**7):07d}" for _ in range(count)]
    rows = "".join(
        f"TS;{n};0;{word} Betrieb {i};Holzweg {i};83278;Traunstein;handwerksrolle\n"
        for i, n in enumerate(numbers)
    )
    csv = tmp_path / "briefe.csv"
    csv.write_text(REGISTRY_HEADER + rows, encoding="utf-8")
    assert f"{count} neu" in portal_cli("registry", "import", "betriebe", str(csv))
    return [f"TS-{n}-0" for n in numbers]


def open_verzeichnis(page: Page) -> None:
    page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL).get_by_role(
        "link", name=texts.VERZEICHNIS_TITLE
    ).click()
    expect(page.get_by_role("heading", name=texts.VERZEICHNIS_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")


def search(page: Page, words: str) -> None:
    page.get_by_label(texts.STAFF_FILTER_TEXT, exact=True).fill(words)
    page.get_by_role("button", name=texts.VERZEICHNIS_SEARCH_BUTTON).click()


def test_staff_find_a_betrieb_issue_a_pin_and_end_a_freischaltung(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    issue_pin,
    portal_cli,
    portal_env,
):
    email = flows.create_unlocked_member(page, mail_sink, betrieb, issue_pin(betrieb))
    flows.open_page(page, "/dokumente")
    expect(page.get_by_role("main")).to_contain_text(betrieb)

    staff = second_page
    staff_flows.create_and_set_up(staff, portal_cli, departments=("handwerksrolle",))
    shot = screenshot_of(staff)
    open_verzeichnis(staff)
    search(staff, betrieb[3:10])
    expect(staff.get_by_role("status").filter(has_text=texts.ENTRIES_TOTAL_PREFIX)).to_contain_text(
        "1"
    )
    flows.assert_accessible_narrow_and_wide(staff, shot, "verwaltung-verzeichnis")
    name = f"Zimmerei Test {betrieb[3:10]}"
    opening = texts.VERZEICHNIS_OPEN_LABEL.format(name=name, number=betrieb)
    staff.get_by_role("link", name=opening).click()
    expect(staff.get_by_role("heading", name=name, level=1)).to_be_visible()
    links = staff.get_by_role("table", name=texts.VERZEICHNIS_LINKS_TABLE)
    expect(links).to_contain_text(email)
    pins_table = staff.get_by_role("table", name=texts.VERZEICHNIS_PINS_TABLE)
    expect(pins_table).to_contain_text("benutzt am")

    with staff.expect_download() as download:
        staff.get_by_role("button", name=texts.VERZEICHNIS_ISSUE_PIN).click()
    assert download.value.suggested_filename == f"PIN-Brief {betrieb}.pdf"
    (new_pin,) = letter_pins(download.value.path())
    ((stored_name,),) = db_rows(
        portal_env,
        "select stored_name from download_ticket where name = ? order by id desc limit 1",
        f"PIN-Brief {betrieb}.pdf",
    )
    letter = Path(portal_env["PORTAL_FILES_DIR"]) / stored_name
    for _ in range(50):  # the letter leaves the store once it has been sent
        if not letter.exists():
            break
        time.sleep(0.1)
    assert not letter.exists()
    expect(staff.get_by_role("main")).to_contain_text("Eine neue PIN ist ausgestellt")
    expect(pins_table.get_by_role("row").nth(1)).to_contain_text(texts.VERZEICHNIS_PIN_USABLE)
    flows.assert_accessible_narrow_and_wide(staff, shot, "verwaltung-verzeichnis-betrieb")

    staff.get_by_role("button", name=texts.VERZEICHNIS_LINK_END_LABEL.format(email=email)).click()
    expect(staff.get_by_role("main").get_by_text(texts.VERZEICHNIS_LINK_ENDED)).to_be_visible()
    expect(staff.get_by_role("main")).to_contain_text(texts.VERZEICHNIS_LINKS_EMPTY)
    notice = flows.body_of(mail_sink.wait_for(email, texts.MAIL_LINK_ENDED_SUBJECT))
    assert betrieb in notice

    # the member: the Betrieb is gone from /dokumente at once; the new letter's PIN unlocks it
    flows.open_page(page, "/dokumente")
    expect(page.get_by_role("main")).not_to_contain_text(betrieb)
    flows.open_page(page, "/freischalten")
    flows.unlock_as_betrieb(page, betrieb, new_pin)
    expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_visible()


def test_letters_for_three_ticked_betriebe_are_three_pages_whose_pins_unlock_once(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    portal_cli,
    portal_env,
    tmp_path,
):
    word = f"Brieftest{random.randrange(10**5, 10**6)}"
    numbers = import_betriebe(portal_cli, tmp_path, word, 4)
    staff = second_page
    staff_flows.create_and_set_up(staff, portal_cli, admin=True)
    open_verzeichnis(staff)
    search(staff, word)
    table = staff.get_by_role("table", name=texts.VERZEICHNIS_TABLE)
    expect(table.get_by_role("row")).to_have_count(5)
    for i in range(3):
        label = texts.VERZEICHNIS_CHOOSE_LABEL.format(name=f"{word} Betrieb {i}")
        staff.get_by_role("checkbox", name=label).check()
    with staff.expect_download(timeout=60_000) as download:
        staff.get_by_role("button", name=texts.VERZEICHNIS_BULK_FOR_CHOSEN).click()
    pins = letter_pins(download.value.path())
    assert len(pins) == 3 and len(set(pins)) == 3
    expect(
        staff.get_by_role("main").get_by_text(texts.VERZEICHNIS_BULK_DONE.format(count=3))
    ).to_be_visible()
    expect(staff.get_by_role("checkbox").first).not_to_be_checked()  # the list drawn anew

    first = flows.create_unlocked_member(page, mail_sink, numbers[0], pins[0])
    for number, pin in zip(numbers[1:3], pins[1:3], strict=True):
        flows.open_page(page, "/freischalten")
        flows.unlock_as_betrieb(page, number, pin)
        expect(page.get_by_role("heading", name=texts.UNLOCK_DONE_TITLE)).to_be_visible()
    linked = db_rows(
        portal_env,
        "select count(*) from freischaltung f join account a on a.id = f.account_id "
        "where a.email = ?",
        first,
    )
    assert linked == [(3,)]
    flows.logout(page)
    flows.create_account(page, mail_sink)  # another member tries a used PIN
    flows.open_page(page, "/freischalten")
    flows.unlock_as_betrieb(page, numbers[1], pins[1])
    expect(page.get_by_role("main").get_by_text(texts.UNLOCK_PIN_USED)).to_be_visible()
    untouched = db_rows(
        portal_env,
        "select count(*) from pin p join betrieb b on b.id = p.betrieb_id "
        "where b.betriebsnummer = ?",
        numbers[3][3:10],
    )
    assert untouched == [(0,)]  # the fourth, not ticked, got no letter


def test_staff_of_other_departments_neither_see_nor_open_the_verzeichnis(page: Page, portal_cli):
    staff_flows.create_and_set_up(page, portal_cli, departments=("bildung",))
    nav = page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL)
    expect(nav.get_by_role("link", name=texts.STAFF_INBOX_TITLE)).to_be_visible()
    expect(nav.get_by_role("link", name=texts.VERZEICHNIS_TITLE)).to_have_count(0)
    flows.open_page(page, "/verwaltung/verzeichnis")
    staff_flows.expect_inbox(page)


def _tab_to(page: Page, target, limit: int = 60) -> None:
    """Press Tab until `target` has the keyboard focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def test_the_verzeichnis_and_a_record_work_by_keyboard_alone(
    page: Page, betrieb, portal_cli, screenshot
):
    staff_flows.create_and_set_up(page, portal_cli, departments=("beitrag",))
    nav_link = page.get_by_role("navigation", name=texts.STAFF_NAV_LABEL).get_by_role(
        "link", name=texts.VERZEICHNIS_TITLE
    )
    _tab_to(page, nav_link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=texts.VERZEICHNIS_TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    _tab_to(page, page.get_by_label(texts.STAFF_FILTER_TEXT, exact=True))
    page.keyboard.type(betrieb)
    page.keyboard.press("Enter")
    rows = page.get_by_role("table", name=texts.VERZEICHNIS_TABLE).get_by_role("row")
    expect(rows).to_have_count(2)
    _tab_to(page, rows.nth(1).get_by_role("link"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=re.compile("Zimmerei Test"), level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false")
    _tab_to(page, page.get_by_role("button", name=texts.VERZEICHNIS_ISSUE_PIN))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert len(letter_pins(download.value.path())) == 1
    expect(page.get_by_role("main")).to_contain_text("Eine neue PIN ist ausgestellt")


def test_a_members_request_for_a_new_pin_shows_on_the_record_and_closes_with_a_new_pin(
    page: Page,
    second_page: Page,  # noqa: F811
    mail_sink,
    betrieb,
    portal_cli,
    portal_env,
):
    email = flows.create_account(page, mail_sink)
    flows.open_page(page, "/freischalten/neue-pin")
    page.get_by_label(texts.PIN_REQUEST_KIND_BETRIEB).check()
    page.get_by_label(texts.FIELD_NUMMER).fill(betrieb)
    page.get_by_role("button", name=texts.PIN_REQUEST_TITLE).click()
    expect(page.get_by_role("heading", name=texts.PIN_REQUEST_DONE_TITLE)).to_be_visible()

    staff = second_page
    staff_flows.create_and_set_up(staff, portal_cli, departments=("handwerksrolle",))
    # the request is an item of the Eingang, which leads to the record
    staff.get_by_label(texts.STAFF_FILTER_TEXT).fill(betrieb[3:10])
    staff.get_by_role("button", name=texts.STAFF_FILTER_APPLY).click()
    staff.get_by_role("row").filter(has_text=betrieb).get_by_role("link").click()
    expect(staff.get_by_role("heading", name=texts.INBOX_PIN_SUBJECT, level=1)).to_be_visible()
    staff.get_by_role("link", name=texts.VERZEICHNIS_ITEM_RECORD).click()
    expect(staff.get_by_role("heading", name=re.compile(betrieb[3:10]), level=1)).to_be_visible()
    requests = staff.get_by_role("region", name=texts.VERZEICHNIS_REQUESTS_HEADING)
    expect(requests).to_contain_text(email)
    with staff.expect_download() as download:
        staff.get_by_role("button", name=texts.VERZEICHNIS_ISSUE_PIN).click()
    assert len(letter_pins(download.value.path())) == 1
    expect(requests).to_contain_text(texts.VERZEICHNIS_REQUESTS_EMPTY)
    status = db_rows(
        portal_env,
        "select v.status from vorgang v join pin_request r on r.id = v.pin_request_id "
        "where r.nummer = ?",
        betrieb,
    )
    assert status == [("erledigt",)]


def _upload_csv(page: Page, path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=texts.VERZEICHNIS_IMPORT_PICK).click()
    chooser.value.set_files(str(path))
    expect(page.get_by_role("listitem").filter(has_text=path.name)).to_be_visible()
    page.get_by_role("button", name=texts.VERZEICHNIS_IMPORT_BUTTON).click()


def test_a_registry_file_with_a_bad_row_stores_nothing_and_a_good_one_is_found(
    page: Page, portal_cli, portal_env, tmp_path, screenshot
):
    word = f"Importtest{random.randrange(10**5, 10**6)}"
    first, second = (f"{random.randrange(10**6, 10**7):07d}" for _ in range(2))
    bad = tmp_path / "betriebe-fehler.csv"
    bad.write_text(
        REGISTRY_HEADER
        + f"TS;{first};0;{word} Schreinerei;Holzweg 1;83278;Traunstein;handwerksrolle\n"
        + f"TS;{second};0;{word} Malerei;Farbgasse 2;8327;Traunstein;handwerksrolle\n",
        encoding="utf-8",
    )
    staff_flows.create_and_set_up(page, portal_cli, admin=True)
    open_verzeichnis(page)
    _upload_csv(page, bad)
    refusal = page.get_by_role("main").get_by_text(
        texts.VERZEICHNIS_IMPORT_FAILED.format(problem="Zeile 3: plz muss fünfstellig sein")
    )
    expect(refusal).to_be_visible()
    flows.assert_accessible_narrow_and_wide(page, screenshot, "verwaltung-verzeichnis-import")
    assert db_rows(portal_env, "select count(*) from betrieb where name like ?", f"{word}%") == [
        (0,)
    ]

    good = tmp_path / "betriebe.csv"
    good.write_text(bad.read_text(encoding="utf-8").replace(";8327;", ";83278;"), "utf-8")
    _upload_csv(page, good)
    done = texts.VERZEICHNIS_IMPORT_DONE.format(added=2, updated=0)
    expect(page.get_by_role("main").get_by_text(done)).to_be_visible()
    search(page, word)
    rows = page.get_by_role("table", name=texts.VERZEICHNIS_TABLE).get_by_role("row")
    expect(rows).to_have_count(3)
