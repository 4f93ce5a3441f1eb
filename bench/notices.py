"""Fee notices in bulk: 5,000 notices in one ZIP, checked and delivered, next to 50.

Each size runs in a process of its own (so its peak memory is its own) on a temporary SQLite
database and file store: the Betriebe are imported as the CSV import does, every Betrieb gets
one unlocked account (a Freischaltung row, as the unlock leaves it), a ZIP is packed with one
small real PDF per Betrieb, then `services/beitrag.check_upload` (the whole check: ZIP,
numbers, PDF by first bytes and by parsing) and `services/beitrag.deliver` (the check again,
documents into the store, Postfach messages, one mail per account, one transaction) run as
the page calls them. Prints the time of each step, the peak memory (max RSS) and the ZIP's
size.

    .venv/bin/python -m bench.notices [--sizes 50 5000]

No assertions: numbers to read.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORTAL_DEMO", "1")

HEADER = "kreis;betriebsnummer;filiale;name;strasse;plz;ort;eintragung\n"


def _csv(count: int) -> str:
    rows = [
        f"TS;{1000000 + n};0;Handwerksbetrieb {n} GmbH;Werkstattweg {n % 200 + 1};"
        f"{83000 + n % 900:05d};Traunstein;handwerksrolle"
        for n in range(count)
    ]
    return HEADER + "\n".join(rows) + "\n"


def _timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def _zip(count: int) -> bytes:
    from tests.sample_files import pdf

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(count):
            body = f"Beitragsbescheid 2027 fuer TS-{1000000 + n}-0 ".encode() * 40
            archive.writestr(f"TS-{1000000 + n}-0_Beitrag-2027.pdf", pdf(body))
    return buffer.getvalue()


def one(count: int) -> dict:
    """Run one size in this process (a fresh database and file store); the numbers as a dict."""
    work = Path(tempfile.mkdtemp(prefix="bescheide-"))
    os.environ["PORTAL_FILES_DIR"] = str(work / "dateien")
    from sqlmodel import SQLModel, select

    from portal_app.models import Account, Betrieb, Freischaltung, StaffAccount
    from portal_app.services import beitrag, clock, db, files, registry
    from portal_app.services.staff import StaffView

    db.use_database(f"sqlite:///{work}/bescheide.db")
    SQLModel.metadata.create_all(db.engine())
    now = clock.now()
    with db.unit_of_work() as session:
        staff = StaffAccount(
            email="bench@hwk.example", email_key="bench@hwk.example", name="Bench",
            created_at=now,
        )  # fmt: skip
        session.add(staff)
        session.flush()
        staff_id = staff.id
    registry.import_betriebe(_csv(count))
    with db.unit_of_work() as session:
        for n, betrieb_id in enumerate(session.exec(select(Betrieb.id)).all()):
            address = f"mitglied{n}@betrieb.example"
            account = Account(email=address, email_key=address, created_at=now, confirmed_at=now)
            session.add(account)
            session.flush()
            session.add(Freischaltung(account_id=account.id, betrieb_id=betrieb_id, created_at=now))
    view = StaffView(staff_id, "bench@hwk.example", "Bench", False, ("beitrag",))
    data, packed = _timed(lambda: _zip(count))
    incoming = files.Incoming(beitrag.zip_limit())
    incoming.write(data)
    checked, check_s = _timed(lambda: beitrag.check_upload(view, incoming, "Beitrag 2027"))
    if checked.problems or checked.notices != count:
        raise SystemExit(f"check: {checked.notices} notices, {checked.problems[:3]}")
    delivered, deliver_s = _timed(lambda: beitrag.deliver(view, checked.stapel_id))
    if delivered.messages != count:
        raise SystemExit(f"{delivered.messages} messages for {count} notices")
    return {
        "count": count,
        "zip_kb": len(data) / 1024,
        "pack_s": packed,
        "check_s": check_s,
        "deliver_s": deliver_s,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 5000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    from bench.machine import machine, table

    results = []
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    for size in args.sizes:
        run = subprocess.run(
            [sys.executable, "-m", "bench.notices", "--one", str(size)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        results.append(json.loads(run.stdout.strip().splitlines()[-1]))
    print(f"Fee notices, SQLite — {machine()}; load average before: {load}\n")
    header = ["Bescheide", "ZIP KB", "Prüfen s", "Zustellen s", "Spitze RSS MB"]
    rows = [
        [r["count"], f"{r['zip_kb']:.0f}", f"{r['check_s']:.1f}", f"{r['deliver_s']:.1f}",
         f"{r['peak_mb']:.0f}"]
        for r in results
    ]  # fmt: skip
    print(table(header, rows))


if __name__ == "__main__":
    main()
