"""Throttling that protects without locking out: a browser that has logged in to the account
before (its device cookie) is neither delayed by others' failures from its office address nor
paused by a stranger's; a stranger pauses only unknown devices and the member hears of it once."""

from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import KnownDevice, OutboxMail
from portal_app.services import devices, session_cookie, sessions, throttle
from portal_app.services.db import unit_of_work
from portal_app.services.sessions import LoginFailed, LoginThrottled, login
from tests.parallel import at_once

OWNER = "schreinermeisterin@betrieb-example.de"
PASSWORD = "Eiche geölt hält ein Leben lang"
WRONG = "ein falsches Passwort"
OFFICE = "203.0.113.50"
STRANGER = "198.51.100.66"
PAST_ANY_DELAY = timedelta(minutes=1, seconds=1)


def _try(address: str, password: str, client: str = OFFICE, device: str = "") -> str:
    try:
        login(address, password, client=client, device=device)
    except LoginFailed:
        return "failed"
    except LoginThrottled as error:
        return "paused" if error.paused else "wait"
    return "ok"


def _device_of(address: str, password: str, cookie: str = "") -> str:
    """Log in as the browser does and return the device token the cookie endpoint sets."""
    token = login(address, password, client=OFFICE, device=devices.read(cookie))
    header = devices.remember(token, cookie)
    name, _, rest = header.partition("=")
    assert name == devices.NAME
    return rest.split(";")[0]


def _paused_mails(address: str) -> int:
    with unit_of_work() as session:
        rows = session.exec(select(OutboxMail).where(OutboxMail.recipient == address)).all()
    return sum(1 for row in rows if row.subject == texts.MAIL_PAUSED_SUBJECT)


def test_the_device_cookie_is_httponly_strict_long_lived_and_stored_only_hashed(clock, member):
    member(OWNER, PASSWORD)
    token = login(OWNER, PASSWORD, client=OFFICE)

    header = devices.remember(token, None)

    attributes = [part.strip() for part in header.split(";")]
    assert {"HttpOnly", "SameSite=Strict", "Path=/"} <= set(attributes)
    assert ("Secure" in attributes) == session_cookie.SECURE
    assert f"Max-Age={365 * 24 * 3600}" in attributes
    device = attributes[0].partition("=")[2]
    assert len(device) >= 43  # 256 bits
    with unit_of_work() as session:
        stored = session.exec(select(KnownDevice.token_hash)).all()
    assert stored == [devices.digest(device)] and device not in stored[0]


@pytest.mark.both_databases
def test_a_colleague_on_a_known_device_logs_in_at_once_while_the_office_address_waits(
    clock, member
):
    """Before: a colleague behind the same address waited 31 s for the right password."""
    member(OWNER, PASSWORD)
    device = _device_of(OWNER, PASSWORD)
    for n in range(9):
        clock.travel(PAST_ANY_DELAY)
        assert _try(f"niemand-{n}@betrieb-example.de", WRONG) == "failed"

    assert _try(OWNER, PASSWORD) == "wait", "an unknown device of the office waits"
    assert _try(OWNER, PASSWORD, device=device) == "ok"


@pytest.mark.both_databases
def test_a_stranger_pauses_only_unknown_devices_never_the_owners_browser(clock, member):
    """Before: 20 wrong passwords from anywhere paused the owner for 15 minutes."""
    member(OWNER, PASSWORD)
    device = _device_of(OWNER, PASSWORD)
    outcomes = []
    for _ in range(22):
        clock.travel(PAST_ANY_DELAY)
        outcomes.append(_try(OWNER, WRONG, client=STRANGER))
    assert outcomes == ["failed"] * 20 + ["paused"] * 2

    assert _try(OWNER, PASSWORD, client=STRANGER) == "paused"
    assert _try(OWNER, PASSWORD, client=OFFICE) == "paused", "an unknown device is paused"
    assert _try(OWNER, PASSWORD, device=device) == "ok"
    assert _try(OWNER, PASSWORD, device=device) == "ok", "and again at once"


def _attack_for(clock, hours: int) -> int:
    """A stranger guessing the owner's password as fast as the throttle lets them, for `hours`;
    returns how many passwords were checked."""
    checked, end = 0, clock.now() + timedelta(hours=hours)
    while clock.now() < end:
        try:
            login(OWNER, WRONG, client=STRANGER)
        except LoginFailed:
            checked += 1
            clock.travel(seconds=1)
        except LoginThrottled as error:
            clock.travel(error.until - clock.now())
    return checked


@pytest.mark.both_databases
def test_a_stranger_keeping_the_address_paused_all_day_mails_the_member_once(clock, member):
    """Before: every try that renewed the pause mailed the victim."""
    member(OWNER, PASSWORD)
    device = _device_of(OWNER, PASSWORD)

    checked = _attack_for(clock, hours=23)

    assert checked > 60, "the pause was renewed all day"
    assert _paused_mails(OWNER) == 1
    assert _try(OWNER, PASSWORD, device=device) == "ok", "the owner's browser was never paused"
    clock.travel(hours=2)
    _attack_for(clock, hours=1)
    assert _paused_mails(OWNER) == 2, "the next day, one more"


def test_a_renewed_pause_within_a_day_mails_no_second_notice(clock, member):
    member(OWNER, PASSWORD)
    outcomes = []
    for _ in range(20 + 4):  # the pause, then a try at the end of each 15-minute pause
        outcomes.append(_try(OWNER, WRONG, client=STRANGER))
        clock.travel(throttle.PAUSE if len(outcomes) >= 20 else PAST_ANY_DELAY)

    assert outcomes == ["failed"] * 24, "each try after a pause renews it"
    assert _paused_mails(OWNER) == 1


@pytest.mark.both_databases
def test_a_known_device_is_held_up_by_its_own_failures(clock, member):
    member(OWNER, PASSWORD)
    device = _device_of(OWNER, PASSWORD)

    assert [_try(OWNER, WRONG, device=device) for _ in range(6)] == ["failed"] * 5 + ["wait"]
    clock.travel(PAST_ANY_DELAY)
    assert _try(OWNER, PASSWORD, device=device) == "ok"


@pytest.mark.both_databases
def test_a_burst_from_a_known_device_gets_five_password_checks(clock, member):
    """A stolen device cookie is no licence to guess: its tries count before the check."""
    member(OWNER, PASSWORD)
    device = _device_of(OWNER, PASSWORD)

    outcomes = at_once([lambda: _try(OWNER, WRONG, device=device) for _ in range(20)])

    assert sorted(outcomes) == ["failed"] * throttle.FREE_FAILURES + ["wait"] * 15


@pytest.mark.both_databases
def test_ten_members_on_their_known_devices_log_in_at_the_same_moment(clock, member):
    """An office's members are not held up by each other, however many log in at once."""
    addresses = [f"geselle-{n}@betrieb-example.de" for n in range(10)]
    known = {}
    for address in addresses:
        member(address, PASSWORD)
        known[address] = _device_of(address, PASSWORD)

    outcomes = at_once([lambda a=a: _try(a, PASSWORD, device=known[a]) for a in addresses])

    assert outcomes == ["ok"] * 10


def test_a_made_up_or_borrowed_device_cookie_exempts_nothing(clock, member):
    member(OWNER, PASSWORD)
    member("kollege@betrieb-example.de", PASSWORD)
    colleagues = _device_of("kollege@betrieb-example.de", PASSWORD)
    for _ in range(20):
        clock.travel(PAST_ANY_DELAY)
        _try(OWNER, WRONG, client=STRANGER)

    assert _try(OWNER, PASSWORD, device="selbst-ausgedacht-" + "x" * 30) == "paused"
    assert _try(OWNER, PASSWORD, device=colleagues) == "paused", "known, but to another account"


def test_a_made_up_cookie_is_replaced_and_one_browser_serves_two_accounts(clock, member):
    member(OWNER, PASSWORD)
    member("kollege@betrieb-example.de", PASSWORD)
    made_up = f"{devices.NAME}=selbst-ausgedacht"

    device = _device_of(OWNER, PASSWORD, made_up)
    assert device != "selbst-ausgedacht"
    again = _device_of("kollege@betrieb-example.de", PASSWORD, f"{devices.NAME}={device}")

    assert again == device
    assert devices.known_digest(device, "kollege@betrieb-example.de")
    assert devices.known_digest(device, OWNER)


def test_a_device_unused_for_longer_than_its_lifetime_is_unknown_again(clock, member):
    member(OWNER, PASSWORD)
    device = _device_of(OWNER, PASSWORD)
    clock.travel(devices.lifetime() + timedelta(seconds=1))

    assert devices.known_digest(device, OWNER) == ""


def test_a_password_reset_lifts_the_pause_for_unknown_devices(clock, member):
    member(OWNER, PASSWORD)
    for _ in range(20):
        clock.travel(PAST_ANY_DELAY)
        _try(OWNER, WRONG, client=STRANGER)
    assert _try(OWNER, PASSWORD) == "paused"

    with unit_of_work() as session:
        throttle.forget(session, throttle.key_for(OWNER, ""))  # as the reset does

    assert _try(OWNER, PASSWORD) == "ok"
    assert sessions.LoginFailed  # (the same answer as ever for a wrong one)


def test_a_success_forgives_the_members_own_typos_but_not_a_strangers_failures(clock, member):
    member(OWNER, PASSWORD)
    for client in [OFFICE, STRANGER] * 3:
        clock.travel(PAST_ANY_DELAY)
        assert _try(OWNER, WRONG, client=client) == "failed"
    clock.travel(PAST_ANY_DELAY)
    assert _try(OWNER, PASSWORD, client=OFFICE) == "ok"

    strangers = [_try(f"opfer-{n}@betrieb-example.de", WRONG, client=STRANGER) for n in range(3)]
    assert strangers == ["failed", "failed", "wait"], "the stranger's three still count"
    office = [_try(f"kollege-{n}@betrieb-example.de", WRONG, client=OFFICE) for n in range(5)]
    assert office == ["failed"] * 5, "the member's typos are forgiven"
