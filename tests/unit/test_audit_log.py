"""The audit log for administrators: filtered by actor (member or staff, by address or name),
action, record and German calendar days, paged in SQL, exported as CSV with formulas
neutralised; nobody else reads it."""

from datetime import UTC, date, datetime, timedelta

import pytest

from portal_app import texts
from portal_app.models import AuditEntry
from portal_app.services import audit, audit_log
from portal_app.services.audit_log import AuditFilter, AuditLogRefused
from portal_app.services.db import unit_of_work
from tests.staff_support import set_up_staff


@pytest.fixture
def admin():
    return set_up_staff(admin=True, departments=()).view()


def entry(action: str, *, account=None, staff=None, target="", detail="", at=None) -> None:
    with unit_of_work() as session:
        session.add(
            AuditEntry(
                at=at or datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
                account_id=account,
                staff_id=staff,
                action=action,
                target=target,
                detail=detail,
            )
        )


def actions_of(admin, **wanted) -> list[str]:
    return [r.action for r in audit_log.search(admin, AuditFilter(**wanted)).rows]


def test_entries_are_found_by_actor_action_record_and_period(admin, make_account):
    mueller = make_account("mueller@zimmerei.example")
    huber = make_account("huber@baeckerei.example")
    colleague = set_up_staff(departments=("bildung",)).view()
    entry("unlock_ok", account=mueller, target="Betrieb TS-1234567-0")
    entry("unlock_failed", account=huber, target="Betrieb TS-7654321-0")
    entry("course_created", staff=colleague.id, target="kurs:7")
    entry("pin_ausgestellt", target="Person 12345678")
    base = set(actions_of(admin))

    assert actions_of(admin, actor="MUELLER@") == ["unlock_ok"]
    colleague_did = actions_of(admin, actor=colleague.email[:20], actor_kind="mitarbeiter")
    assert "course_created" in colleague_did and "unlock_ok" not in colleague_did
    assert "course_created" in actions_of(admin, actor="erika")  # by name too
    assert actions_of(admin, actor="erika", actor_kind="mitglied") == []
    assert set(actions_of(admin, actor_kind="mitglied")) == {"unlock_ok", "unlock_failed"}
    assert "course_created" in actions_of(admin, actor_kind="mitarbeiter")
    assert actions_of(admin, action="unlock_failed") == ["unlock_failed"]
    assert actions_of(admin, record="ts-1234567") == ["unlock_ok"]
    assert set(actions_of(admin, record="1234567")) == {"unlock_ok", "pin_ausgestellt"}
    assert actions_of(admin, record="person 1234") == ["pin_ausgestellt"]
    assert actions_of(admin, record="100%") == []  # the wildcard is a character here
    assert {"unlock_ok", "course_created", "pin_ausgestellt"} <= base
    assert "unlock_ok" in audit_log.actions(admin)


def test_a_period_is_of_german_calendar_days(admin):
    # 23:30 UTC on 30 November is 00:30 on 1 December in Germany
    entry("late", at=datetime(2026, 11, 30, 23, 30, tzinfo=UTC))
    entry("early", at=datetime(2026, 11, 30, 22, 30, tzinfo=UTC))
    december = actions_of(admin, since=date(2026, 12, 1), until=date(2026, 12, 1))
    november = actions_of(admin, since=date(2026, 11, 30), until=date(2026, 11, 30))
    assert "late" in december and "early" not in december
    assert "early" in november and "late" not in november


def test_the_log_is_paged_newest_first(admin):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for number in range(120):
        entry(f"a{number:03d}", target="seite", at=start + timedelta(minutes=number))
    first = audit_log.search(admin, AuditFilter(record="seite"))
    assert (first.total, first.pages, first.rows[0].action) == (120, 3, "a119")
    last = audit_log.search(admin, AuditFilter(record="seite", page=3))
    assert [r.action for r in last.rows][-1] == "a000" and len(last.rows) == 20
    assert audit_log.search(admin, AuditFilter(record="seite", page=99)).page == 3


def test_the_actor_is_named_member_staff_or_nobody(admin, make_account):
    member = make_account("eder@betrieb.example")
    entry("x1", account=member, at=datetime(2027, 1, 1, 3, tzinfo=UTC))
    entry("x2", staff=admin.id, at=datetime(2027, 1, 1, 2, tzinfo=UTC))
    entry("x3", at=datetime(2027, 1, 1, 1, tzinfo=UTC))
    rows = audit_log.search(admin, AuditFilter(since=date(2027, 1, 1))).rows
    assert [r.actor for r in rows] == [
        texts.AUDIT_ACTOR_MEMBER.format(email="eder@betrieb.example"),
        texts.AUDIT_ACTOR_STAFF.format(name="Erika Muster"),
        "",
    ]


def test_the_export_is_csv_for_a_german_spreadsheet_and_is_itself_logged(admin, make_account):
    member = make_account("=cmd@betrieb.example")
    entry("upload", account=member, target="=HYPERLINK(1)", detail="-1;+2")
    name, data = audit_log.export_csv(admin, AuditFilter(action="upload"))
    assert name.startswith("Protokoll-") and name.endswith(".csv")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].split(";")[0] == texts.AUDIT_COL_AT
    cells = lines[1].split(";", 4)
    assert cells[1:4] == ["Mitglied =cmd@betrieb.example", "upload", "'=HYPERLINK(1)"]
    assert cells[4] == '"\'-1;+2"'
    assert audit.Action.AUDIT_EXPORTED in actions_of(admin, actor_kind="mitarbeiter")


def test_only_administrators_read_the_log():
    clerk = set_up_staff(departments=("bildung", "beitrag")).view()
    for call in (
        lambda: audit_log.search(clerk, AuditFilter()),
        lambda: audit_log.actions(clerk),
        lambda: audit_log.export_csv(clerk, AuditFilter()),
    ):
        with pytest.raises(AuditLogRefused):
            call()
