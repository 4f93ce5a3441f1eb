"""Change marks: answers a worker keeps in memory (is this login valid, how many messages are
unread) and the value that tells it when they are stale.

Every change that makes such an answer wrong (a login ended, a Postfach message arrived or
was read) sets a new random mark under its key, and does so only after its transaction has
committed (`changed`). A cache reads the key's mark *before* it loads the answer and uses the
answer only while the mark is the same (`MarkedCache`), so it can never keep an answer from
before a change under the mark of after it.

Without Redis the portal runs one backend process and the marks live in its memory; an
operator command (another process) signals its changes through a file next to the SQLite
database (`_MemoryMarks`). With `REFLEX_REDIS_URL` they live in Redis, so a change made by
one worker or command is seen by every worker at its next event. Where neither reaches
(PostgreSQL without Redis, an operator command) a change is seen when the answer's time is
up: no answer is kept longer than `MAX_AGE`. A mark is kept `MARK_TTL`, much longer than any
answer: after that every answer loaded before the change has expired, and the key may start
again from "no mark".
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Generic, TypeVar

import redis
import redis.asyncio
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from portal_app.services import clock, db
from portal_app.settings import settings

log = logging.getLogger(__name__)

MAX_AGE = 60.0  # seconds an answer is used at most, whatever the marks say
MARK_TTL = 600  # seconds a mark is kept
PREFIX = "kundenportal:mark:"
_PENDING = "marks_changed"  # session.info: keys to mark once the transaction has committed


def changed(session: Session, *keys: str) -> None:
    """Mark `keys` as changed once the caller's transaction has committed."""
    session.info.setdefault(_PENDING, set()).update(keys)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    keys = session.info.pop(_PENDING, None)
    if keys:
        _store().set_new(sorted(keys))


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, _transaction) -> None:
    session.info.pop(_PENDING, None)


async def read(key: str) -> str | None:
    """The key's mark now ("" for none), or None when it cannot be known (Redis away)."""
    return await _store().read(key)


class _MemoryMarks:
    """One backend process: the marks in a dict, pruned after MARK_TTL.

    An operator command is another process and cannot reach that dict. With SQLite it
    replaces the file `signal` next to the database instead (`serving` False); the serving
    process looks at that file at every read (a stat of a local file: SQLite's directory) and,
    when it is new, counts every mark as changed (a new `epoch`), so each kept answer is asked
    again once."""

    def __init__(self, signal: Path | None, serving: bool) -> None:
        self._marks: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()  # set from worker threads; read on the event loop
        self._signal, self._serving = signal, serving
        self._epoch, self._signal_seen = 0, self._signal_id()

    def set_new(self, keys: list[str]) -> None:
        with self._lock:
            self._set_new(keys)
        if not self._serving and self._signal is not None:
            self._raise_signal()

    def _set_new(self, keys: list[str]) -> None:
        now = time.monotonic()
        for key in keys:
            self._marks.pop(key, None)
            self._marks[key] = (secrets.token_hex(8), now)
        while self._marks:
            oldest = next(iter(self._marks))
            if now - self._marks[oldest][1] < MARK_TTL:
                break
            del self._marks[oldest]

    def _raise_signal(self) -> None:
        """A new file each time (a new inode), so the server sees it whatever the clock."""
        fresh = self._signal.with_name(f"{self._signal.name}.{secrets.token_hex(4)}")
        try:
            fresh.write_bytes(b"")
            fresh.replace(self._signal)
        except OSError:
            log.warning("Änderungssignal %s nicht geschrieben", self._signal, exc_info=True)

    def _signal_id(self) -> tuple[int, int] | None:
        if self._signal is None:
            return None
        try:
            found = self._signal.stat()
        except OSError:
            return None
        return found.st_ino, found.st_mtime_ns

    def _current_epoch(self) -> int:
        if self._serving:
            seen = self._signal_id()
            if seen != self._signal_seen:
                self._signal_seen = seen
                self._epoch += 1
        return self._epoch

    async def read(self, key: str) -> str | None:
        epoch = self._current_epoch()
        found = self._marks.get(key)
        if found is None or time.monotonic() - found[1] >= MARK_TTL:
            return f"{epoch}:"
        return f"{epoch}:{found[0]}"


class _RedisMarks:
    """Several workers: the marks in Redis (set from worker threads and operator commands,
    read on each worker's event loop)."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._sync = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        self._clients: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def set_new(self, keys: list[str]) -> None:
        try:
            with self._sync.pipeline(transaction=False) as pipe:
                for key in keys:
                    pipe.set(PREFIX + key, secrets.token_hex(8), ex=MARK_TTL)
                pipe.execute()
        except redis.RedisError:
            # the change itself is committed; other workers see it when their answer expires
            log.exception("Änderungsmarken nicht gesetzt (Redis): %s", keys)

    def _client(self) -> redis.asyncio.Redis:
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            client = redis.asyncio.Redis.from_url(
                self._url, socket_connect_timeout=2, socket_timeout=2
            )
            self._clients[loop] = client
        return client

    async def read(self, key: str) -> str | None:
        try:
            value = await self._client().get(PREFIX + key)
        except (redis.RedisError, OSError):
            log.warning("Änderungsmarke nicht lesbar (Redis): %s", key, exc_info=True)
            return None
        return value.decode() if value else ""


_stores: dict[tuple[str, str], _MemoryMarks | _RedisMarks] = {}
_serving = False


def serve() -> None:
    """This process serves the portal's events (the app calls it): without Redis its marks
    are the ones that count, and it watches for the operator commands' signal."""
    global _serving
    _serving = True
    _stores.clear()


def _signal_file(database_url: str) -> Path | None:
    """Next to the SQLite database, which every process of the installation uses."""
    url = make_url(database_url)
    if not url.drivername.startswith("sqlite") or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).with_name(Path(url.database).name + ".marken")


def changed_elsewhere(database_url: str) -> None:
    """Tell the serving process of a SQLite installation that its database was changed by
    other means than the services (SQL by hand, a test ageing a login): it asks again for
    every answer it keeps, at the next event."""
    signal = _signal_file(database_url)
    if signal is not None:
        _MemoryMarks(signal, serving=False)._raise_signal()


def _store() -> _MemoryMarks | _RedisMarks:
    place = (settings.redis_url, db.current_url())
    if place not in _stores:
        _stores[place] = (
            _RedisMarks(place[0])
            if place[0]
            else _MemoryMarks(_signal_file(place[1]), serving=_serving)
        )
    return _stores[place]


V = TypeVar("V")


@dataclass
class _Answer(Generic[V]):
    value: V
    mark: str
    until: datetime


class MarkedCache(Generic[V]):
    """Answers by key, each used while its mark is unchanged and its time (`clock`) not up.

    `load` runs in a worker thread and returns the answer and until when it may be used
    (kept at most MAX_AGE; None: do not keep it)."""

    def __init__(
        self, load: Callable[..., tuple[V, datetime | None]], max_entries: int = 50_000
    ) -> None:
        self._load = load
        self._max_entries = max_entries
        self._answers: OrderedDict[str, _Answer[V]] = OrderedDict()

    async def get(self, key: str, mark_key: str, *args) -> V:
        mark = await read(mark_key)
        answer = self._answers.get(key)
        if answer is not None and answer.mark == mark and clock.now() < answer.until:
            return answer.value
        value, until = await asyncio.to_thread(self._load, *args)
        if mark is not None and until is not None:
            latest = clock.now() + timedelta(seconds=MAX_AGE)
            self._keep(key, _Answer(value, mark, min(until, latest)))
        else:
            self._answers.pop(key, None)
        return value

    def _keep(self, key: str, answer: _Answer[V]) -> None:
        self._answers.pop(key, None)
        self._answers[key] = answer
        while len(self._answers) > self._max_entries:
            self._answers.popitem(last=False)
