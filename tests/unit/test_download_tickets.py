"""A download ticket hands one stored file out once, for a minute, to the login that asked."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from portal_app.services import download_tickets, files, sessions
from portal_app.services.download_tickets import TicketInvalid
from portal_app.services.files import StoredFile
from portal_app.settings import settings
from tests.staff_support import set_up_staff
from tests.unit.docs_fixtures import PASSWORD

CONTENT = b"%PDF-1.4 Beitragsbescheid\n"


@pytest.fixture
def stored(tmp_path, monkeypatch) -> StoredFile:
    monkeypatch.setattr(
        files, "settings", dataclasses.replace(settings, files_dir=str(tmp_path / "dateien"))
    )
    name = "ab" * 20
    files.store_dir().joinpath(name).write_bytes(CONTENT)
    return StoredFile("Beitragsbescheid 2026 – Müller.pdf", "application/pdf", name)


@pytest.fixture
def login(member):
    token = member("eder@betrieb-example.de", PASSWORD)
    return token, sessions.current_account(token).id


def test_a_ticket_gives_the_file_once_to_the_login_that_asked(stored, login):
    token, account_id = login
    ticket = download_tickets.issue(token, stored, account_id=account_id)
    file, path = download_tickets.redeem(ticket, token)
    assert file == stored and path.read_bytes() == CONTENT
    with pytest.raises(TicketInvalid):
        download_tickets.redeem(ticket, token)


def test_another_login_even_of_the_same_account_gets_nothing(stored, login, member):
    token, account_id = login
    other = member("huber@betrieb-example.de", PASSWORD)
    ticket = download_tickets.issue(token, stored, account_id=account_id)
    for stranger in (other, "", "x" * 43):
        with pytest.raises(TicketInvalid):
            download_tickets.redeem(ticket, stranger)
    assert download_tickets.redeem(ticket, token)[0] == stored  # the refusals used nothing up


def test_a_ticket_ends_after_a_minute_and_with_the_login(stored, login, clock):
    token, account_id = login
    late = download_tickets.issue(token, stored, account_id=account_id)
    clock.travel(seconds=61)
    with pytest.raises(TicketInvalid):
        download_tickets.redeem(late, token)
    ended = download_tickets.issue(token, stored, account_id=account_id)
    sessions.logout(token)
    with pytest.raises(TicketInvalid):
        download_tickets.redeem(ended, token)


@pytest.mark.both_databases
def test_parallel_requests_with_one_ticket_get_one_file(stored, login):
    token, account_id = login
    ticket = download_tickets.issue(token, stored, account_id=account_id)
    results, barrier = [], threading.Barrier(8)

    def fetch():
        barrier.wait()
        try:
            results.append(download_tickets.redeem(ticket, token))
        except TicketInvalid:
            results.append(None)

    threads = [threading.Thread(target=fetch) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(result is not None for result in results) == 1


def test_a_staff_ticket_is_for_that_staff_login_only(stored, login):
    member_token, _account_id = login
    clerk, other = set_up_staff(), set_up_staff()
    ticket = download_tickets.issue(clerk.session_token, stored, staff_id=clerk.id)
    for wrong in ({"member_token": member_token}, {"staff_token": other.session_token}):
        with pytest.raises(TicketInvalid):
            download_tickets.redeem(ticket, **wrong)
    assert download_tickets.redeem(ticket, staff_token=clerk.session_token)[0] == stored


def test_a_generated_file_goes_to_the_staff_login_once_and_is_removed_when_expired(stored, clock):
    staff = set_up_staff(departments=("bildung",))
    ticket = download_tickets.issue_generated(
        staff.session_token, "Liste.csv", "text/csv", b"a;b\r\n", staff_id=staff.id
    )
    with pytest.raises(TicketInvalid):
        download_tickets.redeem_once(ticket, staff.session_token)  # a member's cookie slot
    file, path, generated = download_tickets.redeem_once(ticket, "", staff.session_token)
    assert (file.name, path.read_bytes(), generated) == ("Liste.csv", b"a;b\r\n", True)
    with pytest.raises(TicketInvalid):
        download_tickets.redeem_once(ticket, "", staff.session_token)

    download_tickets.issue_generated(  # never fetched
        staff.session_token, "Liste.pdf", "application/pdf", b"%PDF-", staff_id=staff.id
    )
    before = {p.name for p in files.store_dir().iterdir()}
    clock.travel(seconds=61)
    download_tickets.issue(staff.session_token, stored, staff_id=staff.id)  # sweeps expired
    gone = before - {p.name for p in files.store_dir().iterdir()}
    assert len(gone) == 2  # both made files; the stored document stays
    assert stored.stored_name not in gone


def test_a_file_made_for_one_download_is_marked_so_and_leaves_with_its_expired_ticket(
    stored, login, clock
):
    token, account_id = login
    kept = download_tickets.issue(token, stored, account_id=account_id)
    assert download_tickets.redeem_once(kept, token)[2] is False
    other = StoredFile("PIN-Brief.pdf", "application/pdf", "cd" * 20)
    files.store_dir().joinpath(other.stored_name).write_bytes(CONTENT)
    once = download_tickets.issue(token, other, account_id=account_id, generated=True)
    assert download_tickets.redeem_once(once, token)[2] is True  # the web route deletes it
    download_tickets.issue(token, other, account_id=account_id, generated=True)  # never used
    clock.travel(download_tickets.VALID_FOR * 2)
    download_tickets.issue(token, stored, account_id=account_id)  # sweeps expired tickets
    assert not files.path_of(other.stored_name).exists()
    assert files.path_of(stored.stored_name).exists()  # not made for one download
