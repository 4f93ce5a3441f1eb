"""Mail outbox: written in the caller's transaction, sent over real SMTP, retried, claimed once."""

import dataclasses
from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app.models import OutboxMail
from portal_app.services import mail
from portal_app.services.db import unit_of_work
from portal_app.settings import settings

RECIPIENT = "inhaber@metzgerei-example.de"
SUBJECT = "Grüße aus der Kammer"
BODY = "Sehr geehrte Frau Müller,\n\nÄnderungen übernehmen wir gern. Schöne Grüße – Ihre Kammer"


@pytest.fixture
def smtp_config(smtp_server):
    return dataclasses.replace(
        settings, smtp_host=smtp_server.host, smtp_port=smtp_server.port, smtp_starttls=False
    )


def queue(recipient: str = RECIPIENT, subject: str = SUBJECT, body: str = BODY) -> None:
    with unit_of_work() as session:
        mail.enqueue(session, recipient, subject, body)


def stored() -> list[OutboxMail]:
    with unit_of_work() as session:
        return list(session.exec(select(OutboxMail).order_by(OutboxMail.id)))


# --- the outbox ----------------------------------------------------------------------------------


def test_a_mail_is_stored_when_its_transaction_commits():
    queue()

    [queued] = stored()
    assert (queued.recipient, queued.subject, queued.body) == (RECIPIENT, SUBJECT, BODY)
    assert queued.sent_at is None
    assert queued.attempts == 0


def test_a_mail_is_not_stored_when_its_transaction_fails():
    class ActionFailed(Exception):
        pass

    with pytest.raises(ActionFailed), unit_of_work() as session:
        mail.enqueue(session, RECIPIENT, SUBJECT, BODY)
        session.flush()  # even written to the database, it goes with the rollback
        raise ActionFailed

    assert stored() == []
    assert mail.recent_mails() == []


# --- delivery ------------------------------------------------------------------------------------


def test_a_due_mail_goes_out_over_smtp_with_umlauts_intact(smtp_server, smtp_config):
    queue()

    assert mail.deliver_due(smtp_config) == 1

    [received] = smtp_server.messages
    assert received.recipients == [RECIPIENT]
    assert received.mail_from == settings.mail_from
    assert received.message["From"] == settings.mail_from
    assert received.message["To"] == RECIPIENT
    assert received.message["Subject"] == SUBJECT
    assert received.message.get_content().replace("\r\n", "\n").rstrip("\n") == BODY
    [sent] = stored()
    assert sent.sent_at is not None
    assert sent.claimed_until is None


def test_an_umlaut_domain_is_delivered_in_its_idna_form(smtp_server, smtp_config):
    queue(recipient="inhaberin@bäckerei-müller.de")

    assert mail.deliver_due(smtp_config) == 1

    [received] = smtp_server.messages
    assert received.recipients == ["inhaberin@xn--bckerei-mller-bfb28a.de"]


def test_a_sent_mail_is_not_sent_again(smtp_server, smtp_config):
    queue()
    mail.deliver_due(smtp_config)

    assert mail.deliver_due(smtp_config) == 0
    assert len(smtp_server.messages) == 1


def test_several_mails_go_out_in_one_round(smtp_server, smtp_config):
    for number in range(3):
        queue(recipient=f"betrieb{number}@example.org")

    assert mail.deliver_due(smtp_config) == 3
    assert sorted(m.recipients[0] for m in smtp_server.messages) == [
        "betrieb0@example.org",
        "betrieb1@example.org",
        "betrieb2@example.org",
    ]


@pytest.mark.both_databases
def test_with_the_server_down_a_mail_stays_queued_and_is_retried_later(
    clock, smtp_server, smtp_config
):
    queue()
    smtp_server.stop()

    assert mail.deliver_due(smtp_config) == 0

    [waiting] = stored()
    assert waiting.sent_at is None
    assert waiting.failed_at is None
    assert waiting.attempts == 1
    assert waiting.claimed_until is None
    assert waiting.next_attempt_at == clock.now() + mail.retry_delay(1)
    assert waiting.next_attempt_at > clock.now()
    assert "connect" in waiting.last_error

    smtp_server.start()
    assert mail.deliver_due(smtp_config) == 0, "not due yet"
    assert smtp_server.messages == []

    clock.travel(mail.retry_delay(1) + timedelta(seconds=1))
    assert mail.deliver_due(smtp_config) == 1
    assert mail.deliver_due(smtp_config) == 0
    assert len(smtp_server.messages) == 1
    [delivered] = stored()
    assert delivered.sent_at is not None
    assert delivered.last_error == ""


def test_the_pause_between_tries_doubles_and_stops_growing_at_ten_minutes():
    pauses = [mail.retry_delay(attempts) for attempts in range(1, 10)]

    assert pauses[:4] == [timedelta(seconds=s) for s in (5, 10, 20, 40)]
    assert pauses == sorted(pauses)
    assert max(pauses) == timedelta(minutes=10)
    assert mail.retry_delay(1000) == timedelta(minutes=10)  # a long outage must not overflow


def test_a_mail_the_server_refuses_fails_for_good(smtp_server, smtp_config):
    smtp_server.refused_domains.add("nirgendwo.example")
    queue(recipient="niemand@nirgendwo.example")
    queue()

    assert mail.deliver_due(smtp_config) == 1

    refused, delivered = stored()
    assert refused.failed_at is not None
    assert refused.sent_at is None
    assert delivered.sent_at is not None
    assert [m.recipients for m in smtp_server.messages] == [[RECIPIENT]]
    assert mail.deliver_due(smtp_config) == 0


@pytest.mark.both_databases
def test_a_mail_claimed_by_another_worker_is_not_sent_twice(clock, smtp_server, smtp_config):
    queue()
    [claimed] = mail._claim_due(clock.now())  # another backend process is sending it right now

    assert mail.deliver_due(smtp_config) == 0
    assert smtp_server.messages == []

    clock.travel(mail.CLAIM_TIME + timedelta(seconds=1))  # that worker died without recording
    assert mail.deliver_due(smtp_config) == 1
    assert [m.recipients for m in smtp_server.messages] == [[RECIPIENT]]
    assert claimed.recipient == RECIPIENT


@pytest.mark.both_databases
def test_a_mail_another_worker_sent_between_finding_and_claiming_it_is_not_sent_again(
    clock, smtp_server, smtp_config, monkeypatch
):
    """Both workers find the same due mail; the other one claims, sends and records it (which
    ends its claim) before this one claims it: this one must not send it a second time."""
    queue()
    claim = mail._claim

    def the_other_worker_first(session, mail_id, now):
        monkeypatch.setattr(mail, "_claim", claim)  # the other worker claims as usual
        assert mail.deliver_due(smtp_config) == 1
        return claim(session, mail_id, now)

    monkeypatch.setattr(mail, "_claim", the_other_worker_first)
    assert mail.deliver_due(smtp_config) == 0
    assert [m.recipients for m in smtp_server.messages] == [[RECIPIENT]]


# --- the demo mailbox ----------------------------------------------------------------------------


def test_recent_mails_come_newest_first_with_portal_links_made_relative():
    queue(subject="erste")
    link = f"{settings.base_url}/registrieren/bestaetigen?token=abc-123_x"
    queue(subject="zweite", body=f"Bitte öffnen:\n\n{link}\n\nDanke.")

    newest, oldest = mail.recent_mails()

    assert (newest.subject, oldest.subject) == ("zweite", "erste")
    assert newest.links == ["/registrieren/bestaetigen?token=abc-123_x"]
    assert oldest.links == []
    assert newest.sent_at is None


def test_links_to_other_sites_are_not_portal_links():
    body = (
        "https://example.org/registrieren\n"
        f"{settings.base_url}0/fremd\n"
        f"{settings.base_url}.evil.example/fremd\n"
        f"{settings.base_url}@evil.example/fremd\n"
        f"{settings.base_url}//evil.example/fremd\n"
        f"{settings.base_url}\n"
        f"{settings.base_url}/hilfe\n"
    )

    assert mail.portal_links(body) == ["/", "/hilfe"]


def test_recent_mails_are_limited():
    for number in range(5):
        queue(subject=f"Mail {number}")

    assert [view.subject for view in mail.recent_mails(limit=2)] == ["Mail 4", "Mail 3"]
