"""The list of a member's sessions: only valid ones, this browser first, readable browsers;
and the cookie helpers."""

from portal_app.services import session_cookie, sessions
from portal_app.settings import settings
from portal_app.state.formatting import browser_of

ADDRESS = "steinmetz@betrieb-example.de"
PASSWORD = "Granit lässt sich nur langsam schleifen"
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"


def test_the_list_shows_valid_sessions_this_one_first(clock, member):
    first = member(ADDRESS, PASSWORD)
    clock.travel(minutes=2)
    other = sessions.login(ADDRESS, PASSWORD, user_agent=FIREFOX)
    ended = sessions.login(ADDRESS, PASSWORD)
    sessions.logout(ended)
    account_id = sessions.current_account(first).id

    views = sessions.active_sessions(account_id, first)

    assert [v.current for v in views] == [True, False]
    assert views[1].user_agent == FIREFOX
    clock.travel(minutes=settings.session_idle_minutes + 1)
    assert sessions.current_account(other) is None
    assert sessions.active_sessions(account_id, first) == []


def test_browsers_get_readable_names():
    assert browser_of(FIREFOX) == "Firefox unter Windows"
    assert browser_of("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36") == (
        "Chrome unter Linux"
    )
    assert browser_of("") == "Unbekannter Browser"


def test_the_cookie_is_read_among_others_and_set_http_only():
    header = f"other=1; {session_cookie.NAME}=abc-DEF_123; x=y"
    assert session_cookie.read(header) == "abc-DEF_123"
    assert session_cookie.read("") == session_cookie.read(None) == ""
    assert session_cookie.read("kp_sitzung_x=1") == ""

    assert session_cookie.set_header("t").split("; ")[1:4] == [
        "Path=/",
        "HttpOnly",
        "SameSite=Strict",
    ]
    assert "Max-Age=0" in session_cookie.clear_header()


def test_the_cookie_is_secure_over_https(monkeypatch):
    monkeypatch.setattr(session_cookie, "SECURE", True)
    assert session_cookie.set_header("t").endswith("; Secure")
    assert session_cookie.clear_header().endswith("; Secure")
