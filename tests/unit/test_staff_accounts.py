"""Staff accounts: the set-up link works once and for 24 hours, deactivation ends the sessions
at once, staff sessions end after the staff idle time, only administrators manage staff
(audited), and a member's account never becomes staff."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlmodel import select

from portal_app import cli
from portal_app.models import Account, AuditEntry, StaffAccount
from portal_app.services import audit, mail, staff, staff_login, staff_setup, totp
from portal_app.services.db import unit_of_work
from portal_app.services.staff import StaffRefused
from portal_app.settings import settings
from tests.staff_support import STAFF_PASSWORD, new_staff_email, set_up_staff

ROOT = Path(__file__).resolve().parents[2]


def _code_now(secret: str) -> str:
    return totp.code_at(secret, totp.current_step())


def test_the_set_up_link_works_once(clock):
    _id, token = staff.create(new_staff_email(), "Erika Muster")
    enrollment = staff_setup.set_password(token, STAFF_PASSWORD, STAFF_PASSWORD)
    staff_setup.confirm(token, _code_now(enrollment.secret_text.replace(" ", "")))
    with pytest.raises(staff_setup.SetupLinkInvalid):
        staff_setup.check_link(token)
    with pytest.raises(staff_setup.SetupLinkInvalid):
        staff_setup.set_password(token, STAFF_PASSWORD, STAFF_PASSWORD)


def test_the_set_up_link_lasts_24_hours(clock):
    _id, token = staff.create(new_staff_email(), "Erika Muster")
    clock.travel(hours=23, minutes=59)
    assert staff_setup.check_link(token).name == "Erika Muster"
    clock.travel(minutes=1)
    with pytest.raises(staff_setup.SetupLinkInvalid):
        staff_setup.check_link(token)


def test_the_set_up_needs_the_right_first_code_and_the_password_rules(clock):
    _id, token = staff.create(new_staff_email(), "Erika Muster")
    with pytest.raises(staff_setup.passwords.PasswordRejected):
        staff_setup.set_password(token, "zu kurz", "zu kurz")
    enrollment = staff_setup.set_password(token, STAFF_PASSWORD, STAFF_PASSWORD)
    assert enrollment.qr_svg.startswith("data:image/svg+xml")
    secret = enrollment.secret_text.replace(" ", "")
    wrong = totp.code_at(secret, totp.current_step() + 3)
    with pytest.raises(staff_setup.SetupCodeWrong):
        staff_setup.confirm(token, wrong)
    assert len(staff_setup.confirm(token, _code_now(secret)).recovery_codes) == 10


def test_a_staff_member_not_yet_set_up_cannot_log_in(clock):
    email = new_staff_email()
    _id, token = staff.create(email, "Erika Muster")
    staff_setup.set_password(token, STAFF_PASSWORD, STAFF_PASSWORD)  # authenticator not confirmed
    with pytest.raises(staff_login.StaffLoginFailed):
        staff_login.check_password(email, STAFF_PASSWORD)


def test_deactivation_ends_the_sessions_at_once_and_the_login(clock):
    admin = set_up_staff(admin=True)
    colleague = set_up_staff()
    assert staff_login.current_staff(colleague.session_token) is not None
    staff.deactivate(admin.view(), colleague.id)
    assert staff_login.current_staff(colleague.session_token) is None
    with pytest.raises(staff_login.StaffLoginFailed):
        staff_login.check_password(colleague.email, STAFF_PASSWORD)
    assert "aktiv: nein" in "\n".join(
        line for line in _cli_output("list") if colleague.email in line
    )


def test_staff_sessions_end_after_the_staff_idle_time(clock):
    member = set_up_staff()
    clock.travel(minutes=settings.staff_idle_minutes - 1)
    assert staff_login.current_staff(member.session_token) is not None  # and touched
    clock.travel(minutes=settings.staff_idle_minutes - 1)
    assert staff_login.current_staff(member.session_token) is not None
    clock.travel(minutes=settings.staff_idle_minutes + 1)
    assert staff_login.current_staff(member.session_token) is None


def test_the_staff_idle_time_is_15_minutes_by_default():
    assert settings.staff_idle_minutes == 15


def test_only_administrators_manage_staff_and_every_action_is_audited(clock):
    admin = set_up_staff(admin=True)
    colleague = set_up_staff(departments=("beitrag",))
    with pytest.raises(StaffRefused):
        staff.deactivate(colleague.view(), admin.id)
    with pytest.raises(StaffRefused):
        staff.invite(colleague.view(), new_staff_email(), "Max", [])
    with pytest.raises(StaffRefused):
        staff.set_departments(colleague.view(), colleague.id, ["kontakt"])
    with pytest.raises(StaffRefused):
        staff.deactivate(admin.view(), admin.id)  # not oneself

    invited = new_staff_email()
    staff.invite(admin.view(), invited, "Max Muster", ["kontakt", "beitrag"])
    staff.set_departments(admin.view(), colleague.id, ["pruefung", "handwerksrolle"])
    assert colleague.view().departments == ("handwerksrolle", "pruefung")
    staff.reset_second_factor(admin.view(), colleague.id)
    assert staff_login.current_staff(colleague.session_token) is None
    with unit_of_work() as session:
        actions = session.exec(
            select(AuditEntry.action).where(AuditEntry.staff_id == admin.id)
        ).all()
        mails = session.exec(select(mail.OutboxMail.recipient)).all()
    for action in (
        audit.Action.STAFF_INVITED,
        audit.Action.STAFF_DEPARTMENTS_CHANGED,
        audit.Action.STAFF_SECOND_FACTOR_RESET,
    ):
        assert action in actions
    assert invited in mails and colleague.email in mails
    staff.deactivate(admin.view(), colleague.id)
    with unit_of_work() as session:
        assert (
            session.exec(
                select(AuditEntry).where(AuditEntry.action == audit.Action.STAFF_DEACTIVATED)
            )
            .first()
            .staff_id
            == admin.id
        )


def test_an_address_is_staff_once():
    email = new_staff_email()
    staff.create(email, "Erika Muster")
    with pytest.raises(StaffRefused):
        staff.create(email.upper(), "Erika Muster")


def test_a_members_account_never_becomes_staff(member):
    """A member with the same address stays a member: the staff login does not take the
    member's password, and no member-facing module can create or change staff."""
    address = "meisterin@betrieb-example.de"
    password = "Meisterinnen bauen Treppen"
    member(address, password)
    with pytest.raises(staff_login.StaffLoginFailed):
        staff_login.check_password(address, password)
    with unit_of_work() as session:
        assert session.exec(select(StaffAccount)).all() == []
        assert session.exec(select(Account)).one().email == address
    writers = {"create", "invite", "set_departments", "deactivate", "reset_second_factor"}
    allowed = {"cli.py", "state/staff_team.py"}
    for path in (ROOT / "portal_app").rglob("*.py"):
        relative = path.relative_to(ROOT / "portal_app").as_posix()
        if relative.startswith("services/") or relative in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "portal_app.services.staff":
                assert not writers & {a.name for a in node.names}, relative
            if isinstance(node, ast.ImportFrom) and node.module == "portal_app.services":
                assert "staff" not in {a.name for a in node.names}, relative


def _cli_output(*args: str) -> list[str]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["mitarbeiter", *args]) == 0
    return out.getvalue().splitlines()


def test_the_operator_makes_the_first_administrator_with_a_link_on_the_last_line(clock):
    email = new_staff_email("admin")
    lines = _cli_output("anlegen", "--email", email, "--name", "Anna Admin", "--admin")
    token = lines[-1].split("token=")[1]
    assert lines[-1].startswith(settings.base_url + "/verwaltung/einrichten?token=")
    assert staff_setup.check_link(token).email == email
    listed = "\n".join(_cli_output("list"))
    assert "Anna Admin" in listed and "admin: ja" in listed and "2FA eingerichtet: nein" in listed


def test_the_totp_secret_is_stored_sealed(clock):
    member = set_up_staff()
    with unit_of_work() as session:
        stored = session.get(StaffAccount, member.id).totp_secret
    assert member.secret not in stored
    assert totp.unseal(stored) == member.secret
