"""Attacks on a Betrieb's team by ordinary members: a colleague with Dokumente only replays the
SEPA actions, a removed colleague replays what worked before, the two last administrators
remove each other at the same moment, an invitation link is used by another account or twice
at once."""

from __future__ import annotations

import pytest
from sqlmodel import select

from portal_app.models import Account, AuditEntry, Freischaltung, SepaMandat
from portal_app.services import clock as portal_clock
from portal_app.services import documents, mail, registry, sepa, sessions, team
from portal_app.services.db import unit_of_work
from portal_app.services.demo import DEMO_BETRIEBE_CSV
from tests import totp_support
from tests.parallel import at_once
from tests.unit.conftest import token_from

NUMMER = "TS-1234567-0"
IBAN = "DE89 3704 0044 0532 0130 00"
PASSWORD = "Maurer mauern Mauern aus Ziegeln"


@pytest.fixture(autouse=True)
def registry_loaded():
    registry.import_betriebe(DEMO_BETRIEBE_CSV)


@pytest.fixture
def admin(make_account):
    """The account that unlocked the Betrieb with its PIN (made directly: no bcrypt here)."""
    account_id = make_account()
    with unit_of_work() as session:
        betrieb = registry.find_betriebe(session, registry.parse_betriebsnummer(NUMMER))[0]
        session.add(
            Freischaltung(account_id=account_id, betrieb_id=betrieb.id,
                          created_at=portal_clock.now(), verwalter=True)
        )  # fmt: skip
    totp_support.turn_on(account_id)  # an administrator manages the team with a second factor
    return account_id


def _address(account_id: int) -> str:
    with unit_of_work() as session:
        return session.get(Account, account_id).email


def _token_to(address: str) -> str:
    for view in mail.recent_mails():
        if view.recipient == address and view.subject.startswith("Einladung ins"):
            return token_from(view.body)
    raise AssertionError(f"no invitation to {address}")


def _join(admin: int, account_id: int, roles) -> int:
    team.invite(admin, NUMMER, _address(account_id), list(roles))
    team.accept(account_id, _token_to(_address(account_id)))
    with unit_of_work() as session:
        return session.exec(
            select(Freischaltung.id).where(Freischaltung.account_id == account_id)
        ).one()


def _betrieb_key(admin: int) -> str:
    return documents.owners(admin)[0].key


def test_a_colleague_with_dokumente_only_replays_the_sepa_actions_and_is_refused(
    admin, make_account
):
    colleague = make_account()
    _join(admin, colleague, [team.DOKUMENTE])
    key = _betrieb_key(admin)
    granted = sepa.grant(admin, key, "Eder GmbH", IBAN, True)
    with pytest.raises(sepa.MandateRejected):
        sepa.grant(colleague, key, "Mallory", "DE02 1203 0000 0000 2020 51", True)
    with pytest.raises(sepa.MandateNotFound):
        sepa.revoke(colleague, granted.id)
    with pytest.raises(sepa.MandateNotFound):
        sepa.mandate_for_pdf(colleague, granted.id)
    assert sepa.mandates(colleague) == []
    with unit_of_work() as session:
        active = session.exec(select(SepaMandat).where(SepaMandat.ended_at.is_(None))).all()
        assert [m.kontoinhaber for m in active] == ["Eder GmbH"]
        refused = session.exec(
            select(AuditEntry).where(
                AuditEntry.action == sepa.AUDIT_REFUSED, AuditEntry.account_id == colleague
            )
        ).all()
        assert len(refused) == 3


def test_a_removed_colleague_replays_what_worked_before_and_is_refused(admin, make_account):
    colleague = make_account()
    member_id = _join(admin, colleague, [team.DOKUMENTE, team.SEPA])
    key = _betrieb_key(admin)
    assert documents.start_upload(colleague, key, "beitrag").owner.key == key
    totp_support.turn_on(colleague)  # the SEPA role needs the second factor
    view = sepa.grant(colleague, key, "Eder GmbH", IBAN, True)
    team.remove(admin, NUMMER, member_id)
    with pytest.raises(documents.UploadRefused):
        documents.start_upload(colleague, key, "beitrag")
    with pytest.raises(sepa.MandateRejected):
        sepa.grant(colleague, key, "Eder GmbH", IBAN, True)
    with pytest.raises(sepa.MandateNotFound):
        sepa.revoke(colleague, view.id)
    with pytest.raises(team.NotFound):
        team.team(colleague, NUMMER)
    with pytest.raises(team.NotFound):
        team.invite(colleague, NUMMER, "freund@example.org", [])
    assert documents.uploaded(colleague) == []


@pytest.mark.both_databases
def test_the_two_last_administrators_removing_each_other_at_once_leave_one(admin, make_account):
    second = make_account()
    second_link = _join(admin, second, [])
    team.make_admin(admin, NUMMER, second_link)
    totp_support.turn_on(second)
    with unit_of_work() as session:
        first_link = session.exec(
            select(Freischaltung.id).where(Freischaltung.account_id == admin)
        ).one()

    def remove(actor: int, target: int):
        def call():
            try:
                team.remove(actor, NUMMER, target)
            except team.TeamError as error:
                return type(error).__name__
            return "removed"

        return call

    for _round in range(3):
        results = at_once([remove(admin, second_link), remove(second, first_link)])
        assert sorted(results).count("removed") <= 1, results
        with unit_of_work() as session:
            admins = session.exec(select(Freischaltung).where(Freischaltung.verwalter)).all()
        assert len(admins) == 1, results
        if "removed" in results:
            break


@pytest.mark.both_databases
def test_the_two_last_administrators_stepping_down_at_once_leave_one(admin, make_account):
    second = make_account()
    team.make_admin(admin, NUMMER, _join(admin, second, []))
    results = at_once(
        [
            lambda: _outcome(lambda: team.step_down(admin, NUMMER)),
            lambda: _outcome(lambda: team.step_down(second, NUMMER)),
        ]
    )
    assert sorted(results) == ["LastAdministrator", "done"]
    with unit_of_work() as session:
        assert len(session.exec(select(Freischaltung).where(Freischaltung.verwalter)).all()) == 1


@pytest.mark.both_databases
def test_an_administrator_deleting_the_account_while_the_other_steps_down_leaves_one(admin, member):
    from portal_app.services import account_deletion

    second = sessions.current_account(member("zweite@betrieb.example", PASSWORD)).id
    team.make_admin(admin, NUMMER, _join(admin, second, []))
    results = at_once(
        [
            lambda: _outcome(lambda: account_deletion.delete_account(second, PASSWORD, True)),
            lambda: _outcome(lambda: team.step_down(admin, NUMMER)),
        ]
    )
    assert sorted(results) == ["LastAdministrator", "done"], results
    with unit_of_work() as session:
        admins = session.exec(select(Freischaltung).where(Freischaltung.verwalter)).all()
    assert len(admins) == 1, results


def _outcome(action) -> str:
    try:
        action()
    except team.TeamError as error:
        return type(error).__name__
    return "done"


def test_an_invitation_link_in_the_hands_of_another_account_is_refused(admin, member):
    team.invite(admin, NUMMER, "kollegin@betrieb.example", [team.SEPA])
    token = _token_to("kollegin@betrieb.example")
    attacker = sessions.current_account(member("mallory@example.org", PASSWORD)).id
    with pytest.raises(team.InvitationInvalid):
        team.accept(attacker, token)
    assert sepa.betriebe(attacker) == []
    assert len(team.team(admin, NUMMER).invitations) == 1


def test_an_unconfirmed_account_of_the_invited_address_cannot_accept(admin):
    with unit_of_work() as session:
        account = Account(email="neu@betrieb.example", email_key="neu@betrieb.example",
                          created_at=portal_clock.now())  # fmt: skip
        session.add(account)
        session.flush()
        unconfirmed = account.id
    team.invite(admin, NUMMER, "neu@betrieb.example", [])
    with pytest.raises(team.InvitationInvalid):
        team.accept(unconfirmed, _token_to("neu@betrieb.example"))


@pytest.mark.both_databases
def test_one_invitation_accepted_twice_at_once_joins_once(admin, make_account):
    colleague = make_account("doppelt@betrieb.example")
    team.invite(admin, NUMMER, "doppelt@betrieb.example", [team.DOKUMENTE])
    token = _token_to("doppelt@betrieb.example")
    results = at_once(
        [
            lambda: _outcome(lambda: team.accept(colleague, token)),
            lambda: _outcome(lambda: team.accept(colleague, token)),
        ]
    )
    assert sorted(results) == ["InvitationInvalid", "done"]
    with unit_of_work() as session:
        links = session.exec(
            select(Freischaltung).where(Freischaltung.account_id == colleague)
        ).all()
    assert len(links) == 1


def test_a_stranger_booking_for_another_betrieb_is_refused_and_takes_no_seat(
    admin, make_account, make_course
):
    from datetime import date

    from portal_app.models import Course
    from portal_app.services import booking

    course_id = make_course()
    with unit_of_work() as session:
        betrieb_id = session.exec(
            select(Freischaltung.betrieb_id).where(Freischaltung.account_id == admin)
        ).one()
    stranger = make_account()
    worker = booking.Participant("Mallory Fremd", date(1990, 1, 1), "m@example.org")
    for target in (betrieb_id, betrieb_id + 1000):
        with pytest.raises(booking.BookingForBetriebRefused):
            booking.book(stranger, course_id, worker, True, betrieb_id=target)
    with unit_of_work() as session:
        assert session.exec(select(Course.booked).where(Course.id == course_id)).one() == 0
