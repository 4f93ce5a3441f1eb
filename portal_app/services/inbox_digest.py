"""The digest: a department's staff hear by mail that new items wait in the Eingang — at most
every `PORTAL_STAFF_DIGEST_MINUTES`, nothing when nothing is new, and no personal data in the
mail (counts per kind and a link; the items stay in the portal).

Several backend workers may run the loop: a department's digest is claimed under a lock, so
each new item is counted in one mail only."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, func, select

from portal_app import routes, texts
from portal_app.models import InboxDigest, StaffAccount, StaffDepartment, Vorgang
from portal_app.services import clock, db, departments, inbox, mail
from portal_app.services.db import unit_of_work
from portal_app.settings import Settings, settings

log = logging.getLogger(__name__)
LOOP_SECONDS = 60
NEVER = datetime(2000, 1, 1, tzinfo=UTC)


def _recipients(session: Session, department: str) -> list[str]:
    return list(
        session.exec(
            select(StaffAccount.email)
            .join(StaffDepartment, col(StaffDepartment.staff_id) == StaffAccount.id)
            .where(StaffDepartment.department == department)
            .where(col(StaffAccount.deactivated_at).is_(None))
            .where(col(StaffAccount.password_hash).is_not(None))
        )
    )


def _body(counts: dict[str, int]) -> str:
    lines = "\n".join(
        f"- {inbox.KINDS[kind]}: {count}" for kind, count in sorted(counts.items()) if count
    )
    return texts.MAIL_DIGEST_BODY.format(lines=lines, link=settings.base_url + routes.STAFF_INBOX)


def send_due(config: Settings = settings) -> int:
    """Queue the digests that are due; return how many departments got one."""
    sent = 0
    every = timedelta(minutes=config.staff_digest_minutes)
    for department in departments.ALL:
        with unit_of_work() as session:
            db.serialize(session, f"inbox-digest:{department}")
            now = clock.now()
            last = session.get(InboxDigest, department)
            since = last.sent_at if last else NEVER
            if last is not None and now - _aware(since) < every:
                continue
            counts = dict(
                session.exec(
                    select(Vorgang.kind, func.count())
                    .where(Vorgang.department == department)
                    .where(Vorgang.received_at > since)
                    .group_by(Vorgang.kind)
                ).all()
            )
            recipients = _recipients(session, department) if counts else []
            if not recipients:
                continue  # nothing new, or nobody to tell yet: counted in a later digest
            subject = texts.MAIL_DIGEST_SUBJECT.format(department=departments.label(department))
            for address in recipients:
                mail.enqueue(session, address, subject, _body(counts))
            session.merge(InboxDigest(department=department, sent_at=now))
            sent += 1
    return sent


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def digest_loop() -> None:
    """For the life of the backend process: look every minute whether a digest is due."""
    while True:
        try:
            await asyncio.to_thread(send_due)
        except Exception:
            log.exception("Fehler beim Sammelhinweis an die Abteilungen; nächster Versuch gleich")
        await asyncio.sleep(LOOP_SECONDS)
