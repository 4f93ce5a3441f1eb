"""Members' second factor: set-up with a first code, the code at login (once, one step of drift,
in time), recovery codes once and mailed, turning off and new codes, who must use it, the SEPA
service refusing without it, the staff's reset."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import AuditEntry, LoginSession, MemberRecoveryCode, MemberTotp
from portal_app.services import (
    account_deletion,
    documents,
    mail,
    member_totp,
    pins,
    registry,
    sepa,
    sessions,
    throttle,
    tokens,
    totp,
    unlock,
)
from portal_app.services.db import unit_of_work
from portal_app.services.demo import DEMO_BETRIEBE_CSV, DEMO_PERSONEN_CSV
from portal_app.services.password_change import CurrentPasswordWrong
from tests.parallel import at_once
from tests.staff_support import set_up_staff
from tests.totp_support import code_now, turn_on

EMAIL = "meisterin@betrieb-example.de"
PASSWORD = "Zimmerer bauen Dachstühle aus Fichte"
IBAN = "DE89370400440532013000"


@pytest.fixture
def account(member):
    """A member logged in once: (account id, session token)."""
    token = member(EMAIL, PASSWORD)
    return sessions.current_account(token).id, token


def _mails(subject: str) -> list:
    return [m for m in mail.recent_mails() if m.recipient == EMAIL and m.subject == subject]


def _actions(account_id: int) -> list[str]:
    with unit_of_work() as session:
        return list(
            session.exec(select(AuditEntry.action).where(AuditEntry.account_id == account_id))
        )


def _second_step(clock) -> sessions.SecondStep:
    """The password step of a login; first the clock moves past any wait of the throttle
    (every try counts until its code passes, services/throttle.py)."""
    clock.travel(seconds=61)
    step = sessions.login(EMAIL, PASSWORD, client="203.0.113.7")
    assert isinstance(step, sessions.SecondStep)
    return step


def _session_row(token: str) -> LoginSession:
    with unit_of_work() as session:
        return session.exec(
            select(LoginSession).where(LoginSession.token_hash == tokens.hash_token(token))
        ).one()


# --- set-up --------------------------------------------------------------------------------


def test_set_up_confirms_with_a_code_shows_ten_codes_and_ends_the_other_logins(clock, account):
    account_id, token = account
    elsewhere = sessions.login(EMAIL, PASSWORD)
    assert isinstance(elsewhere, str)

    secret, codes = turn_on(account_id, token)

    assert len(codes) == 10 and len(set(codes)) == 10
    status = member_totp.status(account_id)
    assert status.enabled and status.codes_left == 10
    assert sessions.current_account(token) is not None  # this login stays, and passed
    assert _session_row(token).second_factor
    assert sessions.current_account(elsewhere) is None  # it had not passed the second factor
    assert _mails(texts.MAIL_SECOND_FACTOR_ON_SUBJECT)
    assert member_totp.AUDIT_ENABLED in _actions(account_id)
    with unit_of_work() as session:  # only the sealed secret and hashes are stored
        row = session.exec(select(MemberTotp)).one()
        assert secret not in row.totp_secret and totp.unseal(row.totp_secret) == secret
        stored = session.exec(select(MemberRecoveryCode.code_hash)).all()
        assert not set(codes) & set(stored)


def test_a_wrong_or_empty_first_code_turns_nothing_on(clock, account):
    account_id, token = account
    enrollment = member_totp.start_setup(account_id)
    secret = enrollment.secret_text.replace(" ", "")
    assert enrollment.qr_svg.startswith("data:image/svg+xml")
    for wrong, message in (("", texts.TOTP_CODE_EMPTY), ("12345", texts.TOTP_CODE_WRONG)):
        with pytest.raises(member_totp.CodeRejected) as refused:
            member_totp.confirm_setup(account_id, wrong, token)
        assert (refused.value.field, refused.value.message) == ("code", message)
    with pytest.raises(member_totp.CodeRejected):
        member_totp.confirm_setup(account_id, code_now(secret, +3), token)
    assert not member_totp.status(account_id).enabled
    assert isinstance(sessions.login(EMAIL, PASSWORD), str)  # logins still without a code


def test_set_up_is_refused_while_the_second_factor_is_on(clock, account):
    account_id, token = account
    turn_on(account_id, token)
    with pytest.raises(member_totp.SetupRefused):
        member_totp.start_setup(account_id)


# --- login ---------------------------------------------------------------------------------


def test_the_login_asks_for_the_code_and_the_session_records_it(clock, account):
    account_id, token = account
    secret, _ = turn_on(account_id, token)

    step = _second_step(clock)
    assert step.account_id == account_id
    new_token = member_totp.finish_login(step, code_now(secret, +1))

    assert sessions.current_account(new_token).id == account_id
    assert _session_row(new_token).second_factor
    assert member_totp.AUDIT_LOGIN in _actions(account_id)


def _known_browser(clock, account_id: int) -> sessions.SecondStep:
    """The code step as a browser the member logged in with before would reach it: its tries
    count only against itself, so a test can try codes quickly without the throttle's waits
    (which `test_second_factor_attacks` covers)."""
    until = clock.now() + sessions.SECOND_STEP_TIME
    return sessions.SecondStep(account_id, until, throttle.Key("owner", "", uuid.uuid4().hex))


def test_a_code_works_only_once(clock, account):
    account_id, token = account
    secret, _ = turn_on(account_id, token)
    code = code_now(secret, +1)
    member_totp.finish_login(_known_browser(clock, account_id), code)
    with pytest.raises(member_totp.CodeRejected) as refused:
        member_totp.finish_login(_known_browser(clock, account_id), code)
    assert refused.value.message == texts.TOTP_CODE_WRONG
    with pytest.raises(member_totp.CodeRejected):  # nor the set-up's code
        member_totp.finish_login(_known_browser(clock, account_id), code_now(secret))


def test_many_wrong_codes_pause_the_code_step_with_its_own_message(clock, account):
    account_id, token = account
    secret, _ = turn_on(account_id, token)
    step = _known_browser(clock, account_id)
    wrong = f"{(int(code_now(secret, +1)) + 500_000) % 1_000_000:06d}"
    for _try in range(throttle.CODE_PAUSE_AFTER):
        with pytest.raises(member_totp.CodeRejected):
            member_totp.finish_login(step, wrong)
        clock.travel(seconds=61)
        step = sessions.SecondStep(account_id, clock.now() + sessions.SECOND_STEP_TIME, step.key)
    with pytest.raises(member_totp.CodesPaused) as paused:
        member_totp.finish_login(step, code_now(secret))
    assert paused.value.message.startswith(texts.TOTP_PAUSED.split("{")[0])
    assert "Passwort vergessen" not in paused.value.message


def test_one_step_of_drift_is_accepted_two_are_not(clock, account):
    account_id, token = account
    secret, _ = turn_on(account_id, token)
    clock.travel(seconds=totp.STEP_SECONDS * 5)
    for wrong in (code_now(secret, -2), code_now(secret, +2)):
        with pytest.raises(member_totp.CodeRejected):
            member_totp.finish_login(_known_browser(clock, account_id), wrong)
    assert member_totp.finish_login(_known_browser(clock, account_id), code_now(secret, -1))
    assert member_totp.finish_login(_known_browser(clock, account_id), code_now(secret, +1))


@pytest.mark.both_databases
def test_of_parallel_logins_with_one_code_exactly_one_passes(clock, account):
    account_id, token = account
    secret, _ = turn_on(account_id, token)
    code = code_now(secret, +1)
    steps = [_known_browser(clock, account_id) for _ in range(6)]

    def attempt(step):
        try:
            return member_totp.finish_login(step, code)
        except member_totp.CodeRejected:
            return None

    results = at_once([lambda s=s: attempt(s) for s in steps])
    assert sum(1 for r in results if r) == 1


def test_the_code_step_runs_out_after_five_minutes(clock, account):
    account_id, token = account
    secret, _ = turn_on(account_id, token)
    step = _second_step(clock)
    clock.travel(minutes=5, seconds=1)
    with pytest.raises(member_totp.CodeRejected) as refused:
        member_totp.finish_login(step, code_now(secret))
    assert refused.value.field is None and refused.value.message == texts.TOTP_TOO_LATE


def test_a_recovery_code_works_once_and_the_member_is_told(clock, account):
    account_id, token = account
    _secret, codes = turn_on(account_id, token)

    assert member_totp.finish_login(_second_step(clock), codes[0].upper().replace("-", " "))
    with pytest.raises(member_totp.CodeRejected):
        member_totp.finish_login(_second_step(clock), codes[0])

    assert member_totp.status(account_id).codes_left == 9
    (told,) = _mails(texts.MAIL_RECOVERY_CODE_USED_SUBJECT)
    assert "noch 9" in told.body and codes[0] not in told.body
    assert member_totp.AUDIT_RECOVERY_CODE_USED in _actions(account_id)


def test_a_code_that_is_not_the_accounts_counts_as_a_failure(clock, account, member):
    account_id, token = account
    turn_on(account_id, token)
    other_id = sessions.current_account(member("andere@betrieb-example.de", PASSWORD)).id
    _other_secret, other_codes = turn_on(other_id)
    with pytest.raises(member_totp.CodeRejected):
        member_totp.finish_login(_second_step(clock), other_codes[0])
    assert member_totp.AUDIT_CODE_FAILED in _actions(account_id)


def test_a_login_of_an_account_without_second_factor_is_unchanged(clock, account):
    token = sessions.login(EMAIL, PASSWORD)
    assert isinstance(token, str) and not _session_row(token).second_factor


# --- turning off, new codes ----------------------------------------------------------------


def test_turning_off_needs_the_password_and_a_code(clock, account):
    account_id, token = account
    secret, _ = turn_on(account_id, token)
    with pytest.raises(CurrentPasswordWrong) as wrong_password:
        member_totp.disable(account_id, "falsch", code_now(secret, +1))
    assert wrong_password.value.field == "password"
    with pytest.raises(member_totp.CodeRejected) as wrong_code:
        member_totp.disable(account_id, PASSWORD, "000000")
    assert wrong_code.value.field == "code"
    assert member_totp.status(account_id).enabled

    member_totp.disable(account_id, PASSWORD, code_now(secret, +1))

    assert not member_totp.status(account_id).enabled
    assert isinstance(sessions.login(EMAIL, PASSWORD), str)
    assert _mails(texts.MAIL_SECOND_FACTOR_OFF_SUBJECT)
    with unit_of_work() as session:
        assert session.exec(select(MemberRecoveryCode)).all() == []


def test_new_recovery_codes_void_the_old_ones(clock, account):
    account_id, token = account
    secret, old = turn_on(account_id, token)
    new = member_totp.renew_codes(account_id, PASSWORD, old[0])
    assert len(new) == 10 and not set(new) & set(old)
    assert member_totp.status(account_id).codes_left == 10
    with pytest.raises(member_totp.CodeRejected):
        member_totp.finish_login(_second_step(clock), old[1])
    assert member_totp.finish_login(_second_step(clock), new[1])
    assert secret


# --- who must use it; SEPA ----------------------------------------------------------------


@pytest.fixture
def registry_loaded():
    registry.import_betriebe(DEMO_BETRIEBE_CSV)
    registry.import_personen(DEMO_PERSONEN_CSV)


def _required(account_id: int) -> bool:
    with unit_of_work() as session:
        return member_totp.required(session, account_id)


def test_a_betriebs_account_must_use_it_a_person_or_a_new_account_need_not(
    clock, account, registry_loaded
):
    account_id, _token = account
    assert not _required(account_id)
    unlock.unlock_person(account_id, "12345678", pins.issue_for_person("12345678").pin)
    assert not _required(account_id)
    unlock.unlock_betrieb(account_id, "TS-1234567-0", pins.issue_for_betrieb("TS-1234567-0").pin)
    assert _required(account_id)


def test_sepa_refuses_a_betriebs_account_without_second_factor_until_it_is_set_up(
    clock, account, registry_loaded
):
    account_id, token = account
    unlock.unlock_betrieb(account_id, "TS-1234567-0", pins.issue_for_betrieb("TS-1234567-0").pin)
    key = documents.owners(account_id)[0].key
    for call in (
        lambda: sepa.grant(account_id, key, "Schreinerei Eder", IBAN, True),
        lambda: sepa.mandates(account_id),
        lambda: sepa.revoke(account_id, 1),
        lambda: sepa.mandate_for_pdf(account_id, 1),
    ):
        with pytest.raises(member_totp.SecondFactorRequired):
            call()
    with unit_of_work() as session:
        granted = select(AuditEntry).where(AuditEntry.action == sepa.AUDIT_GRANTED)
        assert session.exec(granted).all() == []
    assert _actions(account_id).count(member_totp.AUDIT_REFUSED) == 4

    turn_on(account_id, token)
    sepa.grant(account_id, key, "Schreinerei Eder", IBAN, True)
    assert len(sepa.mandates(account_id)) == 1


# --- the chamber's staff ------------------------------------------------------------------


@pytest.fixture
def admin():
    return set_up_staff(admin=True).view()


@pytest.fixture
def clerk():
    return set_up_staff().view()


def test_staff_find_an_account_by_its_exact_address_only(clock, account, admin, clerk):
    account_id, token = account
    turn_on(account_id, token)
    facts = member_totp.find_account(admin, "  Meisterin@Betrieb-Example.DE ")
    assert facts.id == account_id and facts.second_factor and facts.codes_left == 10
    assert member_totp.find_account(admin, "meisterin@betrieb-example.com") is None
    with pytest.raises(member_totp.ResetRefused):
        member_totp.find_account(clerk, EMAIL)


def test_a_staff_reset_needs_a_reason_ends_every_login_and_tells_the_member(
    clock, account, admin, clerk
):
    account_id, token = account
    turn_on(account_id, token)
    for reason, message in (
        ("", texts.SECOND_FACTOR_REASON_EMPTY),
        ("   ", texts.SECOND_FACTOR_REASON_EMPTY),
        ("x" * 501, texts.SECOND_FACTOR_REASON_INVALID),
        ("Telefon\x00weg", texts.SECOND_FACTOR_REASON_INVALID),
    ):
        with pytest.raises(member_totp.ResetRefused) as refused:
            member_totp.reset_by_staff(admin, account_id, reason)
        assert (refused.value.field, refused.value.message) == ("reason", message)
    with pytest.raises(member_totp.ResetRefused):
        member_totp.reset_by_staff(clerk, account_id, "Telefon verloren")
    assert member_totp.status(account_id).enabled  # nothing half-done

    member_totp.reset_by_staff(admin, account_id, "Telefon verloren <b>Ausweis</b> geprüft")

    assert not member_totp.status(account_id).enabled
    assert sessions.current_account(token) is None
    assert isinstance(sessions.login(EMAIL, PASSWORD), str)
    assert _mails(texts.MAIL_SECOND_FACTOR_RESET_SUBJECT)
    with unit_of_work() as session:
        entry = session.exec(
            select(AuditEntry).where(AuditEntry.action == member_totp.AUDIT_RESET_BY_STAFF)
        ).one()
    assert (entry.staff_id, entry.account_id) == (admin.id, account_id)
    assert entry.detail == "Telefon verloren <b>Ausweis</b> geprüft"
    with pytest.raises(member_totp.ResetRefused) as again:
        member_totp.reset_by_staff(admin, account_id, "noch einmal")
    assert again.value.message == texts.SECOND_FACTOR_NOT_ON_STAFF


def test_deleting_the_account_removes_its_second_factor(clock, account):
    account_id, token = account
    turn_on(account_id, token)
    account_deletion.delete_account(account_id, PASSWORD, True)
    with unit_of_work() as session:
        assert session.exec(select(MemberTotp)).all() == []
        assert session.exec(select(MemberRecoveryCode)).all() == []
