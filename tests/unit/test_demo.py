"""Demo data: the demo account can log in, and loading twice adds nothing."""

from portal_app.services import demo, sessions


def test_the_demo_account_is_loaded_once_and_can_log_in():
    assert demo.load_demo_data() is True
    assert demo.load_demo_data() is False

    token = sessions.login(demo.DEMO_EMAIL, demo.DEMO_PASSWORD)
    assert sessions.current_account(token).email == demo.DEMO_EMAIL
