"""Which rows name a file in the private store: the columns `stored_name` (documents,
Vorlagen, attachments, exports, …), `zip_name` (a staged Beitrag batch) and `skipped_name`
(a SEPA collection's rows without a mandate)."""

from __future__ import annotations

from sqlalchemy import Connection, column, inspect, select, table
from sqlmodel import SQLModel

import portal_app.models  # noqa: F401  (registers the tables with SQLModel.metadata)
from portal_app.services.db import unit_of_work

FILE_COLUMNS = ("stored_name", "zip_name", "skipped_name")


def file_columns() -> list[tuple[str, str]]:
    """(table, column) for every column that names a file in the store."""
    return sorted(
        (name, col)
        for name, found in SQLModel.metadata.tables.items()
        for col in FILE_COLUMNS
        if col in found.c
    )


def named_files(connection: Connection) -> set[str]:
    """Every file name the rows behind `connection` carry (tables not there yet are skipped)."""
    present = set(inspect(connection).get_table_names())
    names: set[str] = set()
    for name, col in file_columns():
        if name in present:
            names.update(connection.execute(select(column(col)).select_from(table(name))).scalars())
    return names - {"", None}


def is_named(stored_name: str) -> bool:
    """Whether a committed row names this file."""
    with unit_of_work() as session:
        return any(
            session.execute(
                select(column(col)).select_from(table(name)).where(column(col) == stored_name)
            ).first()
            is not None
            for name, col in file_columns()
        )
