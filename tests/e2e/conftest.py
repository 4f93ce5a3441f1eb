"""Playwright against the production build: a real SMTP server, a fresh SQLite database,
the portal started as `reflex run --env prod`, Debian's Chromium."""

from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from portal_app.services import clock
from tests.e2e import course_data
from tests.mailsink import MailSink, free_port
from tests.reflex_server import BIN, serving

# Tests read the page registry, whose import reads the settings: in the test process they are
# the demo settings (the portal under test gets its own environment below).
os.environ.setdefault("PORTAL_DEMO", "1")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def mail_sink():
    sink = MailSink().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="session")
def portal_work(tmp_path_factory) -> Path:
    """Database (`portal.db`), state files and log of the portal under test."""
    return tmp_path_factory.mktemp("portal")


@pytest.fixture(scope="session")
def portal_db(portal_work) -> str:
    """The database URL of the running portal, for tests that look at or change its rows."""
    return f"sqlite:///{portal_work}/portal.db"


def portal_environment(work: Path, db_url: str, smtp_port: int) -> dict[str, str]:
    """The environment of a portal under test: demo mode, the test mail server, the given
    database, state and files under `work`, a free port."""
    port = free_port()
    return {
        **os.environ,
        "PORTAL_DEMO": "1",
        "PORTAL_BASE_URL": f"http://127.0.0.1:{port}",
        "PORTAL_PORT": str(port),
        "PORTAL_SMTP_HOST": "127.0.0.1",
        "PORTAL_SMTP_PORT": str(smtp_port),
        "PORTAL_SMTP_STARTTLS": "0",
        "PORTAL_MAIL_POLL_SECONDS": "0.2",
        # bcrypt cost 4 keeps the suite quick; the production cost is covered by unit tests.
        "PORTAL_BCRYPT_ROUNDS": "4",
        "REFLEX_DB_URL": db_url,
        "REFLEX_STATES_WORKDIR": str(work / "states"),
        "REFLEX_UPLOADED_FILES_DIR": str(work / "uploads"),
        "PORTAL_FILES_DIR": str(work / "dateien"),  # the private store
        # Every browser of the suite is the one client 127.0.0.1, and many tests send the
        # contact form; test_forms.py checks this limit from a client address of its own.
        "PORTAL_FORM_LIMIT_PER_CLIENT": "20",
    }


def frontend_of_this_worker() -> dict[str, str]:
    """`make test` runs this suite in two pytest-xdist workers, each with a portal of its own.
    Their builds must not share a directory: the first worker builds into `.web`, as a run
    without xdist does, every other into `.web-<worker>`."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return {} if worker == "gw0" else {"REFLEX_WEB_WORKDIR": str(ROOT / f".web-{worker}")}


@pytest.fixture(scope="session")
def portal_env(portal_work, portal_db, mail_sink) -> dict[str, str]:
    """The environment of the portal under test (and of operator commands run against it)."""
    return {
        **portal_environment(portal_work, portal_db, mail_sink.port),
        **frontend_of_this_worker(),
    }


@pytest.fixture(scope="session")
def portal_cli(portal_env):
    """Run `portal …` as an operator would, against the database of the portal under test."""

    def run(*args: str) -> str:
        done = subprocess.run(
            [BIN / "portal", *args], cwd=ROOT, env=portal_env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"portal {' '.join(args)} failed:\n{done.stderr}"
        return done.stdout

    return run


@pytest.fixture(scope="session")
def portal_url(portal_env, portal_work) -> str:
    env, work = portal_env, portal_work
    subprocess.run([BIN / "reflex", "db", "migrate"], cwd=ROOT, env=env, check=True)
    courses_csv = work / "kurse.csv"  # the catalogue, loaded as an operator does
    courses_csv.write_text(course_data.csv_text(clock.today()), encoding="utf-8")
    subprocess.run([BIN / "portal", "kurse", "import", courses_csv], env=env, check=True)
    with serving(ROOT, int(env["PORTAL_PORT"]), env, work / "portal.log") as url:
        yield url


@pytest.fixture(scope="session")
def base_url(portal_url) -> str:
    return portal_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run",
        ],
    }  # fmt: skip


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "de-DE", "timezone_id": clock.GERMANY.key}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed test's report ends with the last lines of the portal's log."""
    report = (yield).get_result()
    work = item.funcargs.get("portal_work")
    log = Path(work) / "portal.log" if work else None
    if report.when == "call" and report.failed and log and log.exists():
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-60:]
        report.sections.append(("portal log, last 60 lines", "\n".join(tail)))


@pytest.fixture(autouse=True)
def no_console_errors(page: Page, request):
    """Every test fails on a browser console error or an uncaught page error.

    Tests marked `allow_not_found` may see the browser's note about a 404 response.
    """
    errors: list[str] = []
    allowed = "status of 404" if request.node.get_closest_marker("allow_not_found") else None

    def on_console(message) -> None:
        if message.type == "error" and not (allowed and allowed in message.text):
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield
    assert not errors, f"browser console errors: {errors}"


@pytest.fixture
def screenshot(page: Page):
    """Save a full-page screenshot under artifacts/screenshots for a person to look at."""

    def take(name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take


REGISTRY_HEADER = "kreis;betriebsnummer;filiale;name;strasse;plz;ort;eintragung\n"


@pytest.fixture
def betrieb(portal_cli, tmp_path) -> str:
    """A Betrieb of its own in the registry (imported as an operator does); its full number."""
    nummer = f"{random.randrange(10**6, 10**7):07d}"
    csv = tmp_path / "betriebe.csv"
    row = f"TS;{nummer};0;Zimmerei Test {nummer};Holzweg 1;83278;Traunstein;handwerksrolle\n"
    csv.write_text(REGISTRY_HEADER + row, encoding="utf-8")
    assert "1 neu" in portal_cli("registry", "import", "betriebe", str(csv))
    return f"TS-{nummer}-0"


@pytest.fixture
def issue_pin(portal_cli, tmp_path):
    """Issue a PIN (with its letter) as an operator does; returns the PIN."""

    def issue(number: str) -> str:
        letter = tmp_path / "pin-brief.pdf"
        output = portal_cli("pin", "issue", "--betrieb", number, "--brief", str(letter))
        assert letter.read_bytes().startswith(b"%PDF")
        return output.strip().splitlines()[-1]

    return issue
