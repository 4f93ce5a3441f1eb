"""No account enumeration: register, login and password reset answer the same for known and
unknown addresses, and take the same time (medians over repeated, interleaved tries)."""

import dataclasses

import pytest

from portal_app.services import password_reset, passwords, register, sessions
from portal_app.settings import settings
from tests.security.services.timing import assert_within_noise

KNOWN = "meisterin@tischlerei-example.de"
PASSWORD = "Hobelspäne riechen nach Kiefernharz"


@pytest.fixture
def known(member):
    member(KNOWN, PASSWORD)
    return KNOWN


def _unknown(n: int) -> str:
    return f"niemand-{n}@tischlerei-example.de"


def test_register_answers_alike(known):
    assert register.register(known, consent=True) == known
    assert register.register(_unknown(0), consent=True) == _unknown(0)


def test_reset_answers_alike(known):
    assert password_reset.request_reset(known) == known
    assert password_reset.request_reset(_unknown(0)) == _unknown(0)


def test_login_answers_alike(known):
    for address in (known, _unknown(0)):
        with pytest.raises(sessions.LoginFailed):
            sessions.login(address, "ein falsches Passwort")


def test_register_takes_as_long_for_a_known_address(known):
    assert_within_noise(
        lambda n: register.register(known, consent=True),
        lambda n: register.register(_unknown(n), consent=True),
    )


def test_reset_takes_as_long_for_an_unknown_address(known):
    assert_within_noise(
        lambda n: password_reset.request_reset(known),
        lambda n: password_reset.request_reset(_unknown(n)),
    )


def test_login_takes_as_long_for_an_unknown_address(monkeypatch, clock, member):
    # Cost 8 (a few ms) so bcrypt, not the database, dominates both paths, as at cost 12.
    # The member's hash is made after the switch, so both paths verify at the same cost.
    monkeypatch.setattr(passwords, "settings", dataclasses.replace(settings, bcrypt_rounds=8))
    passwords._dummy_hash.cache_clear()
    known = member(KNOWN, PASSWORD) and KNOWN

    def attempt(address):
        clock.travel(hours=2)  # past the throttling of earlier tries
        with pytest.raises(sessions.LoginFailed):
            sessions.login(address, "ein falsches Passwort")

    try:
        attempt(known)  # warm-up: the dummy hash is made once
        assert_within_noise(lambda n: attempt(known), lambda n: attempt(_unknown(n)))
    finally:
        passwords._dummy_hash.cache_clear()
