"""Is the portal fit to serve? Four cheap checks for monitoring (`GET /healthz`, polled every few
seconds) and for cron (`portal check`):

- the database answers,
- Redis answers (only where `REFLEX_REDIS_URL` is set),
- no mail has waited in the outbox (neither sent nor failed for good) longer than
  `PORTAL_HEALTH_MAIL_MAX_MINUTES` (only with an SMTP server: without one mails stay there),
- the private file store takes a write and has at least `PORTAL_HEALTH_MIN_FREE_MB` free.

The answer names no person and no address: counts, ages and sizes only. What went wrong in
detail (an exception's text, which may name hosts) is in `Check.detail`, for the operator's
command line and the server log, never for the HTTP answer.
"""

from __future__ import annotations

import os
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import redis
from sqlalchemy import text
from sqlmodel import col, func, select

from portal_app.models import OutboxMail
from portal_app.services import clock, db, files
from portal_app.settings import Settings, settings

MB = 1024 * 1024
TIMEOUT_SECONDS = 5.0
NAMES = ("database", "redis", "mail", "files")

# what went wrong, as one word for machines (the HTTP answer) and the German command line
NO_ANSWER, STUCK, NOT_WRITABLE, LOW_SPACE, TIMEOUT, ERROR = (
    "no_answer", "stuck", "not_writable", "low_space", "timeout", "error",
)  # fmt: skip


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    problem: str = ""
    facts: dict[str, int | bool] = field(default_factory=dict)
    detail: str = ""  # for the operator only (may name hosts or paths)

    def public(self) -> dict:
        """What the HTTP answer may say about this check."""
        answer: dict = {"ok": self.ok}
        if self.problem:
            answer["problem"] = self.problem
        return answer | self.facts


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def failed(self) -> list[str]:
        return [check.name for check in self.checks if not check.ok]

    def public(self) -> dict:
        answer: dict = {"status": "ok" if self.ok else "failing"}
        if not self.ok:
            answer["failed"] = self.failed
        answer["checks"] = {check.name: check.public() for check in self.checks}
        return answer


def _described(error: BaseException) -> str:
    return f"{error.__class__.__name__}: {error}"[:300]


def check_database() -> Check:
    try:
        with db.engine().connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        return Check("database", False, NO_ANSWER, detail=_described(error))
    return Check("database", True)


def check_redis(url: str) -> Check:
    if not url:
        return Check("redis", True, facts={"configured": False})
    client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    except Exception as error:
        return Check("redis", False, NO_ANSWER, {"configured": True}, _described(error))
    finally:
        client.close()
    return Check("redis", True, facts={"configured": True})


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_mail(max_wait: timedelta, smtp_enabled: bool) -> Check:
    """How many mails wait (neither sent nor failed for good) and since when the oldest."""
    waiting = (
        col(OutboxMail.sent_at).is_(None),
        col(OutboxMail.failed_at).is_(None),
    )
    try:
        with db.unit_of_work() as session:
            count = session.exec(select(func.count()).select_from(OutboxMail).where(*waiting)).one()
            oldest = session.exec(
                select(OutboxMail.created_at).where(*waiting).order_by(OutboxMail.created_at)
            ).first()
    except Exception as error:
        return Check("mail", False, NO_ANSWER, detail=_described(error))
    age = max(timedelta(0), clock.now() - _aware(oldest)) if oldest else timedelta(0)
    facts = {
        "waiting": count,
        "oldest_seconds": int(age.total_seconds()),
        "limit_seconds": int(max_wait.total_seconds()),
        "smtp": smtp_enabled,
    }
    if smtp_enabled and age > max_wait:
        return Check("mail", False, STUCK, facts)
    return Check("mail", True, facts=facts)


def check_files(directory: Path, min_free_bytes: int) -> Check:
    """Write (and remove) a small file in the store; then look at the free space."""
    facts = {"min_free_mb": min_free_bytes // MB}
    probe = Path(directory) / f".pruefung-{secrets.token_hex(8)}"
    try:
        files.store_dir(Path(directory))
        with probe.open("xb") as handle:
            handle.write(b"ok")
            handle.flush()
            os.fsync(handle.fileno())
        free = shutil.disk_usage(directory).free
    except OSError as error:
        return Check("files", False, NOT_WRITABLE, facts, _described(error))
    finally:
        probe.unlink(missing_ok=True)
    facts["free_mb"] = free // MB
    if free < min_free_bytes:
        return Check("files", False, LOW_SPACE, facts)
    return Check("files", True, facts=facts)


def _jobs(config: Settings) -> dict[str, Callable[[], Check]]:
    return {
        "database": check_database,
        "redis": lambda: check_redis(config.redis_url),
        "mail": lambda: check_mail(
            timedelta(minutes=config.health_mail_max_minutes), config.smtp_enabled
        ),
        "files": lambda: check_files(Path(config.files_dir), config.health_min_free_mb * MB),
    }


def run_checks(config: Settings | None = None, timeout: float = TIMEOUT_SECONDS) -> Report:
    """All checks at once, each in a thread of its own; one that has not answered within
    `timeout` seconds counts as failed (its thread is left to finish on its own)."""
    config = config or settings
    results: dict[str, Check] = {}

    def run(name: str, job: Callable[[], Check]) -> None:
        try:
            results[name] = job()
        except Exception as error:  # a check that breaks is a failed check, not a crash
            results[name] = Check(name, False, ERROR, detail=_described(error))

    threads = [
        threading.Thread(target=run, args=(name, job), daemon=True, name=f"health-{name}")
        for name, job in _jobs(config).items()
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    return Report(tuple(results.get(name) or Check(name, False, TIMEOUT) for name in _jobs(config)))
