"""URL builders and the `next` target after login, which must never lead off the site."""

import pytest

from portal_app import routes


@pytest.mark.parametrize("target", ["/konto", "/konto?x=1", "/kurse/12#termine", "/"])
def test_a_path_on_this_site_is_a_safe_next_target(target):
    assert routes.safe_next(target) == target


def test_a_safe_next_target_is_trimmed():
    assert routes.safe_next("  /konto ") == "/konto"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example",
        "http://evil.example/konto",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "konto",
        "/\t/evil.example",
        "/konto\r\nSet-Cookie: x=1",
        "",
        "   ",
        None,
        "/" + "a" * 200,
    ],
)
def test_anything_else_falls_back_to_the_default(target):
    assert routes.safe_next(target) == routes.ACCOUNT
    assert routes.safe_next(target, default=routes.HOME) == routes.HOME


def test_a_link_token_is_quoted_in_the_confirmation_url():
    assert routes.register_confirm("a+b/c=") == "/registrieren/bestaetigen?token=a%2Bb/c%3D"
    assert routes.register_confirm("Abc-_9") == "/registrieren/bestaetigen?token=Abc-_9"


def test_the_login_url_carries_the_next_target_quoted():
    assert routes.login() == "/anmelden"
    assert routes.login("/konto?x=1&y=2") == "/anmelden?next=/konto%3Fx%3D1%26y%3D2"


def test_course_form_and_help_urls_are_built_in_one_place():
    assert routes.course(12) == "/kurse/12"
    assert routes.form("beratungstermin") == "/formulare/beratungstermin"
    assert routes.help_entry("pin") == "/hilfe#pin"
    with pytest.raises(ValueError):
        routes.course("12/../../konto")
