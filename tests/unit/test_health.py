"""The health checks behind /healthz and `portal check`: each one passing and failing
(database, Redis, a stuck mail, an unwritable or full file store, a check that hangs), and
an answer that names what failed without naming anyone."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import shutil
import tempfile
import time
from datetime import timedelta

import pytest

from portal_app import cli, texts
from portal_app.services import db, health, mail
from portal_app.settings import SettingsError, load_settings, settings
from tests.backing_services import reachable_redis

LIMIT = timedelta(minutes=15)
NOBODY = 65534
CLOSED_PORT_PG = "postgresql+psycopg://postgres@127.0.0.1:9/kundenportal?connect_timeout=2"


def enqueue_mail(recipient: str = "mitglied@betrieb.example") -> None:
    with db.unit_of_work() as session:
        mail.enqueue(session, recipient, "Betreff", "Text")


def as_nobody(function):
    """Run `function` in a child process that has given up root's right to write anywhere
    (as root, a directory without write permission would still take the file)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read_end)
            if os.getuid() == 0:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            os.write(write_end, pickle.dumps(function()))
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as answer:
        data = answer.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)  # noqa: S301 (our own child's answer)


@pytest.fixture
def config(tmp_path, monkeypatch):
    """Settings of a portal with an SMTP server, its store in the test's directory, no Redis."""
    changed = dataclasses.replace(
        settings, smtp_host="mail.example", files_dir=str(tmp_path / "dateien"), redis_url=""
    )
    monkeypatch.setattr(health, "settings", changed)
    return changed


# --- database ------------------------------------------------------------------------------


def test_a_database_that_answers_passes():
    assert health.check_database() == health.Check("database", True)


def test_a_database_that_does_not_answer_fails_with_the_reason_for_the_operator(monkeypatch):
    monkeypatch.setattr(db, "_current_url", CLOSED_PORT_PG)
    check = health.check_database()
    assert (check.ok, check.problem) == (False, health.NO_ANSWER)
    assert "OperationalError" in check.detail
    assert check.public() == {"ok": False, "problem": "no_answer"}


# --- Redis ---------------------------------------------------------------------------------


def test_redis_counts_only_where_it_is_configured():
    assert health.check_redis("") == health.Check("redis", True, facts={"configured": False})


def test_a_configured_redis_that_answers_passes():
    assert health.check_redis(reachable_redis()).ok


def test_a_configured_redis_that_does_not_answer_fails():
    check = health.check_redis("redis://127.0.0.1:9/0")
    assert (check.ok, check.problem, check.facts) == (False, "no_answer", {"configured": True})


# --- the outbox ----------------------------------------------------------------------------


def test_an_empty_outbox_passes():
    check = health.check_mail(LIMIT, smtp_enabled=True)
    assert check.ok
    assert check.facts == {"waiting": 0, "oldest_seconds": 0, "limit_seconds": 900, "smtp": True}


def test_a_mail_waiting_less_than_the_limit_passes(clock):
    enqueue_mail()
    clock.travel(minutes=14)
    check = health.check_mail(LIMIT, smtp_enabled=True)
    assert check.ok
    assert (check.facts["waiting"], check.facts["oldest_seconds"]) == (1, 14 * 60)


def test_a_stuck_mail_fails_the_check(clock):
    enqueue_mail()
    clock.travel(minutes=10)
    enqueue_mail("andere@betrieb.example")
    clock.travel(minutes=6)
    check = health.check_mail(LIMIT, smtp_enabled=True)
    assert (check.ok, check.problem) == (False, health.STUCK)
    assert (check.facts["waiting"], check.facts["oldest_seconds"]) == (2, 16 * 60)
    assert "betrieb.example" not in json.dumps(check.public())


def test_sent_and_finally_failed_mails_do_not_count_as_waiting(clock, smtp_server):
    enqueue_mail()
    sending = dataclasses.replace(
        settings, smtp_host=smtp_server.host, smtp_port=smtp_server.port, smtp_starttls=False
    )
    assert mail.deliver_due(sending) == 1
    smtp_server.refused_domains.add("abgelehnt.example")
    enqueue_mail("niemand@abgelehnt.example")
    mail.deliver_due(sending)  # refused for good (5xx): failed
    clock.travel(hours=2)
    check = health.check_mail(LIMIT, smtp_enabled=True)
    assert check.ok
    assert check.facts["waiting"] == 0


def test_without_an_smtp_server_waiting_mails_are_expected(clock):
    enqueue_mail()
    clock.travel(hours=5)
    check = health.check_mail(LIMIT, smtp_enabled=False)
    assert check.ok
    assert check.facts["smtp"] is False


# --- the file store ------------------------------------------------------------------------


def test_a_writable_store_with_room_passes_and_keeps_nothing_of_the_probe(tmp_path):
    store = tmp_path / "dateien"  # not there yet: made like the store makes it
    check = health.check_files(store, min_free_bytes=1024 * 1024)
    assert check.ok
    assert check.facts["free_mb"] >= 1
    assert list(store.iterdir()) == []


def test_an_unwritable_store_fails():
    store = tempfile.mkdtemp(prefix="kp-nur-lesen-")  # under /tmp, so others may look in
    try:
        os.chmod(store, 0o555)  # noqa: S103 (readable, not writable: the point of the test)
        check = as_nobody(lambda: health.check_files(store, min_free_bytes=0))
    finally:
        shutil.rmtree(store)
    assert (check.ok, check.problem) == (False, health.NOT_WRITABLE)
    assert "PermissionError" in check.detail
    assert check.public() == {"ok": False, "problem": "not_writable", "min_free_mb": 0}


def test_a_store_with_too_little_free_space_fails(tmp_path):
    free = shutil.disk_usage(tmp_path).free
    check = health.check_files(tmp_path, min_free_bytes=free + 1024**4)
    assert (check.ok, check.problem) == (False, health.LOW_SPACE)
    assert check.facts["free_mb"] < check.facts["min_free_mb"]


# --- all together --------------------------------------------------------------------------


def test_all_checks_pass_and_say_so_without_details(config):
    report = health.run_checks(config)
    assert report.ok
    public = report.public()
    assert public["status"] == "ok"
    assert list(public["checks"]) == ["database", "redis", "mail", "files"]
    assert "failed" not in public


def test_the_answer_names_what_failed(config, clock):
    enqueue_mail()
    clock.travel(minutes=20)
    public = health.run_checks(config).public()
    assert public["status"] == "failing"
    assert public["failed"] == ["mail"]
    assert public["checks"]["mail"]["problem"] == "stuck"
    assert public["checks"]["database"] == {"ok": True}


def test_a_check_that_hangs_counts_as_failed_after_the_timeout(config, monkeypatch):
    monkeypatch.setattr(health, "check_database", lambda: time.sleep(3) or health.Check("x", True))
    started = time.monotonic()
    report = health.run_checks(config, timeout=0.3)
    assert time.monotonic() - started < 2
    assert report.failed == ["database"]
    assert report.checks[0].problem == health.TIMEOUT


def test_portal_check_prints_each_check_and_exits_0(config, capsys):
    assert cli.main(["check"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "Datenbank: antwortet"
    assert printed[1] == "Redis: nicht eingerichtet (REFLEX_REDIS_URL leer)"
    assert printed[2].startswith("Postausgang: 0 wartende Mail(s)")
    assert printed[3].startswith("Dateiablage: beschreibbar, ")
    assert printed[4] == texts.CHECK_ALL_OK


def test_portal_check_exits_1_and_names_the_failure_for_cron(config, clock, capsys):
    enqueue_mail()
    clock.travel(minutes=31)
    assert cli.main(["check"]) == 1
    captured = capsys.readouterr()
    assert (
        "Postausgang: FEHLER – die älteste von 1 wartenden Mails wartet seit 31 min "
        "(Grenze 15 min)" in captured.out
    )
    assert captured.err.splitlines() == [
        "Nicht in Ordnung: Postausgang.",
        "Postausgang: FEHLER – die älteste von 1 wartenden Mails wartet seit 31 min "
        "(Grenze 15 min)",
    ]


def test_the_limits_come_from_the_environment_and_bad_ones_stop_start_up():
    config = load_settings(
        {
            "PORTAL_DEMO": "1",
            "PORTAL_HEALTH_MAIL_MAX_MINUTES": "30",
            "PORTAL_HEALTH_MIN_FREE_MB": "0",
            "REFLEX_REDIS_URL": "redis://127.0.0.1:6379/0",
        }
    )
    assert (config.health_mail_max_minutes, config.health_min_free_mb) == (30, 0)
    assert config.redis_url == "redis://127.0.0.1:6379/0"
    defaults = load_settings({"PORTAL_DEMO": "1"})
    assert (defaults.health_mail_max_minutes, defaults.health_min_free_mb) == (15, 1024)
    with pytest.raises(SettingsError, match="PORTAL_HEALTH_MAIL_MAX_MINUTES"):
        load_settings({"PORTAL_DEMO": "1", "PORTAL_HEALTH_MAIL_MAX_MINUTES": "0"})
    with pytest.raises(SettingsError, match="PORTAL_HEALTH_MIN_FREE_MB"):
        load_settings({"PORTAL_DEMO": "1", "PORTAL_HEALTH_MIN_FREE_MB": "viel"})
