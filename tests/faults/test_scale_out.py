"""Faults of the scale-out mode (PostgreSQL, Redis, two backend workers behind one address),
each under a steady load of members: the mail server, the database and Redis go away and come
back, a worker is killed. Afterwards nothing a member was promised is lost or doubled."""

from __future__ import annotations

import json
import signal
import time
from collections import Counter

import psutil

from tests.faults import actions, report
from tests.faults.conftest import add_courses, add_members, use
from tests.faults.load import (
    DISCONNECTED,
    GERMAN,
    NO_ANSWER,
    SESSION_COOKIE,
    TRACE,
    Load,
    answer,
)  # fmt: skip
from tests.faults.store import store_check as _store_check
from tests.mailsink import body_of
from tests.reflex_wire import SESSION_STATE, ReflexWire

MEMBERS = 6
COURSES = 8
OUTAGE = 5.0  # seconds each backing service stays away
PASSWORD = "Störungen überstehen ohne Verlust"


def _bookings(portal, prefix: str) -> dict[str, int]:
    """Booked rows of the scenario's courses; rows beyond one per member and course; seats the
    courses count that no booked row stands for (or the other way round)."""
    from sqlalchemy import func
    from sqlmodel import select

    from portal_app.models import Booking, Course
    from portal_app.services import booking, db

    use(portal)
    with db.unit_of_work() as session:
        courses = session.exec(select(Course).where(Course.code.startswith(f"{prefix}-"))).all()
        ids = [course.id for course in courses]
        rows = session.exec(
            select(Booking.course_id, Booking.account_id, func.count(Booking.id))
            .where(Booking.status == booking.BOOKED, Booking.course_id.in_(ids))
            .group_by(Booking.course_id, Booking.account_id)
        ).all()
        per_course = Counter()
        for course_id, _account, count in rows:
            per_course[course_id] += count
        return {
            "stored": sum(count for *_, count in rows),
            "doubled": sum(count - 1 for *_, count in rows if count > 1),
            "seats off": sum(abs(c.booked - per_course[c.id]) for c in courses),
        }


def _booking_row(load: Load, portal, prefix: str, scenario: str, extra: str = "") -> dict:
    check = _bookings(portal, prefix)
    seen = load.seen()
    told = seen[actions.BOOKED]
    lost = max(0, told - check["stored"])
    report.ROWS.append(report.Row(
        scenario, portal.mode, len(load.members),
        load.rate("start", "fault"), load.rate("fault", "fault_end"), load.rate("after", "end"),
        report.errors_text(seen), lost + check["seats off"], check["doubled"],
        notes=f"told booked {told}, booked rows {check['stored']}, seats counted without a "
              f"booking {check['seats off']}, reloads {load.reconnects}{extra}",
    ))  # fmt: skip
    return check | {"told": told, "lost": lost}


def _words(text: str) -> str:
    """A mail's text without the line breaks and spaces its transfer may change."""
    return " ".join(text.split())


def _wait_for_outbox(timeout: float = 90) -> None:
    from sqlmodel import col, func, select

    from portal_app.models import OutboxMail
    from portal_app.services import db

    deadline = time.monotonic() + timeout
    while True:
        with db.unit_of_work() as session:
            waiting = session.exec(
                select(func.count()).select_from(OutboxMail).where(
                    col(OutboxMail.sent_at).is_(None), col(OutboxMail.failed_at).is_(None)
                )
            ).one()  # fmt: skip
        if not waiting or time.monotonic() > deadline:
            return
        time.sleep(0.5)


def test_smtp_down_during_registrations_and_bookings_every_mail_arrives_exactly_once(
    scaled_portal, mail_sink
):
    course_ids = add_courses(scaled_portal, "SMTP", COURSES, 100)
    members = add_members(scaled_portal, "smtp", MEMBERS)
    load = Load(scaled_portal.url, members, actions.either(
        actions.booking(course_ids), actions.register("smtp-neu")
    ))  # fmt: skip

    def smtp_away() -> None:
        mail_sink.stop()
        time.sleep(OUTAGE)
        mail_sink.start()

    load.run_phases(steady=4, fault=smtp_away, recovery=2, after=4)
    use(scaled_portal)
    _wait_for_outbox()

    from sqlmodel import select

    from portal_app.models import OutboxMail
    from portal_app.services import db

    with db.unit_of_work() as session:
        outbox = session.exec(select(OutboxMail)).all()
    queued = Counter((m.recipient.casefold(), m.subject, _words(m.body)) for m in outbox)
    arrived = Counter(
        (address.casefold(), str(message["Subject"]), _words(body_of(message)))
        for received in mail_sink.messages
        for address in received.recipients
        for message in [received.message]
    )
    missing = sum((queued - arrived).values())
    doubled = sum(count - 1 for count in arrived.values() if count > 1)
    unsent = sum(1 for m in outbox if m.sent_at is None)
    retried = sum(1 for m in outbox if m.attempts)
    check = _booking_row(
        load,
        scaled_portal,
        "SMTP",
        "1 SMTP down 5 s (2 workers deliver)",
        f"; mails queued {len(outbox)}, arrived {sum(arrived.values())}, retried after the "
        f"outage {retried}, missing {missing}, twice {doubled}, unsent {unsent}",
    )
    row = report.ROWS[-1]
    row.lost += missing + unsent
    row.duplicated += doubled
    assert retried, "no mail waited for the mail server: the outage was not under load"
    assert missing == unsent == 0, (missing, unsent, list(queued)[:1], list(arrived)[:1])
    assert doubled == 0, [key for key, count in arrived.items() if count > 1][:3]
    assert check["lost"] == check["doubled"] == check["seats off"] == 0, check
    assert not load.seen()[TRACE] and not load.seen()[NO_ANSWER], load.samples


def test_postgres_restart_during_bookings_and_logins(scaled_portal, own_postgres):
    course_ids = add_courses(scaled_portal, "PG", COURSES, 100)
    members = add_members(scaled_portal, "pg", MEMBERS)
    load = Load(scaled_portal.url, members, actions.either(
        actions.booking(course_ids), actions.login(PASSWORD), actions.check_session
    ))  # fmt: skip

    def postgres_away() -> None:
        own_postgres.stop()
        time.sleep(OUTAGE)
        own_postgres.start()

    load.run_phases(steady=4, fault=postgres_away, recovery=3, after=5)
    check = _booking_row(load, scaled_portal, "PG", "2 PostgreSQL stopped 5 s, restarted")
    during, after = load.seen("fault", "after"), load.seen("after", "end")
    assert during[GERMAN], f"members saw no German message during the outage: {during}"
    assert not load.seen()[TRACE], load.samples
    assert not load.seen()[NO_ANSWER], "an event stayed unanswered (a spinner for good)"
    assert load.rate("after", "end") > 0 and not after[GERMAN] and not after[NO_ANSWER], after
    assert check["lost"] == check["doubled"] == check["seats off"] == 0, check


def _logged_in(url: str, token: str) -> bool:
    with ReflexWire(url, cookie=f"{SESSION_COOKIE}={token}") as wire:
        _seconds, updates = answer(wire, f"{SESSION_STATE}.check_session")
        updates = wire.hydrated + updates
    return '"logged_in_rx_state_": true' in json.dumps(updates)


def test_redis_restart_loses_no_login_and_no_booking(scaled_portal, own_redis):
    course_ids = add_courses(scaled_portal, "REDIS", COURSES, 100)
    members = add_members(scaled_portal, "redis", MEMBERS)
    load = Load(scaled_portal.url, members, actions.either(
        actions.booking(course_ids), actions.check_session
    ))  # fmt: skip

    def redis_away() -> None:
        own_redis.stop()  # no persistence: every tab's state and lock is gone
        time.sleep(OUTAGE)
        own_redis.start()

    load.run_phases(steady=4, fault=redis_away, recovery=3, after=5)
    check = _booking_row(load, scaled_portal, "REDIS", "3 Redis stopped 5 s, restarted empty")
    still_in = sum(_logged_in(scaled_portal.url, m.token) for m in members)
    report.ROWS[-1].notes += f", logged in after a reload {still_in} of {len(members)}"
    after = load.seen("after", "end")
    assert still_in == len(members)
    assert not load.seen()[TRACE], load.samples
    assert load.rate("after", "end") > 0 and not after[NO_ANSWER], after
    assert check["lost"] == check["doubled"] == check["seats off"] == 0, check


def _workers(portal) -> list[psutil.Process]:
    """The backend worker processes: the children of `reflex run` (granian's workers)."""
    return psutil.Process(portal.process.pid).children(recursive=True)


def test_a_worker_killed_during_uploads_and_bookings(scaled_portal):
    course_ids = add_courses(scaled_portal, "KILL", COURSES, 100)
    members = add_members(scaled_portal, "kill", MEMBERS, unlocked=True)
    load = Load(scaled_portal.url, members, actions.either(
        actions.booking(course_ids), actions.upload_pdf(scaled_portal.url, 256 * 1024)
    ))  # fmt: skip
    workers = _workers(scaled_portal)
    assert len(workers) == 2, workers

    def kill_a_worker() -> None:
        workers[-1].send_signal(signal.SIGKILL)
        time.sleep(OUTAGE)

    load.run_phases(steady=4, fault=kill_a_worker, recovery=3, after=5)
    check = _booking_row(load, scaled_portal, "KILL", "4 a worker killed (SIGKILL)")
    store = _store_check(scaled_portal, scaled_portal.work / "dateien")
    after_workers = _workers(scaled_portal)
    row = report.ROWS[-1]
    row.lost += store["rows without file"] + store["rows with other content"]
    row.duplicated += store["temp files"]  # a killed worker's marker no sweep settled
    row.duplicated += store["files without row"]
    row.notes += (f"; uploads told stored {load.seen()[actions.UPLOADED]}, store {store}, "
                  f"workers afterwards {len(after_workers)}")  # fmt: skip
    assert not load.seen()[TRACE], load.samples
    assert load.rate("fault", "fault_end") > 0, "the other worker did not serve meanwhile"
    assert check["lost"] == check["doubled"] == check["seats off"] == 0, check
    assert store["rows without file"] == store["files without row"] == 0, store
    assert store["rows with other content"] == store["temp files"] == 0, store
    assert store["counted bytes"] == store["row bytes"], store
    assert load.seen()[actions.UPLOADED] <= store["rows"], store
    assert load.seen()[DISCONNECTED], "no member was on the killed worker"
