"""Fixtures for the service tests: a fresh database each, a clock to travel with, an SMTP server."""

import os

# Before anything imports portal_app: settings are read once, at import.
os.environ.setdefault("PORTAL_DEMO", "1")
os.environ.setdefault("PORTAL_BCRYPT_ROUNDS", "4")

import re
from contextlib import nullcontext
from datetime import datetime, timedelta
from urllib.parse import unquote

import pytest
from sqlmodel import SQLModel, select

import portal_app.models  # noqa: F401  (registers the tables with SQLModel.metadata)
from portal_app import texts
from portal_app.models import Account, Course
from portal_app.services import clock as clock_module
from portal_app.services import course_import, db, mail, register
from tests.backing_services import postgres_database, postgres_schema
from tests.mailsink import MailSink

TOKEN_IN_LINK = re.compile(r"token=([^\s&#]+)")


def pytest_generate_tests(metafunc):
    """Tests marked `both_databases` run on SQLite and on PostgreSQL (rules that must hold
    under concurrency: capacity, throttling, single-use tokens and PINs)."""
    if metafunc.definition.get_closest_marker("both_databases"):
        metafunc.parametrize("database", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def database(request, tmp_path):
    """Every test gets its own empty database: a SQLite file, or a PostgreSQL schema (a whole
    database for tests marked `own_postgres_database`)."""
    previous = db._current_url
    kind = getattr(request, "param", "sqlite")
    if kind == "postgresql":
        whole = request.node.get_closest_marker("own_postgres_database")
        place = postgres_database() if whole else postgres_schema()
    else:
        place = nullcontext(f"sqlite:///{tmp_path}/t.db")
    with place as url:
        db.use_database(url)
        SQLModel.metadata.create_all(db.engine())
        yield db.engine()
        db.engine().dispose()
        db.engine_for.cache_clear()
        db.use_database(previous)


class Clock:
    """A stopped clock for the services; `travel` moves it on."""

    def __init__(self, start: datetime):
        self.current = start

    def now(self) -> datetime:
        return self.current

    def travel(self, delta: timedelta | None = None, **parts: float) -> datetime:
        self.current += delta if delta is not None else timedelta(**parts)
        return self.current


@pytest.fixture
def clock(monkeypatch):
    """Stop the services' clock at the real time now; the test moves it with `clock.travel`."""
    stopped = Clock(clock_module.now())
    monkeypatch.setattr(clock_module, "now", stopped.now)
    return stopped


def token_from(body: str) -> str:
    """The link token in a mail body."""
    found = TOKEN_IN_LINK.search(body)
    assert found, f"no link with a token in: {body!r}"
    return unquote(found.group(1))


@pytest.fixture
def confirm_token():
    """Read the link token from the newest confirmation mail sent to an address."""

    def newest(address: str) -> str:
        for view in mail.recent_mails():
            if view.recipient == address and view.subject == texts.MAIL_CONFIRM_SUBJECT:
                return token_from(view.body)
        raise AssertionError(f"no confirmation mail to {address}")

    return newest


@pytest.fixture
def member(confirm_token):
    """Make a member with a confirmed account the way a person does; return the session token."""

    def make(address: str, password: str) -> str:
        register.register(address, consent=True)
        return register.confirm_registration(confirm_token(address), password, password)

    return make


@pytest.fixture
def smtp_server():
    server = MailSink().start()
    yield server
    server.stop()


# --- courses and accounts for booking tests ----------------------------------------------


@pytest.fixture
def make_course():
    """Add a course; keyword arguments override the defaults (starts in 30 days, 10 seats)."""
    counter = iter(range(1, 100_000))

    def make(**overrides) -> int:
        start = clock_module.today() + timedelta(days=30)
        values = {
            "code": f"T-{next(counter):05d}",
            "title": "MAG-Schweißen nach DIN EN ISO 9606-1",
            "category": "Sachkunde/Schweißen",
            "description": "Metall-Aktivgasschweißen an Blech und Rohr.",
            "location": "Bildungszentrum Musterstadt",
            "starts_on": start,
            "ends_on": start + timedelta(days=4),
            "schedule": "Mo–Fr 8–16 Uhr",
            "price_cents": 135000,
            "capacity": 10,
            "booking_deadline": start - timedelta(days=7),
        }
        values.update(overrides)
        with db.unit_of_work() as session:
            course_import.save(session, course_import.CourseData(**values))
        with db.unit_of_work() as session:
            return session.exec(select(Course.id).where(Course.code == values["code"])).one()

    return make


@pytest.fixture
def make_account():
    """Add a confirmed account directly (no bcrypt) and return its id."""

    def make(email: str = "") -> int:
        email = email or f"mitglied-{os.urandom(4).hex()}@betrieb.example"
        with db.unit_of_work() as session:
            account = Account(
                email=email, email_key=email.casefold(), created_at=clock_module.now(),
                confirmed_at=clock_module.now(),
            )  # fmt: skip
            session.add(account)
            session.flush()
            return account.id

    return make
