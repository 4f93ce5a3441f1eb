"""Demo data for a first look at the portal (PORTAL_DEMO=1): loaded once, never twice."""

from __future__ import annotations

from sqlmodel import select

from portal_app.models import Account, Course
from portal_app.services import clock, course_import, passwords, registry, vorlagen_demo
from portal_app.services.db import unit_of_work
from portal_app.services.demo_courses import demo_courses
from portal_app.services.emails import email_key

DEMO_EMAIL = "demo@hwk-musterstadt.example"
DEMO_PASSWORD = "Meister Eder baut einen Schrank"  # noqa: S105 (published demo login)
DEMO_BETRIEB = "TS-1234567-0"
DEMO_PERSON = "12345678"

DEMO_BETRIEBE_CSV = """kreis;betriebsnummer;filiale;name;strasse;plz;ort;eintragung
TS;1234567;0;Schreinerei Eder GmbH;Werkstattweg 3;83278;Traunstein;handwerksrolle
TS;1234567;1;Schreinerei Eder GmbH, Filiale Siegsdorf;Hauptstraße 12;83313;Siegsdorf;handwerksrolle
BGL;7654321;0;Fliesen Huber e.K.;Am Anger 5;83435;Bad Reichenhall;zulassungsfrei
RO;2345678;0;Änderungsschneiderei Öztürk;Münchener Straße 40;83022;Rosenheim;handwerksaehnlich
"""

DEMO_PERSONEN_CSV = """kundennummer;art;name;geburtsdatum;strasse;plz;ort
12345678;lehrling;Lena Bauer;14.03.2008;Schulgasse 2;83278;Traunstein
23456789;bildungskunde;Jonas Weber;02.11.1994;Bergstraße 17;83209;Prien am Chiemsee
"""


def _add_demo_account() -> bool:
    with unit_of_work() as session:
        if session.exec(select(Account).where(Account.email_key == email_key(DEMO_EMAIL))).first():
            return False
        now = clock.now()
        session.add(
            Account(
                email=DEMO_EMAIL,
                email_key=email_key(DEMO_EMAIL),
                password_hash=passwords.hash_password(DEMO_PASSWORD),
                created_at=now,
                confirmed_at=now,
            )
        )
        return True


def load_demo_data() -> bool:
    """Create what is missing (account, registry); return whether the account was added.

    The registry import updates rather than duplicates, so loading again changes nothing.
    """
    added = _add_demo_account()
    registry.import_betriebe(DEMO_BETRIEBE_CSV)
    registry.import_personen(DEMO_PERSONEN_CSV)
    vorlagen_demo.load()  # demo Vorlagen (only into an empty library)
    return added


def load_demo_courses() -> int:
    """Add the demo courses once (a catalogue that has courses is left alone); return how many."""
    with unit_of_work() as session:
        if session.exec(select(Course.id).limit(1)).first() is not None:
            return 0
        courses = demo_courses(clock.today())
        for data in courses:
            course_import.save(session, data)
        return len(courses)
