"""Logins per second at the configured bcrypt cost, and whether the event loop stays free: the
p95 of other members' events while 20 logins run at once, next to the same members alone.

Run: `.venv/bin/python -m bench.login` (PORTAL_BCRYPT_ROUNDS as in production, default 12).
"""

from __future__ import annotations

import os
import queue
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.events import SESSION_COOKIE, portal_member_token  # noqa: E402
from bench.machine import machine, summary_ms, table  # noqa: E402
from bench.members import add_members  # noqa: E402
from tests.mailsink import free_port  # noqa: E402
from tests.reflex_server import serving  # noqa: E402
from tests.reflex_wire import SESSION_STATE, ReflexWire  # noqa: E402

LOGINS = 20
PASSWORD = "Zwanzig Mitglieder melden sich gleichzeitig an"
OTHERS = 10
LOGIN_EVENT = f"{SESSION_STATE}.portal_app___state___login____login_state.submit"


def others_while(url: str, token: str, busy: threading.Event, started: threading.Barrier):
    """OTHERS members send check_session events until `busy` is cleared; their latencies."""
    samples: list[float] = []
    lock = threading.Lock()

    def member() -> None:
        with ReflexWire(url, cookie=f"{SESSION_COOKIE}={token}") as wire:
            started.wait()
            own = []
            while busy.is_set():
                own.append(wire.round_trip(f"{SESSION_STATE}.check_session"))
            with lock:
                samples.extend(own)

    threads = [threading.Thread(target=member) for _ in range(OTHERS)]
    for thread in threads:
        thread.start()
    return threads, samples


def _logged_in(updates: list[dict]) -> bool:
    return any(
        update.get("delta", {}).get(SESSION_STATE, {}).get("logged_in_rx_state_") is True
        for update in updates
    )


def _logged_in_within(client: ReflexWire, seconds: float) -> bool:
    """Whether an update says "logged in" before `seconds` (the login's first update may be
    its busy state; on a loaded machine the result follows later)."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            if _logged_in([client.updates.get(timeout=left)]):
                return True
        except queue.Empty:
            return False
    return False


def logins(url: str, emails: list[str]) -> float:
    """Wall time of LOGINS simultaneous logins of different members (each a websocket event of
    its own client)."""
    # each from an address of its own, as members log in from their own offices: the login
    # throttle counts new browsers per client address (services/throttle.py)
    clients = [
        ReflexWire(url, source_address=f"127.0.1.{n + 1}").__enter__() for n in range(len(emails))
    ]
    done = threading.Barrier(LOGINS + 1)
    succeeded: list[bool] = []

    def login(client: ReflexWire, email: str) -> None:
        payload = {"form_data": {"email": email, "password": PASSWORD}}
        client.send(LOGIN_EVENT, payload, path="/anmelden")
        succeeded.append(_logged_in_within(client, 120))
        done.wait()

    started = time.perf_counter()
    for client, email in zip(clients, emails, strict=True):
        threading.Thread(target=login, args=(client, email)).start()
    done.wait()
    elapsed = time.perf_counter() - started
    for client in clients:
        client.__exit__(None, None, None)
    if succeeded.count(True) != LOGINS:
        raise RuntimeError(f"only {succeeded.count(True)} of {LOGINS} logins succeeded")
    return elapsed


def run(url: str, token: str, emails: list[str] | None) -> tuple[list[float], float]:
    """Other members' event times, alone (`emails` None) or while those members log in."""
    busy = threading.Event()
    busy.set()
    started = threading.Barrier(OTHERS + 1)
    threads, samples = others_while(url, token, busy, started)
    started.wait()
    wall = 0.0
    if emails:
        wall = logins(url, emails)
    else:
        time.sleep(3)
    busy.clear()
    for thread in threads:
        thread.join()
    return samples, wall


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-login-"))
    env = {**os.environ, "REFLEX_TELEMETRY_ENABLED": "false", "PORTAL_DEMO": "1",
           "REFLEX_DB_URL": f"sqlite:///{work}/portal.db",
           "REFLEX_STATES_WORKDIR": str(work / "states")}  # fmt: skip
    rounds = env.get("PORTAL_BCRYPT_ROUNDS", "12")
    with serving(ROOT, free_port(), env, work / "portal.log", migrate=True) as url:
        token = portal_member_token(env)
        emails = [email for _, email in add_members("anmeldung", LOGINS, PASSWORD)]
        alone, _ = run(url, token, None)
        during, wall = run(url, token, emails)
    print(f"Logins at bcrypt cost {rounds} — {machine()}")
    print(table(["measure", "value"], [
        [f"{LOGINS} simultaneous logins, wall time", f"{wall:.2f} s"],
        ["logins per second", f"{LOGINS / wall:.1f}"],
        [f"p95 of {OTHERS} other members, alone", f"{summary_ms(alone)[1]:.1f} ms"],
        [f"p95 of {OTHERS} other members, during logins", f"{summary_ms(during)[1]:.1f} ms"],
    ]))  # fmt: skip


if __name__ == "__main__":
    main()
