"""Password policy (length in characters and bytes, common passwords, repeat) and bcrypt hashing."""

import pytest

from portal_app import texts
from portal_app.services.passwords import (
    PasswordMismatch,
    PasswordRejected,
    check_policy,
    hash_password,
    verify_password,
)

GOOD = "Meister Eder und sein Pumuckl"


def test_an_empty_password_is_refused():
    with pytest.raises(PasswordRejected, match=texts.PASSWORD_EMPTY):
        check_policy("")


def test_eleven_characters_are_too_short():
    with pytest.raises(PasswordRejected, match=texts.PASSWORD_TOO_SHORT):
        check_policy("Tischlerei1")


def test_twelve_characters_are_enough():
    check_policy("Tischlerei12")


def test_short_is_counted_in_characters_not_bytes():
    with pytest.raises(PasswordRejected, match=texts.PASSWORD_TOO_SHORT):
        check_policy("ä" * 11)  # 22 bytes, still only 11 characters


def test_seventy_three_bytes_are_refused_as_too_long():
    password = "ä" * 37  # 37 characters, 74 UTF-8 bytes
    with pytest.raises(PasswordRejected) as refused:
        check_policy(password)
    assert str(refused.value) == texts.PASSWORD_TOO_LONG
    assert "zu lang" in str(refused.value)


def test_seventy_three_ascii_bytes_are_refused_as_too_long():
    with pytest.raises(PasswordRejected, match="zu lang"):
        check_policy("k" * 73)


def test_exactly_seventy_two_bytes_are_accepted_and_work():
    password = "ä" * 36
    assert len(password.encode("utf-8")) == 72

    check_policy(password, password)

    assert verify_password(password, hash_password(password))


@pytest.mark.parametrize(
    "password", ["passwort1234", "PASSWORT1234", "Passwort1234", "1qaz2wsx3edc"]
)
def test_a_common_password_is_refused_whatever_its_letter_case(password):
    with pytest.raises(PasswordRejected, match=texts.PASSWORD_TOO_COMMON):
        check_policy(password, password)


def test_a_different_repeat_is_a_mismatch():
    with pytest.raises(PasswordMismatch, match=texts.PASSWORD_MISMATCH):
        check_policy(GOOD, GOOD + "!")


def test_the_repeat_is_checked_exactly():
    with pytest.raises(PasswordMismatch):
        check_policy(GOOD, GOOD.upper())


def test_a_hashed_password_verifies_and_a_wrong_one_does_not():
    stored = hash_password(GOOD)

    assert stored != GOOD
    assert stored.startswith("$2")
    assert verify_password(GOOD, stored)
    assert not verify_password(GOOD + " ", stored)


def test_the_same_password_hashes_differently_each_time():
    assert hash_password(GOOD) != hash_password(GOOD)


def test_with_no_stored_hash_nothing_verifies():
    assert verify_password(GOOD, None) is False
    assert verify_password("", None) is False


def test_an_over_long_password_does_not_verify_and_does_not_crash():
    stored = hash_password("k" * 72)

    assert verify_password("k" * 73, stored) is False  # bcrypt alone would match the first 72
    assert verify_password("ä" * 100, stored) is False
    assert verify_password("ä" * 100, None) is False
