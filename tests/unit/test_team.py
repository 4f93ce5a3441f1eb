"""A Betrieb's team: the PIN's account is administrator, invitations (7 days, single-use, void
when withdrawn, only for the invited address), roles checked by documents, SEPA and Postfach,
the last administrator stays, every change audited and mailed, the second-factor question."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import Account, AuditEntry, Course, Freischaltung, TeamEinladung
from portal_app.services import documents, mail, member_totp, postfach, sepa, team
from portal_app.services.db import unit_of_work
from tests import totp_support
from tests.unit.conftest import token_from
from tests.unit.docs_fixtures import PDF, registry_loaded, store, unlocked, upload  # noqa: F401

NUMMER = "TS-1234567-0"
IBAN = "DE89 3704 0044 0532 0130 00"


def _invitation_token(address: str) -> str:
    for view in mail.recent_mails():
        if view.recipient == address and view.subject.startswith("Einladung ins"):
            return token_from(view.body)
    raise AssertionError(f"no invitation to {address}")


def _mails_to(address: str) -> list[str]:
    with unit_of_work() as session:
        email = session.get(Account, _account_of(address)).email
    return [view.body for view in mail.recent_mails() if view.recipient == email]


def _account_of(address: str) -> int:
    with unit_of_work() as session:
        return session.exec(select(Account.id).where(Account.email == address)).one()


def _link(account_id: int) -> Freischaltung:
    with unit_of_work() as session:
        return session.exec(
            select(Freischaltung).where(Freischaltung.account_id == account_id)
        ).one()


@pytest.fixture
def admin(unlocked):  # noqa: F811
    return unlocked(NUMMER)


@pytest.fixture
def colleague(admin, make_account):
    """A confirmed account invited and joined with the role Dokumente only."""

    def make(roles=(team.DOKUMENTE,), email: str = "") -> int:
        account_id = make_account(email)
        with unit_of_work() as session:
            address = session.get(Account, account_id).email
        team.invite(admin, NUMMER, address, list(roles))
        team.accept(account_id, _invitation_token(address))
        return account_id

    return make


def _member_id(admin: int, account_id: int) -> int:
    return _link(account_id).id


# --- administrator -------------------------------------------------------------------------


def test_the_account_that_unlocks_with_the_pin_is_administrator_with_every_role(admin):
    view = team.team(admin, NUMMER)
    assert view.i_am_admin
    assert view.my_roles == tuple(team.ROLES)
    with unit_of_work() as session:
        assert team.needs_second_factor(session, admin)


def test_a_person_has_no_team(unlocked):  # noqa: F811
    person = unlocked("12345678")
    assert team.betriebe(person) == []
    with unit_of_work() as session:
        assert not team.needs_second_factor(session, person)
    assert documents.owners(person)  # a Person's documents need no role


# --- invitations ---------------------------------------------------------------------------


def test_an_invited_colleague_joins_with_the_roles_given_and_both_are_told(admin, make_account):
    account_id = make_account("kollegin@betrieb.example")
    team.invite(admin, NUMMER, "Kollegin@Betrieb.example", [team.DOKUMENTE])
    joined = team.accept(account_id, _invitation_token("Kollegin@betrieb.example"))
    assert joined.nummer == NUMMER
    members = team.team(admin, NUMMER).members
    assert [(m.email, m.is_admin, m.roles) for m in members][1] == (
        "kollegin@betrieb.example",
        False,
        (team.DOKUMENTE,),
    )
    assert any("Rollen: Dokumente" in body for body in _mails_to("kollegin@betrieb.example"))
    with unit_of_work() as session:
        actions = session.exec(select(AuditEntry.action)).all()
        assert {team.AUDIT_INVITED, team.AUDIT_JOINED} <= set(actions)
        assert not team.needs_second_factor(session, account_id)


def test_an_invitation_works_once(admin, make_account):
    first = make_account("eins@betrieb.example")
    team.invite(admin, NUMMER, "eins@betrieb.example", [])
    token = _invitation_token("eins@betrieb.example")
    team.accept(first, token)
    with pytest.raises(team.InvitationInvalid) as refused:
        team.accept(first, token)
    assert refused.value.message == texts.TEAM_INVITATION_USED


def test_an_invitation_expires_after_seven_days(admin, make_account, clock):
    account_id = make_account("spaet@betrieb.example")
    team.invite(admin, NUMMER, "spaet@betrieb.example", [team.DOKUMENTE])
    token = _invitation_token("spaet@betrieb.example")
    clock.travel(timedelta(days=7, seconds=1))
    with pytest.raises(team.InvitationInvalid) as refused:
        team.accept(account_id, token)
    assert refused.value.message == texts.TEAM_INVITATION_EXPIRED
    assert team.team(admin, NUMMER).invitations == []  # no longer listed as open


def test_a_withdrawn_invitation_is_void(admin, make_account):
    account_id = make_account("zurueck@betrieb.example")
    view = team.invite(admin, NUMMER, "zurueck@betrieb.example", [])
    assert [i.email for i in team.team(admin, NUMMER).invitations] == ["zurueck@betrieb.example"]
    team.withdraw(admin, NUMMER, view.id)
    with pytest.raises(team.InvitationInvalid) as refused:
        team.accept(account_id, _invitation_token("zurueck@betrieb.example"))
    assert refused.value.message == texts.TEAM_INVITATION_WITHDRAWN
    told = [m for m in mail.recent_mails() if m.recipient == "zurueck@betrieb.example"]
    assert told[0].subject == texts.MAIL_TEAM_WITHDRAWN_SUBJECT.format(name="Schreinerei Eder GmbH")
    assert "zurückgezogen" in told[0].body
    with pytest.raises(team.NotFound):
        team.withdraw(admin, NUMMER, view.id)  # twice


def test_only_the_invited_address_can_accept(admin, make_account):
    make_account("eingeladen@betrieb.example")
    other = make_account("andere@betrieb.example")
    team.invite(admin, NUMMER, "eingeladen@betrieb.example", [team.SEPA])
    token = _invitation_token("eingeladen@betrieb.example")
    with pytest.raises(team.InvitationInvalid) as refused:
        team.accept(other, token)
    assert "eingeladen@betrieb.example" in refused.value.message
    assert len(team.team(admin, NUMMER).members) == 1
    assert len(team.team(admin, NUMMER).invitations) == 1  # still open for the right account


def test_an_unknown_or_mangled_link_is_refused():
    for token in ("", "x" * 101, "nicht-echt", None):
        with pytest.raises(team.InvitationInvalid):
            team.invitation(token)


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ("", "email"),
        ("keine-adresse", "email"),
        ("a" * 250 + "@example.de", "email"),
        ("<script>@x.de", "email"),
    ],
)
def test_a_bad_address_is_refused_at_its_field_and_nothing_is_stored(admin, raw, field):
    with pytest.raises(team.TeamError) as refused:
        team.invite(admin, NUMMER, raw, [team.DOKUMENTE])
    assert refused.value.field == field
    with unit_of_work() as session:
        assert session.exec(select(TeamEinladung)).all() == []


@pytest.mark.parametrize("roles", [["admin"], ["dokumente", "<b>"], "dokumente", [1], ["x"] * 9])
def test_unknown_roles_are_refused(admin, roles):
    with pytest.raises(team.TeamError) as refused:
        team.invite(admin, NUMMER, "rolle@betrieb.example", roles)
    assert refused.value.field == "rollen"


def test_an_existing_member_cannot_be_invited_again(admin):
    with pytest.raises(team.TeamError) as refused:
        team.invite(admin, NUMMER, _link_email(admin), [])
    assert refused.value.message == texts.TEAM_ALREADY_MEMBER


def _link_email(account_id: int) -> str:
    with unit_of_work() as session:
        return session.get(Account, account_id).email


def test_only_the_administrator_invites_and_manages(admin, colleague):
    member = colleague()
    with pytest.raises(team.NotAdministrator):
        team.invite(member, NUMMER, "noch@betrieb.example", [])
    with pytest.raises(team.NotAdministrator):
        team.set_roles(member, NUMMER, _member_id(admin, member), [team.SEPA])
    with pytest.raises(team.NotAdministrator):
        team.remove(member, NUMMER, _link(admin).id)
    with pytest.raises(team.NotAdministrator):
        team.make_admin(member, NUMMER, _member_id(admin, member))
    assert team.team(member, NUMMER).invitations == []  # the administrator's list only


def test_a_stranger_sees_no_team(admin, make_account):
    with pytest.raises(team.NotFound):
        team.team(make_account(), NUMMER)


# --- roles in the services -------------------------------------------------------------------


def test_a_colleague_with_dokumente_only_has_documents_but_no_sepa(admin, colleague, store):  # noqa: F811
    member = colleague()
    assert [o.key for o in documents.owners(member)] == [documents.owners(admin)[0].key]
    upload(member, PDF)
    assert len(documents.uploaded(admin)) == 1
    assert sepa.betriebe(member) == []
    key = documents.owners(admin)[0].key
    with pytest.raises(sepa.MandateRejected):
        sepa.grant(member, key, "Eder GmbH", IBAN, True)
    granted = sepa.grant(admin, key, "Eder GmbH", IBAN, True)
    assert sepa.mandates(member) == []
    with pytest.raises(sepa.MandateNotFound):
        sepa.revoke(member, granted.id)
    with pytest.raises(sepa.MandateNotFound):
        sepa.mandate_for_pdf(member, granted.id)


def test_a_colleague_with_sepa_only_sees_no_documents(admin, colleague):
    member = colleague(roles=(team.SEPA,))
    assert documents.owners(member) == []
    assert [b.key for b in sepa.betriebe(member)] == [documents.owners(admin)[0].key]
    with pytest.raises(documents.UploadRefused):
        documents.start_upload(member, documents.owners(admin)[0].key, "beitrag")
    with unit_of_work() as session:
        assert team.needs_second_factor(session, member)


def test_changed_roles_take_effect_at_once_and_are_audited_and_mailed(admin, colleague):
    member = colleague()
    team.set_roles(admin, NUMMER, _member_id(admin, member), [team.SEPA, team.KURSE])
    assert documents.owners(member) == []
    assert sepa.betriebe(member)
    assert team.team(admin, NUMMER).members[1].roles == (team.SEPA, team.KURSE)
    with unit_of_work() as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == team.AUDIT_ROLES)).one()
        assert (entry.account_id, entry.detail) == (member, f"sepa,kurse (durch Konto {admin})")
    assert any("Beitrag und SEPA, Kurse" in body for body in _mails_to(_link_email(member)))


def test_a_betriebs_postfach_messages_follow_the_role_dokumente(admin, colleague, store, tmp_path):  # noqa: F811
    member = colleague()
    pdf = tmp_path / "bescheid.pdf"
    pdf.write_bytes(PDF)
    documents.provide(NUMMER, None, "Bescheid", pdf)
    assert len(postfach.messages(member)) == 1
    assert postfach.unread_count(member) == 1
    team.set_roles(admin, NUMMER, _member_id(admin, member), [team.SEPA])
    assert postfach.messages(member) == []
    assert postfach.unread_count(member) == 0
    documents.provide(NUMMER, None, "Zweiter Bescheid", pdf)
    assert postfach.messages(member) == []  # not delivered to a member without the role
    assert len(postfach.messages(admin)) == 2


# --- changing the team, the last administrator ------------------------------------------------


def test_the_administrator_removes_a_colleague_whose_access_ends_at_once(admin, colleague):
    member = colleague()
    team.remove(admin, NUMMER, _member_id(admin, member))
    assert documents.owners(member) == []
    with pytest.raises(team.NotFound):
        team.team(member, NUMMER)
    assert any(texts.TEAM_TOLD_REMOVED[:40] in body for body in _mails_to(_link_email(member)))


def test_a_member_leaves_by_themselves(admin, colleague):
    member = colleague()
    team.leave(member, NUMMER)
    assert len(team.team(admin, NUMMER).members) == 1
    with unit_of_work() as session:
        assert (
            session.exec(select(AuditEntry).where(AuditEntry.action == team.AUDIT_LEFT))
            .one()
            .account_id
            == member
        )


def test_the_last_administrator_can_neither_leave_nor_step_down(admin, colleague):
    colleague()
    with pytest.raises(team.LastAdministrator):
        team.leave(admin, NUMMER)
    with pytest.raises(team.LastAdministrator):
        team.step_down(admin, NUMMER)
    assert team.team(admin, NUMMER).i_am_admin
    with pytest.raises(team.TeamError):
        team.remove(admin, NUMMER, _link(admin).id)  # not by removing themselves either


def test_a_second_administrator_then_handing_over(admin, colleague):
    member = colleague()
    team.make_admin(admin, NUMMER, _member_id(admin, member))
    totp_support.turn_on(member)  # an administrator manages the team with a second factor
    assert team.team(member, NUMMER).i_am_admin
    team.step_down(admin, NUMMER)
    view = team.team(admin, NUMMER)
    assert not view.i_am_admin
    assert view.my_roles == tuple(team.ROLES)  # stepping down keeps every role
    with pytest.raises(team.LastAdministrator):
        team.step_down(member, NUMMER)
    # the new administrator may now remove the old one
    team.remove(member, NUMMER, _link(admin).id)
    assert [m.email for m in team.team(member, NUMMER).members] == [_link_email(member)]


def test_an_administrator_has_every_role_and_cannot_be_given_fewer(admin, colleague):
    member = colleague()
    team.make_admin(admin, NUMMER, _member_id(admin, member))
    with pytest.raises(team.TeamError) as refused:
        team.set_roles(admin, NUMMER, _member_id(admin, member), [])
    assert refused.value.message == texts.TEAM_ADMIN_HAS_ALL


def test_a_member_of_another_betrieb_cannot_be_touched(admin, unlocked):  # noqa: F811
    other_admin = unlocked("BGL-7654321-0")
    foreign = _link(other_admin).id
    for action in (
        lambda: team.remove(admin, NUMMER, foreign),
        lambda: team.set_roles(admin, NUMMER, foreign, []),
        lambda: team.make_admin(admin, NUMMER, foreign),
        lambda: team.remove(admin, NUMMER, "1"),
    ):
        with pytest.raises(team.NotFound):
            action()
    assert team.team(other_admin, "BGL-7654321-0").i_am_admin


def test_the_last_administrator_of_a_team_cannot_delete_the_account(admin, colleague):
    from portal_app.services import account_deletion
    from tests.unit.docs_fixtures import PASSWORD

    member = colleague()
    with pytest.raises(team.LastAdministrator) as refused:
        account_deletion.delete_account(admin, PASSWORD, True)
    assert NUMMER in refused.value.message
    assert team.team(admin, NUMMER).i_am_admin
    team.make_admin(admin, NUMMER, _member_id(admin, member))
    account_deletion.delete_account(admin, PASSWORD, True)
    assert [m.email for m in team.team(member, NUMMER).members] == [_link_email(member)]


def test_an_administrator_without_a_second_factor_sees_the_team_but_cannot_change_it(
    admin, colleague
):
    member = colleague()
    team.make_admin(admin, NUMMER, _member_id(admin, member))
    assert team.team(member, NUMMER).i_am_admin  # seeing it is fine
    for action in (
        lambda: team.invite(member, NUMMER, "neu@betrieb.example", []),
        lambda: team.set_roles(member, NUMMER, _link(admin).id, []),
        lambda: team.make_admin(member, NUMMER, _link(admin).id),
        lambda: team.remove(member, NUMMER, _link(admin).id),
        lambda: team.withdraw(member, NUMMER, 1),
    ):
        with pytest.raises(member_totp.SecondFactorRequired):
            action()
    with unit_of_work() as session:
        refused = session.exec(
            select(AuditEntry).where(
                AuditEntry.action == member_totp.AUDIT_REFUSED, AuditEntry.account_id == member
            )
        ).all()
    assert len(refused) == 5
    team.step_down(member, NUMMER)  # giving the role up needs none
    assert not team.team(member, NUMMER).i_am_admin


def test_the_chamber_cannot_end_the_last_administrator_while_others_are_in_the_team(
    admin, colleague
):
    member = colleague()
    with unit_of_work() as session:
        with pytest.raises(team.LastAdministrator):
            team.end_by_chamber(session, _link(admin), "letzter")
        session.rollback()
    assert team.team(admin, NUMMER).i_am_admin
    with unit_of_work() as session:
        team.end_by_chamber(session, _link(member), "letzter")
    with unit_of_work() as session:
        team.end_by_chamber(session, _link(admin), "letzter")  # a team of one may end
    with unit_of_work() as session:
        assert not session.exec(select(Freischaltung)).all()


def test_a_colleague_who_redeems_the_betriebs_pin_becomes_administrator(admin, colleague):
    from portal_app.services import pins, unlock

    member = colleague()
    assert not team.team(member, NUMMER).i_am_admin
    unlock.unlock_betrieb(member, NUMMER, pins.issue_for_betrieb(NUMMER).pin)
    view = team.team(member, NUMMER)
    assert view.i_am_admin
    assert [m.is_admin for m in view.members] == [True, True]
    with pytest.raises(unlock.AlreadyUnlocked):  # once administrator, a PIN adds nothing
        unlock.unlock_betrieb(member, NUMMER, pins.issue_for_betrieb(NUMMER).pin)


def test_only_a_colleague_with_the_role_kurse_books_for_the_betriebs_staff(
    admin, colleague, make_course
):
    from datetime import date

    from portal_app.services import booking

    course_id = make_course()
    with unit_of_work() as session:
        betrieb_id = _link(admin).betrieb_id
    worker = booking.Participant("Lena Azubi", date(2007, 3, 1), "lena@betrieb.example")
    with_kurse, without = colleague((team.KURSE,)), colleague((team.DOKUMENTE,))
    assert [c.id for c in booking.betriebe_to_book_for(with_kurse)] == [betrieb_id]
    assert booking.betriebe_to_book_for(without) == []

    booking.book(with_kurse, course_id, worker, True, betrieb_id=betrieb_id)
    [view] = booking.bookings_of(with_kurse)
    assert view.betrieb.startswith(f"{texts.BETRIEB} {NUMMER}")
    assert "Gebucht für: Betrieb TS-1234567-0" in _mails_to(_link_email(with_kurse))[0]

    other = booking.Participant("Max Geselle", date(2001, 5, 2), "max@betrieb.example")
    with pytest.raises(booking.BookingForBetriebRefused):
        booking.book(without, course_id, other, True, betrieb_id=betrieb_id)
    team.set_roles(admin, NUMMER, _member_id(admin, with_kurse), [team.DOKUMENTE])
    with pytest.raises(booking.BookingForBetriebRefused):
        booking.book(with_kurse, course_id, other, True, betrieb_id=betrieb_id)
    booking.book(with_kurse, course_id, other, True)  # privately, as anyone may
    with unit_of_work() as session:
        assert session.exec(select(Course.booked).where(Course.id == course_id)).one() == 2
