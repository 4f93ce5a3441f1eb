"""The course administration holds on the server: staff of another department calling every
event of its pages over the websocket change nothing and see no participant; staff of Bildung
replaying a booking id of another course cancel or move up nothing; a replayed "Kurs absagen"
cancels once (the mails of parallel calls: tests/unit/test_course_admin.py). A member's login
calling these handlers: test_staff_guard covers every staff handler."""

from __future__ import annotations

import inspect
import uuid
from datetime import timedelta

from playwright.sync_api import Page
from sqlalchemy import create_engine, text

from portal_app import routes
from portal_app.services import clock, dates
from portal_app.state.course_admin import StaffCourseNewState, StaffCoursesState, StaffCourseState
from tests.e2e import staff_flows
from tests.reflex_wire import events_of

HEADER = "kurs_nr;titel;kategorie;beschreibung;ort;beginn;ende;termine;preis;plaetze;anmeldeschluss"


def _import_courses(portal_cli, tmp_path, *codes: str) -> None:
    start = dates.format_date(clock.today() + timedelta(days=50))
    rows = [
        f"{code};Angriffskurs {code};Weiterbildung;;Musterstadt;{start};{start};;100;1;"
        for code in codes
    ]
    path = tmp_path / "kurse.csv"
    path.write_text("\n".join([HEADER, *rows]), encoding="utf-8")
    portal_cli("kurse", "import", str(path))


def _sql(portal_db: str, statement: str, **params):
    engine = create_engine(portal_db)
    with engine.begin() as connection:
        rows = connection.execute(text(statement), params).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def _course_id(portal_db: str, code: str) -> int:
    return _sql(portal_db, "SELECT id FROM course WHERE code = :c", c=code)[0][0]


def _add_booking(portal_db: str, course_id: int, name: str, status: str) -> int:
    """A booking as the member's booking would leave it (no account: nobody to mail)."""
    engine = create_engine(portal_db)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO booking (course_id, account_id, participant_name, "
                "participant_birth_date, participant_email, participant_key, status, created_at) "
                "VALUES (:c, NULL, :n, '1990-05-17', 't@betrieb.example', :k, :s, "
                "CURRENT_TIMESTAMP)"
            ),
            {"c": course_id, "n": name, "k": f"{name}|1990-05-17", "s": status},
        )
        if status == "gebucht":
            connection.execute(
                text("UPDATE course SET booked = booked + 1 WHERE id = :c"), {"c": course_id}
            )
        booking_id = connection.execute(text("SELECT max(id) FROM booking")).scalar_one()
    engine.dispose()
    return booking_id


def _snapshot(portal_db: str, *course_ids: int) -> list:
    ids = ",".join(str(int(i)) for i in course_ids)
    return [
        _sql(portal_db, f"SELECT * FROM course WHERE id IN ({ids}) ORDER BY id"),  # noqa: S608
        _sql(portal_db, f"SELECT * FROM booking WHERE course_id IN ({ids}) ORDER BY id"),  # noqa: S608
        _sql(portal_db, "SELECT count(*) FROM course"),
        _sql(portal_db, "SELECT count(*) FROM outbox_mail"),
        _sql(portal_db, "SELECT count(*) FROM audit_entry WHERE action LIKE 'course%'"),
    ]


def _handlers(state) -> list[tuple[str, list[str]]]:
    found = []
    for name in state.event_handlers:
        handler = getattr(state, name)
        if name == "setvar" or name not in vars(state):  # its own, not Reflex's or SessionState's
            continue
        params = list(inspect.signature(handler.fn).parameters)[1:]
        found.append((name, params))
    return found


def _payload(params: list[str], booking_id: int) -> dict:
    start = dates.format_date(clock.today() + timedelta(days=60))
    course = {
        "kurs_nr": f"X-{uuid.uuid4().hex[:6]}",
        "titel": "Eingeschleust",
        "kategorie": "Weiterbildung",
        "ort": "Nirgendwo",
        "beginn": start,
        "ende": start,
        "preis": "1",
        "plaetze": "1000",
        "suche": "",
    }
    return {
        name: course if name == "form_data" else (1 if name == "step" else str(booking_id))
        for name in params
    }


def _redirects(updates) -> list[str]:
    return [e["payload"].get("path") for e in events_of(updates) if e["name"] == "_redirect"]


def test_staff_of_another_department_change_nothing_and_see_no_participant(
    page: Page, portal_cli, portal_db, portal_url, tmp_path
):
    code = f"G-{uuid.uuid4().hex[:6]}"
    _import_courses(portal_cli, tmp_path, code)
    course = _course_id(portal_db, code)
    booking = _add_booking(portal_db, course, "Geheime Teilnehmerin", "warteliste")
    staff_flows.create_and_set_up(page, portal_cli, departments=("handwerksrolle", "beitrag"))
    before = _snapshot(portal_db, course)
    path = routes.staff_course(course)
    called = []
    with staff_flows.staff_wire(page, portal_url) as wire:
        for state in (StaffCoursesState, StaffCourseNewState, StaffCourseState):
            for handler, params in _handlers(state):
                updates = wire.call(
                    f"{state.get_full_name()}.{handler}",
                    _payload(params, booking),
                    path=path,
                    query={"kurs_id": str(course)},
                )
                called.append(handler)
                assert "Geheime Teilnehmerin" not in str(updates), handler
                assert code not in str(updates), handler
                if handler not in ("keep_course", "ask_cancel"):
                    assert _redirects(updates) == [routes.STAFF_INBOX], handler
    assert {"load", "create", "save", "cancel_course", "move_up", "cancel_booking"} <= set(called)
    assert {"download_pdf", "download_csv", "search", "turn"} <= set(called)
    assert _snapshot(portal_db, course) == before


def test_a_booking_id_of_another_course_is_refused_and_a_replayed_cancel_acts_once(
    page: Page, portal_cli, portal_db, portal_url, tmp_path
):
    mine, other = f"M-{uuid.uuid4().hex[:6]}", f"O-{uuid.uuid4().hex[:6]}"
    _import_courses(portal_cli, tmp_path, mine, other)
    mine_id, other_id = _course_id(portal_db, mine), _course_id(portal_db, other)
    seat = _add_booking(portal_db, other_id, "Fremde Teilnehmerin", "gebucht")
    waiting = _add_booking(portal_db, other_id, "Fremder Wartender", "warteliste")
    staff_flows.create_and_set_up(page, portal_cli, departments=("bildung",))
    before = _snapshot(portal_db, other_id)
    state = StaffCourseState.get_full_name()
    path, query = routes.staff_course(mine_id), {"kurs_id": str(mine_id)}
    with staff_flows.staff_wire(page, portal_url) as wire:
        wire.call(f"{state}.load", {}, path=path, query=query)
        for handler, booking in (("cancel_booking", seat), ("move_up", waiting)):
            updates = wire.call(f"{state}.{handler}", {"booking_id": str(booking)}, path=path)
            assert "Fremde" not in str(updates)
        assert _snapshot(portal_db, other_id) == before

        # the other course: cancelled by one event, the replays find it cancelled
        other_path, other_query = routes.staff_course(other_id), {"kurs_id": str(other_id)}
        wire.call(f"{state}.load", {}, path=other_path, query=other_query)
        for _ in range(3):
            wire.call(f"{state}.cancel_course", {}, path=other_path)
    statuses = _sql(
        portal_db, "SELECT status FROM booking WHERE course_id = :c ORDER BY id", c=other_id
    )
    assert statuses == [("storniert",), ("storniert",)]
    assert _sql(portal_db, "SELECT booked FROM course WHERE id = :c", c=other_id) == [(0,)]
    cancelled = _sql(
        portal_db,
        "SELECT count(*) FROM audit_entry WHERE action = 'course_cancelled' AND target = :t",
        t=f"kurs:{other_id}",
    )
    assert cancelled == [(1,)]
