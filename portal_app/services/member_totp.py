"""A member's second factor: an authenticator app (TOTP) and ten recovery codes, set up under
Mein Konto ("Zweiter Faktor"), asked for at every login once set up, required for the SEPA
service of those who act for a Betrieb. The mechanics (sealed secret, codes once, recovery
codes as keyed hashes) are the staff's: services/totp.py.

- Set-up: a new secret waits for its first code (QR code and the secret as text); the code
  confirms it, makes ten recovery codes (shown once) and counts this login as passed. The
  account's other logins end: they did not pass the second factor.
- Login (`finish_login`): after the password (`sessions.login` hands a `SecondStep`), a TOTP
  code or a recovery code, within `sessions.SECOND_STEP_TIME`. Wrong codes are counted by the
  login throttle against the account from the password try's device or client
  (`throttle.second_factor_key`): 5 wrong codes in an hour pause the code step for unknown
  devices; a known device counts only against itself, so a stranger who has the password
  still cannot lock the member's own browser out.
- Turning it off and new recovery codes need the password and a code (counted per account).
- Lost device: a recovery code, or the chamber's staff reset it (`reset_by_staff`, audited
  with the staff id; the member is mailed and every login ends).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, delete, select, update

from portal_app import routes, texts
from portal_app.models import (
    Account,
    LoginSession,
    MemberRecoveryCode,
    MemberTotp,
)
from portal_app.services import (
    audit,
    clock,
    dates,
    db,
    mail,
    roles,
    sessions,
    throttle,
    tokens,
    totp,
)
from portal_app.services.db import unit_of_work
from portal_app.services.emails import email_key, normalize_email
from portal_app.services.errors import PortalError
from portal_app.services.password_change import CurrentPasswordThrottled, verify_current
from portal_app.services.staff import StaffView
from portal_app.settings import settings

# where members keep their second factor (services/totp.py)
SECOND_FACTOR = totp.Holder(MemberTotp, MemberRecoveryCode, "account_id", "member-recovery")
REASON_MAX = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


AUDIT_ENABLED = "second_factor_enabled"
AUDIT_DISABLED = "second_factor_disabled"
AUDIT_CODES_RENEWED = "recovery_codes_renewed"
AUDIT_RECOVERY_CODE_USED = "recovery_code_used"
AUDIT_CODE_FAILED = "second_factor_code_failed"
AUDIT_LOGIN = "login_second_factor"
AUDIT_RESET_BY_STAFF = "second_factor_reset_by_staff"
AUDIT_REFUSED = "second_factor_missing"


class SecondFactorRequired(PortalError):
    """The service is only for logins with a second factor, and the account has none yet."""

    def __init__(self, message: str = texts.SECOND_FACTOR_NEEDED):
        super().__init__(message)


class CodesPaused(throttle.LoginThrottled):
    """Too many wrong codes: the code step of this account pauses (not the password's)."""

    def __init__(self, until: datetime):
        super().__init__(until, paused=True)
        self.message = texts.TOTP_PAUSED.format(until=dates.format_datetime(until))


class CodeRejected(PortalError):
    """A confirmation code is empty, wrong or used already, or the login took too long
    (no field: start again)."""


class SetupRefused(PortalError):
    """The second factor is on already, or the set-up has not been started."""


class ResetRefused(PortalError):
    """A staff reset that cannot be done (the message says why, at its field)."""


# --- who needs it -----------------------------------------------------------------------------


def required(session: Session, account_id: int) -> bool:
    """Must this account use a second factor? Administrators of a Betrieb and anyone with its
    SEPA role (`roles.needs_second_factor`)."""
    return roles.needs_second_factor(session, account_id)


def enabled(session: Session, account_id: int) -> bool:
    return sessions.second_factor_on(session, account_id)


def ensure(account_id: int, refused_in: str = "") -> None:
    """Raise SecondFactorRequired if the account must use a second factor and has none; the
    refusal is audited (`refused_in`: where). The services that need it call this first.

    Every login of an account with a second factor has passed it: the set-up ends the other
    logins, and from then on each login asks for the code (the two take turns,
    `sessions.login`)."""
    with unit_of_work() as session:
        missing = required(session, account_id) and not enabled(session, account_id)
    if missing:
        with unit_of_work() as session:
            audit.record(session, AUDIT_REFUSED, account_id, refused_in[:100])
        raise SecondFactorRequired


@dataclass(frozen=True)
class Status:
    enabled: bool
    required: bool
    codes_left: int
    pending: bool  # a set-up is started and waits for its first code


def status(account_id: int) -> Status:
    with unit_of_work() as session:
        row = _row(session, account_id)
        on = row is not None and row.confirmed_at is not None
        return Status(
            enabled=on,
            required=required(session, account_id),
            codes_left=totp.recovery_codes_left(session, SECOND_FACTOR, account_id) if on else 0,
            pending=row is not None and row.confirmed_at is None,
        )


def _row(session: Session, account_id: int) -> MemberTotp | None:
    return session.exec(select(MemberTotp).where(MemberTotp.account_id == account_id)).first()


# --- set-up -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrollment:
    """What the authenticator needs: the QR code (SVG) and the secret as text."""

    secret_text: str
    qr_svg: str


def start_setup(account_id: int) -> Enrollment:
    """A new secret waits for its first code (an earlier unconfirmed one is replaced)."""
    with unit_of_work() as session:
        row = _row(session, account_id)
        if row is not None and row.confirmed_at is not None:
            raise SetupRefused(texts.SECOND_FACTOR_ALREADY_ON)
        account = session.get(Account, account_id)
        secret = totp.new_secret()
        if row is None:
            row = MemberTotp(account_id=account_id, totp_secret="", created_at=clock.now())
        row.totp_secret, row.totp_last_step, row.created_at = totp.seal(secret), None, clock.now()
        session.add(row)
        return Enrollment(totp.grouped(secret), totp.qr_svg(secret, account.email))


def confirm_setup(account_id: int, code: str, current_token: str) -> list[str]:
    """The first code confirms the authenticator: ten recovery codes (returned, shown once),
    this login counts as passed, the account's other logins end, a mail tells the member."""
    if not "".join((code or "").split()):
        raise CodeRejected(texts.TOTP_CODE_EMPTY, field="code")
    with unit_of_work() as session:
        db.serialize(session, sessions.second_factor_lock(account_id))
        row = _row(session, account_id)
        if row is None or row.confirmed_at is not None:
            raise SetupRefused(texts.SECOND_FACTOR_SETUP_GONE)
        # the first write: on SQLite it orders this set-up and a parallel login (sessions.login)
        if not totp.use_totp(session, SECOND_FACTOR, row, code):
            raise CodeRejected(texts.TOTP_CODE_WRONG, field="code")
        session.exec(
            update(MemberTotp).where(MemberTotp.id == row.id).values(confirmed_at=clock.now())
        )
        codes = totp.new_recovery_codes(session, SECOND_FACTOR, account_id)
        session.exec(
            update(LoginSession)
            .where(LoginSession.account_id == account_id)
            .where(LoginSession.token_hash == tokens.hash_token(current_token or "-"))
            .values(second_factor=True)
        )
        sessions.end_all(session, account_id, keep_token=current_token or "-")
        audit.record(session, AUDIT_ENABLED, account_id)
        account = session.get(Account, account_id)
        mail.enqueue(
            session,
            account.email,
            texts.MAIL_SECOND_FACTOR_ON_SUBJECT,
            texts.MAIL_SECOND_FACTOR_ON_BODY.format(
                when=dates.format_datetime(clock.now()), link=_account_link()
            ),
        )
        return codes


def _account_link() -> str:
    return settings.base_url + routes.ACCOUNT_SECOND_FACTOR


# --- codes of a logged-in member: turn off, new recovery codes --------------------------------


def _check_own_code(account_id: int, code: str) -> None:
    """A TOTP or recovery code of the logged-in member (used up if right); counted against the
    account like the current password (the same waits and pause, said at the field)."""
    if not "".join((code or "").split()):
        raise CodeRejected(texts.TOTP_CODE_EMPTY, field="code")
    key = throttle.account_key(account_id)
    with unit_of_work() as session:
        try:
            this_try = throttle.count_try(session, key)
        except throttle.LoginThrottled as error:
            raise CurrentPasswordThrottled(error, "code") from None
    with unit_of_work() as session:
        row = _row(session, account_id)
        if row is None or row.confirmed_at is None:
            raise SetupRefused(texts.SECOND_FACTOR_NOT_ON)
        if totp.use_totp(session, SECOND_FACTOR, row, code) or totp.use_recovery_code(
            session, SECOND_FACTOR, account_id, code
        ):
            throttle.succeeded(session, key, this_try)
            return
    with unit_of_work() as session:
        audit.record(session, AUDIT_CODE_FAILED, account_id)
    raise CodeRejected(texts.TOTP_CODE_WRONG, field="code")


def disable(account_id: int, password: str, code: str) -> None:
    """Turn the second factor off: the password and a code; the member is mailed. Slow."""
    verify_current(account_id, password, field="password")
    _check_own_code(account_id, code)
    with unit_of_work() as session:
        session.exec(delete(MemberTotp).where(MemberTotp.account_id == account_id))
        totp.delete_recovery_codes(session, SECOND_FACTOR, account_id)
        audit.record(session, AUDIT_DISABLED, account_id)
        account = session.get(Account, account_id)
        mail.enqueue(
            session,
            account.email,
            texts.MAIL_SECOND_FACTOR_OFF_SUBJECT,
            texts.MAIL_SECOND_FACTOR_OFF_BODY.format(
                when=dates.format_datetime(clock.now()), link=_account_link()
            ),
        )


def renew_codes(account_id: int, password: str, code: str) -> list[str]:
    """Ten new recovery codes (the old ones are void): the password and a code. Slow."""
    verify_current(account_id, password, field="password")
    _check_own_code(account_id, code)
    with unit_of_work() as session:
        codes = totp.new_recovery_codes(session, SECOND_FACTOR, account_id)
        audit.record(session, AUDIT_CODES_RENEWED, account_id)
        return codes


# --- login ------------------------------------------------------------------------------------


def finish_login(
    step: sessions.SecondStep, code: str, user_agent: str = "", old_token: str = ""
) -> str:
    """The login's second step: a TOTP code (once) or a recovery code (once, mailed); returns
    the new login's token. Each try is counted before the code is checked
    (`throttle.second_factor_key`; LoginThrottled while a wait or pause lasts); the right code
    clears the password try and the wrong codes of this device or client."""
    if not (code or "").strip():
        raise CodeRejected(texts.TOTP_CODE_EMPTY, field="code")
    if clock.now() > step.until:
        raise CodeRejected(texts.TOTP_TOO_LATE)
    code_key = throttle.second_factor_key(step.account_id, step.key)
    try:
        with unit_of_work() as session:
            this_try = throttle.count_try(session, code_key, throttle.CODE_PAUSE_AFTER)
    except throttle.LoginThrottled as error:
        if error.paused:
            raise CodesPaused(error.until) from None
        raise
    with unit_of_work() as session:
        row = _row(session, step.account_id)
        if row is None or row.confirmed_at is None:  # reset or turned off meanwhile
            raise CodeRejected(texts.TOTP_TOO_LATE)
        if totp.use_totp(session, SECOND_FACTOR, row, code):
            used_recovery = False
        elif totp.use_recovery_code(session, SECOND_FACTOR, step.account_id, code):
            used_recovery = True
        else:
            used_recovery = None
        if used_recovery is not None:  # neither the password try nor the codes are failures
            throttle.succeeded(session, code_key, this_try)
            throttle.succeeded(session, step.key, this_try)
            if used_recovery:
                _recovery_code_used(session, step.account_id)
            audit.record(session, AUDIT_LOGIN, step.account_id)
            if old_token:
                sessions.end(session, old_token)
            return sessions.start(session, step.account_id, user_agent, second_factor=True)
    with unit_of_work() as session:  # the try stays counted
        audit.record(session, AUDIT_CODE_FAILED, step.account_id)
        if this_try.pauses_until and not code_key.device:
            sessions.tell_paused(
                session, session.get(Account, step.account_id), this_try.pauses_until
            )
    raise CodeRejected(texts.TOTP_CODE_WRONG, field="code")


def _recovery_code_used(session: Session, account_id: int) -> None:
    left = totp.recovery_codes_left(session, SECOND_FACTOR, account_id)
    audit.record(session, AUDIT_RECOVERY_CODE_USED, account_id, detail=str(left))
    account = session.get(Account, account_id)
    mail.enqueue(
        session,
        account.email,
        texts.MAIL_RECOVERY_CODE_USED_SUBJECT,
        texts.MAIL_RECOVERY_CODE_USED_BODY.format(
            when=dates.format_datetime(clock.now()), left=left, link=_account_link()
        ),
    )


# --- the chamber's staff: look an account up, reset its second factor ------------------------


@dataclass(frozen=True)
class AccountFacts:
    """What the staff's page shows of a member account."""

    id: int
    email: str
    created_at: datetime
    confirmed: bool
    second_factor: bool
    required: bool
    codes_left: int


def _require_admin(staff: StaffView) -> None:
    if not staff.is_admin:
        raise ResetRefused(texts.STAFF_ADMIN_ONLY)


def find_account(staff: StaffView, raw_email: str) -> AccountFacts | None:
    """The member account with exactly this address (as `email_key` spells it), or None.
    Administrators only."""
    _require_admin(staff)
    key = email_key(normalize_email(raw_email))
    with unit_of_work() as session:
        account = session.exec(select(Account).where(Account.email_key == key)).first()
        return _facts(session, account) if account is not None else None


def facts(staff: StaffView, account_id: int) -> AccountFacts | None:
    _require_admin(staff)
    with unit_of_work() as session:
        account = session.get(Account, account_id) if account_id else None
        return _facts(session, account) if account is not None else None


def _facts(session: Session, account: Account) -> AccountFacts:
    on = enabled(session, account.id)
    return AccountFacts(
        id=account.id,
        email=account.email,
        created_at=account.created_at,
        confirmed=account.confirmed_at is not None,
        second_factor=on,
        required=required(session, account.id),
        codes_left=totp.recovery_codes_left(session, SECOND_FACTOR, account.id) if on else 0,
    )


def checked_reason(raw: str) -> str:
    reason = " ".join((raw or "").split())
    if not reason:
        raise ResetRefused(texts.SECOND_FACTOR_REASON_EMPTY, field="reason")
    if len(reason) > REASON_MAX or _CONTROL.search(raw or ""):
        raise ResetRefused(texts.SECOND_FACTOR_REASON_INVALID, field="reason")
    return reason


def reset_by_staff(staff: StaffView, account_id: int, raw_reason: str) -> None:
    """The member lost the authenticator and the recovery codes: an administrator removes the
    second factor (with a reason), every login of the account ends, the member is mailed.
    Audited with the staff id."""
    _require_admin(staff)
    reason = checked_reason(raw_reason)
    with unit_of_work() as session:
        account = session.get(Account, account_id) if account_id else None
        if account is None:
            raise ResetRefused(texts.MEMBER_ACCOUNT_NOT_FOUND)
        removed = session.exec(delete(MemberTotp).where(MemberTotp.account_id == account.id))
        if removed.rowcount == 0:
            raise ResetRefused(texts.SECOND_FACTOR_NOT_ON_STAFF)
        totp.delete_recovery_codes(session, SECOND_FACTOR, account.id)
        sessions.end_all(session, account.id)
        audit.record(
            session, AUDIT_RESET_BY_STAFF, account.id, f"konto:{account.id}", reason,
            staff_id=staff.id,
        )  # fmt: skip
        mail.enqueue(
            session,
            account.email,
            texts.MAIL_SECOND_FACTOR_RESET_SUBJECT,
            texts.MAIL_SECOND_FACTOR_RESET_BODY.format(
                when=dates.format_datetime(clock.now()),
                login_link=settings.base_url + routes.LOGIN,
            ),
        )
