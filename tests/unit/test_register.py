"""Registration: address checks, consent, the confirmation mail, the single-use link."""

import re
import threading
from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app import routes, texts
from portal_app.models import Account, EmailToken, LoginSession, OutboxMail
from portal_app.services import register as register_service
from portal_app.services import sessions, tokens
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected
from portal_app.services.passwords import PasswordMismatch, PasswordRejected
from portal_app.services.register import (
    ConsentMissing,
    check_link,
    confirm_registration,
    register,
)
from portal_app.services.tokens import TokenInvalid, TokenProblem
from portal_app.settings import settings

ADDRESS = "meisterin@tischlerei-example.de"
PASSWORD = "Hobelspäne am Morgen"


def accounts() -> list[Account]:
    with unit_of_work() as session:
        return list(session.exec(select(Account)))


def outbox() -> list[OutboxMail]:
    with unit_of_work() as session:
        return list(session.exec(select(OutboxMail).order_by(OutboxMail.id)))


# --- the address ---------------------------------------------------------------------------------


def test_the_address_is_trimmed_and_its_domain_lower_cased():
    assert register("  Meisterin@Tischlerei-Example.DE \n", consent=True) == (
        "Meisterin@tischlerei-example.de"
    )
    assert [account.email for account in accounts()] == ["Meisterin@tischlerei-example.de"]


def test_the_same_address_in_other_letter_case_is_the_same_account():
    register("Meisterin@tischlerei-example.de", consent=True)
    register("MEISTERIN@tischlerei-example.de", consent=True)

    assert len(accounts()) == 1


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_an_empty_address_is_refused(raw):
    with pytest.raises(EmailRejected, match=texts.EMAIL_EMPTY):
        register(raw, consent=True)


@pytest.mark.parametrize(
    "raw",
    [
        "meisterin",
        "meisterin@",
        "@tischlerei-example.de",
        "meisterin@@tischlerei-example.de",
        "meister in@tischlerei-example.de",
        "<script>alert(1)</script>@tischlerei-example.de",
        "meisterin@<b>tischlerei</b>.de",
        "Meisterin <meisterin@tischlerei-example.de>",
        "meisterin@tischlerei-example.de\nBcc: alle@example.org",
        "müller@tischlerei-example.de",  # umlauts before the @ need SMTPUTF8
    ],
)
def test_a_malformed_address_is_refused(raw):
    with pytest.raises(EmailRejected, match=re.escape(texts.EMAIL_INVALID)):
        register(raw, consent=True)
    assert accounts() == []


def test_an_address_over_254_characters_is_refused_as_too_long():
    raw = "meisterin@" + "a" * 60 + "." + "b" * 60 + "." + "c" * 60 + "." + "d" * 60 + ".de"
    assert len(raw) > 254

    with pytest.raises(EmailRejected, match=re.escape(texts.EMAIL_TOO_LONG)):
        register(raw, consent=True)


def test_without_consent_nothing_is_stored_and_nothing_mailed():
    with pytest.raises(ConsentMissing, match=texts.CONSENT_MISSING):
        register(ADDRESS, consent=False)

    assert accounts() == []
    assert outbox() == []


# --- the mail ------------------------------------------------------------------------------------


def test_a_new_address_gets_an_unconfirmed_account_and_one_confirmation_mail():
    assert register(ADDRESS, consent=True) == ADDRESS

    [account] = accounts()
    assert account.confirmed_at is None
    assert account.password_hash is None
    [queued] = outbox()
    assert queued.recipient == ADDRESS
    assert queued.subject == texts.MAIL_CONFIRM_SUBJECT
    link = re.escape(settings.base_url + routes.REGISTER_CONFIRM) + r"\?token=[\w%-]{40,}\s"
    assert re.search(link, queued.body), queued.body


def test_the_token_is_stored_only_as_a_hash(confirm_token):
    register(ADDRESS, consent=True)
    token = confirm_token(ADDRESS)

    with unit_of_work() as session:
        [row] = session.exec(select(EmailToken))
    assert token not in row.token_hash
    assert len(row.token_hash) == 64


def test_a_known_address_gets_the_same_answer_but_an_account_exists_mail(member):
    member(ADDRESS, PASSWORD)

    assert register(ADDRESS, consent=True) == ADDRESS

    assert len(accounts()) == 1
    exists_mails = [m for m in outbox() if m.subject == texts.MAIL_EXISTS_SUBJECT]
    assert len(exists_mails) == 1
    assert exists_mails[0].recipient == ADDRESS
    assert settings.base_url + routes.LOGIN in exists_mails[0].body
    assert "token=" not in exists_mails[0].body


def test_registering_again_before_confirming_voids_the_older_link(confirm_token):
    register(ADDRESS, consent=True)
    first = confirm_token(ADDRESS)
    register(ADDRESS, consent=True)
    second = confirm_token(ADDRESS)

    assert first != second
    with pytest.raises(TokenInvalid) as refused:
        check_link(first)
    assert refused.value.problem == TokenProblem.USED
    assert check_link(second) == ADDRESS
    assert len(accounts()) == 1


# --- the link ------------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["", "unbekannt", "x" * 43, "x" * 5000])
def test_an_unknown_link_is_invalid(token):
    register(ADDRESS, consent=True)

    with pytest.raises(TokenInvalid) as refused:
        check_link(token)
    assert refused.value.problem == TokenProblem.UNKNOWN


@pytest.mark.both_databases
def test_a_link_works_until_24_hours_have_passed(clock, confirm_token):
    register(ADDRESS, consent=True)
    token = confirm_token(ADDRESS)

    clock.travel(hours=24, seconds=-1)
    assert check_link(token) == ADDRESS

    clock.travel(seconds=2)
    with pytest.raises(TokenInvalid) as refused:
        check_link(token)
    assert refused.value.problem == TokenProblem.EXPIRED
    with pytest.raises(TokenInvalid):
        confirm_registration(token, PASSWORD, PASSWORD)


def test_looking_at_a_link_does_not_use_it_up(confirm_token):
    register(ADDRESS, consent=True)
    token = confirm_token(ADDRESS)

    assert check_link(token) == ADDRESS
    assert check_link(token) == ADDRESS


def test_confirming_sets_the_password_and_logs_the_member_in(confirm_token):
    register(ADDRESS, consent=True)

    session_token = confirm_registration(confirm_token(ADDRESS), PASSWORD, PASSWORD, "Firefox")

    [account] = accounts()
    assert account.confirmed_at is not None
    assert account.password_hash and PASSWORD not in account.password_hash
    assert sessions.current_account(session_token).email == ADDRESS
    assert sessions.login(ADDRESS, PASSWORD)


@pytest.mark.both_databases
def test_a_used_link_cannot_be_used_twice(confirm_token):
    register(ADDRESS, consent=True)
    token = confirm_token(ADDRESS)
    confirm_registration(token, PASSWORD, PASSWORD)

    with pytest.raises(TokenInvalid) as refused:
        confirm_registration(token, "ein ganz anderes Passwort", "ein ganz anderes Passwort")
    assert refused.value.problem == TokenProblem.USED
    with pytest.raises(TokenInvalid):
        check_link(token)
    assert sessions.login(ADDRESS, PASSWORD)


@pytest.mark.parametrize(
    ("password", "repeat", "problem"),
    [
        ("zu kurz", "zu kurz", PasswordRejected),
        ("passwort1234", "passwort1234", PasswordRejected),
        (PASSWORD, PASSWORD + "x", PasswordMismatch),
    ],
)
def test_a_refused_password_leaves_the_link_usable(confirm_token, password, repeat, problem):
    register(ADDRESS, consent=True)
    token = confirm_token(ADDRESS)

    with pytest.raises(problem):
        confirm_registration(token, password, repeat)

    [account] = accounts()
    assert account.confirmed_at is None
    assert check_link(token) == ADDRESS
    assert sessions.current_account(confirm_registration(token, PASSWORD, PASSWORD))


@pytest.mark.both_databases
def test_of_two_parallel_confirmations_exactly_one_succeeds(monkeypatch, confirm_token):
    register(ADDRESS, consent=True)
    token = confirm_token(ADDRESS)
    both_checked = threading.Barrier(2, timeout=10)
    find_valid = tokens.find_valid

    def find_valid_then_wait(*args):
        row = find_valid(*args)
        both_checked.wait()  # both found the link valid before either uses it up
        return row

    monkeypatch.setattr(tokens, "find_valid", find_valid_then_wait)
    results: list[str] = []
    failures: list[BaseException] = []

    def confirm(password: str) -> None:
        try:
            results.append(confirm_registration(token, password, password))
        except BaseException as error:
            failures.append(error)

    threads = [
        threading.Thread(target=confirm, args=(p,))
        for p in ("erstes langes Passwort", "zweites langes Passwort")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(results) == 1, failures
    assert len(failures) == 1
    assert isinstance(failures[0], TokenInvalid), repr(failures[0])
    assert failures[0].problem == TokenProblem.USED
    with unit_of_work() as session:
        assert len(session.exec(select(LoginSession)).all()) == 1


def test_an_unconfirmed_account_can_still_be_confirmed_a_day_later_with_a_new_link(
    clock, confirm_token
):
    register(ADDRESS, consent=True)
    clock.travel(timedelta(days=3))
    register(ADDRESS, consent=True)

    assert sessions.current_account(
        confirm_registration(confirm_token(ADDRESS), PASSWORD, PASSWORD)
    )


@pytest.mark.both_databases
def test_two_parallel_registrations_of_a_new_address_make_one_account(monkeypatch, confirm_token):
    both_looked = threading.Barrier(2, timeout=10)
    find = register_service._find
    first_looks = []

    def find_then_wait(session, normalized):
        account = find(session, normalized)
        if len(first_looks) < 2:
            first_looks.append(account)
            both_looked.wait()  # both saw no account before either inserts one
        return account

    monkeypatch.setattr(register_service, "_find", find_then_wait)
    failures: list[BaseException] = []

    def ask() -> None:
        try:
            register(ADDRESS, consent=True)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert failures == []
    assert first_looks == [None, None]
    assert len(accounts()) == 1
    assert [m.subject for m in outbox()] == [texts.MAIL_CONFIRM_SUBJECT] * 2
    assert check_link(confirm_token(ADDRESS)) == ADDRESS
