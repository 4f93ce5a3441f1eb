"""Fixtures for the service tests: a fresh database each, a clock to travel with, an SMTP server."""

import os

# Before anything imports portal_app: settings are read once, at import.
os.environ.setdefault("PORTAL_DEMO", "1")
os.environ.setdefault("PORTAL_BCRYPT_ROUNDS", "4")

import email
import email.policy
import re
import socket
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import unquote

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import SQLModel

import portal_app.models  # noqa: F401  (registers the tables with SQLModel.metadata)
from portal_app import texts
from portal_app.services import clock as clock_module
from portal_app.services import db, mail, register

TOKEN_IN_LINK = re.compile(r"token=([^\s&#]+)")


@pytest.fixture(autouse=True)
def database(tmp_path):
    """Every test gets its own empty SQLite file."""
    previous = db._current_url
    db.use_database(f"sqlite:///{tmp_path}/t.db")
    SQLModel.metadata.create_all(db.engine())
    yield db.engine()
    db.engine().dispose()
    db.use_database(previous)


class Clock:
    """A stopped clock for the services; `travel` moves it on."""

    def __init__(self, start: datetime):
        self.current = start

    def now(self) -> datetime:
        return self.current

    def travel(self, delta: timedelta | None = None, **parts: float) -> datetime:
        self.current += delta if delta is not None else timedelta(**parts)
        return self.current


@pytest.fixture
def clock(monkeypatch):
    """Stop the services' clock at the real time now; the test moves it with `clock.travel`."""
    stopped = Clock(clock_module.now())
    monkeypatch.setattr(clock_module, "now", stopped.now)
    return stopped


def token_from(body: str) -> str:
    """The link token in a mail body."""
    found = TOKEN_IN_LINK.search(body)
    assert found, f"no link with a token in: {body!r}"
    return unquote(found.group(1))


@pytest.fixture
def confirm_token():
    """Read the link token from the newest confirmation mail sent to an address."""

    def newest(address: str) -> str:
        for view in mail.recent_mails():
            if view.recipient == address and view.subject == texts.MAIL_CONFIRM_SUBJECT:
                return token_from(view.body)
        raise AssertionError(f"no confirmation mail to {address}")

    return newest


@pytest.fixture
def member(confirm_token):
    """Make a member with a confirmed account the way a person does; return the session token."""

    def make(address: str, password: str) -> str:
        register.register(address, consent=True)
        return register.confirm_registration(confirm_token(address), password, password)

    return make


@dataclass
class Received:
    """One message as the SMTP server got it."""

    mail_from: str
    recipients: list[str]
    message: email.message.EmailMessage


@dataclass
class CollectingHandler:
    """Takes every message; refuses recipients in `refused_domains` with 550."""

    messages: list[Received] = field(default_factory=list)
    refused_domains: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.rpartition("@")[2] in self.refused_domains:
            return "550 5.1.1 Empfänger unbekannt"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpServer:
    """A real SMTP server on a fixed local port that a test can stop and start again."""

    host = "127.0.0.1"

    def __init__(self):
        self.port = _free_port()
        self.handler = CollectingHandler()
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[Received]:
        return self.handler.messages

    def start(self) -> None:
        assert self._controller is None, "already running"
        self._controller = Controller(self.handler, hostname=self.host, port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()
