"""The running production server and browser of the e2e tests (one server for this folder)."""

import os

# The tests import portal_app modules that read settings; the server gets its own environment.
os.environ.setdefault("PORTAL_DEMO", "1")

from tests.e2e.conftest import (  # noqa: F401
    base_url,
    browser_context_args,
    browser_type_launch_args,
    mail_sink,
    no_console_errors,
    portal_cli,
    portal_db,
    portal_env,
    portal_url,
    portal_work,
    screenshot,
)
