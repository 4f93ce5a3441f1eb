"""Freischalten with a PIN: success, the PIN's life (used, expired, voided), throttling."""

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import AuditEntry, Pin, PinRequest
from portal_app.services import mail, pin_letter, pins, registry, sessions, unlock
from portal_app.services.db import unit_of_work
from portal_app.services.demo import DEMO_BETRIEBE_CSV, DEMO_PERSONEN_CSV
from portal_app.settings import settings
from tests.parallel import at_once

pytestmark = pytest.mark.both_databases

PASSWORD = "Zimmerer bauen Dachstühle aus Fichte"


@pytest.fixture(autouse=True)
def registry_loaded():
    registry.import_betriebe(DEMO_BETRIEBE_CSV)
    registry.import_personen(DEMO_PERSONEN_CSV)


@pytest.fixture
def account(member):
    """A confirmed, logged-in account; returns its id."""
    counter = iter(range(1000))

    def make() -> int:
        token = member(f"kollege{next(counter)}@schreinerei-example.de", PASSWORD)
        return sessions.current_account(token).id

    return make


def audit_actions(account_id: int) -> list[str]:
    with unit_of_work() as session:
        rows = session.exec(select(AuditEntry).where(AuditEntry.account_id == account_id))
        return [row.action for row in rows]


def test_a_pin_has_eight_characters_without_look_alikes():
    for _ in range(200):
        pin = pins.new_pin()
        assert len(pin) == 8
        assert not set(pin) & set("0O1IL")


def test_issuing_stores_only_a_hash_and_voids_the_older_pin():
    first = pins.issue_for_betrieb("TS-1234567-0")
    second = pins.issue_for_betrieb("TS-1234567-0")
    with unit_of_work() as session:
        rows = list(session.exec(select(Pin).order_by(Pin.id)))
    assert [row.voided_at is not None for row in rows] == [True, False]
    assert all(first.pin not in row.pin_hash and second.pin not in row.pin_hash for row in rows)


def test_seven_digits_naming_several_branches_cannot_get_one_pin():
    with pytest.raises(pins.RecordNotFound, match="mehrere Filialen"):
        pins.issue_for_betrieb("1234567")


def test_unlocking_links_the_account_uses_the_pin_audits_and_mails(account):
    member = account()
    issued = pins.issue_for_betrieb("TS-1234567-0")

    view = unlock.unlock_betrieb(member, "1234567", issued.pin)

    assert view.label == "Betrieb TS-1234567-0"
    assert unlock.capabilities(member).unlocked
    assert "freischaltung" in audit_actions(member)
    assert texts.MAIL_UNLOCKED_SUBJECT in [m.subject for m in mail.recent_mails()]
    with pytest.raises(unlock.PinNotUsable, match=texts.UNLOCK_PIN_USED):
        unlock.unlock_betrieb(account(), "1234567", issued.pin)


def test_the_pin_is_trimmed_case_folded_and_spaces_are_ignored(account):
    issued = pins.issue_for_person("12345678")
    spaced = f"  {issued.pin[:4].lower()} {issued.pin[4:]} "
    assert unlock.unlock_person(account(), "1234 5678", spaced).label == "Person 12345678"


def test_one_account_may_be_unlocked_as_betrieb_and_person_and_colleagues_share_a_betrieb(
    account,
):
    boss, colleague = account(), account()
    unlock.unlock_betrieb(boss, "TS-1234567-0", pins.issue_for_betrieb("TS-1234567-0").pin)
    unlock.unlock_person(boss, "12345678", pins.issue_for_person("12345678").pin)
    unlock.unlock_betrieb(colleague, "1234567", pins.issue_for_betrieb("TS-1234567-0").pin)

    rights = unlock.capabilities(boss)
    assert [v.label for v in rights.betriebe] == ["Betrieb TS-1234567-0"]
    assert [v.label for v in rights.personen] == ["Person 12345678"]
    assert unlock.capabilities(colleague).unlocked


def test_a_wrong_pin_and_an_unknown_number_get_the_same_answer(account):
    member = account()
    pins.issue_for_betrieb("TS-1234567-0")
    with pytest.raises(unlock.UnlockFailed) as wrong_pin:
        unlock.unlock_betrieb(member, "1234567", "ABCDEFGH")
    with pytest.raises(unlock.UnlockFailed) as unknown:
        unlock.unlock_betrieb(member, "9999999", "ABCDEFGH")
    assert str(wrong_pin.value) == str(unknown.value) == texts.UNLOCK_FAILED
    assert not unlock.capabilities(member).unlocked


def test_an_expired_pin_says_so_only_to_someone_who_knows_it(account, clock):
    issued = pins.issue_for_betrieb("TS-1234567-0")
    clock.travel(days=91)
    with pytest.raises(unlock.PinNotUsable, match=texts.UNLOCK_PIN_USED):
        unlock.unlock_betrieb(account(), "1234567", issued.pin)


def test_wrong_pins_from_ten_accounts_void_the_pin(account):
    issued = pins.issue_for_betrieb("TS-1234567-0")
    for _ in range(unlock.VOID_AFTER_ACCOUNTS):
        with pytest.raises(unlock.UnlockFailed):
            unlock.unlock_betrieb(account(), "1234567", "ZZZZZZZZ")

    with pytest.raises(unlock.PinNotUsable, match=texts.UNLOCK_PIN_VOIDED):
        unlock.unlock_betrieb(account(), "1234567", issued.pin)


def test_five_wrong_tries_pause_the_account_on_that_number_for_a_day(account, clock):
    member = account()
    issued = pins.issue_for_person("23456789")
    for _ in range(unlock.TRIES_PER_NUMBER):
        with pytest.raises(unlock.UnlockFailed):
            unlock.unlock_person(member, "23456789", "ZZZZZZZZ")

    with pytest.raises(unlock.UnlockNumberPaused):
        unlock.unlock_person(member, "23456789", issued.pin)
    clock.travel(hours=24, seconds=1)
    assert unlock.unlock_person(member, "23456789", issued.pin).label == "Person 23456789"


def test_ten_failures_within_an_hour_pause_unlocking_for_the_account(account, clock):
    member = account()
    issued = pins.issue_for_person("23456789")
    for n in range(unlock.PAUSE_AFTER):
        with pytest.raises(unlock.UnlockFailed):
            unlock.unlock_betrieb(member, f"77777{n:02d}", "ZZZZZZZZ")

    with pytest.raises(unlock.UnlockPaused):
        unlock.unlock_person(member, "23456789", issued.pin)
    clock.travel(minutes=61)
    assert unlock.unlock_person(member, "23456789", issued.pin).label == "Person 23456789"


def test_unlocking_twice_for_the_same_betrieb_keeps_the_new_pin_unused(account):
    member = account()
    unlock.unlock_betrieb(member, "1234567", pins.issue_for_betrieb("TS-1234567-0").pin)
    second = pins.issue_for_betrieb("TS-1234567-0")
    with pytest.raises(unlock.AlreadyUnlocked):
        unlock.unlock_betrieb(member, "TS-1234567-0", second.pin)
    assert unlock.unlock_betrieb(account(), "1234567", second.pin)


def test_an_empty_pin_and_a_malformed_number_are_named(account):
    with pytest.raises(unlock.PinEmpty):
        unlock.unlock_betrieb(account(), "1234567", "  ")
    with pytest.raises(unlock.NumberRejected, match=texts.BETRIEBSNUMMER_INVALID):
        unlock.unlock_betrieb(account(), "12-34", "ABCDEFGH")


def test_a_pin_request_is_stored_and_mailed_whether_or_not_the_number_exists(account):
    member = account()
    unlock.request_new_pin(member, "betrieb", "ts-1234567-0")
    unlock.request_new_pin(member, "person", "99999999")
    assert [m.subject for m in mail.recent_mails()][:2] == [texts.MAIL_PIN_REQUEST_SUBJECT] * 2
    assert [(r.art, r.nummer) for r in pins.open_requests()] == [
        ("betrieb", "TS-1234567-0"),
        ("person", "99999999"),
    ]


def test_more_than_three_requests_a_day_are_refused(account, clock):
    member = account()
    for _ in range(unlock.REQUESTS_PER_DAY):
        unlock.request_new_pin(member, "person", "12345678")
    with pytest.raises(unlock.TooManyRequests):
        unlock.request_new_pin(member, "person", "12345678")
    clock.travel(hours=24, seconds=1)
    unlock.request_new_pin(member, "person", "12345678")


def test_twenty_parallel_requests_store_exactly_three(account):
    member = account()

    def ask() -> str:
        try:
            unlock.request_new_pin(member, "person", "12345678")
            return "stored"
        except unlock.TooManyRequests:
            return "refused"

    outcomes = at_once([ask] * 20)

    assert outcomes.count("refused") == 20 - unlock.REQUESTS_PER_DAY
    assert len(pins.open_requests()) == unlock.REQUESTS_PER_DAY


def test_a_request_without_kind_is_refused():
    with pytest.raises(unlock.PinRequestKindMissing):
        unlock.request_new_pin(1, "", "12345678")


def test_issuing_a_pin_closes_the_requests_for_that_record(account):
    member = account()
    unlock.request_new_pin(member, "betrieb", "1234567")
    unlock.request_new_pin(member, "person", "12345678")
    pins.issue_for_betrieb("TS-1234567-0")
    assert [r.art for r in pins.open_requests()] == ["person"]
    with unit_of_work() as session:
        assert session.exec(select(PinRequest).where(PinRequest.art == "betrieb")).one().done_at


def test_the_pin_letter_is_a_pdf(tmp_path):
    issued = pins.issue_for_betrieb("BGL-7654321-0")
    letter = tmp_path / "brief.pdf"
    pin_letter.write_letter(issued, letter, settings.base_url)
    assert letter.read_bytes().startswith(b"%PDF")
    assert letter.stat().st_size > 1000


def test_failed_tries_are_audited_with_target_and_time(account):
    member = account()
    with pytest.raises(unlock.UnlockFailed):
        unlock.unlock_person(member, "12345678", "ZZZZZZZZ")
    with unit_of_work() as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.account_id == member)).one()
    assert (entry.action, entry.target) == (unlock.FAILED, "Person 12345678")
    assert entry.at is not None


def test_the_audit_log_names_the_betrieb_in_the_stored_form_whatever_the_page_says(account):
    member = account()
    issued = pins.issue_for_betrieb("TS-1234567-0")
    with pytest.raises(unlock.UnlockFailed):
        unlock.unlock_betrieb(member, "1234567", "FALSCH23")
    unlock.unlock_betrieb(member, "1234567", issued.pin)
    with unit_of_work() as session:
        rows = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(row.action, row.target) for row in rows] == [
        ("pin_ausgestellt", "Betrieb TS-1234567-0"),
        (unlock.FAILED, "Betrieb 1234567"),
        (unlock.SUCCEEDED, "Betrieb TS-1234567-0"),
    ]
