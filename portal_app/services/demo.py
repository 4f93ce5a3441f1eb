"""Demo data for a first look at the portal (PORTAL_DEMO=1): loaded once, never twice."""

from __future__ import annotations

from sqlmodel import select

from portal_app.models import Account, Course
from portal_app.services import clock, course_import, passwords
from portal_app.services.courses import today
from portal_app.services.db import unit_of_work
from portal_app.services.demo_courses import demo_courses
from portal_app.services.emails import email_key

DEMO_EMAIL = "demo@hwk-musterstadt.example"
DEMO_PASSWORD = "Meister Eder baut einen Schrank"  # noqa: S105 (published demo login)


def load_demo_data() -> bool:
    """Create the demo account if it is missing; return whether anything was added."""
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


# --- issue 5: demo courses ----------------------------------------------------------------------


def load_demo_courses() -> int:
    """Add the demo courses once (a catalogue that has courses is left alone); return how many."""
    with unit_of_work() as session:
        if session.exec(select(Course.id).limit(1)).first() is not None:
            return 0
        courses = demo_courses(today())
        for data in courses:
            course_import.save(session, data)
        return len(courses)
