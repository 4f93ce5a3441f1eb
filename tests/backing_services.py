"""PostgreSQL and Redis for the tests and benchmarks of the scale-out mode.

Both run on the development machines and on CI at their default ports. When one is missing,
the tests that need it fail with a message that says so: a suite that skips them would pass
without having proven anything.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest
import redis
from sqlalchemy import create_engine, make_url, text

POSTGRES_URL = os.environ.get(
    "PORTAL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _unreachable(what: str, url: str, error: Exception, variable: str) -> None:
    pytest.fail(
        f"{what} at {url} is not reachable ({error.__class__.__name__}: {error}). The tests of "
        f"the PostgreSQL/Redis mode need it; start it or point {variable} at one.",
        pytrace=False,
    )


# How each kind of place is dropped again, with whatever is in it or connected to it.
_DROP = {"SCHEMA": "CASCADE", "DATABASE": "WITH (FORCE)"}


@contextmanager
def _created(kind: str, name: str) -> Iterator[None]:
    """CREATE the SCHEMA or DATABASE `name` on the server; drop it again afterwards."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE {kind} {name}"))
    except Exception as error:
        _unreachable("PostgreSQL", POSTGRES_URL, error, "PORTAL_TEST_POSTGRES_URL")
    try:
        yield
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP {kind} IF EXISTS {name} {_DROP[kind]}"))
        admin.dispose()


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A schema of its own on the PostgreSQL server; yields the URL that uses it."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with _created("SCHEMA", schema):
        yield f"{POSTGRES_URL}?options={quote(f'-csearch_path={schema}')}"


@contextmanager
def postgres_database() -> Iterator[str]:
    """A database of its own (for a whole portal with its migrations); yields its URL."""
    name = f"kp_{uuid.uuid4().hex[:12]}"
    with _created("DATABASE", name):
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


def reachable_redis() -> str:
    """The Redis URL, after checking that the server answers."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as error:
        _unreachable("Redis", REDIS_URL, error, "PORTAL_TEST_REDIS_URL")
    return REDIS_URL
