"""How fast the catalogue answers with 2,000 courses, next to a baseline of 40.

Loads the courses into a temporary SQLite database (the same tables and indexes as the
portal), then times the service calls a member's clicks make: the first page, text search,
category / location / period filters, a late page, and the course page. Prints p50 and p95
over the repeats in milliseconds.

    .venv/bin/python -m bench.catalogue [--repeats 200]

No assertions: a number to read, not a test to pass.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("PORTAL_DEMO", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import SQLModel

import portal_app.models
from portal_app.services import clock as clock_module
from portal_app.services import course_import, courses, db
from portal_app.services.courses import CourseQuery
from portal_app.services.demo_courses import LOCATIONS, TEMPLATES

EXTRA_PLACES = ("Bildungszentrum Seeburg", "Außenstelle Bergdorf", "Kreishandwerkerschaft Ost")


def load(count: int) -> None:
    """`count` courses: the demo templates over the next two years in six places."""
    today = clock_module.today()
    places = LOCATIONS + EXTRA_PLACES
    with db.unit_of_work() as session:
        for number in range(count):
            title, category, text, days, schedule, euros, seats = TEMPLATES[number % len(TEMPLATES)]
            starts = today + timedelta(days=1 + (number * 7) % 720)
            session.add(
                portal_app.models.Course(
                    code=f"B-{number:05d}",
                    booked=0,
                    **course_import._fields(
                        course_import.CourseData(
                            code=f"B-{number:05d}",
                            title=f"{title} ({number})",
                            category=category,
                            description=text,
                            location=places[number % len(places)],
                            starts_on=starts,
                            ends_on=starts + timedelta(days=days),
                            schedule=schedule,
                            price_cents=euros * 100,
                            capacity=seats,
                            booking_deadline=starts,
                        )
                    ),
                )
            )


def cases(today) -> dict[str, callable]:
    return {
        "erste Seite, ohne Filter": lambda: courses.search(CourseQuery()),
        "Text 'schweißen'": lambda: courses.search(CourseQuery(text="schweißen")),
        "Text 'meister teilzeit'": lambda: courses.search(CourseQuery(text="meister teilzeit")),
        "Kategorie Meisterschule": lambda: courses.search(CourseQuery(category="Meisterschule")),
        "Ort + Kategorie": lambda: courses.search(
            CourseQuery(category="Weiterbildung", location="Technologiezentrum Nordhafen")
        ),
        "Zeitraum 3 Monate": lambda: courses.search(
            CourseQuery(start_from=today + timedelta(days=90), start_until=today + timedelta(180))
        ),
        "alles + späteste zuerst": lambda: courses.search(
            CourseQuery(text="kurs", category="Weiterbildung", newest_first=True)
        ),
        "Seite 20": lambda: courses.search(CourseQuery(page=20)),
        "Orte für den Filter": courses.locations,
        "Kursseite": lambda: courses.get(7),
    }


def measure(count: int, repeats: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as work:
        db.use_database(f"sqlite:///{work}/bench.db")
        SQLModel.metadata.create_all(db.engine())
        load(count)
        results = {}
        for name, call in cases(clock_module.today()).items():
            call()  # warm the cache
            timings = []
            for _ in range(repeats):
                start = time.perf_counter()
                call()
                timings.append((time.perf_counter() - start) * 1000)
            cuts = statistics.quantiles(timings, n=20)
            results[name] = (statistics.median(timings), cuts[18])
        db.engine().dispose()
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--courses", type=int, default=2000)
    parser.add_argument("--baseline", type=int, default=40)
    args = parser.parse_args()
    base = measure(args.baseline, args.repeats)
    big = measure(args.courses, args.repeats)
    head = (
        f"{'Abfrage':28} | {args.baseline:>5} Kurse p50 / p95 | {args.courses:>5} Kurse p50 / p95"
    )
    print(head)
    print("-" * len(head))
    for name in base:
        (b50, b95), (g50, g95) = base[name], big[name]
        print(f"{name:28} | {b50:9.2f} / {b95:6.2f} ms | {g50:9.2f} / {g95:6.2f} ms")
    print(f"\n{args.repeats} Wiederholungen je Abfrage, SQLite, Millisekunden je Service-Aufruf.")


if __name__ == "__main__":
    main()
