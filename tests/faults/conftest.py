"""Fixtures of the fault suite: the portal as real processes on loopback, with a PostgreSQL,
a Redis, an SMTP server and a file store of the suite's own, so each fault is fully in the
test's hands and never reaches the rest of the test suite. Each module starts its portal once
(module scope) and stops it, with everything it needs, even when a test fails.

Runs as a pytest invocation of its own (`make test` does): it builds into `.web` as the other
server suites do.
"""

from __future__ import annotations

import os

# Before anything imports portal_app: settings are read once, at import.
os.environ.setdefault("PORTAL_DEMO", "1")
os.environ.setdefault("PORTAL_BCRYPT_ROUNDS", "4")

import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from portal_app.services import clock
from tests.e2e.conftest import portal_environment
from tests.e2e.course_data import HEADER as COURSE_HEADER
from tests.faults import report
from tests.faults.backing import OwnPostgres, OwnRedis, SmallStore
from tests.faults.load import Member
from tests.mailsink import MailSink
from tests.reflex_server import serving_process

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "artifacts" / "faults.md"
STORE_BYTES = 8 * 1024 * 1024  # the file store of the single-process portal: 8 MB of tmpfs


def pytest_terminal_summary(terminalreporter):
    if not report.ROWS:
        return
    text = report.rendered()
    terminalreporter.write_sep("=", "Störungen: was die Mitglieder sahen, was verloren ging")
    terminalreporter.write_line(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")


@dataclass
class Portal:
    url: str
    db_url: str
    env: dict[str, str]
    process: object  # the `reflex run` process; its children are the backend workers
    work: Path
    mode: str


@pytest.fixture(scope="module")
def mail_sink():
    sink = MailSink().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def own_postgres():
    server = OwnPostgres()
    try:
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture(scope="module")
def own_redis():
    server = OwnRedis()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def small_store():
    try:
        store = SmallStore(STORE_BYTES)
    except OSError as error:
        pytest.fail(f"the fault suite mounts a tmpfs as file store and needs root: {error}")
    yield store
    store.remove()


def _serve(work: Path, env: dict[str, str], mode: str):
    return serving_process(ROOT, int(env["PORTAL_PORT"]), env, work / "portal.log", migrate=True)


@pytest.fixture(scope="module")
def scaled_portal(tmp_path_factory, own_postgres, own_redis, mail_sink):
    """PostgreSQL + Redis, two backend workers behind one address (the scale-out mode)."""
    work = tmp_path_factory.mktemp("scaled")
    db_url = own_postgres.create_database(f"kp_{uuid.uuid4().hex[:10]}")
    env = {
        **portal_environment(work, db_url, mail_sink.port),
        "REFLEX_REDIS_URL": own_redis.url,
        "GRANIAN_WORKERS": "2",
    }
    with _serve(work, env, "scaled") as (url, process):
        yield Portal(url, db_url, env, process, work, "PostgreSQL + Redis, 2 workers")


@pytest.fixture(scope="module")
def single_portal(tmp_path_factory, mail_sink, small_store):
    """SQLite, one backend process; its file store a tmpfs of STORE_BYTES."""
    work = tmp_path_factory.mktemp("single")
    db_url = f"sqlite:///{work}/portal.db"
    env = {
        **portal_environment(work, db_url, mail_sink.port),
        "PORTAL_FILES_DIR": str(small_store.path),
    }
    with _serve(work, env, "single") as (url, process):
        yield Portal(url, db_url, env, process, work, "SQLite, 1 process")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed test's report ends with the last lines of the portal's log."""
    result = (yield).get_result()
    portal = item.funcargs.get("scaled_portal") or item.funcargs.get("single_portal")
    log = portal.work / "portal.log" if portal else None
    if result.when == "call" and result.failed and log and log.exists():
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-80:]
        result.sections.append(("portal log, last 80 lines", "\n".join(tail)))


# --- what the members need in the portal's database, written through the services ----------------


def use(portal: Portal) -> None:
    from portal_app.services import db

    db.use_database(portal.db_url)


def add_courses(portal: Portal, prefix: str, count: int, seats: int) -> list[int]:
    from sqlmodel import select

    from portal_app.models import Course
    from portal_app.services import course_import, db

    use(portal)
    starts = clock.today() + timedelta(days=60)
    rows = [
        f"{prefix}-{n};Störungskurs {prefix} {n};Weiterbildung;Für den Störungstest.;Musterstadt;"
        f"{starts};{starts + timedelta(days=1)};Mo–Di;100,00;{seats};{starts - timedelta(days=7)}"
        for n in range(count)
    ]
    course_import.import_csv("\n".join([COURSE_HEADER, *rows]) + "\n")
    with db.unit_of_work() as session:
        return sorted(session.exec(select(Course.id).where(Course.code.startswith(f"{prefix}-"))))


def add_members(portal: Portal, prefix: str, count: int, unlocked: bool = False) -> list[Member]:
    """Confirmed, logged-in members (a session token each); `unlocked`: for the demo Betrieb
    TS-1234567-0, so they may upload documents."""
    from portal_app.models import Account
    from portal_app.services import db, passwords, pins, registry, sessions, unlock
    from portal_app.services.demo import DEMO_BETRIEBE_CSV
    from portal_app.services.emails import email_key

    use(portal)
    password = "Störungen überstehen ohne Verlust"
    password_hash = passwords.hash_password(password)
    members = []
    with db.unit_of_work() as session:
        for n in range(count):
            email = f"{prefix}-{n}@betrieb-test.example"
            account = Account(
                email=email, email_key=email_key(email), password_hash=password_hash,
                created_at=clock.now(), confirmed_at=clock.now(),
            )  # fmt: skip
            session.add(account)
            session.flush()
            members.append(Member(n, sessions.start(session, account.id), account.id, email))
    if unlocked:
        registry.import_betriebe(DEMO_BETRIEBE_CSV)
        for member in members:
            unlock.unlock_betrieb(
                member.account_id, "TS-1234567-0", pins.issue_for_betrieb("TS-1234567-0").pin
            )
    return members
