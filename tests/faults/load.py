"""A steady load of members, as in `bench/`: each member a websocket client of its own with a
login cookie, sending one action after the other for as long as the load runs. Every action's
outcome is recorded with its time, so the fault suite can say what members saw before, during
and after a fault: answered, a German error message, no answer at all, a stack trace, or a
lost connection (after which the member reloads the page, as a person would)."""

from __future__ import annotations

import contextlib
import json
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import socketio

from portal_app import texts
from tests.reflex_wire import ReflexWire

SESSION_COOKIE = "kp_sitzung"
# An event not answered within this many seconds counts as a spinner for good.
ANSWER_BOUND = 15.0
GERMAN_ERROR = texts.UNEXPECTED_ERROR.split("{", 1)[0][:40]
# What only a stack trace or an English exception text would put into an update.
TRACE_MARKERS = ("Traceback", 'File "', "Exception:", "Error:", "psycopg", "sqlalchemy",
                 "redis.exceptions")  # fmt: skip

OK, GERMAN, NO_ANSWER, TRACE, DISCONNECTED, REFUSED = (
    "answered", "German message", "no answer", "stack trace", "connection lost", "refused"
)  # fmt: skip


class Disconnected(Exception):
    """The member's websocket is gone."""


@dataclass
class Member:
    number: int
    token: str
    account_id: int = 0
    email: str = ""


@dataclass
class Outcome:
    at: float
    kind: str
    seconds: float
    what: str = ""


def answer(wire: ReflexWire, handler: str, payload: dict | None = None, path: str = "/",
           bound: float = ANSWER_BOUND) -> tuple[float, list[dict]]:  # fmt: skip
    """Send one event and collect its updates up to the final one; (seconds, updates). Raises
    TimeoutError when the final update does not come within `bound`, Disconnected when the
    socket is gone."""
    while True:  # what a former, unanswered event sent late
        try:
            wire.updates.get_nowait()
        except queue.Empty:
            break
    if not wire.client.connected:
        raise Disconnected
    started = time.perf_counter()
    try:
        wire.send(handler, payload, path)
    except socketio.exceptions.SocketIOError as error:
        raise Disconnected from error
    updates: list[dict] = []
    for update in _updates_until(wire, started + bound):
        updates.append(update)
        if update.get("final", True):
            return time.perf_counter() - started, updates
    raise AssertionError("unreachable: _updates_until ends by raising")


def _updates_until(wire: ReflexWire, deadline: float):
    """The socket's updates as they come; TimeoutError at `deadline` (perf_counter),
    Disconnected when the socket is gone."""
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError
        try:
            yield wire.updates.get(timeout=min(left, 0.5))
        except queue.Empty:
            if not wire.client.connected:
                raise Disconnected from None


def wait_for(wire: ReflexWire, text: str, deadline: float) -> list[dict]:
    """Updates until one contains `text` (as JSON); TimeoutError at `deadline` (perf_counter)."""
    updates: list[dict] = []
    for update in _updates_until(wire, deadline):
        updates.append(update)
        if text in json.dumps(update, ensure_ascii=False):
            return updates
    raise AssertionError("unreachable: _updates_until ends by raising")


def classify(updates: list[dict]) -> str:
    """What the member saw of these updates: a stack trace, the German error, or an answer."""
    shown = json.dumps(updates, ensure_ascii=False)
    if any(marker in shown for marker in TRACE_MARKERS):
        return TRACE
    if GERMAN_ERROR in shown:
        return GERMAN
    return OK


Action = Callable[[ReflexWire, Member], tuple[float, list[dict], str]]


@dataclass
class Load:
    """Members sending `action` in a loop from threads of their own until `stop`."""

    url: str
    members: list[Member]
    action: Action
    pause: float = 0.05
    outcomes: list[Outcome] = field(default_factory=list)
    marks: dict[str, float] = field(default_factory=dict)
    reconnects: int = 0
    samples: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._running = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def _record(self, kind: str, seconds: float, what: str = "") -> None:
        with self._lock:
            self.outcomes.append(Outcome(time.monotonic(), kind, seconds, what))

    def _connect(self, member: Member) -> ReflexWire | None:
        try:
            return ReflexWire(self.url, cookie=f"{SESSION_COOKIE}={member.token}").__enter__()
        except Exception:
            return None

    def _run(self, member: Member) -> None:
        wire = None
        while self._running.is_set():
            if wire is None:
                wire = self._connect(member)
                if wire is None:
                    self._record(DISCONNECTED, 0)
                    time.sleep(0.5)
                    continue
            try:
                seconds, updates, what = self.action(wire, member)
            except Disconnected:
                self._record(DISCONNECTED, 0)
                self._reload(wire)
                wire = None
                continue
            except TimeoutError:
                self._record(NO_ANSWER, ANSWER_BOUND)
                self._reload(wire)
                wire = None
                continue
            kind = classify(updates)
            if kind == TRACE and len(self.samples) < 3:
                self.samples.append(json.dumps(updates, ensure_ascii=False)[:1500])
            self._record(kind if kind != OK else what or OK, seconds, what)
            time.sleep(self.pause)
        if wire is not None:
            self._close(wire)

    def _reload(self, wire: ReflexWire) -> None:
        """A person reloads the page: a new connection (made at the loop's next turn)."""
        self._close(wire)
        with self._lock:
            self.reconnects += 1

    @staticmethod
    def _close(wire: ReflexWire) -> None:
        with contextlib.suppress(Exception):  # already gone
            wire.client.disconnect()

    def start(self) -> Load:
        self._running.set()
        for member in self.members:
            thread = threading.Thread(target=self._run, args=(member,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._running.clear()
        for thread in self._threads:
            thread.join(timeout=ANSWER_BOUND + 15)

    def mark(self, name: str) -> None:
        self.marks[name] = time.monotonic()

    def within(self, start: str, end: str) -> list[Outcome]:
        begin, until = self.marks[start], self.marks[end]
        return [o for o in self.outcomes if begin <= o.at < until]

    def rate(self, start: str, end: str, kinds: tuple[str, ...] | None = None) -> float:
        """Answered events per second between two marks."""
        seconds = self.marks[end] - self.marks[start]
        chosen = [o for o in self.within(start, end) if o.kind not in (NO_ANSWER, DISCONNECTED,
                                                                       GERMAN, TRACE)]  # fmt: skip
        if kinds is not None:
            chosen = [o for o in chosen if o.kind in kinds]
        return len(chosen) / seconds if seconds > 0 else 0.0

    def seen(self, start: str = "", end: str = "") -> Counter:
        chosen = self.within(start, end) if start else self.outcomes
        return Counter(o.kind for o in chosen)

    def run_phases(self, steady: float, fault: Callable[[], None], recovery: float,
                   after: float) -> None:  # fmt: skip
        """before (steady s) → fault() (its own duration is the fault phase) → recovery → after."""
        self.start()
        self.mark("start")
        time.sleep(steady)
        self.mark("fault")
        try:
            fault()
        finally:
            self.mark("fault_end")
            time.sleep(recovery)
            self.mark("after")
            time.sleep(after)
            self.mark("end")
            self.stop()
