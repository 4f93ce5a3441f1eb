"""Database engine and the unit of work every service action runs in."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine, func, select

from portal_app.settings import settings


def _prepare_sqlite(url: str) -> dict:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    return {"check_same_thread": False, "timeout": 30}


# The services run in the threads of asyncio's default executor (`asyncio.to_thread`); with a
# pooled connection for each of them none is opened and closed again per event.
POOL_SIZE = min(32, (os.cpu_count() or 1) + 4)


@cache
def engine_for(url: str) -> Engine:
    """One engine per database URL, created on first use."""
    is_sqlite = url.startswith("sqlite")
    engine = create_engine(
        url,
        connect_args=_prepare_sqlite(url) if is_sqlite else {},
        pool_pre_ping=not is_sqlite,
        pool_size=POOL_SIZE,
    )
    if is_sqlite:

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record):
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

    return engine


_current_url = settings.db_url


def use_database(url: str) -> None:
    """Point the services at another database (tests, operator commands)."""
    global _current_url
    _current_url = url


def current_url() -> str:
    return _current_url


def engine() -> Engine:
    return engine_for(_current_url)


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    with Session(engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def serialize(session: Session, *keys: str) -> None:
    """Make transactions that name the same key run one after the other from here to their end,
    so that what one counts cannot be overtaken by a parallel one (another worker, too).

    PostgreSQL: a transaction-level advisory lock per key, taken in sorted order (no deadlock).
    SQLite has one writer at a time: there the caller's first write orders the transactions,
    so write before counting.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted(set(keys)):
        session.exec(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))
