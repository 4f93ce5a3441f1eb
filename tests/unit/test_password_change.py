"""Changing the password in the portal: the current one is required, the new one follows the
policy and differs, and the member is mailed."""

import pytest

from portal_app import texts
from portal_app.services import sessions
from portal_app.services.mail import recent_mails
from portal_app.services.password_change import CurrentPasswordWrong, change_password
from portal_app.services.passwords import PasswordMismatch, PasswordRejected

ADDRESS = "schreiner@betrieb-example.de"
PASSWORD = "Eiche geölt hält ein ganzes Leben"
NEW = "Buche gedämpft wird schön rötlich"


@pytest.fixture
def logged_in(member):
    token = member(ADDRESS, PASSWORD)
    return token, sessions.current_account(token).id


def test_the_new_password_replaces_the_old(logged_in):
    token, account_id = logged_in
    change_password(account_id, token, PASSWORD, NEW, NEW)

    assert sessions.login(ADDRESS, NEW)
    with pytest.raises(sessions.LoginFailed):
        sessions.login(ADDRESS, PASSWORD)
    assert recent_mails()[0].subject == texts.MAIL_PASSWORD_CHANGED_SUBJECT


@pytest.mark.parametrize(
    ("current", "new", "repeat", "problem"),
    [
        ("falsch", NEW, NEW, CurrentPasswordWrong),
        ("", NEW, NEW, CurrentPasswordWrong),
        (PASSWORD, "kurz", "kurz", PasswordRejected),
        (PASSWORD, NEW, NEW + "!", PasswordMismatch),
        (PASSWORD, PASSWORD, PASSWORD, PasswordRejected),
        (PASSWORD, "ä" * 40, "ä" * 40, PasswordRejected),
    ],
)
def test_bad_input_changes_nothing(logged_in, current, new, repeat, problem):
    token, account_id = logged_in
    with pytest.raises(problem):
        change_password(account_id, token, current, new, repeat)

    assert sessions.login(ADDRESS, PASSWORD)
    assert sessions.current_account(token)
