"""Settings from the environment: defaults, the demo mode, and bad values that stop start-up."""

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal_app import settings as settings_module
from portal_app.settings import DEMO_SECRET_KEY, SettingsError, load_settings

A_SECRET = "x" * 32


def test_an_empty_demo_environment_gives_the_documented_defaults():
    config = load_settings({"PORTAL_DEMO": "1"})

    assert config.demo is True
    assert config.port == 3000
    assert config.base_url == "http://127.0.0.1:3000"
    assert config.db_url == "sqlite:///data/portal.db"
    assert config.secret_key == DEMO_SECRET_KEY
    assert config.bcrypt_rounds == 12
    assert config.session_idle_minutes == 30
    assert config.session_absolute_hours == 12
    assert config.smtp_host == ""
    assert config.smtp_enabled is False
    assert config.smtp_port == 587
    assert config.smtp_starttls is True
    assert config.mail_from == "kundenportal@hwk.example"
    assert config.mail_poll_seconds == 2.0
    assert config.show_worker is False


def test_production_runs_with_a_long_enough_secret_key():
    config = load_settings({"PORTAL_SECRET_KEY": A_SECRET})

    assert config.demo is False
    assert config.secret_key == A_SECRET


def test_without_demo_mode_a_missing_secret_key_stops_start_up():
    with pytest.raises(SettingsError, match="PORTAL_SECRET_KEY"):
        load_settings({})


def test_a_blank_secret_key_counts_as_missing():
    with pytest.raises(SettingsError, match="PORTAL_SECRET_KEY"):
        load_settings({"PORTAL_SECRET_KEY": "   "})


def test_a_short_secret_key_is_refused_even_in_demo_mode():
    with pytest.raises(SettingsError, match="PORTAL_SECRET_KEY"):
        load_settings({"PORTAL_DEMO": "1", "PORTAL_SECRET_KEY": "x" * 31})


def test_the_base_url_follows_the_port_and_loses_its_trailing_slash():
    assert load_settings({"PORTAL_DEMO": "1", "PORTAL_PORT": "8000"}).base_url == (
        "http://127.0.0.1:8000"
    )
    assert load_settings(
        {"PORTAL_DEMO": "1", "PORTAL_BASE_URL": "https://portal.hwk.example/"}
    ).base_url == ("https://portal.hwk.example")


@pytest.mark.parametrize("value", ["ja", "JA", "true", "1", "on"])
def test_yes_in_several_spellings_switches_a_flag_on(value):
    assert load_settings({"PORTAL_DEMO": value}).demo is True


@pytest.mark.parametrize("value", ["nein", "false", "0", "off"])
def test_no_in_several_spellings_switches_a_flag_off(value):
    assert load_settings({"PORTAL_DEMO": "1", "PORTAL_SMTP_STARTTLS": value}).smtp_starttls is False


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORTAL_PORT", "dreitausend"),
        ("PORTAL_PORT", "0"),
        ("PORTAL_PORT", "65536"),
        ("PORTAL_SMTP_PORT", "-25"),
        ("PORTAL_BCRYPT_ROUNDS", "3"),
        ("PORTAL_SESSION_IDLE_MINUTES", "30.5"),
        ("PORTAL_MAIL_POLL_SECONDS", "schnell"),
    ],
)
def test_a_bad_number_names_its_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({"PORTAL_DEMO": "1", name: value})


@pytest.mark.parametrize("name", ["PORTAL_DEMO", "PORTAL_SMTP_STARTTLS", "PORTAL_SHOW_WORKER"])
def test_a_bad_yes_or_no_names_its_variable(name):
    with pytest.raises(SettingsError, match=name):
        load_settings({"PORTAL_DEMO": "1", name: "vielleicht"})


@pytest.mark.parametrize(
    "value",
    [
        "portal.hwk.example",
        "ftp://portal.hwk.example",
        "https://",
        "https://portal.hwk.example/?a=1",
        "https://portal.hwk.example/#oben",
        "https://portal.hwk.example/?",
        "https://portal.hwk.example/#",
        "javascript:alert(1)",
    ],
)
def test_a_bad_base_url_names_its_variable(value):
    with pytest.raises(SettingsError, match="PORTAL_BASE_URL"):
        load_settings({"PORTAL_DEMO": "1", "PORTAL_BASE_URL": value})


@pytest.mark.parametrize("value", ["kundenportal", "kundenportal@", "Portal <a@hwk.example>"])
def test_a_bad_sender_address_names_its_variable(value):
    with pytest.raises(SettingsError, match="PORTAL_MAIL_FROM"):
        load_settings({"PORTAL_DEMO": "1", "PORTAL_MAIL_FROM": value})


# --- department addresses ---------------------------------------------------------------


def test_department_addresses_have_defaults_and_can_be_set():
    config = load_settings({"PORTAL_DEMO": "1", "PORTAL_MAIL_BETRIEBSBERATUNG": "bb@hwk.de"})
    assert config.mail_consulting == "bb@hwk.de"
    assert config.mail_contact == "kontakt@hwk.example"
    assert config.mail_register == "handwerksrolle@hwk.example"


@pytest.mark.parametrize(
    "name", ["PORTAL_MAIL_KONTAKT", "PORTAL_MAIL_BETRIEBSBERATUNG", "PORTAL_MAIL_HANDWERKSROLLE"]
)
def test_a_bad_department_address_names_its_variable(name):
    with pytest.raises(SettingsError, match=name):
        load_settings({"PORTAL_DEMO": "1", name: "kein-at"})


# --- documents, Vorlagen, SEPA -------------------------------------------------------


def test_the_file_settings_have_documented_defaults():
    config = load_settings({"PORTAL_DEMO": "1"})
    assert config.files_dir == "data/dateien"
    assert config.upload_max_bytes == 20 * 1024 * 1024
    assert config.quota_bytes == 500 * 1024 * 1024
    assert config.creditor_id == "DE98ZZZ09999999999"


def test_sizes_and_creditor_id_can_be_set():
    config = load_settings(
        {"PORTAL_DEMO": "1", "PORTAL_UPLOAD_MAX_MB": "5", "PORTAL_QUOTA_MB": "50",
         "PORTAL_GLAEUBIGER_ID": "de98 zzz0 9999 9999 99", "PORTAL_FILES_DIR": "/srv/dateien"}
    )  # fmt: skip
    assert (config.upload_max_bytes, config.quota_bytes) == (5 * 2**20, 50 * 2**20)
    assert config.creditor_id == "DE98ZZZ09999999999"
    assert config.files_dir == "/srv/dateien"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORTAL_GLAEUBIGER_ID", "DE99ZZZ09999999999"),
        ("PORTAL_GLAEUBIGER_ID", "<script>"),
        ("PORTAL_UPLOAD_MAX_MB", "0"),
        ("PORTAL_UPLOAD_MAX_MB", "zwanzig"),
        ("PORTAL_QUOTA_MB", "-1"),
        ("PORTAL_FILES_DIR", "uploaded_files/dateien"),
        ("PORTAL_FILES_DIR", "assets"),
    ],
)
def test_bad_file_settings_stop_start_up_naming_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({"PORTAL_DEMO": "1", name: value})


def test_the_store_may_not_lie_in_a_custom_public_upload_directory(tmp_path):
    with pytest.raises(SettingsError, match="PORTAL_FILES_DIR"):
        load_settings(
            {"PORTAL_DEMO": "1", "REFLEX_UPLOADED_FILES_DIR": str(tmp_path),
             "PORTAL_FILES_DIR": str(tmp_path / "privat")}
        )  # fmt: skip


def test_the_footer_can_be_told_to_name_the_worker_process():
    assert load_settings({"PORTAL_DEMO": "1", "PORTAL_SHOW_WORKER": "1"}).show_worker is True


# --- declared once --------------------------------------------------------------------------


def test_every_setting_is_declared_with_a_variable_a_default_and_a_one_line_meaning():
    variables = [rule.variable for _attribute, _kind, rule in settings_module.declared()]
    assert len(variables) == len(set(variables)), "a variable is declared twice"
    for attribute, kind, rule in settings_module.declared():
        assert rule.meaning and "\n" not in rule.meaning, attribute
        if kind in (int, float):
            assert rule.low <= rule.default <= rule.high, f"{attribute}: default out of bounds"
        else:
            assert isinstance(rule.default, kind), f"{attribute}: default is not a {kind.__name__}"


def test_every_attribute_of_the_settings_is_declared_with_setting():
    undeclared = [
        field.name
        for field in dataclasses.fields(settings_module.Settings)
        if "setting" not in field.metadata
    ]
    assert undeclared == [], "declare it with setting(variable, default, meaning)"


@pytest.mark.parametrize(
    ("name", "value", "attribute", "expected"),
    [
        ("PORTAL_BCRYPT_ROUNDS", "16", "bcrypt_rounds", 16),
        ("PORTAL_BCRYPT_ROUNDS", "4", "bcrypt_rounds", 4),
        ("PORTAL_MAIL_POLL_SECONDS", "0.5", "mail_poll_seconds", 0.5),
        ("PORTAL_SMTP_USER", "  portal  ", "smtp_user", "portal"),
        ("PORTAL_SMTP_PASSWORD", " mit Leerzeichen ", "smtp_password", " mit Leerzeichen "),
        ("PORTAL_SMTP_HOST", "mail.hwk.example", "smtp_host", "mail.hwk.example"),
        ("REFLEX_DB_URL", "postgresql+psycopg://p@db/k", "db_url", "postgresql+psycopg://p@db/k"),
    ],
)
def test_a_value_in_the_environment_reaches_its_attribute(name, value, attribute, expected):
    assert getattr(load_settings({"PORTAL_DEMO": "1", name: value}), attribute) == expected


def test_an_empty_variable_counts_as_unset():
    config = load_settings({"PORTAL_DEMO": "1", "PORTAL_PORT": " ", "PORTAL_MAIL_KONTAKT": ""})
    assert (config.port, config.mail_contact) == (3000, "kontakt@hwk.example")


def test_a_number_out_of_bounds_says_the_bounds():
    with pytest.raises(SettingsError, match="PORTAL_BCRYPT_ROUNDS: must lie between 4 and 16"):
        load_settings({"PORTAL_DEMO": "1", "PORTAL_BCRYPT_ROUNDS": "17"})


def test_a_bad_value_stops_the_import_with_a_message_naming_the_variable(tmp_path):
    started = subprocess.run(
        [sys.executable, "-c", "import portal_app.settings"],
        env={"PATH": "/usr/bin:/bin", "PORTAL_DEMO": "1", "PORTAL_PORT": "null"},
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert started.returncode != 0
    assert "PORTAL_PORT: expected a number, got 'null'" in started.stderr


# --- who may talk to the backend; where demo mode listens ----------------------------------


def test_the_backend_answers_the_base_urls_origin_and_the_declared_ones():
    production = load_settings(
        {"PORTAL_SECRET_KEY": A_SECRET, "PORTAL_BASE_URL": "https://Portal.hwk.example/",
         "PORTAL_ALLOWED_ORIGINS": "https://intern.hwk.example, https://hwk.example:8443"}
    )  # fmt: skip
    assert production.origins == (
        "https://portal.hwk.example", "https://intern.hwk.example", "https://hwk.example:8443"
    )  # fmt: skip
    local = load_settings({"PORTAL_DEMO": "1", "PORTAL_PORT": "8080"})
    assert local.origins == ("http://127.0.0.1:8080", "http://localhost:8080")


@pytest.mark.parametrize("value", ["portal.hwk.example", "https://hwk.example/pfad", "*"])
def test_an_origin_that_is_not_one_stops_start_up(value):
    with pytest.raises(SettingsError, match="PORTAL_ALLOWED_ORIGINS"):
        load_settings({"PORTAL_SECRET_KEY": A_SECRET, "PORTAL_ALLOWED_ORIGINS": value})


def test_demo_mode_listens_only_on_this_machine():
    assert load_settings({"PORTAL_DEMO": "1"}).host == "127.0.0.1"
    with pytest.raises(SettingsError, match="PORTAL_HOST: demo mode"):
        load_settings({"PORTAL_DEMO": "1", "PORTAL_HOST": "0.0.0.0"})  # noqa: S104
    everywhere = "0.0.0.0"  # noqa: S104 (allowed outside demo mode)
    production = load_settings({"PORTAL_SECRET_KEY": A_SECRET, "PORTAL_HOST": everywhere})
    assert production.host == everywhere


def test_make_run_without_a_secret_key_refuses_to_listen_on_a_public_address():
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env["PORTAL_HOST"] = "0.0.0.0"  # noqa: S104 (the address refused)
    started = subprocess.run(
        [str(root / "scripts" / "run.sh")], env=env, capture_output=True, text=True, timeout=120
    )
    assert started.returncode != 0
    assert "PORTAL_HOST: demo mode" in started.stdout + started.stderr


def test_an_operator_command_without_settings_says_in_german_what_to_do(tmp_path):
    """In a plain shell: no demo mode by itself (a server's database could be the default
    file), but how to get it on the development machine and what to use on the server."""
    portal = Path(sys.executable).parent / "portal"
    plain = {"HOME": str(tmp_path), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}
    stopped = subprocess.run(
        [portal, "mail", "status"], env=plain, cwd=tmp_path, capture_output=True, text=True
    )
    assert stopped.returncode == 1
    assert "PORTAL_SECRET_KEY fehlt" in stopped.stderr
    assert "PORTAL_DEMO=1 .venv/bin/portal mail status" in stopped.stderr
    assert "kundenportal" in stopped.stderr and "/etc/kundenportal/portal.env" in stopped.stderr
    assert not (tmp_path / "data").exists()  # nothing opened, nothing made
    helped = subprocess.run([portal, "--help"], env=plain, capture_output=True, text=True)
    assert helped.returncode == 0 and "Betriebsbefehle" in helped.stdout
