"""The service fixtures of the unit tests (fresh database, stopped clock, members), and the
hook that runs tests marked `both_databases` on SQLite and PostgreSQL."""

from tests.unit.conftest import (  # noqa: F401
    clock,
    confirm_token,
    database,
    make_account,
    make_course,
    member,
    pytest_generate_tests,
)
