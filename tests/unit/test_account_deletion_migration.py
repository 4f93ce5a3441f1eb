"""The migration that keeps bookings and form submissions when their account is deleted: on a
database migrated from the schema before it, deleting an account leaves both, detached."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from alembic import command
from portal_app.services import db

ROOT = Path(__file__).resolve().parents[2]
BEFORE = "b3e1d2c4a5f6"
THIS = "d7a4c9e2f1b8"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _migrate(url: str, revision: str, down: bool = False) -> None:
    config = Config()  # not alembic.ini: its logging set-up would silence the portal's loggers
    config.set_main_option("script_location", str(ROOT / "alembic"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    (command.downgrade if down else command.upgrade)(config, revision)
    db.engine().dispose()  # no pooled connection remembers the tables from before


def _fill_old_schema(engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO account (id, email, email_key, created_at, confirmed_at) "
                "VALUES (1, 'a@x.example', 'a@x.example', :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO course (id, code, title, category, description, location, "
                "starts_on, ends_on, schedule, price_cents, capacity, booked, booking_deadline, "
                "search_text) VALUES (1, 'K-1', 'Kurs', 'Kat', '', 'Ort', :day, :day, '', 0, "
                "10, 0, :day, '')"
            ),
            {"day": date(2027, 1, 1)},
        )
        connection.execute(
            text(
                "INSERT INTO booking (id, course_id, account_id, participant_name, "
                "participant_birth_date, participant_email, participant_key, status, "
                "created_at) VALUES (1, 1, 1, 'Eva', :born, 'e@x.example', NULL, 'storniert', "
                ":now)"
            ),
            {"born": date(1990, 1, 1), "now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO form_submission (id, account_id, form_key, department_email, "
                "sender_key, client_key, data, created_at) VALUES (1, 1, 'kontakt', "
                "'k@hwk.example', 'a@x.example', 'c', '{}', :now)"
            ),
            {"now": NOW},
        )


def _account_ids(engine) -> tuple:
    with engine.connect() as connection:
        return (
            connection.execute(text("SELECT account_id FROM booking")).scalar_one(),
            connection.execute(text("SELECT account_id FROM form_submission")).scalar_one(),
        )


def _on_delete_of_account(engine, table: str) -> str | None:
    """What the table's foreign key to `account` does when the account row goes."""
    [foreign_key] = [
        fk for fk in inspect(engine).get_foreign_keys(table) if fk["referred_table"] == "account"
    ]
    return foreign_key["options"].get("ondelete")


@pytest.mark.both_databases
@pytest.mark.own_postgres_database
def test_after_the_migration_a_deleted_account_leaves_its_bookings_and_submissions():
    engine = db.engine()  # with PRAGMA foreign_keys=ON on SQLite, as the portal runs
    SQLModel.metadata.drop_all(engine)
    url = engine.url.render_as_string(hide_password=False)
    _migrate(url, BEFORE)
    _fill_old_schema(engine)

    _migrate(url, "head")  # this migration and the ones after it

    assert _account_ids(engine) == (1, 1)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM account"))
    assert _account_ids(engine) == (None, None)
    columns = {c["name"]: c for c in inspect(engine).get_columns("booking")}
    assert columns["account_id"]["nullable"] is True
    for table in ("booking", "form_submission"):
        assert _on_delete_of_account(engine, table) == "SET NULL"
        indexes = {i["name"] for i in inspect(engine).get_indexes(table)} - {
            "uq_booking_participant"  # PostgreSQL lists the unique constraint's index too
        }
        assert indexes == {i.name for i in SQLModel.metadata.tables[table].indexes}
    with engine.connect() as connection:  # what alembic would still find to migrate
        left = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert [d for d in left if "'booking'" in repr(d) or "'form_submission'" in repr(d)] == []


@pytest.mark.both_databases
@pytest.mark.own_postgres_database
def test_the_migration_goes_back_down():
    engine = db.engine()
    SQLModel.metadata.drop_all(engine)
    url = engine.url.render_as_string(hide_password=False)
    _migrate(url, THIS)

    _migrate(url, BEFORE, down=True)

    assert _on_delete_of_account(engine, "booking") == "CASCADE"
    assert _on_delete_of_account(engine, "form_submission") == "CASCADE"
