"""The migrations make exactly the tables the models declare, in one line of revisions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from portal_app import models  # noqa: F401  (registers the tables)
from tests import migrations


def test_migrating_an_empty_database_gives_the_models_tables(tmp_path):
    url = f"sqlite:///{tmp_path}/neu.db"
    env = {**os.environ, "PORTAL_DEMO": "1", "REFLEX_DB_URL": url}
    reflex = Path(sys.executable).with_name("reflex")
    subprocess.run(
        [str(reflex), "db", "migrate"], cwd=migrations.ROOT, env=env, check=True,
        capture_output=True, timeout=120,
    )  # fmt: skip
    engine = create_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == migrations.head()
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()
