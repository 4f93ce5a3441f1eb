"""SEPA core direct-debit mandates of a Betrieb: grant, replace, revoke, confirm, as PDF.

Only for members of the Betrieb's team with the role Beitrag und SEPA (services/roles.py),
checked at every action.

The IBAN is checked with schwifty (checksum, national length, SEPA zone). One active mandate
per Betrieb: granting a new one ends the old one in the same transaction ("ersetzt"). The
member sees only the last four digits of the IBAN after saving. Every function first asks
for the second factor of those who must use one (`member_totp.ensure`).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from schwifty import IBAN
from schwifty.exceptions import InvalidChecksumDigits, InvalidLength, SchwiftyException
from sqlmodel import Session, col, select

from portal_app import texts
from portal_app.models import Account, Betrieb, SepaMandat
from portal_app.services import audit, clock, mail, member_totp, registry, roles
from portal_app.services.db import unit_of_work
from portal_app.services.documents import owner_of, owners_in
from portal_app.services.errors import PortalError
from portal_app.settings import settings

HOLDER_MAX = 70
HOLDER_FORBIDDEN = re.compile(r"[<>{}\[\]\\|^~`\"]|[\x00-\x1f\x7f]")
AUDIT_GRANTED = "sepa_mandat_erteilt"
AUDIT_REPLACED = "sepa_mandat_ersetzt"
AUDIT_REVOKED = "sepa_mandat_widerrufen"
AUDIT_REFUSED = "sepa_verweigert"
AUDIT_PDF = "sepa_mandat_pdf"
# why a mandate ended: the key stored in sepa_mandat.end_reason, the label shown
REPLACED = "ersetzt"
REVOKED = "widerrufen"
END_REASONS = {REPLACED: texts.SEPA_REASON_REPLACED, REVOKED: texts.SEPA_REASON_REVOKED}


class MandateRejected(PortalError, ValueError):
    """Bad input; `field` names the form field the message belongs to."""


class MandateNotFound(PortalError, LookupError):
    """No active mandate with that id among the account's Betriebe."""


@dataclass(frozen=True)
class CheckedIban:
    iban: str
    bic: str
    bank_name: str


@dataclass(frozen=True)
class MandateView:
    id: int
    betrieb_key: str
    betrieb_label: str
    reference: str
    holder: str
    last4: str
    bank_name: str
    creditor_id: str
    granted_at: datetime
    ended_at: datetime | None
    end_reason: str


def check_iban(raw: str) -> CheckedIban:
    """A valid IBAN of a SEPA country, compact, with its bank if schwifty knows it."""
    compact = "".join((raw or "").split()).upper()
    if not compact:
        raise MandateRejected(texts.IBAN_EMPTY, field="iban")
    if len(compact) > 34 or not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        raise MandateRejected(texts.IBAN_BAD_FORMAT, field="iban")
    try:
        iban = IBAN(compact)
    except InvalidChecksumDigits:
        raise MandateRejected(texts.IBAN_BAD_CHECKSUM, field="iban") from None
    except InvalidLength:
        raise MandateRejected(texts.IBAN_BAD_LENGTH, field="iban") from None
    except SchwiftyException:
        raise MandateRejected(texts.IBAN_BAD_FORMAT, field="iban") from None
    if not iban.in_sepa_zone:
        raise MandateRejected(texts.IBAN_NOT_SEPA, field="iban")
    bic = str(iban.bic) if iban.bic else ""
    return CheckedIban(iban.compact, bic, iban.bank_name or "")


def bank_hint(raw: str) -> str:
    """What the form shows under the IBAN while typing: the bank, or nothing."""
    try:
        checked = check_iban(raw)
    except MandateRejected:
        return ""
    if checked.bank_name:
        return texts.SEPA_BANK.format(bank=checked.bank_name)
    return texts.SEPA_BANK_UNKNOWN


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def check_holder(raw: str) -> str:
    holder = " ".join((raw or "").split())
    if not holder:
        raise MandateRejected(texts.KONTOINHABER_EMPTY, field="kontoinhaber")
    if len(holder) > HOLDER_MAX or HOLDER_FORBIDDEN.search(holder) or not _latin1(holder):
        raise MandateRejected(texts.KONTOINHABER_INVALID, field="kontoinhaber")
    return holder


def new_reference(betrieb: Betrieb, now: datetime) -> str:
    """Unique, at most 35 characters from the SEPA character set."""
    return f"HWK-{betrieb.betriebsnummer}{betrieb.filiale}-{now:%Y%m%d}-{secrets.token_hex(4)}"[
        :35
    ].upper()


def mandate_text(betrieb_label: str) -> str:
    return texts.SEPA_MANDATE_TEXT.format(
        creditor=texts.CHAMBER, creditor_id=settings.creditor_id, betrieb=betrieb_label
    )


def _view(session: Session, row: SepaMandat) -> MandateView:
    betrieb = session.get(Betrieb, row.betrieb_id)
    return MandateView(
        id=row.id,
        betrieb_key=f"betrieb-{betrieb.id}",
        betrieb_label=f"{registry.format_betriebsnummer(betrieb)} {betrieb.name}",
        reference=row.mandatsreferenz,
        holder=row.kontoinhaber,
        last4=row.iban[-4:],
        bank_name=row.bank_name,
        creditor_id=row.glaeubiger_id,
        granted_at=row.granted_at,
        ended_at=row.ended_at,
        end_reason=row.end_reason,
    )


def _betrieb_of(session: Session, account_id: int, betrieb_key: str) -> Betrieb:
    owner = owner_of(session, account_id, betrieb_key, roles.SEPA)
    if owner is None or not owner.is_betrieb:
        raise MandateRejected(texts.SEPA_BETRIEB_MISSING, field="betrieb")
    return session.get(Betrieb, owner.betrieb_id)


def _active(session: Session, betrieb_id: int) -> list[SepaMandat]:
    return list(
        session.exec(
            select(SepaMandat).where(
                SepaMandat.betrieb_id == betrieb_id, col(SepaMandat.ended_at).is_(None)
            )
        )
    )


def _refused(account_id: int, target: str, why: str) -> None:
    with unit_of_work() as session:
        audit.record(session, AUDIT_REFUSED, account_id, target[:100], why)


def grant(
    account_id: int, betrieb_key: str, raw_holder: str, raw_iban: str, consent: bool
) -> MandateView:
    """Grant a mandate for one of the account's Betriebe; an active one is ended as replaced."""
    member_totp.ensure(account_id, "sepa")
    try:
        with unit_of_work() as session:
            betrieb = _betrieb_of(session, account_id, betrieb_key)
    except MandateRejected:
        _refused(account_id, betrieb_key, "Betrieb nicht freigeschaltet")
        raise
    holder = check_holder(raw_holder)
    checked = check_iban(raw_iban)
    if not consent:
        raise MandateRejected(texts.SEPA_CONSENT_MISSING, field="zustimmung")
    now = clock.now()
    with unit_of_work() as session:
        for old in _active(session, betrieb.id):
            old.ended_at, old.end_reason = now, REPLACED
            audit.record(session, AUDIT_REPLACED, account_id, old.mandatsreferenz)
        session.flush()
        row = SepaMandat(
            betrieb_id=betrieb.id,
            account_id=account_id,
            mandatsreferenz=new_reference(betrieb, now),
            kontoinhaber=holder,
            iban=checked.iban,
            bic=checked.bic,
            bank_name=checked.bank_name,
            glaeubiger_id=settings.creditor_id,
            granted_at=now,
        )
        session.add(row)
        session.flush()
        view = _view(session, row)
        audit.record(session, AUDIT_GRANTED, account_id, row.mandatsreferenz, view.betrieb_label)
        account = session.get(Account, account_id)
        mail.enqueue(
            session,
            account.email,
            texts.MAIL_SEPA_SUBJECT,
            texts.MAIL_SEPA_BODY.format(
                creditor=texts.CHAMBER,
                betrieb=view.betrieb_label,
                reference=view.reference,
                creditor_id=view.creditor_id,
                holder=holder,
                last4=view.last4,
            ),
        )
        return view


def _own_mandate(session: Session, account_id: int, mandate_id: int) -> SepaMandat | None:
    row = session.get(SepaMandat, mandate_id) if isinstance(mandate_id, int) else None
    if (
        row is None
        or owner_of(session, account_id, f"betrieb-{row.betrieb_id}", roles.SEPA) is None
    ):
        return None
    return row


def revoke(account_id: int, mandate_id: int) -> MandateView:
    member_totp.ensure(account_id, "sepa")
    with unit_of_work() as session:
        row = _own_mandate(session, account_id, mandate_id)
        if row is not None and row.ended_at is None:
            row.ended_at, row.end_reason = clock.now(), REVOKED
            view = _view(session, row)
            audit.record(session, AUDIT_REVOKED, account_id, row.mandatsreferenz)
            account = session.get(Account, account_id)
            mail.enqueue(
                session,
                account.email,
                texts.MAIL_SEPA_REVOKED_SUBJECT,
                texts.MAIL_SEPA_REVOKED_BODY.format(
                    reference=row.mandatsreferenz, betrieb=view.betrieb_label
                ),
            )
            return view
    _refused(account_id, f"mandat {mandate_id}", "Widerruf verweigert")
    raise MandateNotFound(texts.SEPA_MANDATE_NOT_FOUND)


def betriebe(account_id: int) -> list:
    """The Betriebe whose mandate the account may see and grant (role Beitrag und SEPA)."""
    with unit_of_work() as session:
        return [o for o in owners_in(session, account_id, roles.SEPA) if o.is_betrieb]


def mandates(account_id: int) -> list[MandateView]:
    """All mandates (active and ended) of the account's Betriebe, newest first."""
    member_totp.ensure(account_id, "sepa")
    with unit_of_work() as session:
        ids = [o.betrieb_id for o in owners_in(session, account_id, roles.SEPA) if o.is_betrieb]
        rows = session.exec(
            select(SepaMandat)
            .where(col(SepaMandat.betrieb_id).in_(ids))
            .order_by(col(SepaMandat.granted_at).desc(), col(SepaMandat.id).desc())
        )
        return [_view(session, row) for row in rows]


def mandate_for_pdf(account_id: int, mandate_id: int) -> tuple[MandateView, str, str]:
    """The mandate, the full IBAN and BIC for the member's own PDF; audited."""
    member_totp.ensure(account_id, "sepa")
    with unit_of_work() as session:
        row = _own_mandate(session, account_id, mandate_id)
        if row is not None:
            audit.record(session, AUDIT_PDF, account_id, row.mandatsreferenz)
            return _view(session, row), row.iban, row.bic
    _refused(account_id, f"mandat {mandate_id}", "PDF verweigert")
    raise MandateNotFound(texts.SEPA_MANDATE_NOT_FOUND)
