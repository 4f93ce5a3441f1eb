"""The migrations in alembic/versions, as the tests need them."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

ROOT = Path(__file__).resolve().parents[1]


def head() -> str:
    """The one revision a fully migrated database stands at."""
    config = Config()
    config.set_main_option("script_location", str(ROOT / "alembic"))
    (only,) = ScriptDirectory.from_config(config).get_heads()
    return only
