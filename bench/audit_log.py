"""How fast the administrators' Protokoll answers with 100,000 audit entries, next to 1,000.

Fills a temporary SQLite database (the portal's tables and indexes) with entries of 2,000
member accounts and 20 staff members over a year, 30 kinds of action and records such as
"Betrieb TS-1234567-0"; then times the service calls the Protokoll's filters make: the first
page, one action, one member (by address), staff only, a record number, a month, a late page
and the CSV export of one action. Prints p50 and p95 in milliseconds.

    .venv/bin/python -m bench.audit_log [--repeats 30]

No assertions: numbers to read.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORTAL_DEMO", "1")

from sqlalchemy import insert  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

from bench.machine import machine, summary_ms, table  # noqa: E402
from portal_app.models import Account, AuditEntry, StaffAccount  # noqa: E402
from portal_app.services import audit_log, clock, db  # noqa: E402
from portal_app.services.audit_log import AuditFilter  # noqa: E402
from portal_app.services.staff import StaffView  # noqa: E402

MEMBERS, STAFF = 2_000, 20
ADMIN = StaffView(1, "admin@hwk.example", "Anna Administration", True, ())


def fill(count: int) -> None:
    now = clock.now()
    with db.unit_of_work() as session:
        session.exec(
            insert(Account),
            params=[
                {"id": n, "email": f"mitglied{n}@betrieb.example",
                 "email_key": f"mitglied{n}@betrieb.example", "created_at": now}
                for n in range(1, MEMBERS + 1)
            ],
        )  # fmt: skip
        session.exec(
            insert(StaffAccount),
            params=[
                {"id": n, "email": f"staff{n}@hwk.example", "email_key": f"staff{n}@hwk.example",
                 "name": f"Sachbearbeitung {n}", "created_at": now}
                for n in range(1, STAFF + 1)
            ],
        )  # fmt: skip
        rows = []
        for number in range(count):
            by_staff = number % 5 == 0
            rows.append(
                {
                    "at": now - timedelta(minutes=number * 5),  # a year for 100,000
                    "account_id": None if by_staff else 1 + number % MEMBERS,
                    "staff_id": 1 + number % STAFF if by_staff else None,
                    "action": f"aktion_{number % 30:02d}",
                    "target": f"Betrieb TS-{1_000_000 + number % 50_000}-0",
                    "detail": f"Eintrag {number}",
                }
            )
        session.exec(insert(AuditEntry), params=rows)


def cases() -> dict[str, callable]:
    today = clock.today()
    month = AuditFilter(since=today - timedelta(days=60), until=today - timedelta(days=30))
    return {
        "erste Seite": lambda: audit_log.search(ADMIN, AuditFilter()),
        "eine Aktion": lambda: audit_log.search(ADMIN, AuditFilter(action="aktion_07")),
        "ein Mitglied": lambda: audit_log.search(
            ADMIN, AuditFilter(actor="mitglied1234@", actor_kind="mitglied")
        ),
        "nur Mitarbeitende": lambda: audit_log.search(ADMIN, AuditFilter(actor_kind="mitarbeiter")),
        "Betriebsnummer": lambda: audit_log.search(ADMIN, AuditFilter(record="TS-1012345")),
        "ein Monat": lambda: audit_log.search(ADMIN, month),
        "Seite 100": lambda: audit_log.search(ADMIN, AuditFilter(page=100)),
        "CSV einer Aktion": lambda: audit_log.export_csv(ADMIN, AuditFilter(action="aktion_07")),
    }


def measure(count: int, repeats: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as directory:
        db.use_database(f"sqlite:///{directory}/audit.db")
        SQLModel.metadata.create_all(db.engine())
        fill(count)
        results = {}
        for name, call in cases().items():
            call()  # warm
            samples = []
            for _ in range(repeats):
                started = time.perf_counter()
                call()
                samples.append(time.perf_counter() - started)
            p50, p95, _p99 = summary_ms(samples)
            results[name] = (p50, p95)
        db.engine().dispose()
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    small, large = measure(1_000, args.repeats), measure(100_000, args.repeats)
    print(f"Protokoll queries, SQLite — {machine()}\n")
    rows = [
        [name, f"{small[name][0]:.1f}", f"{small[name][1]:.1f}",
         f"{large[name][0]:.1f}", f"{large[name][1]:.1f}"]
        for name in large
    ]  # fmt: skip
    header = ["Abfrage", "1.000: p50 ms", "1.000: p95 ms", "100.000: p50 ms", "100.000: p95 ms"]
    print(table(header, rows))


if __name__ == "__main__":
    main()
