"""Changing the login address: the link to the new address (24 h, single use, only with the
account's session or password), the undo link to the old one (7 days), newer requests voiding
older ones, and no enumeration of addresses that have an account."""

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import Account, AuditEntry, EmailChange, KnownDevice
from portal_app.services import audit, email_change, password_reset, sessions
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected
from portal_app.services.mail import recent_mails
from portal_app.services.password_change import CurrentPasswordWrong
from tests.unit.conftest import token_from

OLD = "tischler@betrieb-example.de"
NEW = "werkstatt@neu-example.de"
PASSWORD = "Eiche geölt hält ein ganzes Leben"


@pytest.fixture
def account(member):
    token = member(OLD, PASSWORD)
    return token, sessions.current_account(token).id


def _mail_to(address: str, subject: str):
    for view in recent_mails():
        if view.recipient == address and view.subject == subject:
            return view
    return None


def _confirm_link(address: str = NEW) -> str:
    return token_from(_mail_to(address, texts.MAIL_EMAIL_CONFIRM_SUBJECT).body)


def _undo_link(address: str = OLD) -> str:
    return token_from(_mail_to(address, texts.MAIL_EMAIL_CHANGED_SUBJECT).body)


def _email_of(account_id: int) -> str:
    with unit_of_work() as session:
        return session.get(Account, account_id).email


def test_the_link_to_the_new_address_changes_it_and_the_old_address_is_told(account, clock):
    token, account_id = account
    other = sessions.login(OLD, PASSWORD)  # another browser
    assert email_change.request_change(account_id, " Werkstatt@NEU-example.de ", PASSWORD) == (
        "Werkstatt@neu-example.de"
    )
    assert _email_of(account_id) == OLD  # nothing changes before the link is opened
    link = token_from(_mail_to("Werkstatt@neu-example.de", texts.MAIL_EMAIL_CONFIRM_SUBJECT).body)

    assert email_change.confirm(link, session_token=token) == "Werkstatt@neu-example.de"

    assert _email_of(account_id) == "Werkstatt@neu-example.de"
    assert sessions.current_account(token).email == "Werkstatt@neu-example.de"  # this one stays
    assert sessions.current_account(other) is None  # every other session ended
    told = _mail_to(OLD, texts.MAIL_EMAIL_CHANGED_SUBJECT)
    assert "Werkstatt@neu-example.de" in told.body and "/email-zuruecksetzen?token=" in told.body
    assert sessions.login(NEW, PASSWORD)  # the new address logs in, in any spelling
    with pytest.raises(sessions.LoginFailed):
        sessions.login(OLD, PASSWORD)
    with unit_of_work() as session:
        actions = session.exec(
            select(AuditEntry.action).where(AuditEntry.account_id == account_id)
        ).all()
    assert audit.Action.EMAIL_CHANGED in actions


def test_known_devices_stay_when_the_address_changes(account, clock):
    token, account_id = account
    with unit_of_work() as session:
        session.add(
            KnownDevice(account_id=account_id, token_hash="a" * 64, created_at=clock.now(),
                        last_login_at=clock.now())
        )  # fmt: skip
    email_change.request_change(account_id, NEW, PASSWORD)
    email_change.confirm(_confirm_link(), session_token=token)
    with unit_of_work() as session:
        assert session.exec(select(KnownDevice).where(KnownDevice.account_id == account_id)).one()


def test_without_a_session_the_link_needs_the_accounts_password(account):
    _token, account_id = account
    email_change.request_change(account_id, NEW, PASSWORD)
    link = _confirm_link()
    assert email_change.check_link(link).own_session is False

    with pytest.raises(email_change.PasswordNeeded):
        email_change.confirm(link)
    with pytest.raises(CurrentPasswordWrong):
        email_change.confirm(link, password="geraten geraten")
    assert _email_of(account_id) == OLD

    assert email_change.confirm(link, password=PASSWORD) == NEW
    assert _email_of(account_id) == NEW


def test_the_password_path_ends_every_session(account):
    token, account_id = account
    email_change.request_change(account_id, NEW, PASSWORD)
    email_change.confirm(_confirm_link(), password=PASSWORD)
    assert sessions.current_account(token) is None


def test_the_link_works_once(account):
    token, account_id = account
    email_change.request_change(account_id, NEW, PASSWORD)
    link = _confirm_link()
    email_change.confirm(link, session_token=token)
    with pytest.raises(email_change.ChangeLinkInvalid) as used:
        email_change.confirm(link, session_token=token)
    assert used.value.problem is email_change.LinkProblem.USED


def test_the_link_expires_after_24_hours(account, clock):
    token, account_id = account
    email_change.request_change(account_id, NEW, PASSWORD)
    link = _confirm_link()
    clock.travel(hours=24, seconds=1)
    with pytest.raises(email_change.ChangeLinkInvalid) as expired:
        email_change.confirm(link, session_token=token)
    assert expired.value.problem is email_change.LinkProblem.EXPIRED
    assert _email_of(account_id) == OLD


def test_a_newer_request_voids_the_older(account):
    token, account_id = account
    email_change.request_change(account_id, "erste@neu-example.de", PASSWORD)
    first = _confirm_link("erste@neu-example.de")
    email_change.request_change(account_id, "zweite@neu-example.de", PASSWORD)
    second = _confirm_link("zweite@neu-example.de")

    with pytest.raises(email_change.ChangeLinkInvalid):
        email_change.check_link(first)
    with pytest.raises(email_change.ChangeLinkInvalid):
        email_change.confirm(first, session_token=token)
    assert email_change.confirm(second, session_token=token) == "zweite@neu-example.de"


def test_an_address_with_an_account_gets_a_notice_and_the_same_answer(account, member):
    _token, account_id = account
    member(NEW, "Ein ganz anderes Passwort für Bea")
    assert email_change.request_change(account_id, NEW, PASSWORD) == NEW  # the same answer

    assert _mail_to(NEW, texts.MAIL_EMAIL_CONFIRM_SUBJECT) is None
    notice = _mail_to(NEW, texts.MAIL_EMAIL_TAKEN_SUBJECT)
    assert notice.body == texts.MAIL_EMAIL_TAKEN_BODY  # fixed text: no link, nothing typed
    with unit_of_work() as session:
        assert session.exec(select(EmailChange)).all() == []
    assert _email_of(account_id) == OLD


def test_an_unfinished_registration_does_not_block_the_address(account):
    token, account_id = account
    from portal_app.services import register

    register.register(NEW, consent=True)  # never confirmed
    email_change.request_change(account_id, NEW, PASSWORD)
    assert email_change.confirm(_confirm_link(), session_token=token) == NEW
    with unit_of_work() as session:
        assert len(session.exec(select(Account).where(Account.email_key == NEW)).all()) == 1


def test_an_address_taken_between_request_and_link_is_refused(account, member):
    token, account_id = account
    email_change.request_change(account_id, NEW, PASSWORD)
    link = _confirm_link()
    member(NEW, "Ein ganz anderes Passwort für Bea")
    with pytest.raises(email_change.AddressTaken):
        email_change.confirm(link, session_token=token)
    assert _email_of(account_id) == OLD


@pytest.mark.parametrize(
    ("new", "password", "problem", "field"),
    [
        ("", PASSWORD, EmailRejected, "new_email"),
        ("keine-adresse", PASSWORD, EmailRejected, "new_email"),
        ("a" * 250 + "@example.de", PASSWORD, EmailRejected, "new_email"),
        ("<script>alert(1)</script>@example.de", PASSWORD, EmailRejected, "new_email"),
        ("jürgen@example.de", PASSWORD, EmailRejected, "new_email"),
        (OLD.upper(), PASSWORD, email_change.SameAddress, "new_email"),
        (NEW, "falsch falsch", CurrentPasswordWrong, "password"),
        (NEW, "", CurrentPasswordWrong, "password"),
    ],
)
def test_bad_input_stores_and_sends_nothing(account, new, password, problem, field):
    _token, account_id = account
    before = len(recent_mails())
    with pytest.raises(problem) as refused:
        email_change.request_change(account_id, new, password)
    assert refused.value.field == field
    assert len(recent_mails()) == before
    with unit_of_work() as session:
        assert session.exec(select(EmailChange)).all() == []


# --- undo -----------------------------------------------------------------------------------


def _changed(account, new: str = NEW) -> str:
    token, account_id = account
    email_change.request_change(account_id, new, PASSWORD)
    email_change.confirm(_confirm_link(new), session_token=token)
    return _undo_link()


def test_undo_gives_the_address_back_ends_every_session_and_asks_for_a_new_password(account):
    token, account_id = account
    undo_link = _changed(account)
    intruder = sessions.login(NEW, PASSWORD)
    assert email_change.check_undo_link(undo_link) == OLD

    assert email_change.undo(undo_link) == OLD

    assert _email_of(account_id) == OLD
    assert sessions.current_account(token) is None
    assert sessions.current_account(intruder) is None
    for address in (OLD, NEW):  # the old password opens nothing any more
        with pytest.raises(sessions.LoginFailed):
            sessions.login(address, PASSWORD)
    told = _mail_to(OLD, texts.MAIL_EMAIL_UNDONE_SUBJECT)
    reset = token_from(told.body)
    new_password = "Nussbaum geölt für die Ewigkeit"
    assert password_reset.reset_password(reset, new_password, new_password) == OLD
    assert sessions.login(OLD, new_password)


def test_undo_kills_reset_links_sent_to_the_new_address(account):
    undo_link = _changed(account)
    password_reset.request_reset(NEW)  # the intruder asks for a reset at their address
    intruder_reset = token_from(_mail_to(NEW, texts.MAIL_RESET_SUBJECT).body)
    email_change.undo(undo_link)
    with pytest.raises(password_reset.tokens.TokenInvalid):
        password_reset.reset_password(intruder_reset, "Lärche geölt hält", "Lärche geölt hält")


def test_the_undo_link_works_once(account):
    undo_link = _changed(account)
    email_change.undo(undo_link)
    with pytest.raises(email_change.UndoLinkInvalid) as replay:
        email_change.undo(undo_link)
    assert replay.value.problem is email_change.LinkProblem.USED


def test_the_undo_link_expires_after_7_days(account, clock):
    _token, account_id = account
    undo_link = _changed(account)
    clock.travel(days=7, seconds=1)
    with pytest.raises(email_change.UndoLinkInvalid) as expired:
        email_change.undo(undo_link)
    assert expired.value.problem is email_change.LinkProblem.EXPIRED
    assert _email_of(account_id) == NEW


def test_undoing_the_first_change_kills_the_undo_link_of_a_later_one(account):
    token, account_id = account
    first_undo = _changed(account)
    # the intruder changes the address once more; its undo link goes to their address
    email_change.request_change(account_id, "dritte@example.de", PASSWORD)
    email_change.confirm(_confirm_link("dritte@example.de"), session_token=token)
    intruder_undo = token_from(_mail_to(NEW, texts.MAIL_EMAIL_CHANGED_SUBJECT).body)

    email_change.undo(first_undo)
    assert _email_of(account_id) == OLD
    with pytest.raises(email_change.UndoLinkInvalid):
        email_change.undo(intruder_undo)
    assert _email_of(account_id) == OLD


def test_undo_voids_a_pending_change(account):
    _token, account_id = account
    undo_link = _changed(account)
    email_change.request_change(account_id, "spaeter@example.de", PASSWORD)
    pending = _confirm_link("spaeter@example.de")
    email_change.undo(undo_link)
    with pytest.raises(email_change.ChangeLinkInvalid):
        email_change.check_link(pending)


def test_unknown_and_malformed_links_are_refused(account):
    for bad in ("", "x" * 101, "kein-token"):
        with pytest.raises(email_change.ChangeLinkInvalid):
            email_change.check_link(bad)
        with pytest.raises(email_change.UndoLinkInvalid):
            email_change.undo(bad)
    assert _email_of(account[1]) == OLD
