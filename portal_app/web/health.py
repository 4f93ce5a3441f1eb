"""`GET /healthz` for monitoring: 200 when every check of `services/health.py` passes, 503
naming what failed otherwise. No login, no personal data, never cached; cheap enough to poll
every few seconds. A change of the answer is logged with the details the JSON leaves out."""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from portal_app import routes
from portal_app.services import health

log = logging.getLogger(__name__)
_last_failed: list[str] = []


def _log_change(report: health.Report) -> None:
    global _last_failed
    if report.failed == _last_failed:
        return
    _last_failed = report.failed
    if report.ok:
        log.info("health: all checks pass again")
    for check in report.checks:
        if not check.ok:
            log.warning("health: %s failed (%s) %s", check.name, check.problem, check.detail)


async def healthz(_request: Request) -> JSONResponse:
    report = await run_in_threadpool(health.run_checks)
    _log_change(report)
    return JSONResponse(
        report.public(),
        status_code=200 if report.ok else 503,
        headers={"Cache-Control": "no-store"},
    )


def endpoints() -> Starlette:
    return Starlette(routes=[Route(routes.HEALTH, healthz, methods=["GET", "HEAD"])])
