"""Reading the audit log (services/audit.py writes it) for administrators: filtered by actor
(a member's account or a staff member, found by e-mail address or name), action, record
(a Betrieb or Person number, a course, anything the entry's target names) and period; counted,
sorted and paged in SQL; exported as CSV for a German spreadsheet.

Only administrators read it: every function takes the acting `StaffView` and refuses others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_
from sqlmodel import col, func, select

from portal_app import texts
from portal_app.models import Account, AuditEntry, StaffAccount
from portal_app.services import audit, clock, spreadsheet
from portal_app.services.courses import like_pattern
from portal_app.services.dates import format_datetime
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.staff import StaffView

PAGE_SIZE = 50
EXPORT_MAX = 50_000  # rows in one CSV export (the newest, with a note when cut)
TEXT_MAX = 100
MEMBER, STAFF = "mitglied", "mitarbeiter"
ACTOR_KINDS = (MEMBER, STAFF)


class AuditLogRefused(PortalError):
    """Not an administrator."""


@dataclass(frozen=True)
class AuditFilter:
    """What the administrator asked for; empty values mean "any"."""

    actor_kind: str = ""  # MEMBER, STAFF or ""
    actor: str = ""  # part of the e-mail address (members, staff) or the name (staff)
    action: str = ""
    record: str = ""  # part of the target, e.g. "1234567" or "Betrieb TS-1234567-0"
    since: date | None = None
    until: date | None = None
    page: int = 1


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str  # "Mitglied a@b.de", "Mitarbeiter Erika Muster", or ""
    action: str
    target: str
    detail: str


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    page: int
    pages: int


def _require(staff: StaffView) -> None:
    if not staff.is_admin:
        raise AuditLogRefused(texts.AUDIT_LOG_REFUSED)


def _start_of(day: date) -> datetime:
    """Midnight at the start of a German calendar day, as the log's UTC time."""
    local = datetime.combine(day, time.min, tzinfo=clock.GERMANY)
    return local.astimezone(clock.now().tzinfo)


def _conditions(wanted: AuditFilter) -> list:
    conditions = []
    if wanted.actor_kind == MEMBER:
        conditions.append(col(AuditEntry.account_id).is_not(None))
    elif wanted.actor_kind == STAFF:
        conditions.append(col(AuditEntry.staff_id).is_not(None))
    actor = " ".join(wanted.actor[:TEXT_MAX].split()).casefold()
    if actor:
        pattern = like_pattern(actor)
        members = select(Account.id).where(col(Account.email_key).like(pattern, escape="\\"))
        staff = select(StaffAccount.id).where(
            or_(
                col(StaffAccount.email_key).like(pattern, escape="\\"),
                func.lower(StaffAccount.name).like(pattern, escape="\\"),
            )
        )
        choices = []
        if wanted.actor_kind != STAFF:
            choices.append(col(AuditEntry.account_id).in_(members))
        if wanted.actor_kind != MEMBER:
            choices.append(col(AuditEntry.staff_id).in_(staff))
        conditions.append(or_(*choices))
    if wanted.action:
        conditions.append(AuditEntry.action == wanted.action[:50])
    record = " ".join(wanted.record[:TEXT_MAX].split())
    if record:
        conditions.append(
            func.lower(AuditEntry.target).like(like_pattern(record.casefold()), escape="\\")
        )
    if wanted.since:
        conditions.append(AuditEntry.at >= _start_of(wanted.since))
    if wanted.until:
        conditions.append(AuditEntry.at < _start_of(wanted.until + timedelta(days=1)))
    return conditions


def _query(conditions: list):
    return (
        select(AuditEntry, Account.email, StaffAccount.name)
        .join(Account, col(Account.id) == AuditEntry.account_id, isouter=True)
        .join(StaffAccount, col(StaffAccount.id) == AuditEntry.staff_id, isouter=True)
        .where(*conditions)
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
    )


def _row(entry: AuditEntry, email: str | None, staff_name: str | None) -> AuditRow:
    if entry.staff_id is not None:
        actor = texts.AUDIT_ACTOR_STAFF.format(name=staff_name or f"#{entry.staff_id}")
    elif entry.account_id is not None:
        actor = texts.AUDIT_ACTOR_MEMBER.format(email=email or f"#{entry.account_id}")
    else:
        actor = ""
    return AuditRow(entry.id, entry.at, actor, entry.action, entry.target, entry.detail)


def search(staff: StaffView, wanted: AuditFilter) -> AuditPage:
    """One page of the matching entries, newest first."""
    _require(staff)
    conditions = _conditions(wanted)
    with unit_of_work() as session:
        total = session.exec(select(func.count()).select_from(AuditEntry).where(*conditions)).one()
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, int(wanted.page)), pages)
        rows = session.exec(
            _query(conditions).offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
        ).all()
        return AuditPage([_row(*r) for r in rows], total, page, pages)


def actions(staff: StaffView) -> list[str]:
    """Every action the log holds, for the filter's choice (the action index answers it)."""
    _require(staff)
    with unit_of_work() as session:
        return list(session.exec(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def export_csv(staff: StaffView, wanted: AuditFilter) -> tuple[str, bytes]:
    """The matching entries (the newest EXPORT_MAX) as CSV for a German spreadsheet: the
    file's name and bytes. The export itself is logged."""
    _require(staff)
    conditions = _conditions(wanted)
    with unit_of_work() as session:
        rows = session.exec(_query(conditions).limit(EXPORT_MAX)).all()
        audit.record_staff(session, audit.Action.AUDIT_EXPORTED, staff.id, "", f"{len(rows)}")
    header = [
        texts.AUDIT_COL_AT,
        texts.AUDIT_COL_ACTOR,
        texts.AUDIT_FIELD_ACTION,
        texts.AUDIT_FIELD_RECORD,
        texts.AUDIT_COL_DETAIL,
    ]
    lines = []
    for entry, email, name in rows:
        row = _row(entry, email, name)
        lines.append([format_datetime(row.at), row.actor, row.action, row.target, row.detail])
    name = f"Protokoll-{clock.today().isoformat()}.csv"
    return name, spreadsheet.csv_bytes(header, lines)
