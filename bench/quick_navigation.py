"""Opening a page while the previous one is still loading, as a member does who clicks on
before a page is ready: time until the new page is interactive, on SQLite with one worker
(the baseline) and on PostgreSQL with Redis and two workers.

A logged-in member opens Mein Konto and, without waiting, Freischalten, 300 times. With
Redis, the first page's load is cancelled by the navigation; Reflex 0.10.1 could then leave
the tab's state lock in Redis until it expired (10 s), and the second page waited that long
(fixed in portal_app/state/redis_lock.py). The table counts such stalls.
Run: `.venv/bin/python -m bench.quick_navigation` (about ten minutes).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORTAL_DEMO", "1")

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from bench.machine import machine, summary_ms, table  # noqa: E402
from bench.pages import CHROMIUM_ARGS  # noqa: E402
from portal_app import texts  # noqa: E402
from portal_app.services import demo  # noqa: E402
from tests.backing_services import postgres_database, reachable_redis  # noqa: E402
from tests.mailsink import free_port  # noqa: E402
from tests.reflex_server import BIN, serving  # noqa: E402

ROUNDS = 300
STALL = 5.0  # seconds


def ready(page: Page, timeout: float = 30_000) -> None:
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false", timeout=timeout)


def log_in(page: Page) -> None:
    page.goto("/anmelden")
    ready(page)
    page.get_by_label(texts.FIELD_EMAIL).fill(demo.DEMO_EMAIL)
    page.get_by_label(texts.FIELD_PASSWORD, exact=True).fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name=texts.LOGIN_TITLE).click()
    page.wait_for_url("**/konto**")


def measure(browser, env: dict[str, str], work: Path) -> list:
    for command in (["reflex", "db", "migrate"], ["portal", "demo", "load"]):
        subprocess.run([BIN / command[0], *command[1:]], cwd=ROOT, env=env, check=True,
                       capture_output=True)  # fmt: skip
    with serving(ROOT, free_port(), env, work / "portal.log") as url:
        page = browser.new_page(base_url=url)
        log_in(page)
        seconds = []
        for _ in range(ROUNDS):
            page.goto("/konto")  # and on at once, before it is ready
            started = time.perf_counter()
            page.goto("/freischalten")
            ready(page)
            seconds.append(time.perf_counter() - started)
        page.close()
    p50, p95, _ = summary_ms(seconds)
    stalls = sum(1 for s in seconds if s > STALL)
    return [f"{p50:.0f}", f"{p95:.0f}", f"{max(seconds) * 1000:.0f}", stalls]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-navigation-"))
    base = {**os.environ, "REFLEX_TELEMETRY_ENABLED": "false", "PORTAL_DEMO": "1",
            "PORTAL_FILES_DIR": str(work / "dateien"),
            "REFLEX_UPLOADED_FILES_DIR": str(work / "uploads")}  # fmt: skip
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        sqlite = {**base, "REFLEX_DB_URL": f"sqlite:///{work}/portal.db",
                  "REFLEX_STATES_WORKDIR": str(work / "states")}  # fmt: skip
        rows.append(["SQLite, 1 worker", *measure(browser, sqlite, work)])
        with postgres_database() as postgres:
            scaled = {**base, "REFLEX_DB_URL": postgres, "REFLEX_REDIS_URL": reachable_redis(),
                      "GRANIAN_WORKERS": "2"}  # fmt: skip
            rows.append(["PostgreSQL + Redis, 2 workers", *measure(browser, scaled, work)])
        browser.close()
    print(f"Page opened while the previous one loads, {ROUNDS} times — {machine()}")
    header = ["mode", "p50 ms", "p95 ms", "max ms", f"stalls > {STALL:.0f} s"]
    print(table(header, rows))


if __name__ == "__main__":
    main()
