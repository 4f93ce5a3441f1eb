"""p50/p95/p99 of one state event round trip (send → state update received) for 1, 10, 50 and
100 concurrent simulated members, over Reflex's websocket event protocol, for the portal (SQLite,
one worker), for the portal in its scale-out mode (PostgreSQL, Redis, two workers) and, in the
same run, for a blank Reflex counter app.

The portal event is `check_session` of a logged-in member: the session check of every event and
the Postfach count of a page load (`services/sessions.py`, `services/marks.py`). Also the memory
each connected member's session takes in the backend, portal vs blank app.
Run: `.venv/bin/python -m bench.events` (takes ~3 minutes).
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import machine, summary_ms, table  # noqa: E402
from tests.backing_services import postgres_database, reachable_redis  # noqa: E402
from tests.mailsink import free_port  # noqa: E402
from tests.reflex_server import serving, serving_process  # noqa: E402
from tests.reflex_wire import ROOT_STATE, SESSION_STATE, ReflexWire  # noqa: E402

MEMBERS = [1, 10, 50, 100]
EVENTS_PER_MEMBER = 30
CONNECTED_FOR_MEMORY = 200
BLANK_APP = ROOT / "bench" / "blank_app"
BLANK_EVENT = f"{ROOT_STATE}.blank_app___blank_app____counter_state.increment"
SESSION_COOKIE = "kp_sitzung"


def run_members(url: str, handler: str, members: int, cookie: str = ""):
    """Every member connects and hydrates, then all send their events at the same time."""
    samples: list[float] = []
    lock = threading.Lock()
    ready = threading.Barrier(members)
    errors: list[BaseException] = []

    def member() -> None:
        try:
            with ReflexWire(url, cookie=cookie) as wire:
                ready.wait(timeout=120)
                own = [wire.round_trip(handler) for _ in range(EVENTS_PER_MEMBER)]
            with lock:
                samples.extend(own)
        except BaseException as error:  # reported below, the run is then invalid
            errors.append(error)
            ready.abort()

    threads = [threading.Thread(target=member) for _ in range(members)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(f"{len(errors)} simulated members failed: {errors[0]!r}")
    return samples


def portal_member_token(env: dict[str, str]) -> str:
    """A logged-in demo member, made through the services against the portal's database."""
    os.environ.update(env)
    from portal_app.services import db, demo, sessions

    db.use_database(env["REFLEX_DB_URL"])
    demo.load_demo_data()
    return sessions.login(demo.DEMO_EMAIL, demo.DEMO_PASSWORD)


def measured(url: str, handler: str, members: int, cookie: str = "") -> list:
    p50, p95, p99 = summary_ms(run_members(url, handler, members, cookie))
    return [members, f"{p50:.1f}", f"{p95:.1f}", f"{p99:.1f}"]


def backend_memory(server) -> int:
    """Resident memory (bytes) of the app's processes: `reflex run` and its workers."""
    root = psutil.Process(server.pid)
    return sum(process.memory_info().rss for process in [root, *root.children(recursive=True)])


def memory_per_session(url: str, server, handler: str, cookie: str = "") -> float:
    """KiB of backend memory per connected member: CONNECTED_FOR_MEMORY members connect and
    send one event each, and stay connected while the memory is read."""
    before = backend_memory(server)
    connected = threading.Barrier(CONNECTED_FOR_MEMORY + 1)
    measured = threading.Barrier(CONNECTED_FOR_MEMORY + 1)

    def member() -> None:
        with ReflexWire(url, cookie=cookie) as wire:
            wire.round_trip(handler)
            connected.wait(timeout=300)
            measured.wait(timeout=300)

    threads = [threading.Thread(target=member) for _ in range(CONNECTED_FOR_MEMORY)]
    for thread in threads:
        thread.start()
    connected.wait(timeout=300)
    time.sleep(1)
    after = backend_memory(server)
    measured.wait(timeout=300)
    for thread in threads:
        thread.join()
    return (after - before) / CONNECTED_FOR_MEMORY / 1024


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-events-"))
    base_env = {**os.environ, "REFLEX_TELEMETRY_ENABLED": "false"}
    env = {
        **base_env,
        "PORTAL_DEMO": "1",
        "REFLEX_DB_URL": f"sqlite:///{work}/portal.db",
        "REFLEX_STATES_WORKDIR": str(work / "states"),
    }
    # The portal and the blank app serve side by side and are measured in turns, each member
    # count right after the other's, so a busier moment of the machine hits both alike.
    with (
        serving_process(ROOT, free_port(), env, work / "portal.log", migrate=True) as portal_app,
        serving_process(BLANK_APP, free_port(), base_env, work / "blank.log") as blank_app,
    ):
        cookie = f"{SESSION_COOKIE}={portal_member_token(env)}"
        handler = f"{SESSION_STATE}.check_session"
        portal, blank = [], []
        for members in MEMBERS:
            portal.append(measured(portal_app[0], handler, members, cookie))
            blank.append(measured(blank_app[0], BLANK_EVENT, members))
        portal_memory = memory_per_session(*portal_app, handler, cookie)
        blank_memory = memory_per_session(*blank_app, BLANK_EVENT)
    with postgres_database() as postgres:
        env = {**env, "REFLEX_DB_URL": postgres, "REFLEX_REDIS_URL": reachable_redis(),
               "GRANIAN_WORKERS": "2"}  # fmt: skip
        with serving(ROOT, free_port(), env, work / "scaled.log", migrate=True) as url:
            cookie = f"{SESSION_COOKIE}={portal_member_token(env)}"
            scaled = [measured(url, handler, members, cookie) for members in MEMBERS]

    print(f"Event round trip, {EVENTS_PER_MEMBER} events per member — {machine()}")
    print("portal: SQLite, 1 worker; scaled: PostgreSQL + Redis, 2 workers; blank: Reflex app")
    header = ["members", "portal p50 ms", "p95 ms", "p99 ms", "scaled p50 ms", "p95 ms",
              "p99 ms", "blank p50 ms", "p95 ms", "p99 ms"]  # fmt: skip
    rows = [p + s[1:] + b[1:] for p, s, b in zip(portal, scaled, blank, strict=True)]
    print(table(header, rows))
    print()
    ratios = [
        [p[0], f"{float(p[2]) / float(b[2]):.2f}"] for p, b in zip(portal, blank, strict=True)
    ]
    print(table(["members", "portal p95 / blank p95"], ratios))
    print()
    print(f"Backend memory per connected member ({CONNECTED_FOR_MEMORY} connected):")
    memory = [["portal", f"{portal_memory:.0f}"], ["blank", f"{blank_memory:.0f}"]]
    print(table(["app", "KiB per session"], memory))


if __name__ == "__main__":
    main()
