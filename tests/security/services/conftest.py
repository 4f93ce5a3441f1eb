"""The service fixtures of the unit tests (fresh database, stopped clock, members)."""

from tests.unit.conftest import clock, confirm_token, database, member  # noqa: F401
