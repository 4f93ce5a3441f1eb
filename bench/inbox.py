"""How fast the staff's inbox answers with 20,000 items over 7 departments, next to 200.

Fills a temporary SQLite database (the portal's tables and indexes) with inbox items spread
over the departments, kinds, statuses and a year of days, a third of them read by the staff
member; then times the service calls a click in the inbox makes, for a staff member of two
departments and for an administrator (every department): the first page, a status filter,
department + kind, a month, a text search, a late page and the count per status. Prints p50
and p95 in milliseconds.

    .venv/bin/python -m bench.inbox [--repeats 100]

No assertions: numbers to read (the target is p95 ≤ 20 ms with 20,000 items).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORTAL_DEMO", "1")

import time  # noqa: E402

from sqlalchemy import insert  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

from bench.machine import machine, summary_ms, table  # noqa: E402
from portal_app.models import Vorgang, VorgangGelesen, VorgangWort  # noqa: E402
from portal_app.services import clock, db, departments, inbox  # noqa: E402
from portal_app.services.inbox import InboxFilter, Scope  # noqa: E402

NAMES = ("Schreinerei Eder", "Malerbetrieb Huber", "Elektro Maier", "Bäckerei Schmid",
         "Dachdeckerei Berger", "Kfz-Technik Wolf", "Friseursalon Lange")  # fmt: skip
STAFF = Scope(staff_id=1, departments=(departments.HANDWERKSROLLE, departments.BEITRAG))
ADMIN = Scope(staff_id=2, departments=tuple(departments.ALL))


def fill(count: int) -> None:
    """`count` items, newest today, spread over the last year."""
    now = clock.now()
    keys, kinds, statuses = list(departments.ALL), list(inbox.KINDS), list(inbox.STATUSES)
    rows, seen, words = [], [], []
    for number in range(count):
        sender = f"{NAMES[number % len(NAMES)]} {number}"
        subject = f"Unterlage {number}"
        email = f"betrieb{number}@handwerk.example"
        rows.append(
            {
                "id": number + 1,
                "kind": kinds[number % len(kinds)],
                "department": keys[number % len(keys)],
                "status": statuses[(number // 7) % len(statuses)],
                "received_at": now - timedelta(minutes=number * 26),  # a year for 20,000
                "sender": sender,
                "sender_email": email,
                "subject": subject,
            }
        )
        words += [
            {"wort": w, "vorgang_id": number + 1} for w in inbox.words(sender, email, subject)
        ]
        if number % 3 == 0:
            seen.append({"vorgang_id": number + 1, "staff_id": STAFF.staff_id})
    with db.unit_of_work() as session:
        session.exec(insert(Vorgang), params=rows)
        session.exec(insert(VorgangGelesen), params=seen)
        session.exec(insert(VorgangWort), params=words)


def cases() -> dict[str, tuple[Scope, callable]]:
    today = clock.now().date()
    month = InboxFilter(since=today - timedelta(days=60), until=today - timedelta(days=30))
    return {
        "erste Seite": lambda scope: inbox.listing(scope, InboxFilter()),
        "Status neu": lambda scope: inbox.listing(scope, InboxFilter(status=inbox.NEW)),
        "Abteilung + Art": lambda scope: inbox.listing(
            scope, InboxFilter(department=departments.BEITRAG, kind=inbox.KIND_DOCUMENT)
        ),
        "ein Monat": lambda scope: inbox.listing(scope, month),
        "Suche 'huber 12'": lambda scope: inbox.listing(scope, InboxFilter(text="huber 12")),
        "Seite 40": lambda scope: inbox.listing(scope, InboxFilter(page=40)),
        "Anzahl je Status": inbox.counts,
    }


def measure(count: int, repeats: int) -> dict[tuple[str, str], tuple[float, float]]:
    with tempfile.TemporaryDirectory() as directory:
        db.use_database(f"sqlite:///{directory}/inbox.db")
        SQLModel.metadata.create_all(db.engine())
        fill(count)
        results = {}
        for who, scope in (("Sachbearbeitung (2 Abt.)", STAFF), ("Verwaltung (alle)", ADMIN)):
            for name, call in cases().items():
                call(scope)  # warm
                samples = []
                for _ in range(repeats):
                    started = time.perf_counter()
                    call(scope)
                    samples.append(time.perf_counter() - started)
                p50, p95, _p99 = summary_ms(samples)
                results[(who, name)] = (p50, p95)
        db.engine().dispose()
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=100)
    args = parser.parse_args()
    small, large = measure(200, args.repeats), measure(20_000, args.repeats)
    print(f"Inbox queries, SQLite — {machine()}\n")
    rows = [
        [who, name, f"{small[key][0]:.1f}", f"{small[key][1]:.1f}",
         f"{large[key][0]:.1f}", f"{large[key][1]:.1f}"]
        for key in large
        for who, name in [key]
    ]  # fmt: skip
    header = ["wer", "Abfrage", "200: p50 ms", "200: p95 ms", "20.000: p50 ms", "20.000: p95 ms"]
    print(table(header, rows))


if __name__ == "__main__":
    main()
