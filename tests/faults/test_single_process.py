"""Faults of the single-process mode (SQLite, one backend process): a database lock held for
seconds, and a file store that is full or read-only during uploads."""

from __future__ import annotations

import sqlite3
import time

from tests.faults import actions, report
from tests.faults.conftest import add_courses, add_members
from tests.faults.load import DISCONNECTED, GERMAN, NO_ANSWER, TRACE, Load
from tests.faults.store import store_check

MEMBERS = 8
LOCK_SECONDS = 5.0
# Other members' events (a course page, the session check of every page) while another
# connection holds the write lock for LOCK_SECONDS: each answered within this many seconds.
# SQLite in WAL mode: readers do not wait for the writer; without WAL they would wait for the
# whole lock. The margin over the usual 50 ms is for a busy 2-core machine.
READ_BOUND = 1.5


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
        notes=f"slowest event (course page or session check) during the lock {slowest:.2f} s "
              f"(bound {READ_BOUND} s)",
    ))  # fmt: skip
    assert during, "no page was loaded while the lock was held"
    assert slowest < READ_BOUND, f"a page load waited {slowest:.2f} s for the lock"
    assert not seen[NO_ANSWER] and not seen[TRACE] and not seen[GERMAN] and not seen[DISCONNECTED]


UPLOADERS = 4
UPLOAD_BYTES = 8 * 1024
FAULT_SECONDS = 4.0


def test_a_full_then_read_only_store_refuses_uploads_in_german_and_keeps_nothing_half(
    single_portal, small_store
):
    members = add_members(single_portal, "speicher", UPLOADERS, unlocked=True)
    load = Load(single_portal.url, members, actions.upload_pdf(single_portal.url, UPLOAD_BYTES))

    def full_then_read_only() -> None:
        filler = small_store.fill()
        time.sleep(FAULT_SECONDS)
        filler.unlink()
        small_store.read_only()
        try:
            time.sleep(FAULT_SECONDS)
        finally:
            small_store.writable()

    load.run_phases(steady=4, fault=full_then_read_only, recovery=1, after=4)

    check = store_check(single_portal, small_store.path)
    seen = load.seen()
    told_uploaded = seen[actions.UPLOADED]
    during = load.seen("fault", "fault_end")
    lost = max(0, told_uploaded - check["rows"])
    duplicated = max(0, check["rows"] - told_uploaded)
    report.ROWS.append(report.Row(
        "5 file store full, then read-only (4 s each)", single_portal.mode, UPLOADERS,
        load.rate("start", "fault"), load.rate("fault", "fault_end"), load.rate("after", "end"),
        report.errors_text(seen) + f"; {during[actions.UPLOAD_REFUSED]} uploads refused",
        lost + check["rows without file"] + check["rows with other content"],
        duplicated + check["files without row"],
        notes=f"store after the run: {check}",
    ))  # fmt: skip
    assert during[actions.UPLOAD_REFUSED], "no upload was refused while the store was full"
    assert not seen[TRACE] and not seen[NO_ANSWER], (seen, load.samples)
    assert not seen["upload refused otherwise"], seen
    assert load.rate("after", "end", (actions.UPLOADED,)) > 0, "no upload after the fault"
    assert check["files without row"] == check["rows without file"] == 0, check
    assert check["rows with other content"] == check["temp files"] == 0, check
    assert check["counted bytes"] == check["row bytes"], check
    assert told_uploaded == check["rows"], (told_uploaded, check)
