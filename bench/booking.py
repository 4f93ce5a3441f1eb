"""Bookings per second with 50 members booking at once, on SQLite (one worker, the default)
next to PostgreSQL with Redis and two workers (the scale-out mode), and the overbooking count.

Each member is a websocket client of its own with a login cookie. All start together and go
through the same ten courses of 30 seats in their own order: open the course page (its load
event), then book (the booking event). 50 members on 30 seats: 20 of them are refused per
course. Afterwards the database is asked how many booked rows each course holds; more than its
seats is overbooking and must be 0. Needs PostgreSQL and Redis as for `make test`.

Run: `.venv/bin/python -m bench.booking` (about a minute).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORTAL_DEMO", "1")
os.environ.setdefault("PORTAL_BCRYPT_ROUNDS", "4")

from bench.events import SESSION_COOKIE  # noqa: E402
from bench.machine import machine, summary_ms, table  # noqa: E402
from bench.members import add_members  # noqa: E402
from portal_app.services import clock  # noqa: E402
from tests.backing_services import postgres_database, reachable_redis  # noqa: E402
from tests.e2e.course_data import HEADER  # noqa: E402
from tests.mailsink import free_port  # noqa: E402
from tests.reflex_server import serving  # noqa: E402
from tests.reflex_wire import SESSION_STATE, ReflexWire  # noqa: E402

MEMBERS = 50
COURSES = 10
SEATS = 30
DETAIL_STATE = f"{SESSION_STATE}.portal_app___state___course_detail____course_detail_state"


def _course_csv() -> str:
    starts = clock.today() + timedelta(days=60)
    rows = [
        f"BENCH-{n};Lasttest-Kurs {n};Weiterbildung;Für den Lasttest.;Musterstadt;{starts};"
        f"{starts + timedelta(days=1)};Mo–Di;100,00;{SEATS};{starts - timedelta(days=7)}"
        for n in range(COURSES)
    ]
    return "\n".join([HEADER, *rows]) + "\n"


def prepare(db_url: str) -> tuple[list[int], list[str]]:
    """Courses and logged-in members, written through the services into the portal's database;
    the course ids and the members' session tokens."""
    from sqlmodel import select

    from portal_app.models import Course
    from portal_app.services import course_import, db, sessions

    db.use_database(db_url)
    course_import.import_csv(_course_csv())
    members = add_members("bench", MEMBERS, "Lasttest für fünfzig Mitglieder")
    with db.unit_of_work() as session:
        tokens = [sessions.start(session, account_id) for account_id, _ in members]
        ids = session.exec(select(Course.id).where(Course.code.startswith("BENCH-"))).all()
    return sorted(ids), tokens


def overbooked(db_url: str) -> tuple[int, int]:
    """Booked rows beyond the seats, over all courses; and the booked rows in all."""
    from sqlalchemy import func
    from sqlmodel import select

    from portal_app.models import Booking, Course
    from portal_app.services import booking, db

    db.use_database(db_url)
    with db.unit_of_work() as session:
        rows = session.exec(
            select(Course.capacity, func.count(Booking.id))
            .join(Booking, Booking.course_id == Course.id)
            .where(Booking.status == booking.BOOKED, Course.code.startswith("BENCH-"))
            .group_by(Course.id, Course.capacity)
        ).all()
    return sum(max(0, booked - seats) for seats, booked in rows), sum(b for _, b in rows)


def member_run(url: str, token: str, course_ids: list[int], n: int, start: threading.Barrier):
    """One member books every course in an order of its own; the booking events' seconds."""
    order = random.Random(n).sample(course_ids, len(course_ids))
    form = {"participant_name": f"Mitglied {n}", "birth_date": "1990-05-17", "terms": "on"}
    payload = {"form_data": form}
    samples = []
    with ReflexWire(url, cookie=f"{SESSION_COOKIE}={token}") as wire:
        start.wait(timeout=120)
        for course_id in order:
            path = f"/kurse/{course_id}"
            wire.timed_call(f"{DETAIL_STATE}.load", path=path)
            samples.append(wire.timed_call(f"{DETAIL_STATE}.book", payload, path=path)[0])
    return samples


def run(url: str, db_url: str) -> list:
    course_ids, tokens = prepare(db_url)
    start = threading.Barrier(MEMBERS + 1)
    samples: list[float] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def member(n: int) -> None:
        try:
            own = member_run(url, tokens[n], course_ids, n, start)
            with lock:
                samples.extend(own)
        except BaseException as error:  # reported below, the run is then invalid
            errors.append(error)
            start.abort()

    threads = [threading.Thread(target=member, args=(n,)) for n in range(MEMBERS)]
    for thread in threads:
        thread.start()
    start.wait(timeout=120)
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    if errors:
        raise RuntimeError(f"{len(errors)} members failed: {errors[0]!r}")
    extra, booked = overbooked(db_url)
    p50, p95, p99 = summary_ms(samples)
    return [
        len(samples), booked, f"{len(samples) / seconds:.0f}", f"{booked / seconds:.0f}",
        f"{p50:.0f}", f"{p95:.0f}", f"{p99:.0f}", extra,
    ]  # fmt: skip


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-booking-"))
    base = {
        **os.environ,
        "REFLEX_TELEMETRY_ENABLED": "false",
        "PORTAL_DEMO": "1",
        "REFLEX_UPLOADED_FILES_DIR": str(work / "uploads"),
        "PORTAL_FILES_DIR": str(work / "dateien"),
    }
    rows = []
    sqlite = f"sqlite:///{work}/portal.db"
    env = {**base, "REFLEX_DB_URL": sqlite, "REFLEX_STATES_WORKDIR": str(work / "states")}
    with serving(ROOT, free_port(), env, work / "sqlite.log", migrate=True) as url:
        rows.append(["SQLite, 1 worker", *run(url, sqlite)])
    with postgres_database() as postgres:
        env = {**base, "REFLEX_DB_URL": postgres, "REFLEX_REDIS_URL": reachable_redis(),
               "GRANIAN_WORKERS": "2"}  # fmt: skip
        with serving(ROOT, free_port(), env, work / "postgres.log", migrate=True) as url:
            rows.append(["PostgreSQL + Redis, 2 workers", *run(url, postgres)])

    print(f"{MEMBERS} members booking {COURSES} courses of {SEATS} seats at once — {machine()}")
    header = ["mode", "attempts", "booked", "attempts/s", "bookings/s",
              "p50 ms", "p95 ms", "p99 ms", "overbooked"]  # fmt: skip
    print(table(header, rows))


if __name__ == "__main__":
    main()
