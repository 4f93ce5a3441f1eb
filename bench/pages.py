"""Time to interactive of portal pages in Chromium, and the JavaScript/CSS bytes shipped,
against a blank Reflex counter app built in the same run.

Interactive means: the page is hydrated and its data has arrived (the portal's main area is no
longer aria-busy; the blank app answers a click). Each page is loaded 10 times in a fresh
browser context (empty cache). The portal holds the demo data (40 courses), as after `make run`.
Run: `.venv/bin/python -m bench.pages`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from bench.machine import machine, table  # noqa: E402
from tests.mailsink import free_port  # noqa: E402
from tests.reflex_server import BIN, serving  # noqa: E402

PORTAL_PAGES = ["/", "/kurse", "/anmelden"]
LOADS = 10
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update"]  # fmt: skip


def portal_ready(page: Page) -> None:
    expect(page.get_by_role("main")).to_have_attribute("aria-busy", "false", timeout=30_000)


def blank_ready(page: Page) -> None:
    page.get_by_role("button").click()
    expect(page.get_by_role("heading")).to_have_text("1", timeout=30_000)


def load(browser: Browser, url: str, ready) -> tuple[float, int, int, int]:
    """Seconds to interactive, and bytes (as transferred) of JS, CSS and everything."""
    context = browser.new_context()
    page = context.new_page()
    sizes = {"js": 0, "css": 0, "all": 0}

    def count(request) -> None:
        size = request.sizes()["responseBodySize"]
        sizes["all"] += size
        if request.resource_type == "script":
            sizes["js"] += size
        elif request.resource_type == "stylesheet":
            sizes["css"] += size

    page.on("requestfinished", count)
    started = time.perf_counter()
    page.goto(url)
    ready(page)
    elapsed = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    context.close()
    return elapsed, sizes["js"], sizes["css"], sizes["all"]


def measure(browser: Browser, url: str, ready) -> list:
    runs = [load(browser, url, ready) for _ in range(LOADS)]
    median_ms = statistics.median(run[0] for run in runs) * 1000
    _, js, css, total = runs[-1]
    return [f"{median_ms:.0f}", f"{js / 1024:.0f}", f"{css / 1024:.0f}", f"{total / 1024:.0f}"]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    base_env = {**os.environ, "REFLEX_TELEMETRY_ENABLED": "false"}
    env = {**base_env, "PORTAL_DEMO": "1", "REFLEX_DB_URL": f"sqlite:///{work}/portal.db",
           "REFLEX_STATES_WORKDIR": str(work / "states")}  # fmt: skip
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        # the demo data: 40 courses in the catalogue, as after `make run`
        subprocess.run([BIN / "reflex", "db", "migrate"], cwd=ROOT, env=env, check=True)
        subprocess.run([BIN / "portal", "demo", "load"], cwd=ROOT, env=env, check=True)
        with serving(ROOT, free_port(), env, work / "portal.log") as url:
            rows += [[f"portal {path}", *measure(browser, url + path, portal_ready)]
                     for path in PORTAL_PAGES]  # fmt: skip
        with serving(ROOT / "bench" / "blank_app", free_port(), base_env, work / "b.log") as url:
            rows.append(["blank /", *measure(browser, url + "/", blank_ready)])
        browser.close()
    print(f"Time to interactive (median of {LOADS} cold loads) and bytes shipped — {machine()}")
    print(table(["page", "interactive ms", "JS KiB", "CSS KiB", "all KiB"], rows))


if __name__ == "__main__":
    main()
