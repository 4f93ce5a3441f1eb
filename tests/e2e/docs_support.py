"""What the document tests share: the portal's database and file store, a second member."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.sample_files import pdf

PDF = pdf()


def db_rows(portal_env: dict, sql: str, *params) -> list[tuple]:
    """Read the portal's SQLite database directly (to learn ids a guesser would try)."""
    path = portal_env["REFLEX_DB_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, params).fetchall()


@pytest.fixture
def second_page(browser, browser_context_args):
    """A second browser of a second member."""
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


def write_pdf(directory: Path, name: str, extra: bytes = b"") -> Path:
    path = directory / name
    path.write_bytes(pdf(extra))
    return path
