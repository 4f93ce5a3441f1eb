"""A real SMTP server for tests (aiosmtpd) that keeps what it receives, can refuse chosen
domains, and can be stopped and started again on the same port, like a mail server going down."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    """One message as the SMTP server got it."""

    mail_from: str
    recipients: list[str]
    message: EmailMessage


class MailSink:
    host = "127.0.0.1"

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.messages: list[Received] = []
        self.refused_domains: set[str] = set()
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.rpartition("@")[2] in self.refused_domains:
            return "550 5.1.1 Empfänger unbekannt"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def start(self) -> MailSink:
        assert self._controller is None, "already running"
        self._controller = Controller(self, hostname=self.host, port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def to(self, recipient: str) -> list[EmailMessage]:
        with self._lock:
            return [
                r.message
                for r in self.messages
                if recipient.casefold() in (a.casefold() for a in r.recipients)
            ]

    def wait_for(
        self, recipient: str, subject: str = "", timeout: float = 20, containing: str = ""
    ) -> EmailMessage:
        """The newest mail to `recipient` whose subject contains `subject` (and whose text
        contains `containing`: a shared desk address receives the mails of many tests)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [
                m
                for m in self.to(recipient)
                if subject in m["Subject"] and containing in body_of(m)
            ]
            if found:
                return found[-1]
            time.sleep(0.1)
        raise AssertionError(f"no mail to {recipient} with subject {subject!r} within {timeout}s")

    def wait_for_count(self, recipient: str, count: int, timeout: float = 20) -> None:
        """Wait until `recipient` has received at least `count` mails."""
        deadline = time.monotonic() + timeout
        while len(self.to(recipient)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"fewer than {count} mails to {recipient} within {timeout}s")
            time.sleep(0.1)


def body_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()
