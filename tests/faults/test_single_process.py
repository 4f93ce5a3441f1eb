"""Faults of the single-process mode (SQLite, one backend process): a database lock held for
seconds, and a file store that is full or read-only during uploads."""

from __future__ import annotations

import sqlite3
import time

from tests.faults import actions, report
from tests.faults.conftest import add_courses, add_members
from tests.faults.load import DISCONNECTED, GERMAN, NO_ANSWER, TRACE, Load

MEMBERS = 8
LOCK_SECONDS = 5.0
# Other members' page loads while another connection holds the write lock: each answered
# within this many seconds (WAL: readers never wait for the writer).
READ_BOUND = 1.0


def test_a_write_lock_held_for_seconds_does_not_stall_other_members_pages(single_portal):
    course_ids = add_courses(single_portal, "LANGSAM", 5, 30)
    members = add_members(single_portal, "langsam", MEMBERS)
    load = Load(single_portal.url, members, actions.either(
        actions.course_page(course_ids), actions.check_session
    ))  # fmt: skip
    database = single_portal.db_url.removeprefix("sqlite:///")

    def hold_the_write_lock() -> None:
        connection = sqlite3.connect(database, timeout=30, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("UPDATE course SET title = title WHERE id = ?", (course_ids[0],))
            time.sleep(LOCK_SECONDS)
            connection.execute("ROLLBACK")
        finally:
            connection.close()

    load.run_phases(steady=4, fault=hold_the_write_lock, recovery=1, after=4)

    during = load.within("fault", "fault_end")
    slowest = max((o.seconds for o in during), default=0.0)
    seen = load.seen()
    report.ROWS.append(report.Row(
        "6 slow database (write lock held 5 s)", single_portal.mode, MEMBERS,
        load.rate("start", "fault"), load.rate("fault", "fault_end"), load.rate("after", "end"),
        report.errors_text(seen), 0, 0,
        notes=f"slowest event (course page or session check) during the lock {slowest:.2f} s (bound {READ_BOUND} s)",
    ))  # fmt: skip
    assert during, "no page was loaded while the lock was held"
    assert slowest < READ_BOUND, f"a page load waited {slowest:.2f} s for the lock"
    assert not seen[NO_ANSWER] and not seen[TRACE] and not seen[GERMAN] and not seen[DISCONNECTED]
