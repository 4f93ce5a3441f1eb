"""The yearly PIN mailing: 5,000 letters in one PDF, each with a fresh PIN, next to 50.

Each size runs in a process of its own (so its peak memory is its own) on a temporary SQLite
database and file store: the Betriebe are imported as the CSV import does, then
`services/verzeichnis.bulk_letters` makes the PINs (bcrypt at the PINs' cost on every core),
the PDF and the transaction that voids the older PINs. Prints the time of each step, the whole,
the peak memory (max RSS) and the PDF's size; then what one PIN hash costs at cost 10 and 12
on this machine, and the Verzeichnis search with these records.

    .venv/bin/python -m bench.pin_letters [--sizes 50 5000]

No assertions: numbers to read.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORTAL_DEMO", "1")

HEADER = "kreis;betriebsnummer;filiale;name;strasse;plz;ort;eintragung\n"
PLACES = ("Traunstein", "Rosenheim", "Bad Reichenhall", "Prien am Chiemsee", "Siegsdorf")


def _csv(count: int) -> str:
    rows = [
        f"TS;{1000000 + n};0;Handwerksbetrieb {n} GmbH;Werkstattweg {n % 200 + 1};"
        f"{83000 + n % 900:05d};{PLACES[n % len(PLACES)]};handwerksrolle"
        for n in range(count)
    ]
    return HEADER + "\n".join(rows) + "\n"


def _timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def one(count: int) -> dict:
    """Run one size in this process (a fresh database and file store); the numbers as a dict."""
    work = Path(tempfile.mkdtemp(prefix="pin-briefe-"))
    os.environ["PORTAL_FILES_DIR"] = str(work / "dateien")
    from sqlmodel import SQLModel

    from portal_app.models import StaffAccount
    from portal_app.services import clock, db, files, pins, registry, verzeichnis

    db.use_database(f"sqlite:///{work}/briefe.db")
    SQLModel.metadata.create_all(db.engine())
    with db.unit_of_work() as session:
        staff = StaffAccount(
            email="bench@hwk.example", email_key="bench@hwk.example", name="Bench",
            created_at=clock.now(),
        )  # fmt: skip
        session.add(staff)
        session.flush()
        staff_id = staff.id
    scope = verzeichnis.Scope(staff_id, (verzeichnis.BETRIEB,))
    _, imported = _timed(lambda: registry.import_betriebe(_csv(count)))
    ids = verzeichnis.matching_ids(scope, verzeichnis.BETRIEB, "")
    if len(ids) != count:
        raise SystemExit(f"{len(ids)} Betriebe found, {count} imported")

    # bulk_letters as the page calls it, its two slow steps timed on the way
    steps = {}

    def timing(name, call):
        def timed(*args, **kwargs):
            result, steps[name] = _timed(lambda: call(*args, **kwargs))
            return result

        return timed

    verzeichnis.pins.hash_pins = timing("hash", pins.hash_pins)
    verzeichnis._letter_file = timing("pdf_write", verzeichnis._letter_file)
    (made, stored), whole = _timed(lambda: verzeichnis.bulk_letters(scope, "betrieb", ids))
    if made != count:
        raise SystemExit(f"{made} letters made for {count} Betriebe")
    size = files.path_of(stored.stored_name).stat().st_size
    return {
        "count": count,
        "import_s": imported,
        "hash_s": steps["hash"],
        "pdf_s": steps["pdf_write"],
        "whole_s": whole,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "pdf_kb": size / 1024,
        "rounds": pins.pin_rounds(),
        "search_ms": _search_ms(scope),
    }


def _search_ms(scope) -> float:
    """p95 of a Verzeichnis search by place and a word of the name (25 a page)."""
    from portal_app.services import verzeichnis

    wanted = verzeichnis.SearchFilter(text="rosenheim handwerksbetrieb 12", page=1)
    samples = []
    for _ in range(50):
        _, took = _timed(lambda: verzeichnis.listing(scope, wanted))
        samples.append(took)
    return sorted(samples)[int(0.95 * len(samples))] * 1000


def _bcrypt_costs() -> list[list[str]]:
    import bcrypt

    from portal_app.services import pins

    rows = []
    for rounds in (10, 12):
        salt = bcrypt.gensalt(rounds=rounds)
        _, one_hash = _timed(lambda s=salt: [bcrypt.hashpw(b"ABCDEFGH", s) for _ in range(5)])
        per_pin = one_hash / 5
        rows.append(
            [str(rounds), f"{per_pin * 1000:.0f}", f"{per_pin * 5000 / 60:.1f}",
             f"{per_pin * 5000 / 60 / (os.cpu_count() or 1):.1f}"]
        )  # fmt: skip
    rows.append([f"(PINs: {pins.PIN_ROUNDS_MAX})", "", "", ""])
    return rows


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
    for size in args.sizes:
        run = subprocess.run(
            [sys.executable, "-m", "bench.pin_letters", "--one", str(size)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        results.append(json.loads(run.stdout.strip().splitlines()[-1]))
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"PIN letters, SQLite — {machine()}; load average before: {load}\n")
    header = ["Briefe", "bulk_letters s", "davon PIN-Hashes s", "davon PDF-Ausgabe s",
              "Spitze RSS MB", "PDF KB", "Suche p95 ms"]  # fmt: skip
    rows = [
        [r["count"], f"{r['whole_s']:.1f}", f"{r['hash_s']:.1f}", f"{r['pdf_s']:.1f}",
         f"{r['peak_mb']:.0f}", f"{r['pdf_kb']:.0f}", f"{r['search_ms']:.1f}"]
        for r in results
    ]  # fmt: skip
    print(table(header, rows))
    print(f"\nbcrypt cost of the PINs: {results[0]['rounds']}\n")
    print(table(["bcrypt-Kosten", "ms je PIN", "5.000: min (1 Kern)", "5.000: min (alle)"],
                _bcrypt_costs()))  # fmt: skip


if __name__ == "__main__":
    main()
