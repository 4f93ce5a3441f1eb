"""Behind nginx (REFLEX_TRUSTED_PROXY_HOPS=1) the portal counts failed logins per member's
address, not per proxy: two clients (127.0.0.2 and 127.0.0.3, through nginx over HTTPS) do not
share a counter, and an X-Forwarded-For a client makes up does not move its own."""

from __future__ import annotations

import re
import time
import uuid

from portal_app import texts
from tests.e2e.docs_support import db_rows
from tests.reflex_wire import SESSION_STATE, ReflexWire

LOGIN = f"{SESSION_STATE}.portal_app___state___login____login_state"
CLIENT_A, CLIENT_B, FORGED = "127.0.0.2", "127.0.0.3", "203.0.113.9"
# After the 9th failure a client waits 16 s: time enough, even on a slow machine, for the
# checks that follow (each opens a websocket through nginx).
FAILURES = 9
WAIT = re.compile(re.escape(texts.LOGIN_WAIT).replace(r"\{seconds\}", r"\d+"))


def login_error(wire: ReflexWire) -> str:
    """Try an unknown address with a wrong password; the error the login form then shows."""
    email = f"niemand-{uuid.uuid4().hex[:8]}@betrieb-test.example"
    payload = {"form_data": {"email": email, "password": "falsches Passwort 123"}}
    for update in wire.call(f"{LOGIN}.submit", payload, path="/anmelden"):
        error = update.get("delta", {}).get(LOGIN, {}).get("problem_rx_state_")  # the alert
        if error:
            return error
    raise AssertionError("the login form showed no error")


def test_two_clients_have_their_own_counters_and_a_forged_header_changes_nothing(nginx, portal_env):
    with ReflexWire(nginx, source_address=CLIENT_A) as client_a:
        failed, deadline = 0, time.monotonic() + 60
        while failed < FAILURES:
            assert time.monotonic() < deadline, "the failures took too long"
            error = login_error(client_a)
            if error == texts.LOGIN_FAILED:
                failed += 1
            else:
                assert WAIT.fullmatch(error), error
                time.sleep(1)

        forged = {"X-Forwarded-For": CLIENT_B}
        with ReflexWire(nginx, headers=forged, source_address=CLIENT_A) as disguised:
            assert WAIT.fullmatch(login_error(disguised))
        assert WAIT.fullmatch(login_error(client_a))
        with ReflexWire(nginx, source_address=CLIENT_B) as client_b:
            assert login_error(client_b) == texts.LOGIN_FAILED
        with ReflexWire(nginx, headers={"X-Forwarded-For": FORGED}, source_address=CLIENT_B) as b:
            assert login_error(b) == texts.LOGIN_FAILED

    counted = dict(db_rows(portal_env, "select client, count(*) from login_failure group by 1"))
    assert counted == {CLIENT_A: FAILURES, CLIENT_B: 2}
