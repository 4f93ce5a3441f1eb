"""The Playwright suite's fixtures, with the portal run as a chamber would run it at scale:
PostgreSQL, Redis, two backend workers behind one address, the footer naming the worker.

Runs as a pytest invocation of its own (`make test` does), because the server fixtures are
session-wide and both suites build into the same `.web` directory.
"""

import os

os.environ.setdefault("PORTAL_DEMO", "1")

import pytest

from tests.backing_services import postgres_database, reachable_redis
from tests.e2e import conftest as e2e
from tests.e2e.conftest import (  # noqa: F401
    base_url,
    betrieb,
    browser_context_args,
    browser_type_launch_args,
    issue_pin,
    mail_sink,
    no_console_errors,
    portal_cli,
    portal_url,
    portal_work,
    pytest_runtest_makereport,
    screenshot,
)

WORKERS = 2


@pytest.fixture(scope="session")
def portal_db() -> str:
    """A fresh PostgreSQL database; the portal migrates it at start, it is dropped after."""
    with postgres_database() as url:
        yield url


@pytest.fixture(scope="session")
def portal_env(portal_work, portal_db, mail_sink) -> dict[str, str]:  # noqa: F811
    return {
        **e2e.portal_environment(portal_work, portal_db, mail_sink.port),
        "REFLEX_REDIS_URL": reachable_redis(),
        "GRANIAN_WORKERS": str(WORKERS),
        "PORTAL_SHOW_WORKER": "1",
    }
